/**
 * Every compound is in mainland China: times are shown and days are counted in Asia/Shanghai,
 * whatever the device's zone. China has kept UTC+8 without daylight saving since 1991, so a fixed
 * offset is exact and needs no Intl time-zone data (missing on some WeChat runtimes).
 */
export const COMPOUND_TIME_ZONE = 'Asia/Shanghai';
export const COMPOUND_TIME_ZONE_LABEL = '北京时间';
const OFFSET_MS = 8 * 3_600_000;

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

/** Calendar fields of an instant in Asia/Shanghai. */
export function shanghaiParts(instant: Date | string | number): ZonedParts {
  const shifted = new Date(new Date(instant).getTime() + OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of the instant's day in Asia/Shanghai. */
export function shanghaiDate(instant: Date | string | number): string {
  const p = shanghaiParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** `HH:mm` in Asia/Shanghai. */
export function shanghaiClock(instant: Date | string | number): string {
  const p = shanghaiParts(instant);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** The instant of a wall-clock time in Asia/Shanghai (`2026-12-01`, `09:30`). */
export function fromShanghai(date: string, clock = '00:00'): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = clock.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, hh, mm) - OFFSET_MS);
}
