import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { Clock } from '../common/clock.js';
import type { AppConfig } from '../config/app-config.js';
import type { TransactionRunner } from '../database/transaction-runner.js';
import type { ReminderPlanner } from './reminder-planner.js';
import { ReminderSweepTask } from './reminder-sweep-task.js';

/** A sweep whose run only counts (or fails), every `everyMs` of its own setting. */
class CountingSweep extends ReminderSweepTask {
  protected readonly log = { context: 'counting', failure: 'counting sweep failed' };
  runs = 0;

  constructor(
    private readonly everyMs: number,
    private readonly fails = false,
  ) {
    super({} as AppConfig, {} as TransactionRunner, {} as ReminderPlanner, {} as Clock);
  }

  protected intervalMs() {
    return this.everyMs;
  }

  async run() {
    this.runs++;
    if (this.fails) throw new Error('database away');
    return { planned: 0 };
  }
}

/** Every reminder sweep (deadlines, works, acceptance) gets its timer from here: the reminders go out without anyone running them. */
describe('ReminderSweepTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs every interval of its own setting from boot, and no more once shut down', async () => {
    const sweep = new CountingSweep(1000);
    sweep.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(3500);
    expect(sweep.runs).toBe(3);
    await sweep.onApplicationShutdown();
    await jest.advanceTimersByTimeAsync(5000);
    expect(sweep.runs).toBe(3);
  });

  it('stays off at 0 (tests run it by hand)', async () => {
    const sweep = new CountingSweep(0);
    sweep.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(sweep.runs).toBe(0);
    await sweep.onApplicationShutdown();
  });

  it('logs a failed run under its own name and tries again at the next interval', async () => {
    const logged: unknown[] = [];
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(function (this: Logger, message: unknown) {
      logged.push([(this as unknown as { context?: string }).context, message]);
    });
    try {
      const sweep = new CountingSweep(1000, true);
      sweep.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(2500);
      await sweep.onApplicationShutdown();
      expect(sweep.runs).toBe(2);
      expect(logged).toEqual([
        ['counting', { msg: 'counting sweep failed', error: 'Error: database away' }],
        ['counting', { msg: 'counting sweep failed', error: 'Error: database away' }],
      ]);
    } finally {
      error.mockRestore();
    }
  });
});
