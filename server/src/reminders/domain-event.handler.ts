import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { GroupState } from '@linyi/shared';
import { Clock } from '../common/clock.js';
import { ConsultationHousehold } from '../consultations/consultation-household.entity.js';
import { Consultation } from '../consultations/consultation.entity.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DomainEvent, DomainEventType } from '../events/domain-event.entity.js';
import { JobRegistry } from '../queue/job-registry.js';
import { JobName } from '../queue/jobs.js';
import { ReminderPlanner } from './reminder-planner.js';
import { policyOf } from './reminder-policies.js';
import { ReminderKind } from './reminder.entity.js';
import { reminderTexts } from './reminder-texts.js';

/** Turns outbox events into reminders: a consultation opening, a unit reaching its decision. */
@Injectable()
export class DomainEventHandler implements OnModuleInit {
  constructor(
    @Inject(JobRegistry) private readonly registry: JobRegistry,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(ReminderPlanner) private readonly planner: ReminderPlanner,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onModuleInit() {
    this.registry.register(JobName.HandleDomainEvent, (payload) => this.handle(payload.eventId));
  }

  /** Idempotent: every reminder it plans has a dedupe key derived from the event. */
  async handle(eventId: number): Promise<void> {
    const manager = this.transactions.dataSource.manager;
    const event = await manager.findOneBy(DomainEvent, { id: eventId });
    if (!event) return;
    if (event.type === DomainEventType.ConsultationOpened) await this.onOpened(event);
    if (event.type === DomainEventType.GroupStateChanged && event.payload.to === GroupState.Reached) await this.onReached(event);
  }

  /** The opening announcement does not use the day's reminder: staff may still nudge on the first day. */
  private async onOpened(event: DomainEvent) {
    const consultationId = String(event.payload.consultationId);
    await this.transactions.run(async (manager) => {
      const consultation = await manager.findOneByOrFail(Consultation, { id: consultationId });
      const policy = await policyOf(manager, consultationId);
      if (!policy.onOpen) return;
      const voters = await manager.find(ConsultationHousehold, { select: { householdId: true }, where: { consultationId } });
      const text = reminderTexts.opened(consultation);
      const now = this.clock.now();
      await this.planner.plan(
        manager,
        voters.map((v) => ({ kind: ReminderKind.ConsultationOpened, consultationId, householdId: v.householdId, dedupeKey: `opened:${consultationId}:${v.householdId}`, capped: false, ...text })),
        now,
        policy,
      );
    });
  }

  private async onReached(event: DomainEvent) {
    const consultationId = String(event.payload.consultationId);
    await this.transactions.run(async (manager) => {
      const consultation = await manager.findOneByOrFail(Consultation, { id: consultationId });
      const policy = await policyOf(manager, consultationId);
      if (!policy.notifyOnReached) return;
      const voters = await manager.find(ConsultationHousehold, { select: { householdId: true }, where: { consultationId, groupId: event.subjectId } });
      const text = reminderTexts.reached(consultation, String(event.payload.label ?? ''));
      await this.planner.plan(
        manager,
        voters.map((v) => ({ kind: ReminderKind.GroupReached, consultationId, householdId: v.householdId, dedupeKey: `reached:${event.id}:${v.householdId}`, capped: false, ...text })),
        this.clock.now(),
        policy,
      );
    });
  }
}
