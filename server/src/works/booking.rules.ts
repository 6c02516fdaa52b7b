import { BOOKING_REFUSAL_TEXT, MeasureKind, ScreeningStatus, bookingClosed, bookingRefusal, type BookingRefusal, type CarePlanMeasure, type WindowBookingFacts } from '@linyi/shared';

/** Said on a window with no place left; the server answers 409 WINDOW_FULL with the same words. */
export const WINDOW_FULL_TEXT = '此时段已约满，请选择其他时段';

/** Said when the household's current window has closed, so it can no longer move to another one. */
export const CURRENT_WINDOW_CLOSED_TEXT = '您家已预约的时段已过截止时间，不能再改约或取消，如需调整请联系社区居委会';

/** A household is offered priority windows first when it needs care and its care plan asks for one. */
export function hasPriorityWindow(status: ScreeningStatus | null | undefined, measures: CarePlanMeasure[] | null | undefined): boolean {
  return status === ScreeningStatus.NeedsCare && (measures ?? []).some((measure) => measure.kind === MeasureKind.PriorityWindow);
}

export interface WindowOfferFacts extends WindowBookingFacts {
  id: string;
  remaining: number;
}

export interface HouseholdBookingFacts {
  /** The window the household has booked in this plan, if any. */
  bookedWindowId: string | null;
  /** Its start, to know whether the booking may still move. */
  bookedStartsAt: Date | null;
}

/**
 * Whether the household may book this window now, and why not in the resident's words. The same
 * order as the PUT: cut-off and priority hold, then a booking that can no longer move, then room.
 * The household's own window stays bookable (booking it again changes nothing).
 */
export function windowOffer(window: WindowOfferFacts, household: HouseholdBookingFacts, now: Date, cutoffHours: number, holdHours: number): { bookable: boolean; unavailableReason: string | null } {
  const own = household.bookedWindowId === window.id;
  const refusal: BookingRefusal | null = bookingRefusal(window, now, cutoffHours, holdHours);
  if (refusal && !own) return { bookable: false, unavailableReason: BOOKING_REFUSAL_TEXT[refusal] };
  if (own) return refusal === 'BOOKING_CLOSED' ? { bookable: false, unavailableReason: BOOKING_REFUSAL_TEXT.BOOKING_CLOSED } : { bookable: true, unavailableReason: null };
  if (household.bookedStartsAt && bookingClosed(household.bookedStartsAt, now, cutoffHours)) return { bookable: false, unavailableReason: CURRENT_WINDOW_CLOSED_TEXT };
  if (window.remaining <= 0) return { bookable: false, unavailableReason: WINDOW_FULL_TEXT };
  return { bookable: true, unavailableReason: null };
}
