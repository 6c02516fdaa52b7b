import { WorkPlanStatus, DEFAULT_WORK_STEPS } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AcceptanceRecord } from '../../src/acceptance/acceptance-record.entity.js';
import { AcceptanceSignOff } from '../../src/acceptance/acceptance-sign-off.entity.js';
import { HouseholdAcceptance } from '../../src/acceptance/household-acceptance.entity.js';
import { OwnerSupervisor } from '../../src/acceptance/owner-supervisor.entity.js';
import { WarrantyNotice } from '../../src/acceptance/warranty-notice.entity.js';
import { WarrantyRepair } from '../../src/acceptance/warranty-repair.entity.js';
import { WorkInspection } from '../../src/acceptance/work-inspection.entity.js';
import { Building } from '../../src/places/building.entity.js';
import { Compound } from '../../src/places/compound.entity.js';
import { Household } from '../../src/places/household.entity.js';
import { Unit } from '../../src/places/unit.entity.js';
import { WorkBooking } from '../../src/works/work-booking.entity.js';
import { WorkPlanUnit } from '../../src/works/work-plan-unit.entity.js';
import { WorkPlan } from '../../src/works/work-plan.entity.js';
import { WorkWindow } from '../../src/works/work-window.entity.js';

const DAY = 24 * 3600 * 1000;

/** Removes every plan, window and booking, and what acceptance and warranty kept of them (the demo's too): a test that needs a clean slate starts here. */
export async function clearWorks(dataSource: DataSource): Promise<void> {
  const acceptance = [WarrantyRepair, WarrantyNotice, AcceptanceSignOff, AcceptanceRecord, WorkInspection, HouseholdAcceptance, OwnerSupervisor];
  for (const entity of [...acceptance, WorkBooking, WorkWindow, WorkPlanUnit, WorkPlan]) await dataSource.getRepository(entity).createQueryBuilder().delete().execute();
}

/** A unit of the demo's 光明里小区 by its label, e.g. "1号楼2单元", with its households lowest floor first. */
export async function demoUnit(dataSource: DataSource, label = '1号楼2单元'): Promise<{ compound: Compound; unit: Unit; households: Household[] }> {
  const [buildingName, unitName] = label.split(/(?<=楼)/);
  const compound = await dataSource.getRepository(Compound).findOneByOrFail({ name: '光明里小区' });
  const building = await dataSource.getRepository(Building).findOneByOrFail({ compoundId: compound.id, name: buildingName });
  const unit = await dataSource.getRepository(Unit).findOneByOrFail({ buildingId: building.id, name: unitName });
  const households = await dataSource.getRepository(Household).find({ where: { unitId: unit.id }, order: { floor: 'ASC', room: 'ASC' } });
  return { compound, unit, households };
}

export interface WindowSpec {
  /** Days from `now` to the start (fractions allowed); the window lasts `hours` (default 8). */
  inDays: number;
  hours?: number;
  capacity: number;
  priority?: boolean;
}

/**
 * A plan written straight to the tables, PUBLISHED (or as told) for the given units, with windows:
 * for tests of booking, crew lists and reminders that do not test publishing itself. A fresh
 * consultation id keeps it clear of the demo's published plan.
 */
export async function insertPlan(
  dataSource: DataSource,
  options: { compoundId: string; unitIds: string[]; windows: Array<WindowSpec & { unitId: string }>; now: Date; status?: WorkPlanStatus; consultationId?: string; createdBy?: string },
): Promise<{ plan: WorkPlan; windows: WorkWindow[] }> {
  const status = options.status ?? WorkPlanStatus.Published;
  const consultationId = options.consultationId ?? randomUUID();
  const plan = await dataSource.getRepository(WorkPlan).save(
    dataSource.getRepository(WorkPlan).create({
      id: randomUUID(),
      compoundId: options.compoundId,
      consultationId,
      title: '上下水立管更换（测试）',
      steps: DEFAULT_WORK_STEPS,
      waterCut: '施工当天 8:00—18:00 全单元停水',
      temporaryWater: '一楼楼道口设临时水龙头',
      temporarySewage: '停水期间请勿使用马桶，小区东门设临时厕所',
      contactPhone: '01062345678',
      status,
      createdBy: options.createdBy ?? randomUUID(),
      createdAt: options.now,
      publishedAt: status === WorkPlanStatus.Published ? options.now : null,
      publishedBy: null,
    }),
  );
  for (const unitId of options.unitIds) {
    await dataSource.getRepository(WorkPlanUnit).insert({ id: randomUUID(), workPlanId: plan.id, unitId, publishedKey: status === WorkPlanStatus.Published ? `${consultationId}:${unitId}` : null });
  }
  const windows: WorkWindow[] = [];
  for (const spec of options.windows) {
    const startsAt = new Date(options.now.getTime() + spec.inDays * DAY);
    windows.push(
      await dataSource.getRepository(WorkWindow).save(
        dataSource.getRepository(WorkWindow).create({
          id: randomUUID(),
          workPlanId: plan.id,
          unitId: spec.unitId,
          startsAt,
          endsAt: new Date(startsAt.getTime() + (spec.hours ?? 8) * 3600 * 1000),
          capacity: spec.capacity,
          booked: 0,
          priority: spec.priority ?? false,
          createdAt: options.now,
        }),
      ),
    );
  }
  return { plan, windows };
}
