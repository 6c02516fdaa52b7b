/** Raw query rows carry dates as Date (MySQL) or as UTC text without a zone (SQLite): answer ISO either way. */
export function rawDateToIso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return new Date(`${String(value).replace(' ', 'T')}Z`).toISOString();
}
