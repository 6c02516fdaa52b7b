import { Inject, Injectable } from '@nestjs/common';
import type { CompoundHouseholds } from '@linyi/shared';
import type { StaffActor } from '../auth/actor.js';
import { notFound } from '../common/app.exception.js';
import { rawDateToIso } from '../common/raw-date.js';
import { ConsultationHousehold } from '../consultations/consultation-household.entity.js';
import { Consultation } from '../consultations/consultation.entity.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AccessService } from '../places/access.service.js';
import { Building } from '../places/building.entity.js';
import { Household } from '../places/household.entity.js';
import { Unit } from '../places/unit.entity.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { HouseholdResponse } from '../responses/household-response.entity.js';
import { visitCountsByHousehold } from '../visits/visit-counts.js';
import { toCompoundHouseholds, type HouseholdFacts, type HouseholdRow, type ResponseRow } from './progress.mapper.js';
import { contactsFor } from './resident-contacts.rules.js';

/**
 * The compound page's household list. A fixed number of queries (one per table, none per household)
 * whatever the compound's size: a 2 000-household compound costs the same five statements.
 */
@Injectable()
export class CompoundHouseholdsService {
  constructor(
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  async list(actor: StaffActor, compoundId: string, consultationId: string | undefined): Promise<CompoundHouseholds> {
    await this.access.compoundForStaff(actor, compoundId);
    const manager = this.transactions.dataSource.manager;
    // The compound is in scope, so a consultation of that compound is too; one of another compound does not exist here.
    if (consultationId && !(await manager.existsBy(Consultation, { id: consultationId, compoundId }))) throw notFound('征询事项');
    const [rows, facts] = await Promise.all([this.households(compoundId), this.facts(compoundId, consultationId)]);
    return toCompoundHouseholds(compoundId, consultationId ?? null, rows.map((row) => contactsFor(actor.role, row)), facts);
  }

  private households(compoundId: string): Promise<HouseholdRow[]> {
    return this.transactions.dataSource.manager
      .createQueryBuilder(Household, 'h')
      .innerJoin(Unit, 'u', 'u.id = h.unitId')
      .innerJoin(Building, 'b', 'b.id = u.buildingId')
      .select(['h.id AS householdId', 'h.label AS label', 'h.room AS room', 'h.floor AS floor', 'h.ownerName AS ownerName', 'h.phone AS phone'])
      .addSelect(['u.id AS unitId', 'u.name AS unitName', 'b.id AS buildingId', 'b.name AS buildingName'])
      .where('h.compoundId = :compoundId', { compoundId })
      .getRawMany<HouseholdRow>();
  }

  private async facts(compoundId: string, consultationId: string | undefined): Promise<HouseholdFacts> {
    const manager = this.transactions.dataSource.manager;
    const members = manager
      .createQueryBuilder(HouseholdMember, 'm')
      .innerJoin(Household, 'h', 'h.id = m.householdId')
      .select('m.householdId', 'householdId')
      .addSelect('COUNT(*)', 'count')
      .where('h.compoundId = :compoundId', { compoundId })
      .groupBy('m.householdId')
      .getRawMany<{ householdId: string; count: string | number }>();
    if (!consultationId) return { boundResidents: counts(await members), responses: new Map(), visits: new Map(), electorate: null };
    const responses = manager
      .createQueryBuilder(HouseholdResponse, 'r')
      .select(['r.householdId AS householdId', 'r.answer AS answer', 'r.optionId AS optionId', 'r.channel AS channel', 'r.answeredAt AS answeredAt', 'r.finalRefusalAt AS finalRefusalAt'])
      .where('r.consultationId = :consultationId', { consultationId })
      .getRawMany<ResponseRow>();
    const visits = visitCountsByHousehold(manager, consultationId);
    const electorate = manager.find(ConsultationHousehold, { select: { householdId: true }, where: { consultationId } });
    const [memberRows, responseRows, visitRows, voters] = await Promise.all([members, responses, visits, electorate]);
    return {
      boundResidents: counts(memberRows),
      responses: new Map(responseRows.map((row) => [row.householdId, row])),
      visits: new Map(visitRows.map((row) => [row.householdId, { count: Number(row.count), last: rawDateToIso(row.last) }])),
      electorate: new Set(voters.map((v) => v.householdId)),
    };
  }
}

const counts = (rows: Array<{ householdId: string; count: string | number }>) => new Map(rows.map((row) => [row.householdId, Number(row.count)]));
