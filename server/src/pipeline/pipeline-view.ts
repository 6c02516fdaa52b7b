import { nextStages, PipelineStage, type PipelineMoveView, type PipelineView, type PlanNoticeView, type ResidentPipelineView } from '@linyi/shared';
import { In, type EntityManager } from 'typeorm';
import type { Compound } from '../places/compound.entity.js';
import { StaffAccount } from '../staff/staff-account.entity.js';
import { CompoundPipeline } from './compound-pipeline.entity.js';
import { ownersOrganisationOf, pipelineFacts } from './pipeline-facts.js';
import { pipelineWorksFacts } from './pipeline-works-facts.js';
import { PipelineMove } from './pipeline-move.entity.js';
import { PlanNotice } from './plan-notice.entity.js';

export const WORKS_MOVER = '系统（施工开始）';

export const toNoticeView = (n: PlanNotice): PlanNoticeView => ({ id: n.id, title: n.title, body: n.body, issuedAt: n.issuedAt.toISOString(), sha256: n.sha256 });

/** What a resident of the compound may see: the stage and the notice (two reads, none of the gates' work). */
export async function residentPipelineView(manager: EntityManager, compound: Compound): Promise<ResidentPipelineView> {
  const row = await manager.findOneBy(CompoundPipeline, { compoundId: compound.id });
  const notice = await manager.findOneBy(PlanNotice, { compoundId: compound.id });
  return { compoundId: compound.id, compoundName: compound.name, stage: row?.stage ?? PipelineStage.None, since: row?.since?.toISOString() ?? null, notice: notice ? toNoticeView(notice) : null };
}

/** Everything staff of the place see: stage, gates with their evidence, excluded buildings, the notice, completion, history. */
export async function staffPipelineView(manager: EntityManager, compound: Compound): Promise<PipelineView> {
  const facts = (await pipelineFacts(manager, [compound.id])).get(compound.id)!;
  const stage = facts.row?.stage ?? PipelineStage.None;
  const works = await pipelineWorksFacts(manager, compound.id, stage);
  const notice = await manager.findOneBy(PlanNotice, { compoundId: compound.id });
  const moves = await manager.find(PipelineMove, { where: { compoundId: compound.id }, order: { at: 'ASC', id: 'ASC' } });
  const staffIds = [...new Set(moves.map((m) => m.staffId).filter((id): id is string => Boolean(id)))];
  const names = new Map((staffIds.length ? await manager.find(StaffAccount, { select: { id: true, displayName: true }, where: { id: In(staffIds) } }) : []).map((s) => [s.id, s.displayName]));
  const row = facts.row;
  return {
    compoundId: compound.id,
    compoundName: compound.name,
    stage,
    since: row?.since?.toISOString() ?? null,
    gates: facts.gates,
    excludedBuildings: facts.excluded,
    ownersOrganisation: ownersOrganisationOf(row),
    fundPledgeRequired: row?.fundPledgeRequired ?? false,
    notice: notice ? toNoticeView(notice) : null,
    completion: works.completion,
    nextStages: nextStages(stage),
    moves: moves.map((m): PipelineMoveView => ({ from: m.fromStage, to: m.toStage, note: m.note, by: m.staffId ? names.get(m.staffId) ?? '街道工作人员' : WORKS_MOVER, at: m.at.toISOString() })),
  };
}
