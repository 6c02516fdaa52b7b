import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { GroupState } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import { IsNull, LessThan, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ConsultationGroup } from '../consultations/consultation-group.entity.js';
import { ConsultationHousehold } from '../consultations/consultation-household.entity.js';
import { Consultation } from '../consultations/consultation.entity.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DomainEvent, DomainEventType } from '../events/domain-event.entity.js';
import { eventVerdict } from '../events/domain-event.rules.js';
import { JobRegistry } from '../queue/job-registry.js';
import { JobName } from '../queue/jobs.js';
import { ReminderPlanner } from './reminder-planner.js';
import { policyOf } from './reminder-policies.js';
import { ReminderKind } from './reminder.entity.js';
import { reachedNoticeKey } from './reminder.rules.js';
import { reminderTexts } from './reminder-texts.js';

/**
 * Turns outbox events into reminders: a consultation opening, a unit reaching its decision. An event
 * is claimed (so two workers do not plan it at once), planned, and marked handled in the planning
 * transaction: only then is it done. A lost job leaves it unhandled, and the relay queues it again.
 * Every claim counts an attempt; after EVENT_MAX_ATTEMPTS unfinished ones the event is parked as dead.
 */
@Injectable()
export class DomainEventHandler implements OnModuleInit {
  private readonly logger = new Logger('outbox');

  constructor(
    @Inject(JobRegistry) private readonly registry: JobRegistry,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(ReminderPlanner) private readonly planner: ReminderPlanner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onModuleInit() {
    this.registry.register(JobName.HandleDomainEvent, (payload) => this.handle(payload.eventId));
  }

  /** Idempotent: handled events are left alone, and every reminder has a dedupe key naming what it tells. */
  async handle(eventId: number): Promise<void> {
    const token = randomUUID();
    const event = await this.claim(eventId, token);
    if (!event) return; // handled or parked already, or held by a live worker (which finishes it, or loses its lease)
    // The attempts before this one never finished, not even by failing (their workers died): it is not tried again.
    if (eventVerdict(event.attempts - 1) === 'park') return this.park(event, token, 'handling never finished (worker died each time)');
    try {
      await this.transactions.run(async (manager) => {
        if (event.type === DomainEventType.ConsultationOpened) await this.onOpened(manager, event);
        if (event.type === DomainEventType.GroupStateChanged && event.payload.to === GroupState.Reached) await this.onReached(manager, event);
        await manager.update(DomainEvent, { id: event.id, handledAt: IsNull() }, { handledAt: this.clock.stamp(), claimToken: null, claimedAt: null });
      });
    } catch (error) {
      const detail = String(error).slice(0, 300);
      // Parked, the job ends here: a poison event is not re-queued every lease for ever.
      if (eventVerdict(event.attempts) === 'park') return this.park(event, token, detail);
      // Free it at once for the queue's retry, rather than after the lease.
      await this.transactions.dataSource.getRepository(DomainEvent).update({ id: event.id, claimToken: token }, { claimToken: null, claimedAt: null, lastError: detail });
      throw error;
    }
  }

  /** Dead: kept (unhandled, with its error) for an operator, never queued again. */
  private async park(event: DomainEvent, token: string, detail: string) {
    await this.transactions.dataSource.getRepository(DomainEvent).update({ id: event.id, claimToken: token, handledAt: IsNull() }, { deadAt: this.clock.stamp(), lastError: detail, claimToken: null, claimedAt: null });
    this.logger.error({ msg: 'outbox event dead-lettered after repeated failures', eventId: event.id, type: event.type, subjectId: event.subjectId, attempts: event.attempts, error: detail });
  }

  /** Takes the event unless it is handled, parked or held by a live handler; a claim older than the queue lock is free (its worker died). Counts an attempt. */
  private async claim(eventId: number, token: string): Promise<DomainEvent | null> {
    const now = this.clock.stamp();
    const staleBefore = new Date(now.getTime() - this.config.queue.lockDurationMs);
    const repository = this.transactions.dataSource.getRepository(DomainEvent);
    const take = { claimToken: token, claimedAt: now, attempts: () => 'attempts + 1' };
    await repository.update({ id: eventId, handledAt: IsNull(), deadAt: IsNull(), claimToken: IsNull() }, take);
    await repository.update({ id: eventId, handledAt: IsNull(), deadAt: IsNull(), claimedAt: LessThan(staleBefore) }, take);
    return repository.findOneBy({ id: eventId, claimToken: token, handledAt: IsNull(), deadAt: IsNull() });
  }

  /** The opening announcement does not use the day's reminder: staff may still nudge on the first day. */
  private async onOpened(manager: EntityManager, event: DomainEvent) {
    const consultationId = String(event.payload.consultationId);
    const consultation = await manager.findOneByOrFail(Consultation, { id: consultationId });
    const policy = await policyOf(manager, consultationId);
    if (!policy.onOpen) return;
    const voters = await manager.find(ConsultationHousehold, { select: { householdId: true }, where: { consultationId } });
    const text = reminderTexts.opened(consultation);
    await this.planner.plan(
      manager,
      voters.map((v) => ({ kind: ReminderKind.ConsultationOpened, consultationId, householdId: v.householdId, dedupeKey: `opened:${consultationId}:${v.householdId}`, capped: false, ...text })),
      this.clock.now(),
      policy,
    );
  }

  /**
   * Plans only while the group is still REACHED: a stale event (the unit has dropped back since) plans
   * nothing, and the later REACHED event, if any, does. One notice per household and group, however
   * often the group flips; one skipped because the group had dropped back goes out now after all.
   */
  private async onReached(manager: EntityManager, event: DomainEvent) {
    const consultationId = String(event.payload.consultationId);
    const group = await manager.findOneBy(ConsultationGroup, { id: event.subjectId });
    if (group?.state !== GroupState.Reached) return;
    const consultation = await manager.findOneByOrFail(Consultation, { id: consultationId });
    const policy = await policyOf(manager, consultationId);
    if (!policy.notifyOnReached) return;
    const voters = await manager.find(ConsultationHousehold, { select: { householdId: true }, where: { consultationId, groupId: event.subjectId } });
    const text = reminderTexts.reached(consultation, String(event.payload.label ?? ''));
    const keys = voters.map((v) => reachedNoticeKey(consultationId, event.subjectId, v.householdId));
    const now = this.clock.now();
    await this.planner.plan(
      manager,
      voters.map((v, i) => ({ kind: ReminderKind.GroupReached, consultationId, householdId: v.householdId, dedupeKey: keys[i], capped: false, ...text })),
      now,
      policy,
    );
    await this.planner.reviveReached(manager, keys, now, policy);
  }
}
