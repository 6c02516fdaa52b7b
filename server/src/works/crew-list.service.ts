import { Inject, Injectable } from '@nestjs/common';
import { SensitiveAccessAction, shanghaiDate, type CrewList, type ScreeningStatus } from '@linyi/shared';
import type { EntityManager } from 'typeorm';
import type { StaffActor } from '../auth/actor.js';
import { Clock } from '../common/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Building } from '../places/building.entity.js';
import { Household } from '../places/household.entity.js';
import { Unit } from '../places/unit.entity.js';
import { CarePlan } from '../special-needs/care-plan.entity.js';
import { HouseholdScreening } from '../special-needs/household-screening.entity.js';
import { SensitiveAccessLogService } from '../special-needs/sensitive-access-log.service.js';
import { crewList, type CrewHouseholdRow, type CrewUnitRow } from './crew-list.rules.js';
import { crewWorkbook } from './crew-workbook.js';
import { WorkBooking } from './work-booking.entity.js';
import { WorkPlanUnit } from './work-plan-unit.entity.js';
import { WorkWindow } from './work-window.entity.js';
import { WorksAccess } from './works-access.js';

interface HouseholdRaw {
  householdId: string;
  unitId: string;
  label: string;
  room: string;
  floor: number | string;
  rosterPhone: string | null;
  bookedWindowId: string | null;
  bookingPhone: string | null;
  screeningStatus: ScreeningStatus | null;
  carePlanNote: string | null;
}

/**
 * The crew's list of a plan (API.md `GET /work-plans/{id}/bookings`): who is booked when, the
 * number to ring and the care plan's one line, and who has not booked. Need codes, notes, measures
 * and care contacts are never selected. Each household whose line is shown is a logged read,
 * written in the reading transaction: no entry, no list.
 */
@Injectable()
export class CrewListService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(WorksAccess) private readonly access: WorksAccess,
    @Inject(SensitiveAccessLogService) private readonly accessLog: SensitiveAccessLogService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async list(actor: StaffActor, planId: string): Promise<CrewList> {
    return (await this.read(actor, planId)).list;
  }

  /** The same list as an XLSX workbook, and its file name (plan and day, Beijing time). */
  async workbook(actor: StaffActor, planId: string): Promise<{ fileName: string; bytes: Buffer }> {
    const { list, title } = await this.read(actor, planId);
    return { fileName: `入户名单-${title}-${shanghaiDate(this.clock.now())}.xlsx`, bytes: await crewWorkbook(title, list) };
  }

  private read(actor: StaffActor, planId: string): Promise<{ list: CrewList; title: string }> {
    return this.transactions.run(async (manager) => {
      const plan = await this.access.planForStaff(manager, actor, planId);
      const unitIds = (await manager.find(WorkPlanUnit, { select: { unitId: true }, where: { workPlanId: plan.id } })).map((u) => u.unitId);
      const windows = await manager.findBy(WorkWindow, { workPlanId: plan.id });
      const { list, shownNotes } = crewList(await this.units(manager, unitIds), windows, await this.households(manager, plan.id, unitIds));
      await this.accessLog.recordEach(manager, actor, plan.compoundId, shownNotes, SensitiveAccessAction.CrewList, this.clock.stamp());
      return { list, title: plan.title };
    });
  }

  private async units(manager: EntityManager, unitIds: string[]): Promise<CrewUnitRow[]> {
    if (!unitIds.length) return [];
    return manager
      .createQueryBuilder(Unit, 'u')
      .innerJoin(Building, 'b', 'b.id = u.buildingId')
      .select(['u.id AS unitId', 'u.name AS unitName', 'b.name AS buildingName'])
      .where('u.id IN (:...unitIds)', { unitIds })
      .getRawMany<CrewUnitRow>();
  }

  /** Every household of the units with its booking in this plan; the screening status and the crew line are joined for booked ones only. */
  private async households(manager: EntityManager, planId: string, unitIds: string[]): Promise<CrewHouseholdRow[]> {
    if (!unitIds.length) return [];
    const rows = await manager
      .createQueryBuilder(Household, 'h')
      .leftJoin(WorkBooking, 'k', 'k.householdId = h.id AND k.workPlanId = :planId', { planId })
      .leftJoin(HouseholdScreening, 's', 's.householdId = h.id AND k.id IS NOT NULL')
      .leftJoin(CarePlan, 'p', 'p.householdId = h.id AND k.id IS NOT NULL')
      .select(['h.id AS householdId', 'h.unitId AS unitId', 'h.label AS label', 'h.room AS room', 'h.floor AS floor', 'h.phone AS rosterPhone'])
      .addSelect(['k.windowId AS bookedWindowId', 'k.contactPhone AS bookingPhone', 's.status AS screeningStatus', 'p.assistanceNote AS carePlanNote'])
      .where('h.unitId IN (:...unitIds)', { unitIds })
      .getRawMany<HouseholdRaw>();
    return rows.map((row) => ({
      ...row,
      floor: Number(row.floor),
      rosterPhone: row.rosterPhone ?? null,
      bookedWindowId: row.bookedWindowId ?? null,
      bookingPhone: row.bookingPhone ?? null,
      screeningStatus: row.screeningStatus ?? null,
      carePlanNote: row.carePlanNote ?? null,
    }));
  }
}
