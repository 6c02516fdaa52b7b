import { fromShanghai, shanghaiDate } from '@linyi/shared';

const DAY_MS = 24 * 3600 * 1000;

export interface TrendWindow {
  opensAt: Date;
  /** Null for a draft: nothing has opened yet. */
  publishedAt: Date | null;
  deadline: Date;
  now: Date;
}

export interface TrendDay {
  date: string;
  answered: number;
  cumulative: number;
}

/** The calendar days (Asia/Shanghai) the chart spans: from the opening day to today, or to the deadline's day once it has passed. */
export function trendDates(window: TrendWindow): string[] {
  if (!window.publishedAt) return [];
  const opened = Math.max(window.opensAt.getTime(), window.publishedAt.getTime());
  // The deadline instant itself accepts no answer: a deadline at midnight ends the day before.
  const last = Math.min(window.now.getTime(), window.deadline.getTime() - 1);
  if (last < opened) return [];
  const dates: string[] = [];
  const end = shanghaiDate(last);
  for (let day = fromShanghai(shanghaiDate(opened)).getTime(); ; day += DAY_MS) {
    const date = shanghaiDate(day);
    dates.push(date);
    if (date >= end) return dates;
  }
}

/**
 * Households answering for the first time, per Shanghai day, with a running total. Every day of the
 * window is present, even without answers; an answer outside the window (a moved clock) counts on
 * the nearest day, so the last cumulative figure is always the number of households that answered.
 */
export function dailyTrend(window: TrendWindow, firstAnsweredAt: Date[]): TrendDay[] {
  const dates = trendDates(window);
  if (!dates.length) return [];
  const perDay = new Map(dates.map((date) => [date, 0]));
  const [first, last] = [dates[0], dates[dates.length - 1]];
  for (const at of firstAnsweredAt) {
    const date = shanghaiDate(at);
    const day = date < first ? first : date > last ? last : date;
    perDay.set(day, perDay.get(day)! + 1);
  }
  let cumulative = 0;
  return dates.map((date) => {
    const answered = perDay.get(date)!;
    cumulative += answered;
    return { date, answered, cumulative };
  });
}
