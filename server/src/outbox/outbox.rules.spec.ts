import { LOST_SWEEP_EVERY_MS, lostJobSweepDue } from './outbox.rules.js';

describe('the lost-job sweep runs at most once a minute', () => {
  const at = new Date('2026-12-01T02:00:00Z');
  const later = (ms: number) => new Date(at.getTime() + ms);

  it('runs on the first pass', () => {
    expect(lostJobSweepDue(null, at)).toBe(true);
  });

  it('skips the passes within a minute of the last sweep and runs the one after', () => {
    expect(lostJobSweepDue(at, later(1_000))).toBe(false);
    expect(lostJobSweepDue(at, later(LOST_SWEEP_EVERY_MS - 1))).toBe(false);
    expect(lostJobSweepDue(at, later(LOST_SWEEP_EVERY_MS))).toBe(true);
  });

  it('runs when the clock went back, rather than waiting for it to catch up', () => {
    expect(lostJobSweepDue(at, later(-5_000))).toBe(true);
  });
});
