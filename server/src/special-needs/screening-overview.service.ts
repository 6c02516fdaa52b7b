import { Inject, Injectable } from '@nestjs/common';
import { householdReadiness, SensitiveAccessAction, type ScreeningStatus, type UnitScreeningList, type UnitScreeningSummary } from '@linyi/shared';
import { type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { StaffActor } from '../auth/actor.js';
import { AppException, notFound } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { rawDateToIso } from '../common/raw-date.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AccessService } from '../places/access.service.js';
import { Building } from '../places/building.entity.js';
import { Household } from '../places/household.entity.js';
import { Unit } from '../places/unit.entity.js';
import { CarePlan } from './care-plan.entity.js';
import { HouseholdScreening } from './household-screening.entity.js';
import { inRoomOrder, inRosterOrder, tallyUnit, unitLabel, unitsInOrder, withCarePlan, type PlacedStanding, type UnitStandings } from './screening-overview.rules.js';
import { screeningExportFileName, screeningWorkbook, type ExportHousehold } from './screening-workbook.js';
import { SensitiveAccessLogService } from './sensitive-access-log.service.js';

interface StandingRow {
  unitId: string;
  unitName: string;
  buildingName: string;
  householdId: string | null;
  status: ScreeningStatus | null;
  carePlanId: string | null;
}

interface UnitHouseholdRow {
  householdId: string;
  label: string;
  room: string;
  floor: number | string;
  status: ScreeningStatus | null;
  screenedAt: unknown;
  carePlanId: string | null;
}

export interface UnitReadiness {
  unitId: string;
  label: string;
  households: number;
  notScreened: number;
  needsPlan: number;
}

const summaryOf = ({ unitId, label, tally }: UnitStandings): UnitScreeningSummary => ({
  unitId,
  label,
  households: tally.households,
  screened: tally.screened,
  needsCare: tally.needsCare,
  withCarePlan: tally.withCarePlan,
});

/**
 * The screening overview: counts per unit (no personal details, not logged), a unit's households
 * with where each stands (logged), and the committee's XLSX export (logged). A fixed number of
 * queries whatever the compound's size; nothing here returns a need code or a note but the export.
 */
@Injectable()
export class ScreeningOverviewService {
  constructor(
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(SensitiveAccessLogService) private readonly accessLog: SensitiveAccessLogService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Every unit of the compound that has households, in building-then-unit order. */
  async compoundCounts(actor: StaffActor, compoundId: string): Promise<UnitScreeningSummary[]> {
    await this.access.compoundForStaff(actor, compoundId);
    const rows = await this.standings(this.transactions.dataSource.manager, (query) => query.where('u.compoundId = :compoundId', { compoundId }));
    return unitsInOrder(rows)
      .filter((unit) => unit.tally.households > 0)
      .map(summaryOf);
  }

  /** A unit's households, lowest floor first; the read is logged in the transaction that reads it. */
  async unitList(actor: StaffActor, unitId: string): Promise<UnitScreeningList> {
    const unit = await this.unitForStaff(actor, unitId);
    return this.transactions.run(async (manager) => {
      const building = await manager.findOneByOrFail(Building, { id: unit.buildingId });
      const rows = await manager
        .createQueryBuilder(Household, 'h')
        .leftJoin(HouseholdScreening, 's', 's.householdId = h.id')
        .leftJoin(CarePlan, 'p', 'p.householdId = h.id')
        .select(['h.id AS householdId', 'h.label AS label', 'h.room AS room', 'h.floor AS floor'])
        .addSelect(['s.status AS status', 's.screenedAt AS screenedAt', 'p.id AS carePlanId'])
        .where('h.unitId = :unitId', { unitId })
        .getRawMany<UnitHouseholdRow>();
      const items = inRoomOrder(rows.map((row) => ({ ...row, floor: Number(row.floor) }))).map((row) => {
        const standing = { status: row.status ?? null, hasCarePlan: !!row.carePlanId };
        return {
          householdId: row.householdId,
          label: row.label,
          room: row.room,
          floor: row.floor,
          status: standing.status,
          readiness: householdReadiness(standing.status, standing.hasCarePlan),
          withCarePlan: withCarePlan(standing),
          screenedAt: standing.status ? rawDateToIso(row.screenedAt) : null,
        };
      });
      const tally = tallyUnit(items.map((item) => ({ status: item.status, hasCarePlan: item.withCarePlan })));
      await this.accessLog.record(manager, actor, { compoundId: unit.compoundId, unitId }, SensitiveAccessAction.ListUnit, this.clock.stamp());
      return {
        ...summaryOf({ unitId, label: unitLabel(building.name, unit.name), tally }),
        compoundId: unit.compoundId,
        items,
      };
    });
  }

  /** The compound's screening sheet with the details, for the committee's own use, and its file name; logged once. */
  async exportWorkbook(actor: StaffActor, compoundId: string): Promise<{ fileName: string; bytes: Buffer }> {
    const compound = await this.access.compoundForStaff(actor, compoundId);
    return this.transactions.run(async (manager) => {
      const places = await manager
        .createQueryBuilder(Household, 'h')
        .innerJoin(Unit, 'u', 'u.id = h.unitId')
        .innerJoin(Building, 'b', 'b.id = u.buildingId')
        .select(['h.id AS householdId', 'h.room AS room', 'h.floor AS floor', 'u.name AS unitName', 'b.name AS buildingName'])
        .where('h.compoundId = :compoundId', { compoundId })
        .getRawMany<{ householdId: string; room: string; floor: number | string; unitName: string; buildingName: string }>();
      const screenings = new Map((await manager.findBy(HouseholdScreening, { compoundId })).map((s) => [s.householdId, s]));
      const plans = await manager.createQueryBuilder(CarePlan, 'p').innerJoin(Household, 'h', 'h.id = p.householdId').where('h.compoundId = :compoundId', { compoundId }).getMany();
      const planOf = new Map(plans.map((p) => [p.householdId, p]));
      const households: ExportHousehold[] = inRosterOrder(places.map((p) => ({ ...p, floor: Number(p.floor) }))).map((place) => ({
        ...place,
        screening: screenings.get(place.householdId) ?? null,
        carePlan: planOf.get(place.householdId) ?? null,
      }));
      const at = this.clock.stamp();
      await this.accessLog.record(manager, actor, { compoundId }, SensitiveAccessAction.Export, at);
      return { fileName: screeningExportFileName(compound.name, at), bytes: await screeningWorkbook(compound.name, households) };
    });
  }

  /** For the works issue's publish check: per unit, how many households are not screened or lack a plan. No actor, no log. */
  async unitReadiness(manager: EntityManager, unitIds: string[]): Promise<UnitReadiness[]> {
    if (unitIds.length === 0) return [];
    const rows = await this.standings(manager, (query) => query.where('u.id IN (:...unitIds)', { unitIds: [...new Set(unitIds)] }));
    return unitsInOrder(rows).map(({ unitId, label, tally }) => ({ unitId, label, households: tally.households, notScreened: tally.notScreened, needsPlan: tally.needsPlan }));
  }

  /** The unit, if its compound is in the staff member's scope; out of scope reads as not found. */
  private async unitForStaff(actor: StaffActor, unitId: string): Promise<Unit> {
    const unit = await this.transactions.dataSource.manager.findOneBy(Unit, { id: unitId });
    if (!unit) throw notFound('单元');
    try {
      await this.access.compoundForStaff(actor, unit.compoundId);
    } catch (error) {
      if (error instanceof AppException && error.code === 'NOT_FOUND') throw notFound('单元');
      throw error;
    }
    return unit;
  }

  /** Units with each household's status and whether it has a care plan: one query (a unit without households gives one row). */
  private async standings(manager: EntityManager, where: (query: SelectQueryBuilder<Unit>) => SelectQueryBuilder<Unit>): Promise<PlacedStanding[]> {
    const query = manager
      .createQueryBuilder(Unit, 'u')
      .innerJoin(Building, 'b', 'b.id = u.buildingId')
      .leftJoin(Household, 'h', 'h.unitId = u.id')
      .leftJoin(HouseholdScreening, 's', 's.householdId = h.id')
      .leftJoin(CarePlan, 'p', 'p.householdId = h.id')
      .select(['u.id AS unitId', 'u.name AS unitName', 'b.name AS buildingName', 'h.id AS householdId', 's.status AS status', 'p.id AS carePlanId']);
    const rows = await where(query).getRawMany<StandingRow>();
    return rows.map((row) => ({
      unitId: row.unitId,
      unitName: row.unitName,
      buildingName: row.buildingName,
      householdId: row.householdId ?? null,
      status: row.status ?? null,
      hasCarePlan: !!row.carePlanId,
    }));
  }
}
