import { bookingChangesCloseAt, placesLeft, windowsInOfferOrder, type BookingView, type MyWorkPlan, type MyWorkWindow } from '@linyi/shared';
import type { Household } from '../places/household.entity.js';
import { windowOffer } from './booking.rules.js';
import type { WorkBooking } from './work-booking.entity.js';
import type { WorkPlan } from './work-plan.entity.js';
import type { WorkWindow } from './work-window.entity.js';

/** What the booking's view needs beyond the two rows. */
export interface BookingContext {
  household: Pick<Household, 'id' | 'label'>;
  unitLabel: string;
  cutoffHours: number;
}

/** The household's booking: its window's times, when changes close, and who booked (never which staff member). */
export function toBookingView(booking: WorkBooking, window: WorkWindow, context: BookingContext): BookingView {
  return {
    householdId: booking.householdId,
    workPlanId: booking.workPlanId,
    windowId: booking.windowId,
    startsAt: window.startsAt.toISOString(),
    endsAt: window.endsAt.toISOString(),
    unitLabel: context.unitLabel,
    householdLabel: context.household.label,
    contactPhone: booking.contactPhone,
    bookedAt: booking.bookedAt.toISOString(),
    bookedBy: booking.bookedByStaffId ? 'STAFF' : 'RESIDENT',
    changesCloseAt: bookingChangesCloseAt(window.startsAt, context.cutoffHours).toISOString(),
  };
}

export interface MyWorkPlanFacts {
  plan: WorkPlan;
  household: Pick<Household, 'id' | 'label'>;
  unitLabel: string;
  /** The compound's emergency line, shown when the plan names no phone (as the stairwell notice does). */
  compoundPhone: string | null;
  /** The plan's windows of the household's unit only. */
  windows: WorkWindow[];
  booking: WorkBooking | null;
  hasPriority: boolean;
  /** Filled by the acceptance feature (issue 11) once the crew recorded an inspection. */
  acceptance?: MyWorkPlan['acceptance'];
  now: Date;
  cutoffHours: number;
  holdHours: number;
}

/** One plan as a resident sees it for one household: its unit's windows with places left, nothing of other households. */
export function toMyWorkPlan(facts: MyWorkPlanFacts): MyWorkPlan {
  const { plan, booking, now, cutoffHours, holdHours } = facts;
  const booked = booking ? facts.windows.find((w) => w.id === booking.windowId) ?? null : null;
  const windows: MyWorkWindow[] = facts.windows.map((window) => {
    const remaining = placesLeft(window.capacity, window.booked);
    const offer = windowOffer(
      { id: window.id, startsAt: window.startsAt, priority: window.priority, publishedAt: plan.publishedAt ?? plan.createdAt, householdHasPriority: facts.hasPriority, remaining },
      { bookedWindowId: booked?.id ?? null, bookedStartsAt: booked?.startsAt ?? null },
      now,
      cutoffHours,
      holdHours,
    );
    return { id: window.id, startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString(), remaining, priority: window.priority, ...offer };
  });
  return {
    householdId: facts.household.id,
    householdLabel: facts.household.label,
    workPlanId: plan.id,
    title: plan.title,
    steps: plan.steps,
    waterCut: plan.waterCut,
    temporaryWater: plan.temporaryWater,
    temporarySewage: plan.temporarySewage,
    contactPhone: plan.contactPhone ?? facts.compoundPhone,
    windows: windowsInOfferOrder(windows, facts.hasPriority),
    booking: booking && booked ? toBookingView(booking, booked, { household: facts.household, unitLabel: facts.unitLabel, cutoffHours }) : null,
    kind: plan.kind,
    acceptance: facts.acceptance ?? null,
  };
}
