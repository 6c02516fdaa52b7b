import { fromShanghai } from './time-zone.js';
import { bookingRefusal, bookingRemindersDue, publishProblems, WorkProblemReason, windowProblem, windowSpanText, windowsInOfferOrder, workTomorrowDue, workTomorrowFrom } from './works.js';

const at = (date: string, clock = '00:00') => fromShanghai(date, clock);

describe('works rules', () => {
  it('lists every reason of every unit at once', () => {
    const now = at('2026-12-01', '10:00');
    const problems = publishProblems(
      [
        { unitId: 'u1', label: '1号楼1单元', groupState: 'PENDING', notScreened: ['301', '302'], needsPlan: 1, windowStarts: [at('2026-12-03', '08:00')], otherPlanTitle: null },
        { unitId: 'u2', label: '1号楼2单元', groupState: 'REACHED', notScreened: [], needsPlan: 0, windowStarts: [at('2026-12-08', '08:00')], otherPlanTitle: null },
        { unitId: 'u3', label: '2号楼1单元', groupState: 'REACHED', notScreened: [], needsPlan: 0, windowStarts: [], otherPlanTitle: '一期' },
      ],
      now,
      3,
    );
    expect(problems.map((p) => `${p.unitId}:${p.code}`)).toEqual([
      'u1:GROUP_NOT_REACHED',
      'u1:NOT_SCREENED',
      'u1:NEEDS_CARE_PLAN',
      'u1:NOTICE_TOO_SHORT',
      'u3:NO_WINDOW',
      'u3:ALREADY_PLANNED',
    ]);
    expect(problems[1].reason).toContain('301、302');
    // Which household needs care is health information: the count, never the room.
    expect(problems[2].reason).toBe('有1户需要照顾，尚未制定照顾方案，请在“特殊需求排查”中处理');
  });

  it('accepts a window exactly the notice period away and refuses one a minute sooner', () => {
    const now = at('2026-12-01', '10:00');
    const facts = (start: Date) => [{ unitId: 'u', label: 'u', groupState: 'REACHED', notScreened: [], needsPlan: 0, windowStarts: [start], otherPlanTitle: null }];
    expect(publishProblems(facts(at('2026-12-04', '10:00')), now, 3)).toEqual([]);
    expect(publishProblems(facts(at('2026-12-04', '09:59')), now, 3).map((p) => p.code)).toEqual([WorkProblemReason.NoticeTooShort]);
  });

  it('checks window times and capacity', () => {
    expect(windowProblem(at('2026-12-08', '08:00'), at('2026-12-08', '18:00'), 5)).toBeNull();
    expect(windowProblem(at('2026-12-08', '18:00'), at('2026-12-08', '08:00'), 5)).toMatch(/晚于/);
    expect(windowProblem(at('2026-12-08', '08:00'), at('2026-12-12', '08:00'), 5)).toMatch(/最长/);
    expect(windowProblem(at('2026-12-08', '08:00'), at('2026-12-08', '18:00'), 0)).toMatch(/户数/);
    expect(windowProblem(at('2026-12-08', '08:00'), at('2026-12-08', '18:00'), 1.5)).toMatch(/户数/);
  });

  it('closes changes at the cut-off and holds priority windows for care households', () => {
    const window = { startsAt: at('2026-12-08', '08:00'), priority: false, publishedAt: at('2026-12-01', '10:00'), householdHasPriority: false };
    expect(bookingRefusal(window, at('2026-12-07', '07:59'), 24, 48)).toBeNull();
    expect(bookingRefusal(window, at('2026-12-07', '08:00'), 24, 48)).toBe('BOOKING_CLOSED');
    const priority = { ...window, priority: true };
    expect(bookingRefusal(priority, at('2026-12-02', '10:00'), 24, 48)).toBe('PRIORITY_WINDOW_HELD');
    expect(bookingRefusal({ ...priority, householdHasPriority: true }, at('2026-12-02', '10:00'), 24, 48)).toBeNull();
    expect(bookingRefusal(priority, at('2026-12-03', '10:00'), 24, 48)).toBeNull();
  });

  it('offers a care household its priority windows first', () => {
    const windows = [
      { id: 'a', startsAt: '2026-12-08T00:00:00.000Z', priority: false },
      { id: 'b', startsAt: '2026-12-09T00:00:00.000Z', priority: true },
    ];
    expect(windowsInOfferOrder(windows, true).map((w) => w.id)).toEqual(['b', 'a']);
    expect(windowsInOfferOrder(windows, false).map((w) => w.id)).toEqual(['a', 'b']);
  });

  it('reminds the day before, from the configured local time, in Shanghai whatever the server zone', () => {
    const start = at('2026-12-08', '08:00');
    expect(workTomorrowFrom(start, '10:00').toISOString()).toBe(at('2026-12-07', '10:00').toISOString());
    expect(workTomorrowDue(start, at('2026-12-07', '09:59'), '10:00')).toBe(false);
    expect(workTomorrowDue(start, at('2026-12-07', '10:00'), '10:00')).toBe(true);
    expect(workTomorrowDue(start, at('2026-12-08', '08:00'), '10:00')).toBe(false);
    // A window starting just after midnight Shanghai is still "tomorrow" of the previous Shanghai day.
    expect(workTomorrowFrom(at('2026-12-08', '00:30'), '10:00').toISOString()).toBe(at('2026-12-07', '10:00').toISOString());
  });

  it('sends booking reminders after the delay and a day before the last cut-off, never after it', () => {
    const published = at('2026-12-01', '10:00');
    const lastClose = at('2026-12-10', '08:00');
    expect(bookingRemindersDue(published, lastClose, at('2026-12-03', '09:59'), 48)).toEqual([]);
    expect(bookingRemindersDue(published, lastClose, at('2026-12-03', '10:00'), 48)).toEqual(['first']);
    expect(bookingRemindersDue(published, lastClose, at('2026-12-09', '08:00'), 48)).toEqual(['first', 'last']);
    expect(bookingRemindersDue(published, lastClose, at('2026-12-10', '08:00'), 48)).toEqual([]);
    expect(bookingRemindersDue(published, null, at('2026-12-03', '10:00'), 48)).toEqual([]);
  });

  it('writes window times in Beijing time', () => {
    expect(windowSpanText(at('2026-12-08', '08:00'), at('2026-12-08', '18:00'))).toBe('12月8日（周二）08:00—18:00');
    expect(windowSpanText(at('2026-12-08', '08:00'), at('2026-12-09', '18:00'))).toBe('12月8日（周二）08:00—12月9日（周三）18:00');
  });
});
