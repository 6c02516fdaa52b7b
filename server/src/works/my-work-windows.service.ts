import { Inject, Injectable } from '@nestjs/common';
import { WorkPlanStatus, type MyWorkPlan } from '@linyi/shared';
import { In } from 'typeorm';
import { toMyAcceptance } from '../acceptance/acceptance.mapper.js';
import { HouseholdAcceptance } from '../acceptance/household-acceptance.entity.js';
import type { ResidentActor } from '../auth/actor.js';
import { AppException } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Compound } from '../places/compound.entity.js';
import { Household } from '../places/household.entity.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { bookingCalendar } from './booking-calendar.js';
import { householdsWithPriority } from './booking-priority.js';
import { toMyWorkPlan } from './booking.mapper.js';
import { publishedPlanFor } from './booking.service.js';
import { unitLabelsOf } from './work-plan-facts.js';
import { WorkBooking } from './work-booking.entity.js';
import { WorkPlanUnit } from './work-plan-unit.entity.js';
import { WorkPlan } from './work-plan.entity.js';
import { WorkWindow } from './work-window.entity.js';
import { WorksAccess } from './works-access.js';

/** What a bound resident sees of in-home works: the published plans of their households' units, that unit's windows, and their own booking only. */
@Injectable()
export class MyWorkWindowsService {
  private readonly cutoffHours: number;
  private readonly holdHours: number;

  constructor(
    @Inject(WorksAccess) private readonly access: WorksAccess,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cutoffHours = config.works.bookingCutoffHours;
    this.holdHours = config.works.priorityHoldHours;
  }

  /** One entry per bound household and published plan holding its unit, earliest works first. */
  async list(actor: ResidentActor): Promise<MyWorkPlan[]> {
    const manager = this.transactions.dataSource.manager;
    const memberships = await manager.findBy(HouseholdMember, { residentId: actor.id });
    if (!memberships.length) return [];
    const households = await manager.findBy(Household, { id: In(memberships.map((m) => m.householdId)) });
    const planUnits = await manager.findBy(WorkPlanUnit, { unitId: In([...new Set(households.map((h) => h.unitId))]) });
    if (!planUnits.length) return [];
    const plans = await manager.findBy(WorkPlan, { id: In([...new Set(planUnits.map((u) => u.workPlanId))]), status: WorkPlanStatus.Published });
    if (!plans.length) return [];
    const planIds = plans.map((p) => p.id);
    const householdIds = households.map((h) => h.id);
    const windows = await manager.find(WorkWindow, { where: { workPlanId: In(planIds), unitId: In(households.map((h) => h.unitId)) }, order: { startsAt: 'ASC' } });
    const bookings = await manager.findBy(WorkBooking, { workPlanId: In(planIds), householdId: In(householdIds) });
    const priority = await householdsWithPriority(manager, householdIds);
    const acceptances = await manager.findBy(HouseholdAcceptance, { workPlanId: In(planIds), householdId: In(householdIds) });
    const unitLabels = await unitLabelsOf(manager, households.map((h) => h.unitId));
    const compounds = new Map((await manager.findBy(Compound, { id: In([...new Set(plans.map((p) => p.compoundId))]) })).map((c) => [c.id, c]));
    const now = this.clock.now();
    const entries: MyWorkPlan[] = [];
    for (const household of households) {
      for (const plan of plans) {
        if (plan.compoundId !== household.compoundId || !planUnits.some((u) => u.workPlanId === plan.id && u.unitId === household.unitId)) continue;
        entries.push(
          toMyWorkPlan({
            plan,
            household,
            unitLabel: unitLabels.get(household.unitId) ?? '',
            compoundPhone: compounds.get(plan.compoundId)?.emergencyPhone ?? null,
            windows: windows.filter((w) => w.workPlanId === plan.id && w.unitId === household.unitId),
            booking: bookings.find((b) => b.workPlanId === plan.id && b.householdId === household.id) ?? null,
            hasPriority: priority.has(household.id),
            acceptance: toMyAcceptance(acceptances.find((a) => a.workPlanId === plan.id && a.householdId === household.id) ?? null),
            now,
            cutoffHours: this.cutoffHours,
            holdHours: this.holdHours,
          }),
        );
      }
    }
    const firstStart = (entry: MyWorkPlan) => entry.windows.reduce((min, w) => (w.startsAt < min ? w.startsAt : min), '9999');
    return entries.sort((a, b) => firstStart(a).localeCompare(firstStart(b)) || a.householdLabel.localeCompare(b.householdLabel, 'zh-Hans-CN', { numeric: true }));
  }

  /** The household's booking as an iCalendar file for the phone's calendar; 404 without a booking. */
  async calendar(actor: ResidentActor, householdId: string, workPlanId: string): Promise<{ fileName: string; text: string }> {
    const household = await this.access.householdFor(actor, householdId);
    const manager = this.transactions.dataSource.manager;
    const plan = await publishedPlanFor(manager, household, workPlanId);
    const booking = await manager.findOneBy(WorkBooking, { workPlanId: plan.id, householdId });
    if (!booking) throw new AppException('NOT_FOUND', '您家还没有预约这个施工计划的时段');
    const window = await manager.findOneByOrFail(WorkWindow, { id: booking.windowId });
    const compound = await manager.findOneBy(Compound, { id: plan.compoundId });
    return {
      fileName: `${household.label}-入户施工预约.ics`,
      text: bookingCalendar({ plan, window, booking, householdLabel: household.label, compoundName: compound?.name ?? '', contactPhone: plan.contactPhone ?? compound?.emergencyPhone ?? null, now: this.clock.now() }),
    };
  }
}
