import { Inject, Injectable } from '@nestjs/common';
import type { StaffActor } from '../auth/actor.js';
import { AppException, notFound } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { rawDateToIso } from '../common/raw-date.js';
import { ConsultationHousehold } from '../consultations/consultation-household.entity.js';
import { answerWindow } from '../consultations/consultation.rules.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AccessService } from '../places/access.service.js';
import { Household } from '../places/household.entity.js';
import { HouseholdResponse } from '../responses/household-response.entity.js';
import { ReminderPlanner } from './reminder-planner.js';
import { policyOf, type Policy } from './reminder-policies.js';
import { ReminderPolicy } from './reminder-policy.entity.js';
import { Reminder, ReminderKind, ReminderStatus } from './reminder.entity.js';
import { reminderTexts } from './reminder-texts.js';

const LIST_LIMIT = 500;


/** What committee staff see and steer: the reminders of a consultation, its policy, pauses and nudges. */
@Injectable()
export class RemindersService {
  constructor(
    @Inject(ConsultationsService) private readonly consultations: ConsultationsService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(ReminderPlanner) private readonly planner: ReminderPlanner,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async overview(actor: StaffActor, consultationId: string, status?: ReminderStatus) {
    await this.consultations.forStaff(actor, consultationId);
    const manager = this.transactions.dataSource.manager;
    const counts = await manager
      .createQueryBuilder(Reminder, 'r')
      .select('r.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('r.consultationId = :consultationId', { consultationId })
      .groupBy('r.status')
      .getRawMany<{ status: ReminderStatus; count: string | number }>();
    const query = manager
      .createQueryBuilder(Reminder, 'r')
      .leftJoin(Household, 'h', 'h.id = r.householdId')
      .select(['r.id AS id', 'r.kind AS kind', 'r.status AS status', 'r.channel AS channel', 'r.householdId AS householdId', 'h.label AS householdLabel'])
      .addSelect(['r.title AS title', 'r.sendAfter AS sendAfter', 'r.sentAt AS sentAt', 'r.lastError AS lastError', 'r.createdAt AS createdAt'])
      .where('r.consultationId = :consultationId', { consultationId })
      .orderBy('r.createdAt', 'DESC')
      .limit(LIST_LIMIT);
    if (status) query.andWhere('r.status = :status', { status });
    return {
      policy: await policyOf(manager, consultationId),
      counts: Object.fromEntries(Object.values(ReminderStatus).map((s) => [s, Number(counts.find((c) => c.status === s)?.count ?? 0)])),
      reminders: (await query.getRawMany<Record<string, unknown>>()).map((row) => ({
        ...row,
        sendAfter: rawDateToIso(row.sendAfter),
        sentAt: rawDateToIso(row.sentAt),
        createdAt: rawDateToIso(row.createdAt),
      })),
    };
  }

  async updatePolicy(actor: StaffActor, consultationId: string, changes: Partial<Policy>): Promise<Policy> {
    await this.consultations.forStaff(actor, consultationId);
    return this.transactions.run(async (manager) => {
      // A DTO instance carries every field, unset ones as undefined: only the ones sent change.
      const sent = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      const policy = { ...(await policyOf(manager, consultationId)), ...sent };
      if (changes.daysBefore) policy.daysBefore = [...new Set(changes.daysBefore)].sort((a, b) => b - a);
      await manager.save(manager.create(ReminderPolicy, { consultationId, ...policy }));
      return policy;
    });
  }

  setPaused(actor: StaffActor, consultationId: string, paused: boolean) {
    return this.updatePolicy(actor, consultationId, { paused });
  }

  /** A manual reminder to one household now (subject to quiet hours and the daily cap). */
  async nudge(actor: StaffActor, householdId: string, consultationId: string) {
    const consultation = await this.consultations.forStaff(actor, consultationId);
    await this.access.householdFor(actor, householdId);
    if (answerWindow(consultation, this.clock.now()) !== 'OPEN') throw new AppException('CONSULTATION_CLOSED', '征询未在进行中，无需提醒');
    return this.transactions.run(async (manager) => {
      if (!(await manager.existsBy(ConsultationHousehold, { consultationId, householdId }))) throw notFound('该房屋不在本次征询范围内，或房屋');
      if (await manager.existsBy(HouseholdResponse, { consultationId, householdId })) throw new AppException('CONFLICT', '该住户已经填写，无需提醒');
      const now = this.clock.now();
      const [reminder] = await this.planner.plan(
        manager,
        [{ kind: ReminderKind.ManualNudge, consultationId, householdId, dedupeKey: `nudge:${consultationId}:${householdId}:${now.getTime()}`, capped: true, createdByStaffId: actor.id, ...reminderTexts.nudge(consultation) }],
        now,
        await policyOf(manager, consultationId),
      );
      if (!reminder) throw new AppException('CONFLICT', '今天已经提醒过该住户，请明天再提醒或上门沟通');
      return { id: reminder.id, status: reminder.status, sendAfter: reminder.sendAfter.toISOString() };
    });
  }

  /** Puts a dead-lettered reminder back on the queue (after, say, fixing a phone number). */
  async retry(actor: StaffActor, consultationId: string, reminderId: string) {
    await this.consultations.forStaff(actor, consultationId);
    const repository = this.transactions.dataSource.getRepository(Reminder);
    const reminder = await repository.findOneBy({ id: reminderId, consultationId });
    if (!reminder) throw notFound('提醒');
    if (reminder.status !== ReminderStatus.Dead) throw new AppException('CONFLICT', '只有发送失败的提醒可以重发');
    await repository.update({ id: reminderId, status: ReminderStatus.Dead }, { status: ReminderStatus.Scheduled, enqueuedAt: null, attempts: 0, generation: reminder.generation + 1, claimToken: null, claimedAt: null, lastError: null, sendAfter: this.clock.stamp() });
    return { id: reminderId, status: ReminderStatus.Scheduled };
  }
}
