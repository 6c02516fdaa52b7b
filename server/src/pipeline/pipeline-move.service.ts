import { Inject, Injectable } from '@nestjs/common';
import { moveRefusal, PipelineStage, planNoticeText, unmetGates, type MovePipelineRequest, type PipelineView } from '@linyi/shared';
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { StaffActor } from '../auth/actor.js';
import { AuditService, compoundChain } from '../audit/audit.service.js';
import { AppException } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AccessService } from '../places/access.service.js';
import type { Compound } from '../places/compound.entity.js';
import { Household } from '../places/household.entity.js';
import { ReminderPlanner } from '../reminders/reminder-planner.js';
import { policyOf } from '../reminders/reminder-policies.js';
import { ReminderKind } from '../reminders/reminder.entity.js';
import { CompoundPipeline } from './compound-pipeline.entity.js';
import { pipelineFacts } from './pipeline-facts.js';
import { lockPipeline, pipelineChainAction } from './pipeline-row.js';
import { pipelineWorksFacts } from './pipeline-works-facts.js';
import { PipelineMove } from './pipeline-move.entity.js';
import { staffPipelineView } from './pipeline-view.js';
import { PlanNotice } from './plan-notice.entity.js';

/** One PLAN_NOTICE per notice and household: entering the reserve twice never tells a household twice. */
export const planNoticeKey = (noticeId: string, householdId: string) => `plan-notice:${noticeId}:${householdId}`;

/**
 * Street staff move a compound's stage. Under the pipeline row's lock: the gates and the works are
 * read, the move refused with every reason, or made, recorded in the history and the audit chain;
 * entering the reserve issues the advance notice once and tells every household of the compound.
 */
@Injectable()
export class PipelineMoveService {
  constructor(
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ReminderPlanner) private readonly planner: ReminderPlanner,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async move(actor: StaffActor, compoundId: string, request: MovePipelineRequest): Promise<PipelineView> {
    const compound = await this.access.compoundForStaff(actor, compoundId);
    return this.transactions.run(async (manager) => {
      const at = this.clock.stamp();
      const row = await lockPipeline(manager, this.transactions, compoundId, at);
      const facts = (await pipelineFacts(manager, [compoundId])).get(compoundId)!;
      const works = await pipelineWorksFacts(manager, compoundId, row.stage);
      const refusal = moveRefusal(row.stage, request.stage, { unmet: unmetGates(facts.gates), ...works });
      if (refusal) {
        const { code, message, ...details } = refusal;
        throw new AppException(code, message, details);
      }
      await recordMove(manager, this.audit, row, request.stage, { staffId: actor.id, note: request.note?.trim() || null, at });
      if (request.stage === PipelineStage.Reserve) await this.announce(manager, compound, actor, at);
      return staffPipelineView(manager, compound);
    });
  }

  /** The notice is issued the first time only; every household present now is told (the household table, not an electorate). */
  private async announce(manager: EntityManager, compound: Compound, actor: StaffActor, at: Date) {
    let notice = await manager.findOneBy(PlanNotice, { compoundId: compound.id });
    if (!notice) {
      const { title, body } = planNoticeText(compound.name);
      const sha256 = createHash('sha256').update(JSON.stringify({ compoundId: compound.id, title, body, issuedAt: at.toISOString() })).digest('hex');
      notice = manager.create(PlanNotice, { id: randomUUID(), compoundId: compound.id, title, body, sha256, issuedBy: actor.id, issuedAt: at });
      await manager.insert(PlanNotice, notice);
      await this.audit.append(manager, { chainKey: compoundChain(compound.id), action: pipelineChainAction.notice, actor: `staff:${actor.id}`, subjectId: notice.id, payload: { title, sha256 }, at });
    }
    const households = await manager.find(Household, { select: { id: true }, where: { compoundId: compound.id } });
    const planned = notice;
    await this.planner.plan(
      manager,
      households.map((h) => ({ kind: ReminderKind.PlanNotice, consultationId: null, householdId: h.id, subjectId: planned.id, dedupeKey: planNoticeKey(planned.id, h.id), title: planned.title, body: planned.body, capped: false, createdByStaffId: actor.id })),
      at,
      await policyOf(manager, null),
    );
  }
}

/** A move on the locked row: the row, the history line and the audit entry, together. */
export async function recordMove(manager: EntityManager, audit: AuditService, row: CompoundPipeline, to: PipelineStage, by: { staffId: string | null; note: string | null; at: Date }) {
  const from = row.stage;
  await manager.update(CompoundPipeline, { compoundId: row.compoundId }, { stage: to, since: by.at, updatedAt: by.at });
  await manager.insert(PipelineMove, { id: randomUUID(), compoundId: row.compoundId, fromStage: from, toStage: to, note: by.note, staffId: by.staffId, at: by.at });
  await audit.append(manager, {
    chainKey: compoundChain(row.compoundId),
    action: pipelineChainAction.moved,
    actor: by.staffId ? `staff:${by.staffId}` : 'system:works',
    subjectId: row.compoundId,
    payload: { from, to, note: by.note },
    at: by.at,
  });
  Object.assign(row, { stage: to, since: by.at, updatedAt: by.at });
}
