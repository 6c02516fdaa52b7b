import { Inject, Injectable } from '@nestjs/common';
import { BOOKING_REFUSAL_TEXT, WorkPlanStatus, bookingClosed, bookingRefusal, contactPhoneProblem, normalizeContactPhone, type BookingRequest, type BookingView } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { appendHouseholdEntry } from '../audit/household-chain.js';
import { AppException } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { execute, sql } from '../database/sql.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Household } from '../places/household.entity.js';
import { lockHousehold } from '../acceptance/household-lock.js';
import { householdHasPriority } from './booking-priority.js';
import { toBookingView } from './booking.mapper.js';
import { CURRENT_WINDOW_CLOSED_TEXT, WINDOW_FULL_TEXT } from './booking.rules.js';
import { WorkBooking } from './work-booking.entity.js';
import { WorkPlan } from './work-plan.entity.js';
import { WorkWindow } from './work-window.entity.js';
import { unitLabelsOf } from './work-plan-facts.js';
import { WorksAccess } from './works-access.js';

// pretix's rule: the window row holds the capacity, and only a conditional update takes a place.
const TAKE_PLACE = 'UPDATE {work_window} SET {booked} = {booked} + 1 WHERE {id} = ? AND {booked} < {capacity}';
const FREE_PLACE = 'UPDATE {work_window} SET {booked} = {booked} - 1 WHERE {id} = ? AND {booked} > 0';

/** A published plan of the household's compound, or 404 as if it did not exist (drafts are the contractor's own). */
export async function publishedPlanFor(manager: EntityManager, household: Household, workPlanId: string): Promise<WorkPlan> {
  const plan = await manager.findOneBy(WorkPlan, { id: workPlanId });
  if (!plan || plan.status !== WorkPlanStatus.Published || plan.compoundId !== household.compoundId) throw new AppException('NOT_FOUND', '施工计划不存在');
  return plan;
}

/**
 * A household books, moves or cancels its window of a published plan: the bound resident, or
 * committee staff for a household that cannot use a phone. One transaction each: the household row
 * is locked first (its own requests queue up), then windows are touched in ascending id order (no
 * deadlock between two moves), and a place is taken only by the conditional update. Row locks only,
 * never a range, so the same code is exact on TiDB, which has no gap locks.
 */
@Injectable()
export class BookingService {
  private readonly cutoffHours: number;
  private readonly holdHours: number;

  constructor(
    @Inject(WorksAccess) private readonly access: WorksAccess,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cutoffHours = config.works.bookingCutoffHours;
    this.holdHours = config.works.priorityHoldHours;
  }

  async book(actor: Actor, householdId: string, input: BookingRequest): Promise<BookingView> {
    const household = await this.access.householdFor(actor, householdId);
    const phone = contactPhoneOf(input.contactPhone);
    const now = this.clock.stamp();
    return this.transactions.run(async (manager) => {
      await lockHousehold(manager, householdId);
      const plan = await publishedPlanFor(manager, household, input.workPlanId);
      const window = await manager.findOneBy(WorkWindow, { id: input.windowId, workPlanId: plan.id });
      if (!window) throw new AppException('NOT_FOUND', '施工时段不存在');
      if (window.unitId !== household.unitId) throw new AppException('WINDOW_OTHER_UNIT', '这个施工时段不是您家所在单元的，请选择本单元的时段');
      const existing = await manager.findOneBy(WorkBooking, { workPlanId: plan.id, householdId });
      if (existing?.windowId === window.id) return this.keep(manager, existing, window, household, phone, now);

      const refusal = bookingRefusal({ startsAt: window.startsAt, priority: window.priority, publishedAt: plan.publishedAt ?? plan.createdAt, householdHasPriority: await householdHasPriority(manager, householdId) }, now, this.cutoffHours, this.holdHours);
      if (refusal) throw new AppException(refusal, BOOKING_REFUSAL_TEXT[refusal]);
      const previous = existing ? await manager.findOneByOrFail(WorkWindow, { id: existing.windowId }) : null;
      if (previous && bookingClosed(previous.startsAt, now, this.cutoffHours)) throw new AppException('BOOKING_CLOSED', CURRENT_WINDOW_CLOSED_TEXT);

      for (const id of [window.id, previous?.id].filter((id): id is string => !!id).sort()) {
        if (id === window.id) await this.takePlace(manager, id);
        else await execute(manager, sql(manager, FREE_PLACE), [id]);
      }
      const by = actor.kind === 'staff' ? { bookedByStaffId: actor.id, bookedByResidentId: null } : { bookedByResidentId: actor.id, bookedByStaffId: null };
      let booking: WorkBooking;
      if (existing) {
        booking = Object.assign(existing, { windowId: window.id, ...by, ...(phone !== undefined ? { contactPhone: phone } : {}), bookedAt: now, updatedAt: now });
        await manager.update(WorkBooking, { id: existing.id }, { windowId: window.id, ...by, contactPhone: booking.contactPhone, bookedAt: now, updatedAt: now });
      } else {
        booking = manager.create(WorkBooking, { id: randomUUID(), workPlanId: plan.id, householdId, unitId: household.unitId, windowId: window.id, contactPhone: phone ?? null, ...by, bookedAt: now, updatedAt: now });
        await manager.insert(WorkBooking, booking);
      }
      await appendHouseholdEntry(this.audit, manager, { actor, householdId, action: existing ? 'WORK_BOOKING_MOVED' : 'WORK_BOOKED', payload: { workPlanId: plan.id, windowId: window.id, ...(previous ? { previousWindowId: previous.id } : {}) }, at: now });
      return this.view(manager, booking, window, household);
    });
  }

