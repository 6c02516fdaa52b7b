import { ReminderKind } from '../reminders/reminder.entity.js';
import { isWorksReminder, lastCloseByUnit, mostUrgent, SKIP_ALREADY_BOOKED, SKIP_BOOKING_CHANGED, worksPushTime, worksSkipReason } from './works-reminder.rules.js';

const HOUR = 3600 * 1000;
const at = (iso: string) => new Date(iso);

describe('worksSkipReason', () => {
  it('skips "tomorrow" once the booking no longer points at the window, and "please book" once booked', () => {
    expect(worksSkipReason(ReminderKind.WorkTomorrow, true)).toBeNull();
    expect(worksSkipReason(ReminderKind.WorkTomorrow, false)).toBe(SKIP_BOOKING_CHANGED);
    expect(worksSkipReason(ReminderKind.BookingReminder, false)).toBeNull();
    expect(worksSkipReason(ReminderKind.BookingReminder, true)).toBe(SKIP_ALREADY_BOOKED);
  });

  it('leaves the announcement alone: it is news whether or not the household has booked', () => {
    expect(worksSkipReason(ReminderKind.WorksAnnounced, true)).toBeNull();
    expect(worksSkipReason(ReminderKind.WorksAnnounced, false)).toBeNull();
  });
});

describe('worksPushTime', () => {
  it('is the window start for "tomorrow" and nothing for the others', () => {
    const start = at('2026-12-08T00:30:00Z');
    expect(worksPushTime(ReminderKind.WorkTomorrow, start)).toBe(start);
    expect(worksPushTime(ReminderKind.BookingReminder, start)).toBeNull();
    expect(worksPushTime(ReminderKind.WorksAnnounced, start)).toBeNull();
  });

  it('knows which kinds are works reminders', () => {
    expect([ReminderKind.WorksAnnounced, ReminderKind.WorkTomorrow, ReminderKind.BookingReminder].every(isWorksReminder)).toBe(true);
    expect([ReminderKind.DeadlineReminder, ReminderKind.ManualNudge, ReminderKind.GroupReached].some(isWorksReminder)).toBe(false);
  });
});

describe('lastCloseByUnit', () => {
  const window = (unitId: string, startsAt: string, capacity: number, booked: number) => ({ unitId, startsAt: at(startsAt), capacity, booked });

  it('takes, per unit, the latest cut-off of a window that still has room', () => {
    const closes = lastCloseByUnit(
      [window('a', '2026-12-08T00:30:00Z', 4, 1), window('a', '2026-12-10T00:30:00Z', 4, 4), window('a', '2026-12-09T00:30:00Z', 4, 3), window('b', '2026-12-08T00:30:00Z', 2, 2)],
      24,
    );
    expect(closes.get('a')).toEqual(new Date(at('2026-12-09T00:30:00Z').getTime() - 24 * HOUR));
    // Every window of b is full: nothing to remind its households of.
    expect(closes.has('b')).toBe(false);
  });
});

describe('mostUrgent', () => {
  it('keeps the last reminder alone once it is due', () => {
    expect(mostUrgent([])).toEqual([]);
    expect(mostUrgent(['first'])).toEqual(['first']);
    expect(mostUrgent(['first', 'last'])).toEqual(['last']);
  });
});
