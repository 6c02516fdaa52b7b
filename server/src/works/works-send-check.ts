import { In, type EntityManager } from 'typeorm';
import { ReminderKind, type Reminder } from '../reminders/reminder.entity.js';
import { WorkBooking } from './work-booking.entity.js';
import { WorkWindow } from './work-window.entity.js';
import { isWorksReminder, worksPushTime, worksSkipReason } from './works-reminder.rules.js';

export interface WorksSendCheck {
  /** Why this works reminder is no longer worth sending, or null (also null for every other kind). */
  skipReason(reminder: Reminder): string | null;
  /** The WeChat template's time field of a works reminder. */
  pushTime(reminder: Reminder): Date | null;
}

/**
 * What is true of a batch's works reminders at the moment they would go out: two queries for the
 * whole batch (the households' bookings, the windows' starts), none when it holds no works reminder.
 */
export async function worksSendCheck(manager: EntityManager, reminders: Reminder[]): Promise<WorksSendCheck> {
  const works = reminders.filter((r) => isWorksReminder(r.kind) && r.householdId && r.subjectId);
  const tomorrow = works.filter((r) => r.kind === ReminderKind.WorkTomorrow);
  const bookings = works.length
    ? await manager.find(WorkBooking, { select: { householdId: true, workPlanId: true, windowId: true }, where: { householdId: In([...new Set(works.map((r) => r.householdId!))]) } })
    : [];
  // A booking "points at" its window and at its plan.
  const pointsAt = new Set(bookings.flatMap((b) => [`${b.householdId}|${b.windowId}`, `${b.householdId}|${b.workPlanId}`]));
  const windows = tomorrow.length ? await manager.find(WorkWindow, { select: { id: true, startsAt: true }, where: { id: In([...new Set(tomorrow.map((r) => r.subjectId!))]) } }) : [];
  const startsAt = new Map(windows.map((w) => [w.id, w.startsAt]));
  return {
    skipReason: (reminder) => (isWorksReminder(reminder.kind) ? worksSkipReason(reminder.kind, pointsAt.has(`${reminder.householdId}|${reminder.subjectId}`)) : null),
    pushTime: (reminder) => worksPushTime(reminder.kind, reminder.subjectId ? startsAt.get(reminder.subjectId) ?? null : null),
  };
}
