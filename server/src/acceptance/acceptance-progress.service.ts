import { Inject, Injectable } from '@nestjs/common';
import { WorkPlanStatus, type AcceptanceProgressView } from '@linyi/shared';
import { In } from 'typeorm';
import type { StaffActor } from '../auth/actor.js';
import { AppException } from '../common/app.exception.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Household } from '../places/household.entity.js';
import { inRoomOrder } from '../special-needs/screening-overview.rules.js';
import { unitsOfPlans } from '../works/work-plan-facts.js';
import { WorksAccess } from '../works/works-access.js';
import { householdProgress, unitProgress } from './acceptance-progress.rules.js';
import { HouseholdAcceptance } from './household-acceptance.entity.js';

/** Per plan and unit: inspected / passed / accepted / rework, for the committee, the street and the contractor. */
@Injectable()
export class AcceptanceProgressService {
  constructor(
    @Inject(WorksAccess) private readonly access: WorksAccess,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  /** Every household of every unit of the plan, in building, unit and room order; labels only, never names, phones or needs. */
  async progress(actor: StaffActor, planId: string): Promise<AcceptanceProgressView> {
    const manager = this.transactions.dataSource.manager;
    const plan = await this.access.planForStaff(manager, actor, planId);
    if (plan.status !== WorkPlanStatus.Published) throw new AppException('PLAN_NOT_PUBLISHED', '施工计划还没有发布：发布后才能分户验收');
    const units = (await unitsOfPlans(manager, [plan.id])).get(plan.id) ?? [];
    const unitIds = units.map((unit) => unit.unitId);
    const households = unitIds.length
      ? await manager.find(Household, { select: { id: true, unitId: true, label: true, room: true, floor: true }, where: { unitId: In(unitIds) } })
      : [];
    const states = await manager.findBy(HouseholdAcceptance, { workPlanId: plan.id });
    const stateOf = new Map(states.map((state) => [state.householdId, state]));
    return {
      workPlanId: plan.id,
      title: plan.title,
      kind: plan.kind,
      units: units.map((unit) =>
        unitProgress(
          unit,
          inRoomOrder(households.filter((h) => h.unitId === unit.unitId)).map((h) => householdProgress({ householdId: h.id, label: h.label }, stateOf.get(h.id) ?? null)),
        ),
      ),
    };
  }
}
