import { Inject, Injectable } from '@nestjs/common';
import { ConsultationStatus, finalResultRefusals, GroupState, ObjectionStatus, objectionClosesAt, PublicityStage, type PublicityGroup, type PublicityView } from '@linyi/shared';
import type { EntityManager } from 'typeorm';
import type { StaffActor } from '../auth/actor.js';
import { AuditService, consultationChain } from '../audit/audit.service.js';
import { wantCheckpoint } from '../audit/checkpoint-signal.js';
import { AppException } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import type { Consultation } from '../consultations/consultation.entity.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import { ReminderPlanner } from '../reminders/reminder-planner.js';
import { policyOf } from '../reminders/reminder-policies.js';
import { ReminderKind } from '../reminders/reminder.entity.js';
import { ConsultationPublicity } from './consultation-publicity.entity.js';
import { PublicityAccess } from './publicity-access.js';
import { PublicityObjection } from './publicity-objection.entity.js';
import { countNow, storeSnapshot } from './publicity-snapshot.js';
import { beijingTime, publicityReminderTexts } from './publicity-texts.js';
import { PublicityService, toPublicityView } from './publicity.service.js';

const staff = (actor: StaffActor) => `staff:${actor.id}`;

/** What each household is told, keyed on the consultation, the stage and the household: a replay tells nobody twice. */
export const publicityReminderKey = {
  preliminary: (consultationId: string, householdId: string) => `prelim-result:${consultationId}:${householdId}`,
  final: (consultationId: string, householdId: string) => `final-result:${consultationId}:${householdId}`,
};

/**
 * Publishing a consultation's result: the preliminary result, counted once the consultation has
 * closed and opening the objection window; then, on the locked publicity row, the final result once
 * the window has closed and every objection is answered. Each is stored as a hashed snapshot,
 * audited on the consultation's chain and announced to every household of the electorate.
 */
