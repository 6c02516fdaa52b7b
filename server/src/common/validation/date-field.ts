import { isISO8601, ValidateBy, type ValidationOptions } from 'class-validator';

/** Dates we store must fit every database column type and every calendar computation downstream. */
export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2100;

// A full date and time with an explicit zone: "2025-06-30T18:00:00+08:00" or "…Z"; no local-time guessing.
const DATE_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Whether a client value is an ISO date-time with a zone, on a real calendar day, in years 2000–2100 (UTC). */
export function isSaneDateTime(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 40 || !DATE_TIME_WITH_ZONE.test(value)) return false;
  if (!isISO8601(value, { strict: true, strictSeparator: true })) return false;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return false;
  const year = date.getUTCFullYear();
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
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
