import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { PeriodicTask } from '../common/periodic-task.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { ReminderPlanner } from './reminder-planner.js';

/**
 * What every reminder sweep shares: the services it plans through, and its timer, started at boot
 * (0 leaves it off: tests call `run()` by hand) and awaited at shutdown. A failed run is logged and
 * the next one tries again; dedupe keys make a re-run safe.
 */
@Injectable()
export abstract class ReminderSweepTask implements OnApplicationBootstrap, OnApplicationShutdown {
  /** The logger's context and what a failed run says. */
  protected abstract readonly log: { context: string; failure: string };
  private readonly task = new PeriodicTask(
    () => this.run(),
    (error) => new Logger(this.log.context).error({ msg: this.log.failure, error: String(error) }),
  );

  constructor(
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
    @Inject(TransactionRunner) protected readonly transactions: TransactionRunner,
    @Inject(ReminderPlanner) protected readonly planner: ReminderPlanner,
    @Inject(Clock) protected readonly clock: Clock,
  ) {}

  /** Plans what is due now; how many reminders it planned. */
  abstract run(): Promise<{ planned: number }>;

  /** How often it runs, from the configuration. */
  protected abstract intervalMs(): number;

  onApplicationBootstrap() {
    this.task.start(this.intervalMs());
  }

  onApplicationShutdown() {
    return this.task.stop();
  }
}
