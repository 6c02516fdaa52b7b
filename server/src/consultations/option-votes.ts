import { Answer } from '@linyi/shared';
import type { EntityManager } from 'typeorm';
import { HouseholdResponse } from '../responses/household-response.entity.js';
import { ConsultationHousehold } from './consultation-household.entity.js';

/** Current OPTION answers per group row and option, in one GROUP BY: group row id → option id → votes. */
export async function optionVotesByGroup(manager: EntityManager, consultationId: string): Promise<Map<string, Map<string, number>>> {
  const rows = await manager
    .createQueryBuilder(HouseholdResponse, 'r')
    .innerJoin(ConsultationHousehold, 'ch', 'ch.consultationId = r.consultationId AND ch.householdId = r.householdId')
    .select('ch.groupId', 'groupId')
    .addSelect('r.optionId', 'optionId')
    .addSelect('COUNT(*)', 'votes')
    .where('r.consultationId = :consultationId', { consultationId })
    .andWhere('r.answer = :option', { option: Answer.Option })
    .groupBy('ch.groupId')
    .addGroupBy('r.optionId')
    .getRawMany<{ groupId: string; optionId: string | null; votes: string | number }>();
  const byGroup = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (row.optionId === null) continue;
    const votes = byGroup.get(row.groupId) ?? new Map<string, number>();
    votes.set(row.optionId, Number(row.votes));
    byGroup.set(row.groupId, votes);
  }
  return byGroup;
}
