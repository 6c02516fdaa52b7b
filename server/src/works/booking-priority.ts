import { In, type EntityManager } from 'typeorm';
import { CarePlan } from '../special-needs/care-plan.entity.js';
import { HouseholdScreening } from '../special-needs/household-screening.entity.js';
import { hasPriorityWindow } from './booking.rules.js';

/**
 * Which of these households are offered priority windows first. Read here only to order and hold
 * windows: nothing of the screening or the care plan leaves this function but a yes or no, so it is
 * not a staff read of sensitive data and writes no access log.
 */
export async function householdsWithPriority(manager: EntityManager, householdIds: string[]): Promise<Set<string>> {
  if (!householdIds.length) return new Set();
  // One after the other: inside a transaction both run on its one connection anyway.
  const screenings = await manager.find(HouseholdScreening, { select: { householdId: true, status: true }, where: { householdId: In(householdIds) } });
  const plans = await manager.find(CarePlan, { select: { householdId: true, measures: true }, where: { householdId: In(householdIds) } });
  const measures = new Map(plans.map((plan) => [plan.householdId, plan.measures]));
  return new Set(screenings.filter((s) => hasPriorityWindow(s.status, measures.get(s.householdId))).map((s) => s.householdId));
}

export async function householdHasPriority(manager: EntityManager, householdId: string): Promise<boolean> {
  return (await householdsWithPriority(manager, [householdId])).has(householdId);
}
