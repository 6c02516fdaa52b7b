import { AcceptanceStatus, PipelineStage, WorkPlanStatus, type PipelineCompletion } from '@linyi/shared';
import { In, type EntityManager } from 'typeorm';
import { HouseholdAcceptance } from '../acceptance/household-acceptance.entity.js';
import { Household } from '../places/household.entity.js';
import { WorkPlanUnit } from '../works/work-plan-unit.entity.js';
import { WorkPlan } from '../works/work-plan.entity.js';

export interface PipelineWorksFacts {
  publishedWorks: boolean;
  completion: PipelineCompletion;
}

/** The year's works of a compound: its published plans, their units, and the units where every household has accepted. */
export async function pipelineWorksFacts(manager: EntityManager, compoundId: string, stage: PipelineStage): Promise<PipelineWorksFacts> {
  const plans = await manager.find(WorkPlan, { select: { id: true }, where: { compoundId, status: WorkPlanStatus.Published } });
  if (!plans.length) return { publishedWorks: false, completion: { units: 0, acceptedUnits: 0, offered: false } };
  const planIds = plans.map((p) => p.id);
  const unitIds = [...new Set((await manager.find(WorkPlanUnit, { select: { unitId: true }, where: { workPlanId: In(planIds) } })).map((u) => u.unitId))];
  const households = unitIds.length ? await manager.find(Household, { select: { id: true, unitId: true }, where: { unitId: In(unitIds) } }) : [];
  const accepted = unitIds.length
    ? await manager.find(HouseholdAcceptance, { select: { householdId: true, unitId: true }, where: { workPlanId: In(planIds), unitId: In(unitIds), status: AcceptanceStatus.Accepted } })
    : [];
  const acceptedIds = new Set(accepted.map((a) => a.householdId));
  const acceptedUnits = unitIds.filter((unitId) => {
    const flats = households.filter((h) => h.unitId === unitId);
    return flats.length > 0 && flats.every((h) => acceptedIds.has(h.id));
  }).length;
  return {
    publishedWorks: true,
    completion: { units: unitIds.length, acceptedUnits, offered: stage === PipelineStage.InWorks && unitIds.length > 0 && acceptedUnits === unitIds.length },
  };
}
