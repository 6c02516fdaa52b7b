/**
 * The tables whose rows are evidence once written: the application may add to them, never change or
 * remove. Besides the audit trail: every answer version, the signature and scan images, home visits,
 * the sensitive-access log, and the upgrade requests, quotes and payments (a new request or quote is a new row; nothing in the
 * application updates or deletes one, and `evidence_chunk` is written with INSERT IGNORE).
 */
export const APPEND_ONLY_TABLES = [
  'audit_entry',
  'audit_checkpoint',
  'audit_checkpoint_chain',
  'household_response_history',
  'evidence_chunk',
  'home_visit',
  'upgrade_request',
  'upgrade_quote',
  'upgrade_payment',
  // Who read which special-needs record: kept after the details are erased.
  'sensitive_access_log',
  // What the crew tested, what the household decided and signed, what supervisors signed, each warranty notice issued.
  'work_inspection',
  'acceptance_record',
  'acceptance_sign_off',
  'warranty_notice',
  // The advance notice as issued to a compound's households, and each stage move as made (issue 14).
  'plan_notice',
  'pipeline_move',
] as const;

/**
 * The chain heads move on with every append (UPDATE), but are never removed. A head rewritten by
 * whoever holds UPDATE is what the signed checkpoints catch.
 */
export const APPEND_AND_MOVE_TABLES = ['audit_chain_head'] as const;

/** Read only: the migration history (migrations run as the administrator, the application only checks them). */
export const READ_ONLY_TABLES = ['migrations'] as const;

export type Privilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

/** What the application's database user gets on one table. */
export function privilegesFor(table: string): Privilege[] {
  if ((APPEND_ONLY_TABLES as readonly string[]).includes(table)) return ['SELECT', 'INSERT'];
  if ((APPEND_AND_MOVE_TABLES as readonly string[]).includes(table)) return ['SELECT', 'INSERT', 'UPDATE'];
  if ((READ_ONLY_TABLES as readonly string[]).includes(table)) return ['SELECT'];
  return ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
}

export interface DbAccount {
  user: string;
  host: string;
}

/** `linyi`, `linyi@'%'`, `'linyi'@'10.0.%'` or `linyi@localhost` → user and host (host `%` when omitted); null when unreadable. */
export function parseAccount(text: string): DbAccount | null {
  const match = /^\s*(?:'([^']+)'|([A-Za-z0-9_.$-]+))(?:@(?:'([^']*)'|([A-Za-z0-9_.%:-]+)))?\s*$/.exec(text);
  if (!match) return null;
  const user = match[1] ?? match[2];
  const host = match[3] ?? match[4] ?? '%';
  return user.length <= 80 && host.length <= 255 ? { user, host } : null;
}

/**
 * Whether a SHOW GRANTS line gives the account privileges beyond USAGE on every table of the
 * database (or of all databases): table-level grants cannot take those back, so they must go.
 */
export function broadGrant(line: string, database: string): 'global' | 'database' | null {
  const match = /^GRANT (.+?) ON (\S+) TO /i.exec(line);
  if (!match || /^USAGE$/i.test(match[1].trim())) return null;
  const target = match[2];
  if (target === '*.*') return 'global';
  const unquoted = target.replace(/`/g, '');
  if (unquoted === `${database}.*` || unquoted === `${database.replace(/_/g, '\\_')}.*`) return 'database';
  return null;
}
