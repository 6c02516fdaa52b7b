import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DomainEvent } from '../events/domain-event.entity.js';
import { JobName } from '../queue/jobs.js';
import { QUEUE_DRIVER, type QueueDriver } from '../queue/queue-driver.js';
import { Reminder, ReminderStatus } from '../reminders/reminder.entity.js';

const BATCH = 500;

/**
 * Moves committed work to the queue: outbox events, then reminders not yet queued. Marked only after
 * the queue took them; a crash in between re-sends, and the jobId makes the re-send a no-op.
 * If Redis is down nothing is lost: the rows wait and go on a later pass.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('outbox');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap() {
    if (this.config.outboxPollMs <= 0) return;
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.runOnce().catch(() => undefined).finally(() => (this.running = null));
    }, this.config.outboxPollMs);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass until nothing is left; returns how many rows went to the queue. */
  async runOnce(): Promise<{ events: number; reminders: number }> {
    const moved = { events: 0, reminders: 0 };
    try {
      for (let batch = await this.events(); batch > 0; batch = await this.events()) moved.events += batch;
      for (let batch = await this.reminders(); batch > 0; batch = await this.reminders()) moved.reminders += batch;
    } catch (error) {
      this.logger.warn({ msg: 'relay pass stopped; will retry', error: String(error), ...moved });
      throw error;
    }
    return moved;
  }

  private async events(): Promise<number> {
    const repository = this.transactions.dataSource.getRepository(DomainEvent);
    const pending = await repository.find({ select: { id: true }, where: { dispatchedAt: IsNull() }, order: { id: 'ASC' }, take: BATCH });
    if (!pending.length) return 0;
    await this.queue.addBulk(pending.map((event) => ({ name: JobName.HandleDomainEvent, payload: { eventId: event.id }, jobId: `event-${event.id}` })));
    await repository.update({ id: In(pending.map((e) => e.id)) }, { dispatchedAt: this.clock.stamp() });
    return pending.length;
  }

  private async reminders(): Promise<number> {
    const repository = this.transactions.dataSource.getRepository(Reminder);
    const pending = await repository.find({ select: { id: true, sendAfter: true, requeues: true }, where: { enqueuedAt: IsNull(), status: ReminderStatus.Scheduled }, take: BATCH });
    if (!pending.length) return 0;
    await this.queue.addBulk(pending.map((r) => ({ name: JobName.DeliverReminder, payload: { reminderId: r.id }, jobId: `reminder-${r.id}-${r.requeues}`, runAt: r.sendAfter })));
    await repository.update({ id: In(pending.map((r) => r.id)) }, { enqueuedAt: this.clock.stamp() });
    return pending.length;
  }
}
