import { Inject, Injectable } from '@nestjs/common';
import { boardsProblem, normalizeBoards, type BoardSupervisor, type BoardsRequest, type CompoundBoards } from '@linyi/shared';
import { In, type EntityManager } from 'typeorm';
import { OwnerSupervisor } from '../acceptance/owner-supervisor.entity.js';
import type { Actor, StaffActor } from '../auth/actor.js';
import { AuditService, compoundChain } from '../audit/audit.service.js';
import { AppException, notFound } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { execute, sql } from '../database/sql.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AccessService } from '../places/access.service.js';
import { Compound } from '../places/compound.entity.js';
import { Household } from '../places/household.entity.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { byNaturalName } from '../special-needs/screening-overview.rules.js';
import { BOARDS_TITLE, renderBoards } from './boards.pdf.js';
import { CompoundBoard } from './compound-board.entity.js';
import { toCompoundBoards } from './records.mapper.js';
import { boardsSha256 } from './records.rules.js';

const LOCK_COMPOUND = 'SELECT {id} FROM {compound} WHERE {id} = ? {FOR UPDATE}';

/** The compound's publicity boards: posted by the contractor or the committee, read by the compound's residents and staff. */
@Injectable()
export class BoardsService {
  constructor(
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async get(actor: Actor, compoundId: string): Promise<CompoundBoards> {
    const compound = await this.compoundFor(actor, compoundId);
    return this.boardsOf(this.transactions.dataSource.manager, compound);
  }

  async pdf(actor: Actor, compoundId: string): Promise<{ fileName: string; bytes: Buffer }> {
    const boards = await this.get(actor, compoundId);
    return { fileName: `${BOARDS_TITLE}-${boards.compoundName}.pdf`, bytes: await renderBoards(boards, this.clock.stamp()) };
  }

  /** Replaces the boards; the audit records what was posted and its hash. */
  async replace(actor: StaffActor, compoundId: string, request: BoardsRequest): Promise<CompoundBoards> {
    const compound = await this.access.compoundForStaff(actor, compoundId);
    const boards = normalizeBoards(request);
    const problem = boardsProblem(boards);
    if (problem) throw new AppException('BOARDS_INVALID', problem);
    return this.transactions.run(async (manager) => {
      // Two saves at once: the audit chain lists them in the order the row took them.
      await execute(manager, sql(manager, LOCK_COMPOUND), [compoundId]);
      const at = this.clock.stamp();
      await manager.save(CompoundBoard, { compoundId, ...boards, updatedAt: at, updatedByStaffId: actor.id });
      await this.audit.append(manager, {
        chainKey: compoundChain(compoundId),
        action: 'BOARDS_UPDATED',
        actor: `staff:${actor.id}`,
        subjectId: compoundId,
        payload: { sha256: boardsSha256(boards), ...boards },
        at,
      });
      return this.boardsOf(manager, compound);
    });
  }

  /** Staff whose scope covers the compound; a resident bound to one of its households. Anyone else: 404. */
  async compoundFor(actor: Actor, compoundId: string): Promise<Compound> {
    if (actor.kind === 'staff') return this.access.compoundForStaff(actor, compoundId);
    const manager = this.transactions.dataSource.manager;
    const lives = await manager
      .createQueryBuilder(HouseholdMember, 'm')
      .innerJoin(Household, 'h', 'h.id = m.householdId')
      .where('m.residentId = :residentId AND h.compoundId = :compoundId', { residentId: actor.id, compoundId })
      .getExists();
    const compound = lives ? await manager.findOneBy(Compound, { id: compoundId }) : null;
    if (!compound) throw notFound('小区');
    return compound;
  }

  async boardsOf(manager: EntityManager, compound: Compound): Promise<CompoundBoards> {
    const [board, supervisors] = await Promise.all([manager.findOneBy(CompoundBoard, { compoundId: compound.id }), this.supervisors(manager, compound.id)]);
    return toCompoundBoards(compound, board, supervisors);
  }

  /** Named by the committee through the owner-supervisors route (issue 11); here only read, in the order of their flats. */
  private async supervisors(manager: EntityManager, compoundId: string): Promise<BoardSupervisor[]> {
    const rows = await manager.findBy(OwnerSupervisor, { compoundId });
    if (!rows.length) return [];
    const labels = new Map((await manager.find(Household, { select: { id: true, label: true }, where: { id: In(rows.map((r) => r.householdId)) } })).map((h) => [h.id, h.label]));
    return rows
      .map((row) => ({ householdId: row.householdId, name: row.name, label: labels.get(row.householdId) ?? '' }))
      .sort((a, b) => byNaturalName(a.label, b.label))
      .map(({ householdId, name }) => ({ householdId, name }));
  }
}
