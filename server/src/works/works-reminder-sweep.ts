import { Injectable } from '@nestjs/common';
import { bookingRemindersDue, workTomorrowDue, worksReminderKey, WorkPlanStatus } from '@linyi/shared';
import { In, type EntityManager } from 'typeorm';
import { Household } from '../places/household.entity.js';
import type { PlannedReminder } from '../reminders/reminder-planner.js';
import { policyOf } from '../reminders/reminder-policies.js';
import { ReminderKind } from '../reminders/reminder.entity.js';
import { ReminderSweepTask } from '../reminders/reminder-sweep-task.js';
import { WorkBooking } from './work-booking.entity.js';
import { WorkPlanUnit } from './work-plan-unit.entity.js';
import { WorkPlan } from './work-plan.entity.js';
import { WorkWindow } from './work-window.entity.js';
import { lastCloseByUnit, mostUrgent } from './works-reminder.rules.js';
import { worksReminderTexts } from './works-reminder-texts.js';

const SWEEP_BATCH = 1000;

/**
 * Plans the works reminders of published plans: the day before a window, "tomorrow" to each
 * household booked into it; and booking reminders to unbooked households (after publishing, and a
 * last one a day before their unit's booking closes). Dedupe keys say what the household is told,
 * so each is planned once however often the sweep runs; booking reminders count toward the
 * consultation's daily cap. Send-time re-checks are in works-send-check.ts.
 */
@Injectable()
export class WorksReminderSweep extends ReminderSweepTask {
  protected readonly log = { context: 'works', failure: 'works reminder sweep failed' };

  protected intervalMs() {
    return this.config.works.sweepMs;
  }

  async run(): Promise<{ planned: number }> {
    const plans = await this.transactions.dataSource.getRepository(WorkPlan).findBy({ status: WorkPlanStatus.Published });
    let planned = 0;
    for (const plan of plans) planned += await this.sweepOne(plan);
    return { planned };
  }

  private async sweepOne(plan: WorkPlan): Promise<number> {
    const manager = this.transactions.dataSource.manager;
    const now = this.clock.now();
    const windows = await manager.findBy(WorkWindow, { workPlanId: plan.id });
    const items = [...(await this.tomorrow(manager, plan, windows, now)), ...(await this.bookingReminders(manager, plan, windows, now))];
    if (!items.length) return 0;
    const policy = await policyOf(manager, plan.consultationId);
    let planned = 0;
    // One transaction per batch: delivery starts while a large sweep is still planning; dedupe keys make re-runs safe.
    for (let i = 0; i < items.length; i += SWEEP_BATCH) {
      planned += (await this.transactions.run((tx) => this.planner.plan(tx, items.slice(i, i + SWEEP_BATCH), now, policy))).length;
    }
    return planned;
  }

  /** "Tomorrow" to each household booked into a window whose reminder moment has come. */
  private async tomorrow(manager: EntityManager, plan: WorkPlan, windows: WorkWindow[], now: Date): Promise<PlannedReminder[]> {
    const due = windows.filter((w) => w.booked > 0 && workTomorrowDue(w.startsAt, now, this.config.works.tomorrowAt));
    if (!due.length) return [];
    const byId = new Map(due.map((w) => [w.id, w]));
    const bookings = await manager.find(WorkBooking, { select: { householdId: true, windowId: true }, where: { workPlanId: plan.id, windowId: In([...byId.keys()]) } });
    return bookings.map((booking) => {
      const window = byId.get(booking.windowId)!;
      return {
        kind: ReminderKind.WorkTomorrow,
        consultationId: plan.consultationId,
        householdId: booking.householdId,
        subjectId: window.id,
        dedupeKey: worksReminderKey.tomorrow(window.id, booking.householdId),
        capped: false,
        ...worksReminderTexts.tomorrow(plan, window.startsAt, window.endsAt),
      };
    });
  }

  /** Reminders to book, to households of the plan's units that have not booked, while their unit has a window they can still book. */
  private async bookingReminders(manager: EntityManager, plan: WorkPlan, windows: WorkWindow[], now: Date): Promise<PlannedReminder[]> {
    if (!plan.publishedAt) return [];
    const lastClose = lastCloseByUnit(windows, this.config.works.bookingCutoffHours);
    const dueByUnit = new Map([...lastClose].map(([unitId, closes]) => [unitId, { closes, tags: mostUrgent(bookingRemindersDue(plan.publishedAt!, closes, now, this.config.works.bookingReminderAfterHours)) }]));
    const unitIds = [...dueByUnit].filter(([, due]) => due.tags.length).map(([unitId]) => unitId);
    if (!unitIds.length) return [];
    const unbooked = await manager
      .createQueryBuilder(Household, 'h')
      .innerJoin(WorkPlanUnit, 'pu', 'pu.unitId = h.unitId AND pu.workPlanId = :planId', { planId: plan.id })
      .leftJoin(WorkBooking, 'k', 'k.householdId = h.id AND k.workPlanId = :planId', { planId: plan.id })
      .select(['h.id AS householdId', 'h.unitId AS unitId'])
      .where('h.unitId IN (:...unitIds) AND k.id IS NULL', { unitIds })
      .getRawMany<{ householdId: string; unitId: string }>();
    return unbooked.flatMap(({ householdId, unitId }) => {
      const { closes, tags } = dueByUnit.get(unitId)!;
      return tags.map((tag) => ({
        kind: ReminderKind.BookingReminder,
        consultationId: plan.consultationId,
        householdId,
        subjectId: plan.id,
        dedupeKey: worksReminderKey.booking(plan.id, householdId, tag),
        capped: true,
        ...worksReminderTexts.booking(plan, closes),
      }));
    });
  }
}
