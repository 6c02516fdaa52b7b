import { fromShanghai, shanghaiClock, shanghaiDate } from './time-zone.js';

describe('Asia/Shanghai times', () => {
  it('puts 16:30 UTC on the next day in Shanghai', () => {
    expect(shanghaiDate('2026-12-01T16:30:00Z')).toBe('2026-12-02');
    expect(shanghaiClock('2026-12-01T16:30:00Z')).toBe('00:30');
  });

  it('round-trips a wall-clock time', () => {
    expect(fromShanghai('2026-12-02', '00:30').toISOString()).toBe('2026-12-01T16:30:00.000Z');
  });
});
