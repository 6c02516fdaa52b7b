import { dailyTrend, trendDates, type TrendWindow } from './trend.rules.js';

const at = (iso: string) => new Date(iso);

/** Opened 1 Dec 09:00 Shanghai (01:00 UTC), deadline 8 Dec 18:00 Shanghai; "now" is 3 Dec 10:00 Shanghai. */
const window: TrendWindow = {
  opensAt: at('2026-12-01T01:00:00Z'),
  publishedAt: at('2026-11-30T08:00:00Z'),
  deadline: at('2026-12-08T10:00:00Z'),
  now: at('2026-12-03T02:00:00Z'),
};

describe('dailyTrend', () => {
  it('counts first answers per Shanghai day: 15:59 UTC is still that day, 16:00 UTC is the next', () => {
    const days = dailyTrend(window, [at('2026-12-01T15:59:59Z'), at('2026-12-01T16:00:00Z'), at('2026-12-01T16:30:00Z')]);
    expect(days).toEqual([
      { date: '2026-12-01', answered: 1, cumulative: 1 },
      { date: '2026-12-02', answered: 2, cumulative: 3 },
      { date: '2026-12-03', answered: 0, cumulative: 3 },
    ]);
  });

  it('lists every day of the window with 0 when nobody answered', () => {
    expect(dailyTrend(window, []).map((d) => [d.date, d.answered, d.cumulative])).toEqual([
      ['2026-12-01', 0, 0],
      ['2026-12-02', 0, 0],
      ['2026-12-03', 0, 0],
    ]);
  });

  it('starts on the publication day when it was published after the opening time', () => {
    const late = { ...window, publishedAt: at('2026-12-01T17:00:00Z') };
    expect(trendDates(late)).toEqual(['2026-12-02', '2026-12-03']);
  });

  it('stops at the deadline once it has passed; a deadline at Shanghai midnight ends the day before', () => {
    const after = { ...window, now: at('2026-12-20T02:00:00Z') };
    expect(trendDates(after).at(-1)).toBe('2026-12-08');
    expect(trendDates({ ...after, deadline: at('2026-12-05T16:00:00Z') }).at(-1)).toBe('2026-12-05');
  });

  it('has no days before it opens, or for a draft', () => {
    expect(dailyTrend({ ...window, now: at('2026-11-30T20:00:00Z') }, [])).toEqual([]);
    expect(dailyTrend({ ...window, publishedAt: null }, [])).toEqual([]);
  });

  it('ends with the number of households that answered, even for an answer stamped outside the window', () => {
    const days = dailyTrend(window, [at('2026-11-30T12:00:00Z'), at('2026-12-02T03:00:00Z'), at('2026-12-09T03:00:00Z')]);
    expect(days.map((d) => d.answered)).toEqual([1, 1, 1]);
    expect(days.at(-1)!.cumulative).toBe(3);
  });

  it('buckets the same whatever the server’s own time zone', () => {
    const zone = process.env.TZ;
    const answers = [at('2026-12-01T15:59:59Z'), at('2026-12-01T16:00:00Z')];
    const inUtc = dailyTrend(window, answers);
    try {
      for (const tz of ['America/Los_Angeles', 'Asia/Tokyo', 'UTC']) {
        process.env.TZ = tz;
        expect(dailyTrend(window, answers)).toEqual(inUtc);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
