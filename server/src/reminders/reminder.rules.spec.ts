import { GroupState } from '@linyi/shared';
import { ReminderKind } from './reminder.entity.js';
import { dailyCapKey, dueOffsets, inQuietHours, isNotice, localDay, nextSendTime, reachedNoticeKey, reachesLaterMembers, skipReasonAtSend, SKIP_ANSWERED, SKIP_NOT_REACHED } from './reminder.rules.js';

const quiet = { quietStart: '21:00', quietEnd: '08:00' };
const shanghai = (iso: string) => new Date(`${iso}+08:00`);

describe('quiet hours (Asia/Shanghai)', () => {
  it('covers 21:00 to 08:00 across midnight', () => {
    expect(inQuietHours(shanghai('2026-11-26T20:59:00'), quiet)).toBe(false);
    expect(inQuietHours(shanghai('2026-11-26T21:00:00'), quiet)).toBe(true);
    expect(inQuietHours(shanghai('2026-11-27T03:00:00'), quiet)).toBe(true);
    expect(inQuietHours(shanghai('2026-11-27T08:00:00'), quiet)).toBe(false);
  });

  it('defers to 08:00 the next morning from the evening, and the same morning after midnight', () => {
    expect(nextSendTime(shanghai('2026-11-26T22:30:00'), quiet)).toEqual(shanghai('2026-11-27T08:00:00'));
    expect(nextSendTime(shanghai('2026-11-27T06:10:00'), quiet)).toEqual(shanghai('2026-11-27T08:00:00'));
    expect(nextSendTime(shanghai('2026-11-27T10:00:00'), quiet)).toEqual(shanghai('2026-11-27T10:00:00'));
  });

  it('handles a quiet window inside one day', () => {
    expect(nextSendTime(shanghai('2026-11-27T12:30:00'), { quietStart: '12:00', quietEnd: '14:00' })).toEqual(shanghai('2026-11-27T14:00:00'));
  });
});

describe('deadline reminders', () => {
  const deadline = shanghai('2026-12-10T18:00:00');

  it('are due 3 days and 1 day before, not after the deadline', () => {
    expect(dueOffsets(deadline, shanghai('2026-12-07T17:59:00'), [3, 1])).toEqual([]);
    expect(dueOffsets(deadline, shanghai('2026-12-07T18:00:00'), [3, 1])).toEqual([3]);
    expect(dueOffsets(deadline, shanghai('2026-12-09T19:00:00'), [3, 1])).toEqual([1, 3]);
    expect(dueOffsets(deadline, shanghai('2026-12-10T18:00:00'), [3, 1])).toEqual([]);
  });

  it('count one per household per local day, whatever the UTC date', () => {
    expect(localDay(shanghai('2026-11-27T07:00:00'))).toBe('2026-11-27');
    expect(dailyCapKey('c', 'h', shanghai('2026-11-27T00:30:00'))).toBe(dailyCapKey('c', 'h', shanghai('2026-11-27T23:30:00')));
    expect(dailyCapKey('c', 'h', shanghai('2026-11-27T23:30:00'))).not.toBe(dailyCapKey('c', 'h', shanghai('2026-11-28T00:30:00')));
  });
});

describe('checked again at send time', () => {
  const facts = (kind: ReminderKind, answered: boolean, groupState: GroupState | null) => skipReasonAtSend({ kind, answered, groupState });

  it('skips a reminder that chases an answer once the household has answered', () => {
    for (const kind of [ReminderKind.ConsultationOpened, ReminderKind.DeadlineReminder, ReminderKind.ManualNudge]) {
      expect(facts(kind, true, GroupState.Pending)).toBe(SKIP_ANSWERED);
      expect(facts(kind, false, GroupState.Pending)).toBeNull();
    }
  });

  it('never skips a notice (result publicity, refusal notice) because the household answered', () => {
    for (const kind of [ReminderKind.PreliminaryResult, ReminderKind.FinalResult, ReminderKind.RefusalNotice]) {
      expect(isNotice(kind)).toBe(true);
      for (const state of [GroupState.Pending, GroupState.Reached, GroupState.Failed, null]) expect(facts(kind, true, state)).toBeNull();
    }
    expect(isNotice(ReminderKind.DeadlineReminder)).toBe(false);
  });

  it('sends "reached" only while the group is still REACHED, answered or not', () => {
    expect(facts(ReminderKind.GroupReached, true, GroupState.Reached)).toBeNull();
    expect(facts(ReminderKind.GroupReached, true, GroupState.Pending)).toBe(SKIP_NOT_REACHED);
    expect(facts(ReminderKind.GroupReached, true, GroupState.Failed)).toBe(SKIP_NOT_REACHED);
    expect(facts(ReminderKind.GroupReached, false, null)).toBe(SKIP_NOT_REACHED);
  });

  it('never skips the staff digest for either reason', () => {
    expect(facts(ReminderKind.DailyDigest, true, GroupState.Failed)).toBeNull();
  });
});

describe('the "reached" notice key', () => {
  it('names what the resident is told, not the event, so a group that flips back and forth is announced once', () => {
    expect(reachedNoticeKey('c1', 'g1', 'h1')).toBe(reachedNoticeKey('c1', 'g1', 'h1'));
    expect(new Set([reachedNoticeKey('c1', 'g1', 'h1'), reachedNoticeKey('c2', 'g1', 'h1'), reachedNoticeKey('c1', 'g2', 'h1'), reachedNoticeKey('c1', 'g1', 'h2')]).size).toBe(4);
  });

  it('fits the dedupe column (160) with uuids', () => {
    const uuid = '123e4567-e89b-12d3-a456-426614174000';
    expect(reachedNoticeKey(uuid, uuid, uuid).length).toBeLessThanOrEqual(160);
  });
});

describe('what a resident bound later still finds in the inbox', () => {
  it('is every notice the household was told, the works announced and its group reached, never a chaser or a day-before notice', () => {
    const lasting = Object.values(ReminderKind).filter(reachesLaterMembers).sort();
    expect(lasting).toEqual([ReminderKind.PlanNotice, ReminderKind.PreliminaryResult, ReminderKind.FinalResult, ReminderKind.RefusalNotice, ReminderKind.WorksAnnounced, ReminderKind.GroupReached].sort());
  });
});
