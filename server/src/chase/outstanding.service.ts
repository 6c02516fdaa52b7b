import { Inject, Injectable } from '@nestjs/common';
import { Answer, DecisionRule, GroupState, type OutstandingUnit } from '@linyi/shared';
import type { StaffActor } from '../auth/actor.js';
import { ConsultationGroup } from '../consultations/consultation-group.entity.js';
import { ConsultationHousehold } from '../consultations/consultation-household.entity.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { rawDateToIso } from '../common/raw-date.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Building } from '../places/building.entity.js';
import { Household } from '../places/household.entity.js';
import { Unit } from '../places/unit.entity.js';
import { HouseholdResponse } from '../responses/household-response.entity.js';
import { visitCountsByHousehold } from '../visits/visit-counts.js';

interface ChaseRow {
  householdId: string;
  unitId: string;
  groupId: string;
  label: string;
  ownerName: string;
  phone: string | null;
  answer: Answer | null;
  finalRefusalAt: unknown;
}

/** Whom to chase: per unit, the households that have not answered, or have not agreed. */
@Injectable()
export class OutstandingService {
  constructor(
    @Inject(ConsultationsService) private readonly consultations: ConsultationsService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  async list(actor: StaffActor, consultationId: string): Promise<OutstandingUnit[]> {
    const consultation = await this.consultations.forStaff(actor, consultationId);
    const manager = this.transactions.dataSource.manager;
    const groups = new Map((await manager.findBy(ConsultationGroup, { consultationId })).map((g) => [g.id, g]));
    // Plurality only needs turnout; every other rule needs agreement, so a refusal is still to be talked through.
    const stillOpen = consultation.rule === DecisionRule.Plurality ? 'r.answer IS NULL' : "(r.answer IS NULL OR r.answer <> 'AGREE')";
    const rows = await manager
      .createQueryBuilder(ConsultationHousehold, 'ch')
      .innerJoin(Household, 'h', 'h.id = ch.householdId')
      .leftJoin(HouseholdResponse, 'r', 'r.consultationId = ch.consultationId AND r.householdId = ch.householdId')
      .select(['ch.householdId AS householdId', 'ch.unitId AS unitId', 'ch.groupId AS groupId'])
      .addSelect(['h.label AS label', 'h.ownerName AS ownerName', 'h.phone AS phone', 'h.floor AS floor', 'h.room AS room'])
      .addSelect(['r.answer AS answer', 'r.finalRefusalAt AS finalRefusalAt'])
      .where('ch.consultationId = :consultationId', { consultationId })
      .andWhere(stillOpen)
      .getRawMany<ChaseRow & { floor: number; room: string }>();
    const open = rows.filter((row) => groups.get(row.groupId)?.state !== GroupState.Reached);
    const visits = await this.visitsOf(consultationId);
    const units = await this.unitLabels(open.map((row) => row.unitId));
    const byUnit = new Map<string, OutstandingUnit & { groupMissing: number }>();
    for (const row of open.sort((a, b) => a.floor - b.floor || a.room.localeCompare(b.room, 'zh-Hans-CN', { numeric: true }))) {
      let unit = byUnit.get(row.unitId);
      if (!unit) {
        unit = { unitId: row.unitId, label: units.get(row.unitId) ?? '', missing: 0, households: [], groupMissing: groups.get(row.groupId)?.missing ?? 0 };
        byUnit.set(row.unitId, unit);
      }
      const visit = visits.get(row.householdId);
      unit.households.push({
        householdId: row.householdId,
        label: row.label,
        ownerName: row.ownerName,
        phone: row.phone,
        answer: row.answer ?? null,
        visits: visit?.count ?? 0,
        lastContactAt: visit?.last ?? null,
        finalRefusal: row.finalRefusalAt !== null && row.finalRefusalAt !== undefined,
      });
      unit.missing = unit.households.length;
    }
    // Closest to the threshold first: a unit one signature short is the best use of a visit.
    return [...byUnit.values()]
      .sort((a, b) => a.groupMissing - b.groupMissing || a.missing - b.missing || a.label.localeCompare(b.label, 'zh-Hans-CN', { numeric: true }))
      .map(({ groupMissing: _, ...unit }) => unit);
  }

  private async visitsOf(consultationId: string) {
    const rows = await visitCountsByHousehold(this.transactions.dataSource.manager, consultationId);
    return new Map(rows.map((row) => [row.householdId, { count: Number(row.count), last: rawDateToIso(row.last as string | Date) }]));
  }

  private async unitLabels(unitIds: string[]): Promise<Map<string, string>> {
    if (!unitIds.length) return new Map();
    const rows = await this.transactions.dataSource.manager
      .createQueryBuilder(Unit, 'u')
      .innerJoin(Building, 'b', 'b.id = u.buildingId')
      .select(['u.id AS id', 'u.name AS unitName', 'b.name AS buildingName'])
      .where('u.id IN (:...unitIds)', { unitIds: [...new Set(unitIds)] })
      .getRawMany<{ id: string; unitName: string; buildingName: string }>();
    return new Map(rows.map((row) => [row.id, `${row.buildingName}${row.unitName}`]));
  }
}
