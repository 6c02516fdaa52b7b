import { Inject, Injectable } from '@nestjs/common';
import { AppException } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';

export const MAX_FAILURES_PER_USER = 5;
// Higher per address: a whole committee office may sign in from behind one NAT address.
export const MAX_FAILURES_PER_ADDRESS = 30;
export const WINDOW_MS = 15 * 60 * 1000;

/**
 * Counts failed staff sign-ins per username and per client address; too many → 429 until the
 * window passes. In memory: one API process per deployment for now (see docs/architecture.md).
 */
@Injectable()
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(@Inject(Clock) private readonly clock: Clock) {}

  assertAllowed(keys: string[]) {
    const limitOf = (key: string) => (key.startsWith('ip:') ? MAX_FAILURES_PER_ADDRESS : MAX_FAILURES_PER_USER);
    if (keys.some((key) => this.recent(key).length >= limitOf(key))) {
      throw new AppException('TOO_MANY_ATTEMPTS', '登录失败次数过多，请 15 分钟后再试');
    }
  }

  recordFailure(keys: string[]) {
    for (const key of keys) this.failures.set(key, [...this.recent(key), this.clock.now().getTime()]);
  }

  reset(keys: string[]) {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.clock.now().getTime() - WINDOW_MS;
    return (this.failures.get(key) ?? []).filter((at) => at > since);
  }
}
