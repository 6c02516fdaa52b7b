import { isISO8601, ValidateBy, type ValidationOptions } from 'class-validator';

/** Dates we store must fit every database column type and every calendar computation downstream. */
export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2100;

// A full date and time with an explicit zone: "2025-06-30T18:00:00+08:00" or "…Z"; no local-time guessing.
const DATE_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The instant an ISO 8601 text (already format-checked by the caller) names, or null unless its
 * calendar day exists as written (Date.parse rolls 2025-02-30 over to March) and its UTC year is
 * 2000–2100. One rule for body fields and query parameters alike.
 */
export function saneInstant(text: string): Date | null {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  const time = Date.parse(text);
  if (!Number.isFinite(time)) return null;
  const utcYear = new Date(time).getUTCFullYear();
  return utcYear >= EARLIEST_YEAR && utcYear <= LATEST_YEAR ? new Date(time) : null;
}

/** Whether a client value is an ISO date-time with a zone, on a real calendar day, in years 2000–2100 (UTC). */
export function isSaneDateTime(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 40 || !DATE_TIME_WITH_ZONE.test(value)) return false;
  return isISO8601(value, { strict: true, strictSeparator: true }) && saneInstant(value) !== null;
}

/** `what` is the field's Chinese name, e.g. "截止时间". */
export function IsSaneDateTime(what: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSaneDateTime',
      validator: {
        validate: isSaneDateTime,
        defaultMessage: () => `${what}应为 ${EARLIEST_YEAR} 到 ${LATEST_YEAR} 年之间的有效时间，带时区，如 2025-06-30T18:00:00+08:00`,
      },
    },
    options,
  );
}

/** A calendar day written `YYYY-MM-DD` that exists (no 2025-02-30), in years 2000–2100. */
export function IsCalendarDay(what: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDay',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && saneInstant(`${value}T12:00:00Z`) !== null,
        defaultMessage: () => `${what}应为 ${EARLIEST_YEAR} 到 ${LATEST_YEAR} 年之间的有效日期，如 2025-06-30`,
      },
    },
    options,
  );
}