  async cancel(actor: Actor, householdId: string, workPlanId: string): Promise<{ cancelled: true }> {
    const household = await this.access.householdFor(actor, householdId);
    const now = this.clock.stamp();
    return this.transactions.run(async (manager) => {
      await lockHousehold(manager, householdId);
      const plan = await publishedPlanFor(manager, household, workPlanId);
      const booking = await manager.findOneBy(WorkBooking, { workPlanId: plan.id, householdId });
      if (!booking) throw new AppException('NOT_BOOKED', '您家还没有预约这个施工计划的时段');
      const window = await manager.findOneByOrFail(WorkWindow, { id: booking.windowId });
      if (bookingClosed(window.startsAt, now, this.cutoffHours)) throw new AppException('BOOKING_CLOSED', CURRENT_WINDOW_CLOSED_TEXT);
      await manager.delete(WorkBooking, { id: booking.id });
      await execute(manager, sql(manager, FREE_PLACE), [window.id]);
      await appendHouseholdEntry(this.audit, manager, { actor, householdId, action: 'WORK_BOOKING_CANCELLED', payload: { workPlanId: plan.id, windowId: window.id }, at: now });
      return { cancelled: true as const };
    });
  }

  /** The same window again: nothing moves; a new contact phone is still worth keeping for the crew. */
  private async keep(manager: EntityManager, booking: WorkBooking, window: WorkWindow, household: Household, phone: string | null | undefined, now: Date): Promise<BookingView> {
    if (phone !== undefined && phone !== booking.contactPhone) {
      await manager.update(WorkBooking, { id: booking.id }, { contactPhone: phone, updatedAt: now });
      booking.contactPhone = phone;
    }
    return this.view(manager, booking, window, household);
  }

  private async takePlace(manager: EntityManager, windowId: string): Promise<void> {
    const taken = await execute(manager, sql(manager, TAKE_PLACE), [windowId]);
    // No place left: the whole transaction rolls back, a freed old place included.
    if (taken.affected !== 1) throw new AppException('WINDOW_FULL', WINDOW_FULL_TEXT);
  }

  private async view(manager: EntityManager, booking: WorkBooking, window: WorkWindow, household: Household): Promise<BookingView> {
    const unitLabel = (await unitLabelsOf(manager, [household.unitId])).get(household.unitId) ?? '';
    return toBookingView(booking, window, { household, unitLabel, cutoffHours: this.cutoffHours });
  }
}

/** undefined: keep what is stored; blank: back to the roster phone (null); else a phone the crew can call, or 400. */
function contactPhoneOf(typed: string | undefined): string | null | undefined {
  if (typed === undefined) return undefined;
  const phone = normalizeContactPhone(typed);
  if (!phone) return null;
  const problem = contactPhoneProblem(phone);
  if (problem) throw new AppException('VALIDATION_FAILED', problem);
  return phone;
}
