/** The unique index a violation must come from, as each engine names it in its message. */
export interface UniqueIndex {
  /** MariaDB: `Duplicate entry '…' for key 'uq_staff_username'`. */
  name: string;
  /** SQLite: `UNIQUE constraint failed: staff_account.username` (several columns comma-separated, in index order). */
  columns: string;
}

/**
 * Whether a unique index (or the primary key) refused the row; given `index`, only when it was that
 * index, so that a clash on another index is not mistaken for, say, a taken username.
 */
export function isUniqueViolation(error: unknown, index?: UniqueIndex): boolean {
  const failure = error as { driverError?: { code?: string; sqlMessage?: string }; code?: string; message?: string } | null;
  const code = failure?.driverError?.code ?? failure?.code ?? '';
  const message = String(failure?.driverError?.sqlMessage ?? failure?.message ?? '');
  if (code === 'ER_DUP_ENTRY') return !index || new RegExp(`for key '(?:[^']*\\.)?${escape(index.name)}'`).test(message);
  const sqlite = /UNIQUE constraint failed: (.+)$/im.exec(message);
  if (!sqlite) return false;
  return !index || sqlite[1].trim() === index.columns;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
