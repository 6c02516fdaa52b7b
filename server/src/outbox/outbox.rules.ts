/** When the relay looks for lost jobs, pure. */

/** Lost jobs are looked for at most this often per relay process, not on every poll. */
export const LOST_SWEEP_EVERY_MS = 60_000;

/** Due on the first pass, a minute after the last sweep, and whenever the clock went back (a test, an NTP step). */
export function lostJobSweepDue(lastSweepAt: Date | null, now: Date, everyMs = LOST_SWEEP_EVERY_MS): boolean {
  if (!lastSweepAt) return true;
  const since = now.getTime() - lastSweepAt.getTime();
  return since < 0 || since >= everyMs;
}
