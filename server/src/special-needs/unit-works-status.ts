import { Injectable } from '@nestjs/common';
import { AcceptanceStatus } from '@linyi/shared';
import { In, Not, IsNull, type EntityManager } from 'typeorm';
import { unitCompletion } from '../acceptance/acceptance-progress.rules.js';
import { HouseholdAcceptance } from '../acceptance/household-acceptance.entity.js';
import { rawDateToIso } from '../common/raw-date.js';
import { Household } from '../places/household.entity.js';
import { WorkPlanUnit } from '../works/work-plan-unit.entity.js';
import type { UnitWorks } from './screening-retention.rules.js';

/** Whether each unit has in-home works planned, and when they were accepted: what retention decides on. */
@Injectable()
export class UnitWorksStatus {
  /**
   * Units missing from the map have no works. Planned = in a published plan (its published key is
   * set; a draft promises residents nothing). Accepted = every household of the unit accepted in
   * every published plan that covers it, at the moment the last of them did: until then the crew
   * may still need the care plan.
   */
  async of(manager: EntityManager, unitIds: string[]): Promise<Map<string, UnitWorks>> {
    if (!unitIds.length) return new Map();
    const ids = [...new Set(unitIds)];
    const planned = await manager.find(WorkPlanUnit, { select: { unitId: true, workPlanId: true }, where: { unitId: In(ids), publishedKey: Not(IsNull()) } });
    if (!planned.length) return new Map();
    const plannedIds = [...new Set(planned.map((row) => row.unitId))];
    const sizes = await manager
      .createQueryBuilder(Household, 'h')
      .select(['h.unitId AS unitId', 'COUNT(*) AS n'])
      .where('h.unitId IN (:...unitIds)', { unitIds: plannedIds })
      .groupBy('h.unitId')
      .getRawMany<{ unitId: string; n: number | string }>();
    const accepted = await manager
      .createQueryBuilder(HouseholdAcceptance, 'a')
      .select(['a.workPlanId AS workPlanId', 'a.unitId AS unitId', 'a.acceptedAt AS acceptedAt'])
      .where('a.unitId IN (:...unitIds)', { unitIds: plannedIds })
      .andWhere('a.workPlanId IN (:...planIds)', { planIds: [...new Set(planned.map((row) => row.workPlanId))] })
      .andWhere('a.status = :accepted', { accepted: AcceptanceStatus.Accepted })
      .getRawMany<{ workPlanId: string; unitId: string; acceptedAt: unknown }>();
    const households = new Map(sizes.map((row) => [row.unitId, Number(row.n)]));
    const status = new Map<string, UnitWorks>();
    for (const unitId of plannedIds) {
      const completions = planned
        .filter((row) => row.unitId === unitId)
        .map((row) => unitCompletion(households.get(unitId) ?? 0, accepted.filter((a) => a.unitId === unitId && a.workPlanId === row.workPlanId).map((a) => toDate(a.acceptedAt))));
      const acceptedAt = completions.every((c) => c.complete) ? new Date(Math.max(...completions.map((c) => c.completedAt!.getTime()))) : null;
      status.set(unitId, { worksPlanned: true, acceptedAt });
    }
    return status;
  }
}

const toDate = (value: unknown): Date | null => {
  const iso = rawDateToIso(value);
  return iso ? new Date(iso) : null;
};
