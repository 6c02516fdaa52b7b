import { Injectable } from '@nestjs/common';

/** The current time, injectable so that tests can move it (invite expiry, rate-limit windows). */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Now, to the whole second: what a DATETIME column stores on every database, so hashes and replies match the stored row. */
  stamp(): Date {
    return new Date(Math.floor(this.now().getTime() / 1000) * 1000);
  }

  /** Test hook: makes "now" this moment (time then runs on from it). */
  set(at: Date) {
    this.offsetMs = at.getTime() - Date.now();
  }

  /** Test hook: moves "now" forward. */
  advance(ms: number) {
    this.offsetMs += ms;
  }
}
