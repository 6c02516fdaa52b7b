import { bookingChangesCloseAt } from '@linyi/shared';
import { ReminderKind } from '../reminders/reminder.entity.js';

export const SKIP_BOOKING_CHANGED = 'booking moved or cancelled';
export const SKIP_ALREADY_BOOKED = 'already booked';

const WORKS_KINDS = new Set<ReminderKind>([ReminderKind.WorksAnnounced, ReminderKind.WorkTomorrow, ReminderKind.BookingReminder]);

export const isWorksReminder = (kind: ReminderKind) => WORKS_KINDS.has(kind);

/**
 * Why a works reminder is no longer worth sending, or null. `bookedSubject`: the household's
 * booking points at the reminder's subject now (the window of a WORK_TOMORROW, the plan of a
 * BOOKING_REMINDER).
 */
export function worksSkipReason(kind: ReminderKind, bookedSubject: boolean): string | null {
  // "Tomorrow we come to your flat" after the household moved or cancelled would bring them home for nothing.
  if (kind === ReminderKind.WorkTomorrow && !bookedSubject) return SKIP_BOOKING_CHANGED;
  if (kind === ReminderKind.BookingReminder && bookedSubject) return SKIP_ALREADY_BOOKED;
  return null;
}

/** The time field of the WeChat template: the window's start for "tomorrow", none for the others (the consultation's deadline means nothing here). */
export function worksPushTime(kind: ReminderKind, windowStartsAt: Date | null): Date | null {
  return kind === ReminderKind.WorkTomorrow ? windowStartsAt : null;
}

/** When each unit's unbooked households can last book: the latest close of its windows that still have room (none: nothing to remind of). */
export function lastCloseByUnit(windows: Array<{ unitId: string; startsAt: Date; capacity: number; booked: number }>, cutoffHours: number): Map<string, Date> {
  const last = new Map<string, Date>();
  for (const w of windows) {
    if (w.booked >= w.capacity) continue;
    const closes = bookingChangesCloseAt(w.startsAt, cutoffHours);
    if (closes.getTime() > (last.get(w.unitId)?.getTime() ?? -Infinity)) last.set(w.unitId, closes);
  }
  return last;
}

/**
 * Once the last booking reminder is due the first no longer is: planned together, the first (sent
 * or not) would take the day's cap every time and the last would never go out.
 */
export const mostUrgent = (tags: Array<'first' | 'last'>): Array<'first' | 'last'> => (tags.includes('last') ? ['last'] : tags);
