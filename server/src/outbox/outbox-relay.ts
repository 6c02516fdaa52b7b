import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { In, IsNull, LessThan, LessThanOrEqual, type FindOptionsWhere } from 'typeorm';
import { Clock } from '../common/clock.js';
import { PeriodicTask } from '../common/periodic-task.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DomainEvent } from '../events/domain-event.entity.js';
import { JobName } from '../queue/jobs.js';
import { QUEUE_DRIVER, type QueueDriver } from '../queue/queue-driver.js';
import { Reminder, ReminderStatus } from '../reminders/reminder.entity.js';
import { lostJobSweepDue } from './outbox.rules.js';

const BATCH = 500;
const REMINDERS_PER_JOB = 50;
// Queued but neither sent nor held for this long: the job was lost (say, Redis restarted empty); queue it again.
export const LOST_JOB_MS = 10 * 60 * 1000;

/**
 * Moves committed work to the queue: outbox events, then reminders not yet queued. Marked queued only
 * after the queue took them; a crash in between re-sends, and the jobId makes the re-send a no-op.
 * Done is decided by the handlers (event handled, reminder sent): whatever was queued but is not done
 * within LOST_JOB_MS is queued again with a new generation (looked for at most once a minute per
 * relay process). If Redis is down or loses its data, nothing is lost: the rows wait in the database
 * and go on a later pass.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('outbox');
  // A failed pass is retried by the next tick; runOnce has logged it.
  private readonly task = new PeriodicTask(() => this.runOnce(), () => undefined);
  private lastSweepAt: Date | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap() {
    this.task.start(this.config.outboxPollMs);
  }

  async onApplicationShutdown() {
    await this.task.stop();
  }

  /** One pass until nothing is left; returns how many rows went to the queue. */
  async runOnce(): Promise<{ events: number; reminders: number }> {
    const moved = { events: 0, reminders: 0 };
    try {
      await this.sweepLostJobs();
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
    const pending = await repository.find({ select: { id: true, generation: true }, where: { handledAt: IsNull(), deadAt: IsNull(), enqueuedAt: IsNull() }, order: { id: 'ASC' }, take: BATCH });
    if (!pending.length) return 0;
    await this.queue.addBulk(pending.map((event) => ({ name: JobName.HandleDomainEvent, payload: { eventId: event.id }, jobId: eventJobId(event) })));
    await repository.update({ id: In(pending.map((e) => e.id)), enqueuedAt: IsNull() }, { enqueuedAt: this.clock.stamp() });
    return pending.length;
  }

  /** Once a minute at most (on the injectable clock), not on every poll: lost jobs are rare, and a lease is 10 minutes. */
  private async sweepLostJobs() {
    const now = this.clock.now();
    if (!lostJobSweepDue(this.lastSweepAt, now)) return;
    const lostBefore = new Date(now.getTime() - LOST_JOB_MS);
    const events = await this.requeueLost(DomainEvent, { handledAt: IsNull(), deadAt: IsNull() }, lostBefore);
    const reminders = await this.requeueLost(Reminder, { status: ReminderStatus.Scheduled }, lostBefore);
    if (events) this.logger.warn({ msg: 'outbox events queued but never handled: queued again', events });
    if (reminders) this.logger.warn({ msg: 'reminders queued but never sent: queued again', reminders });
    this.lastSweepAt = now;
  }

  /**
   * Rows queued before `lostBefore`, not done, and unclaimed or claimed as long ago (their job was lost):
   * found by a plain consistent read, then each queued again by primary key, only if unchanged since.
   * No range UPDATE: under REPEATABLE READ it would take next-key locks on the index that answers
   * (events) and planning (reminders) insert into,
   * and TiDB has no such locks to rely on.
   */
  private async requeueLost<T extends DomainEvent | Reminder>(entity: new () => T, notDone: FindOptionsWhere<T>, lostBefore: Date): Promise<number> {
    const repository = this.transactions.dataSource.getRepository<DomainEvent | Reminder>(entity);
    const queuedLongAgo = { ...notDone, enqueuedAt: LessThan(lostBefore) } as FindOptionsWhere<DomainEvent | Reminder>;
    const again = { enqueuedAt: null, claimToken: null, claimedAt: null, generation: () => 'generation + 1' };
    let requeued = 0;
    for (;;) {
      const lost = await repository.find({
        select: { id: true, generation: true, claimToken: true },
        where: [{ ...queuedLongAgo, claimToken: IsNull() }, { ...queuedLongAgo, claimedAt: LessThan(lostBefore) }],
        take: BATCH,
      });
      let moved = 0;
      for (const row of lost) {
        const stillLost = row.claimToken === null ? { claimToken: IsNull() } : { claimToken: row.claimToken, claimedAt: LessThan(lostBefore) };
        const result = await repository.update({ ...queuedLongAgo, id: row.id, generation: row.generation, ...stillLost } as FindOptionsWhere<DomainEvent | Reminder>, again);
        moved += result.affected ?? 0;
      }
      requeued += moved;
      // A short page is the last; a page of which nothing moved (all taken meanwhile) must not be read again for ever.
      if (lost.length < BATCH || moved === 0) return requeued;
    }
  }

  /** Due reminders only: deferred ones (quiet hours, backoff) wait in the database, not in Redis. */
  private async reminders(): Promise<number> {
    const repository = this.transactions.dataSource.getRepository(Reminder);
    const now = this.clock.now();
    const pending = await repository.find({
      select: { id: true, generation: true },
      where: { status: ReminderStatus.Scheduled, enqueuedAt: IsNull(), sendAfter: LessThanOrEqual(now) },
      // The order of ix_reminder_due (status, enqueuedAt, sendAfter, id): a range read, never a sort of the table.
      order: { sendAfter: 'ASC', id: 'ASC' },
      take: BATCH,
    });
    if (!pending.length) return 0;
    const jobs = [];
    for (let i = 0; i < pending.length; i += REMINDERS_PER_JOB) {
      const batch = pending.slice(i, i + REMINDERS_PER_JOB);
      const reminderIds = batch.map((r) => r.id);
      // The same batch after a relay crash gets the same job id, so it is not queued twice; a reminder
      // sent back to the queue has a new generation, so a kept job id cannot swallow it.
      const identity = batch.map((r) => `${r.id}:${r.generation}`).join(',');
      const jobId = `reminders-${createHash('sha256').update(identity).digest('hex').slice(0, 32)}`;
      jobs.push({ name: JobName.DeliverReminders as const, payload: { reminderIds }, jobId });
    }
    await this.queue.addBulk(jobs);
    await repository.update({ id: In(pending.map((r) => r.id)) }, { enqueuedAt: this.clock.stamp() });
    return pending.length;
  }

}

/** A lost job's event comes back with a new generation, so a job id BullMQ still keeps cannot swallow it. */
function eventJobId(event: Pick<DomainEvent, 'id' | 'generation'>): string {
  return `event-${event.id}-g${event.generation}`;
}
