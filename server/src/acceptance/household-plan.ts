import type { EntityManager } from 'typeorm';
import { AppException } from '../common/app.exception.js';
import type { Household } from '../places/household.entity.js';
import { publishedPlanFor } from '../works/booking.service.js';
import { WorkPlanUnit } from '../works/work-plan-unit.entity.js';
import type { WorkPlan } from '../works/work-plan.entity.js';

/** A published plan of the household's compound that holds its unit: what is inspected, accepted and signed off; else 404 as if it did not exist. */
export async function planOfHousehold(manager: EntityManager, household: Household, workPlanId: string): Promise<WorkPlan> {
  const plan = await publishedPlanFor(manager, household, workPlanId);
  if (!(await manager.existsBy(WorkPlanUnit, { workPlanId: plan.id, unitId: household.unitId }))) throw new AppException('NOT_FOUND', '施工计划不存在');
  return plan;
}
