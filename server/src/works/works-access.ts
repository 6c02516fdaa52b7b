import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor, StaffActor } from '../auth/actor.js';
import { notFound } from '../common/app.exception.js';
import { AccessService } from '../places/access.service.js';
import type { Household } from '../places/household.entity.js';
import { WorkPlan } from './work-plan.entity.js';

/** Scope checks of the works feature: a plan outside the caller's scope answers 404, as if it did not exist. */
@Injectable()
export class WorksAccess {
  constructor(@Inject(AccessService) private readonly access: AccessService) {}

  /** The plan, if the staff member's scope covers its compound. */
  async planForStaff(manager: EntityManager, actor: StaffActor, planId: string): Promise<WorkPlan> {
    const plan = await manager.findOneBy(WorkPlan, { id: planId });
    if (!plan) throw notFound('施工计划');
    await this.access.compoundForStaff(actor, plan.compoundId).catch(() => {
      throw notFound('施工计划');
    });
    return plan;
  }

  /** The household, if the caller may act for it: a bound resident, or staff whose scope covers it. */
  householdFor(actor: Actor, householdId: string): Promise<Household> {
    return this.access.householdFor(actor, householdId);
  }

  compoundForStaff(actor: StaffActor, compoundId: string) {
    return this.access.compoundForStaff(actor, compoundId);
  }
}
