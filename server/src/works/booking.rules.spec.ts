import { BOOKING_REFUSAL_TEXT, MeasureKind, ScreeningStatus } from '@linyi/shared';
import { CURRENT_WINDOW_CLOSED_TEXT, WINDOW_FULL_TEXT, hasPriorityWindow, windowOffer, type HouseholdBookingFacts } from './booking.rules.js';

const HOUR = 3600 * 1000;
const now = new Date('2026-12-01T02:00:00Z');
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
const window = (over: Partial<Parameters<typeof windowOffer>[0]> = {}) => ({ id: 'w1', startsAt: at(72), priority: false, publishedAt: now, householdHasPriority: false, remaining: 2, ...over });
const free: HouseholdBookingFacts = { bookedWindowId: null, bookedStartsAt: null };
const offer = (w = window(), household = free) => windowOffer(w, household, now, 24, 48);

describe('hasPriorityWindow', () => {
  const priority = [{ kind: MeasureKind.PriorityWindow, description: '上午施工' }];
  it('needs both a NEEDS_CARE screening and a PRIORITY_WINDOW measure', () => {
    expect(hasPriorityWindow(ScreeningStatus.NeedsCare, priority)).toBe(true);
    expect(hasPriorityWindow(ScreeningStatus.NeedsCare, [{ kind: MeasureKind.Helper, description: '陪同' }])).toBe(false);
    expect(hasPriorityWindow(ScreeningStatus.NothingNeeded, priority)).toBe(false);
    expect(hasPriorityWindow(ScreeningStatus.Erased, priority)).toBe(false);
    expect(hasPriorityWindow(null, null)).toBe(false);
  });
});

describe('windowOffer', () => {
  it('offers an open window with room', () => expect(offer()).toEqual({ bookable: true, unavailableReason: null }));
  it('closes at the cut-off', () => expect(offer(window({ startsAt: at(24) }))).toEqual({ bookable: false, unavailableReason: BOOKING_REFUSAL_TEXT.BOOKING_CLOSED }));
  it('holds a priority window for others until the hold ends, not for a care household', () => {
    expect(offer(window({ priority: true }))).toEqual({ bookable: false, unavailableReason: BOOKING_REFUSAL_TEXT.PRIORITY_WINDOW_HELD });
    expect(offer(window({ priority: true, householdHasPriority: true })).bookable).toBe(true);
    expect(offer(window({ priority: true, publishedAt: at(-48) })).bookable).toBe(true);
  });
  it('says full when no place is left, except for the household already in it', () => {
    expect(offer(window({ remaining: 0 }))).toEqual({ bookable: false, unavailableReason: WINDOW_FULL_TEXT });
    expect(offer(window({ remaining: 0 }), { bookedWindowId: 'w1', bookedStartsAt: at(72) }).bookable).toBe(true);
  });
  it('offers no other window once the booked one has closed', () => {
    expect(offer(window({ id: 'w2' }), { bookedWindowId: 'w1', bookedStartsAt: at(10) })).toEqual({ bookable: false, unavailableReason: CURRENT_WINDOW_CLOSED_TEXT });
    expect(offer(window({ id: 'w1', startsAt: at(10) }), { bookedWindowId: 'w1', bookedStartsAt: at(10) })).toEqual({ bookable: false, unavailableReason: BOOKING_REFUSAL_TEXT.BOOKING_CLOSED });
  });
});
