import { Inject, Injectable } from '@nestjs/common';
import { type OwnerSupervisorsRequest, type OwnerSupervisorView } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import type { Actor, StaffActor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { AppException } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { execute, sql } from '../database/sql.js';
import { Household } from '../places/household.entity.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { byNaturalName } from '../special-needs/screening-overview.rules.js';
import { WorksAccess } from '../works/works-access.js';
import { supervisorListProblem } from './owner-supervisors.rules.js';
import { OwnerSupervisor } from './owner-supervisor.entity.js';

/** The same chain the compound's settings are recorded in. */
const compoundChain = (compoundId: string) => `compound:${compoundId}`;
const LOCK_COMPOUND = 'SELECT {id} FROM {compound} WHERE {id} = ? {FOR UPDATE}';

/** The compound's owner supervisors (seed 002 §五(五)3): at most two, named by the committee through their households. */
@Injectable()
export class OwnerSupervisorsService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(WorksAccess) private readonly access: WorksAccess,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The supervisor the caller is: a resident bound to a household the committee named as supervisor of the compound; else null (staff always null). */
  async supervisesCompound(actor: Actor, compoundId: string, manager: EntityManager = this.transactions.dataSource.manager): Promise<OwnerSupervisor | null> {
    if (actor.kind !== 'resident') return null;
    return manager
      .createQueryBuilder(OwnerSupervisor, 's')
      .innerJoin(HouseholdMember, 'm', 'm.householdId = s.householdId')
      .where('s.compoundId = :compoundId', { compoundId })
      .andWhere('m.residentId = :residentId', { residentId: actor.id })
      .orderBy('s.namedAt', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getOne();
  }

  async list(actor: StaffActor, compoundId: string): Promise<OwnerSupervisorView[]> {
    await this.access.compoundForStaff(actor, compoundId);
    return this.views(this.transactions.dataSource.manager, compoundId);
  }

  /** Replaces the list. A supervisor named again under the same name keeps when and by whom they were first named. */
  async replace(actor: StaffActor, compoundId: string, request: OwnerSupervisorsRequest): Promise<OwnerSupervisorView[]> {
    await this.access.compoundForStaff(actor, compoundId);
    const wanted = request.supervisors.map((s) => ({ householdId: s.householdId, name: s.name.trim() }));
    const problem = supervisorListProblem(wanted.map((s) => s.householdId));
    if (problem) throw new AppException(problem.code, problem.message);
    return this.transactions.run(async (manager) => {
      // Two committee members saving at once: the second sees the first's list, never a mix of both.
      await execute(manager, sql(manager, LOCK_COMPOUND), [compoundId]);
      const households = wanted.length ? await manager.find(Household, { select: { id: true, compoundId: true }, where: { id: In(wanted.map((s) => s.householdId)) } }) : [];
      if (households.length !== wanted.length || households.some((h) => h.compoundId !== compoundId)) {
        throw new AppException('VALIDATION_FAILED', '所选房屋不在本小区：业主监督员必须是本小区的业主');
      }
      const at = this.clock.stamp();
      const current = await manager.findBy(OwnerSupervisor, { compoundId });
      const kept = current.filter((row) => wanted.some((s) => s.householdId === row.householdId && s.name === row.name));
      const gone = current.filter((row) => !kept.includes(row));
      if (gone.length) await manager.delete(OwnerSupervisor, { id: In(gone.map((row) => row.id)) });
      const added = wanted.filter((s) => !kept.some((row) => row.householdId === s.householdId));
      if (added.length) {
        await manager.insert(OwnerSupervisor, added.map((s) => ({ id: randomUUID(), compoundId, householdId: s.householdId, name: s.name, namedBy: actor.id, namedAt: at })));
      }
      await this.audit.append(manager, {
        chainKey: compoundChain(compoundId),
        action: 'OWNER_SUPERVISORS_NAMED',
        actor: `staff:${actor.id}`,
        subjectId: compoundId,
        payload: { supervisors: wanted },
        at,
      });
      return this.views(manager, compoundId);
    });
  }

  private async views(manager: EntityManager, compoundId: string): Promise<OwnerSupervisorView[]> {
    const rows = await manager.findBy(OwnerSupervisor, { compoundId });
    const labels = rows.length ? new Map((await manager.find(Household, { select: { id: true, label: true }, where: { id: In(rows.map((r) => r.householdId)) } })).map((h) => [h.id, h.label])) : new Map<string, string>();
    // In the order of their flats: two named in one save share the same second.
    return rows.map((row) => ({ householdId: row.householdId, label: labels.get(row.householdId) ?? '', name: row.name })).sort((a, b) => byNaturalName(a.label, b.label));
  }
}
