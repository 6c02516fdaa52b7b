import { householdReadiness, type ScreeningStatus, type UnitPublishFacts, type WorkPlanUnitView } from '@linyi/shared';
import { In, type EntityManager } from 'typeorm';
import { ConsultationGroup } from '../consultations/consultation-group.entity.js';
import { Building } from '../places/building.entity.js';
import { Household } from '../places/household.entity.js';
import { Unit } from '../places/unit.entity.js';
import { CarePlan } from '../special-needs/care-plan.entity.js';
import { HouseholdScreening } from '../special-needs/household-screening.entity.js';
import { byNaturalName, inRoomOrder, unitLabel } from '../special-needs/screening-overview.rules.js';
import { WorkPlanUnit } from './work-plan-unit.entity.js';
import { WorkPlan } from './work-plan.entity.js';
import type { WorkWindow } from './work-window.entity.js';

/** The key that keeps a unit in at most one published plan of a consultation (unique index on work_plan_unit). */
export const publishedKeyOf = (consultationId: string, unitId: string) => `${consultationId}:${unitId}`;

/** Units by id with their labels ("1号楼2单元"), in building-then-unit order; ids that are not units are left out. */
export async function unitsById(manager: EntityManager, unitIds: string[]): Promise<Array<{ unitId: string; compoundId: string; label: string }>> {
  if (!unitIds.length) return [];
  const rows = await manager
    .createQueryBuilder(Unit, 'u')
    .innerJoin(Building, 'b', 'b.id = u.buildingId')
    .select(['u.id AS unitId', 'u.compoundId AS compoundId', 'u.name AS unitName', 'b.name AS buildingName'])
    .where('u.id IN (:...unitIds)', { unitIds: [...new Set(unitIds)] })
    .getRawMany<{ unitId: string; compoundId: string; unitName: string; buildingName: string }>();
  return rows
    .sort((a, b) => byNaturalName(a.buildingName, b.buildingName) || byNaturalName(a.unitName, b.unitName))
    .map((row) => ({ unitId: row.unitId, compoundId: row.compoundId, label: unitLabel(row.buildingName, row.unitName) }));
}

/** Building and unit name, e.g. 「1号楼2单元」, per unit id. */
export async function unitLabelsOf(manager: EntityManager, unitIds: string[]): Promise<Map<string, string>> {
  return new Map((await unitsById(manager, unitIds)).map((unit) => [unit.unitId, unit.label]));
}

/** Each plan's units with label and household count, in unit order: a fixed number of queries for any number of plans. */
export async function unitsOfPlans(manager: EntityManager, planIds: string[]): Promise<Map<string, WorkPlanUnitView[]>> {
  const byPlan = new Map<string, WorkPlanUnitView[]>(planIds.map((id) => [id, []]));
  if (!planIds.length) return byPlan;
  const links = await manager.findBy(WorkPlanUnit, { workPlanId: In(planIds) });
  const unitIds = [...new Set(links.map((link) => link.unitId))];
  const units = await unitsById(manager, unitIds);
  const counts = unitIds.length
    ? await manager
        .createQueryBuilder(Household, 'h')
        .select(['h.unitId AS unitId', 'COUNT(*) AS n'])
        .where('h.unitId IN (:...unitIds)', { unitIds })
        .groupBy('h.unitId')
        .getRawMany<{ unitId: string; n: number | string }>()
    : [];
  const households = new Map(counts.map((row) => [row.unitId, Number(row.n)]));
  for (const unit of units) {
    for (const link of links.filter((l) => l.unitId === unit.unitId)) {
      byPlan.get(link.workPlanId)!.push({ unitId: unit.unitId, label: unit.label, households: households.get(unit.unitId) ?? 0 });
    }
  }
  return byPlan;
}

/**
 * What publishing decides on, per unit of the plan, read in the publishing transaction: the unit's
 * group state in the plan's consultation, rooms not screened and how many households need a care
 * plan (counts and rooms only, never a need: not a logged read), its window starts, and another
 * published plan of the same consultation holding it.
 */
export async function unitPublishFacts(manager: EntityManager, plan: WorkPlan, units: WorkPlanUnitView[], windows: WorkWindow[]): Promise<UnitPublishFacts[]> {
  const unitIds = units.map((unit) => unit.unitId);
  if (!unitIds.length) return [];
  const groups = await manager.find(ConsultationGroup, { select: { placeId: true, state: true }, where: { consultationId: plan.consultationId, placeId: In(unitIds) } });
  const standings = await manager
    .createQueryBuilder(Household, 'h')
    .leftJoin(HouseholdScreening, 's', 's.householdId = h.id')
    .leftJoin(CarePlan, 'p', 'p.householdId = h.id')
    .select(['h.unitId AS unitId', 'h.room AS room', 'h.floor AS floor', 's.status AS status', 'p.id AS carePlanId'])
    .where('h.unitId IN (:...unitIds)', { unitIds })
    .getRawMany<{ unitId: string; room: string; floor: number | string; status: ScreeningStatus | null; carePlanId: string | null }>();
  const others = await manager
    .createQueryBuilder(WorkPlanUnit, 'pu')
    .innerJoin(WorkPlan, 'wp', 'wp.id = pu.workPlanId')
    .select(['pu.unitId AS unitId', 'wp.title AS title'])
    .where('pu.publishedKey IN (:...keys)', { keys: unitIds.map((unitId) => publishedKeyOf(plan.consultationId, unitId)) })
    .andWhere('pu.workPlanId <> :planId', { planId: plan.id })
    .getRawMany<{ unitId: string; title: string }>();
  return units.map((unit) => {
    const rows = inRoomOrder(standings.filter((row) => row.unitId === unit.unitId).map((row) => ({ ...row, floor: Number(row.floor) })));
    const readiness = rows.map((row) => ({ room: row.room, readiness: householdReadiness(row.status ?? null, !!row.carePlanId) }));
    return {
      unitId: unit.unitId,
      label: unit.label,
      groupState: groups.find((group) => group.placeId === unit.unitId)?.state ?? null,
      notScreened: readiness.filter((r) => r.readiness === 'NOT_SCREENED').map((r) => r.room),
      needsPlan: readiness.filter((r) => r.readiness === 'NEEDS_PLAN').length,
      windowStarts: windows.filter((window) => window.unitId === unit.unitId).map((window) => window.startsAt),
      otherPlanTitle: others.find((other) => other.unitId === unit.unitId)?.title ?? null,
    };
  });
}
