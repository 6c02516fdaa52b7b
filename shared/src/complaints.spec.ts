import { complaintsInQueueOrder, ComplaintStatus, daysWaited, openComplaintsSummary, replyRefusal } from './complaints.js';
import { fromShanghai } from './time-zone.js';

const at = (date: string, clock = '00:00') => fromShanghai(date, clock);

describe('complaint rules', () => {
  it('counts waiting days by Beijing calendar days, never negative', () => {
    expect(daysWaited(at('2026-12-01', '23:50'), at('2026-12-02', '00:10'))).toBe(1);
    expect(daysWaited(at('2026-12-01', '00:10'), at('2026-12-01', '23:50'))).toBe(0);
    expect(daysWaited(at('2026-12-01', '09:00'), at('2026-12-11', '08:00'))).toBe(10);
    expect(daysWaited(at('2026-12-02', '09:00'), at('2026-12-01', '09:00'))).toBe(0);
  });

  it('puts open complaints first, each kind oldest first', () => {
    const list = [
      { id: 'a', status: ComplaintStatus.Replied, createdAt: at('2026-11-01') },
      { id: 'b', status: ComplaintStatus.Open, createdAt: at('2026-12-03') },
      { id: 'c', status: ComplaintStatus.Open, createdAt: at('2026-12-01') },
      { id: 'd', status: ComplaintStatus.Replied, createdAt: at('2026-10-01') },
      { id: 'e', status: ComplaintStatus.Open, createdAt: at('2026-12-01') },
    ];
    expect(complaintsInQueueOrder(list).map((c) => c.id)).toEqual(['c', 'e', 'b', 'd', 'a']);
  });

  it('summarises a compound by its open complaints only', () => {
    const now = at('2026-12-10', '10:00');
    expect(openComplaintsSummary([], now)).toEqual({ open: 0, oldestOpenAt: null, oldestOpenDays: null });
    expect(openComplaintsSummary([{ status: ComplaintStatus.Replied, createdAt: at('2026-01-01') }], now)).toEqual({ open: 0, oldestOpenAt: null, oldestOpenDays: null });
    const summary = openComplaintsSummary(
      [
        { status: ComplaintStatus.Replied, createdAt: at('2026-01-01') },
        { status: ComplaintStatus.Open, createdAt: at('2026-12-07', '20:00') },
        { status: ComplaintStatus.Open, createdAt: at('2026-12-03', '08:00') },
      ],
      now,
    );
    expect(summary).toEqual({ open: 2, oldestOpenAt: at('2026-12-03', '08:00').toISOString(), oldestOpenDays: 7 });
  });

  it('takes one reply only', () => {
    expect(replyRefusal(ComplaintStatus.Open)).toBeNull();
    expect(replyRefusal(ComplaintStatus.Replied)).toBe('COMPLAINT_ALREADY_REPLIED');
  });
});
