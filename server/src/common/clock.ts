import { Injectable } from '@nestjs/common';

/** The current time, injectable so that tests can move it (invite expiry, rate-limit windows). */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Test hook: moves "now" forward. */
  advance(ms: number) {
    this.offsetMs += ms;
  }
}