@Injectable()
export class PublicityPublisher {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(PublicityAccess) private readonly access: PublicityAccess,
    @Inject(PublicityService) private readonly reads: PublicityService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ReminderPlanner) private readonly planner: ReminderPlanner,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async preliminary(actor: StaffActor, consultationId: string, objectionDays: number): Promise<PublicityView> {
    const consultation = await this.access.forStaff(this.transactions.dataSource.manager, actor, consultationId);
    if (await this.transactions.dataSource.manager.existsBy(ConsultationPublicity, { consultationId })) throw alreadyPublished();
    this.assertClosed(consultation);
    return this.transactions.run(async (manager) => {
      const at = this.clock.stamp();
      const snapshot = await countNow(manager, consultation);
      // The scheduler settles every group right after closing: until it has, the count is not final.
      if (snapshot.groups.some((g) => g.state === GroupState.Pending)) throw notReady('征询已截止，正在完成最终统计，请稍后再发布');
      const publicity = manager.create(ConsultationPublicity, {
        consultationId,
        compoundId: consultation.compoundId,
        stage: PublicityStage.Preliminary,
        objectionDays,
        preliminaryAt: at,
        objectionClosesAt: objectionClosesAt(at, objectionDays),
        preliminarySha256: snapshot.sha256,
        preliminaryByStaffId: actor.id,
        finalAt: null,
        finalSha256: null,
        finalByStaffId: null,
      });
      try {
        await manager.insert(ConsultationPublicity, publicity);
      } catch (error) {
        if (isUniqueViolation(error)) throw alreadyPublished();
        throw error;
      }
      await storeSnapshot(manager, snapshot);
      await this.audit.append(manager, {
        chainKey: consultationChain(consultationId),
        action: 'PRELIMINARY_PUBLISHED',
        actor: staff(actor),
        subjectId: consultationId,
        payload: { snapshotSha256: snapshot.sha256, objectionDays, objectionClosesAt: publicity.objectionClosesAt.toISOString(), households: countHouseholds(snapshot.groups) },
        at,
      });
      wantCheckpoint(manager);
      await this.announce(manager, consultation, snapshot.groups, (groupLabel, state, householdId) => ({
        kind: ReminderKind.PreliminaryResult,
        dedupeKey: publicityReminderKey.preliminary(consultationId, householdId),
        ...publicityReminderTexts.preliminary(consultation.title, groupLabel, state, publicity.objectionClosesAt),
      }), at);
      return toPublicityView(consultation, publicity, snapshot.groups, await this.reads.objectionViews(manager, consultationId, { kind: 'staff' }), false, this.clock.now());
    });
  }

  async final(actor: StaffActor, consultationId: string): Promise<PublicityView> {
    const consultation = await this.access.forStaff(this.transactions.dataSource.manager, actor, consultationId);
    return this.transactions.run(async (manager) => {
      // The lock orders concurrent final calls (the second sees FINAL) and objections filed meanwhile.
      const publicity = await lockPublicity(this.transactions, manager, consultationId);
      const openObjections = await manager.countBy(PublicityObjection, { consultationId, status: ObjectionStatus.Open });
      const at = this.clock.stamp();
      const refusals = finalResultRefusals({ stage: publicity?.stage ?? PublicityStage.None, objectionClosesAt: publicity?.objectionClosesAt ?? null, openObjections }, at, beijingTime);
      if (refusals.length || !publicity) {
        throw new AppException(refusals[0].code, refusals.map((r) => r.message).join('；'), { reasons: refusals });
      }
      // Recounted now: what is final is the result as it stands after the objections were answered.
      const snapshot = await countNow(manager, consultation);
      await storeSnapshot(manager, snapshot);
      Object.assign(publicity, { stage: PublicityStage.Final, finalAt: at, finalSha256: snapshot.sha256, finalByStaffId: actor.id });
      await manager.update(ConsultationPublicity, { consultationId }, { stage: publicity.stage, finalAt: at, finalSha256: snapshot.sha256, finalByStaffId: actor.id });
      const objections = await this.reads.objectionViews(manager, consultationId, { kind: 'staff' });
      await this.audit.append(manager, {
        chainKey: consultationChain(consultationId),
        action: 'FINAL_PUBLISHED',
        actor: staff(actor),
        subjectId: consultationId,
        payload: {
          snapshotSha256: snapshot.sha256,
          preliminarySha256: publicity.preliminarySha256,
          objections: objections.length,
          upheld: objections.filter((o) => o.upheld).length,
        },
        at,
      });
      wantCheckpoint(manager);
      await this.announce(manager, consultation, snapshot.groups, (groupLabel, state, householdId) => ({
        kind: ReminderKind.FinalResult,
        dedupeKey: publicityReminderKey.final(consultationId, householdId),
        ...publicityReminderTexts.final(consultation.title, groupLabel, state),
      }), at);
      return toPublicityView(consultation, publicity, snapshot.groups, objections, false, this.clock.now());
    });
  }

  private assertClosed(consultation: Consultation) {
    if (consultation.status === ConsultationStatus.Closed) return;
    if (consultation.status === ConsultationStatus.Draft) throw notReady('该征询尚未发布，没有可公示的结果');
    if (consultation.deadline.getTime() > this.clock.now().getTime()) {
      throw notReady(`征询尚未截止（${beijingTime(consultation.deadline)}截止），截止并完成统计后才能发布初步统计结果`);
    }
    throw notReady('征询已截止，正在完成最终统计，请稍后再发布');
  }

  /** One notice per household of the electorate (inbox at once, pushes after quiet hours), naming its own group's result. */
  private async announce(
    manager: EntityManager,
    consultation: Consultation,
    groups: PublicityGroup[],
    text: (groupLabel: string, state: GroupState, householdId: string) => { kind: ReminderKind; dedupeKey: string; title: string; body: string },
    at: Date,
  ) {
    const items = groups.flatMap((group) => group.entries.map((entry) => ({ consultationId: consultation.id, householdId: entry.householdId, capped: false, ...text(group.label, group.state, entry.householdId) })));
    await this.planner.plan(manager, items, at, await policyOf(manager, consultation.id));
  }
}

/** The publicity row under a row lock (null before the preliminary result). */
export async function lockPublicity(transactions: TransactionRunner, manager: EntityManager, consultationId: string): Promise<ConsultationPublicity | null> {
  return transactions.forUpdate(manager.getRepository(ConsultationPublicity).createQueryBuilder('p').where('p.consultationId = :consultationId', { consultationId })).getOne();
}

const countHouseholds = (groups: PublicityGroup[]) => groups.reduce((sum, g) => sum + g.households, 0);
const notReady = (message: string) => new AppException('RESULT_NOT_READY', message);
const alreadyPublished = () => new AppException('PRELIMINARY_ALREADY_PUBLISHED', '初步统计结果已经公示，不能重复发布');
