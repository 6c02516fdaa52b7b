import { Inject, Injectable } from '@nestjs/common';
import { AcceptanceStatus, WorkPlanStatus, type SupervisionPlan } from '@linyi/shared';
import { In } from 'typeorm';
import type { ResidentActor } from '../auth/actor.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Compound } from '../places/compound.entity.js';
import { Household } from '../places/household.entity.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { inRoomOrder } from '../special-needs/screening-overview.rules.js';
import { unitsOfPlans } from '../works/work-plan-facts.js';
import { WorkPlan } from '../works/work-plan.entity.js';
import { AcceptanceSignOff } from './acceptance-sign-off.entity.js';
import { HouseholdAcceptance } from './household-acceptance.entity.js';
import { OwnerSupervisor } from './owner-supervisor.entity.js';

/**
 * `GET /api/me/supervision`: for each compound the resident supervises, each published plan with
 * every household of its units (labels, status, whether this supervisor signed its acceptance).
 * Empty for anyone the committee has not named. A fixed number of queries however many plans.
 */
@Injectable()
export class SignOffPlansService {
  constructor(@Inject(TransactionRunner) private readonly transactions: TransactionRunner) {}

  async supervision(actor: ResidentActor): Promise<SupervisionPlan[]> {
    const manager = this.transactions.dataSource.manager;
    const named = await manager
      .createQueryBuilder(OwnerSupervisor, 's')
      .innerJoin(HouseholdMember, 'm', 'm.householdId = s.householdId')
      .where('m.residentId = :residentId', { residentId: actor.id })
      .orderBy('s.namedAt', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
    // One supervisor per compound, the one `supervisesCompound` picks.
    const byCompound = new Map<string, OwnerSupervisor>();
    for (const row of named) if (!byCompound.has(row.compoundId)) byCompound.set(row.compoundId, row);
    if (!byCompound.size) return [];
    const compoundIds = [...byCompound.keys()];
    const compounds = new Map((await manager.findBy(Compound, { id: In(compoundIds) })).map((c) => [c.id, c]));
    const plans = await manager.find(WorkPlan, { where: { compoundId: In(compoundIds), status: WorkPlanStatus.Published }, order: { publishedAt: 'ASC', id: 'ASC' } });
    if (!plans.length) return [];
    const planIds = plans.map((plan) => plan.id);
    const units = await unitsOfPlans(manager, planIds);
    const unitIds = [...new Set([...units.values()].flat().map((unit) => unit.unitId))];
    const households = unitIds.length ? await manager.find(Household, { select: { id: true, unitId: true, label: true, room: true, floor: true }, where: { unitId: In(unitIds) } }) : [];
    const states = await manager.findBy(HouseholdAcceptance, { workPlanId: In(planIds) });
    const signOffs = await manager.find(AcceptanceSignOff, { select: { acceptanceRecordId: true, supervisorHouseholdId: true }, where: { workPlanId: In(planIds), supervisorHouseholdId: In([...byCompound.values()].map((s) => s.householdId)) } });
    const signed = new Set(signOffs.map((s) => `${s.acceptanceRecordId}|${s.supervisorHouseholdId}`));
    const stateOf = new Map(states.map((s) => [`${s.workPlanId}|${s.householdId}`, s]));
    return [...compounds.values()]
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .flatMap((compound) => {
        const supervisor = byCompound.get(compound.id)!;
        return plans
          .filter((plan) => plan.compoundId === compound.id)
          .map((plan) => ({
            compoundId: compound.id,
            compoundName: compound.name,
            supervisorName: supervisor.name,
            workPlanId: plan.id,
            title: plan.title,
            households: (units.get(plan.id) ?? []).flatMap((unit) =>
              inRoomOrder(households.filter((h) => h.unitId === unit.unitId)).map((h) => {
                const state = stateOf.get(`${plan.id}|${h.id}`);
                const accepted = state?.status === AcceptanceStatus.Accepted;
                return {
                  householdId: h.id,
                  label: h.label,
                  status: state?.status ?? AcceptanceStatus.Pending,
                  acceptedAt: accepted ? (state.acceptedAt?.toISOString() ?? null) : null,
                  signedOff: accepted && !!state.acceptanceRecordId && signed.has(`${state.acceptanceRecordId}|${supervisor.householdId}`),
                };
              }),
            ),
          }));
      });
  }
}
