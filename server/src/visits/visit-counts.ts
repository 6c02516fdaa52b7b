import type { EntityManager } from 'typeorm';
import { HomeVisit } from './home-visit.entity.js';

export interface VisitCountRow {
  householdId: string;
  count: string | number;
  last: unknown;
}

/** Home visits per household in one consultation: how many, and the last one (raw, as the driver gives it). */
export function visitCountsByHousehold(manager: EntityManager, consultationId: string): Promise<VisitCountRow[]> {
  return manager
    .createQueryBuilder(HomeVisit, 'v')
    .select('v.householdId', 'householdId')
    .addSelect('COUNT(*)', 'count')
    .addSelect('MAX(v.visitedAt)', 'last')
    .where('v.consultationId = :consultationId', { consultationId })
    .groupBy('v.householdId')
    .getRawMany<VisitCountRow>();
}
