import type { KeyObject } from 'node:crypto';
import { signatureValid, type CheckpointProblem, type CheckpointRecord } from './checkpoint.rules.js';

/**
 * A checkpoint the operator kept outside the database (the body of GET /api/audit/checkpoint),
 * passed to audit:verify with --expect. Its `publicKey` is ignored: only the configured key counts.
 */
export interface ExpectedCheckpoint {
  seq: number;
  createdAt: string;
  root: string;
  signature: string;
  /** Where it came from (file name, index), for the report. */
  source: string;
}

const HEX64 = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]{1,120}={0,2}$/;

/** The kept checkpoints in one --expect file (one object or an array of them), or why the file is not that. */
export function parseExpected(value: unknown, source: string): ExpectedCheckpoint[] | string {
  const items = Array.isArray(value) ? value : [value];
  if (!items.length) return `${source}: an empty list, expected checkpoints as GET /api/audit/checkpoint returns them`;
  const out: ExpectedCheckpoint[] = [];
  for (const [i, item] of items.entries()) {
    const where = Array.isArray(value) ? `${source}[${i}]` : source;
    const c = (item ?? {}) as Record<string, unknown>;
    if (typeof item !== 'object' || item === null || !Number.isInteger(c.seq) || (c.seq as number) < 1 || typeof c.createdAt !== 'string' || typeof c.root !== 'string' || !HEX64.test(c.root) || typeof c.signature !== 'string' || !BASE64.test(c.signature)) {
      return `${where}: not a checkpoint (needs seq, createdAt, root, signature as GET /api/audit/checkpoint returns them)`;
    }
    out.push({ seq: c.seq as number, createdAt: c.createdAt, root: c.root, signature: c.signature, source: where });
  }
  return out;
}

/**
 * Checks each kept checkpoint against the database: it must verify with the configured key, still
 * be stored with the same seq, root, time and signature, and the latest stored checkpoint must not
 * be older. This is what shows checkpoints deleted from the end, even when new ones were taken
 * since over rewritten chains (they reuse the deleted numbers with other roots).
 */
export function expectedCheckpointProblems(
  expected: ExpectedCheckpoint[],
  stored: (seq: number) => CheckpointRecord | undefined,
  latestSeq: number,
  key: { publicKey: KeyObject },
): CheckpointProblem[] {
  const problems: CheckpointProblem[] = [];
  for (const kept of expected) {
    const problem = (text: string) => problems.push({ checkpointSeq: kept.seq, problem: `${text} (kept copy ${kept.source})` });
    if (!signatureValid(kept.root, kept.signature, key.publicKey)) {
      problem('the kept copy does not verify with the configured key: it was not signed by this server, or was altered');
      continue;
    }
    const row = stored(kept.seq);
    if (latestSeq < kept.seq) problem(`the latest stored checkpoint is #${latestSeq}: checkpoints were deleted from the end`);
    else if (!row) problem('it is gone from the database: deleted');
    else {
      const differs = (['root', 'createdAt', 'signature'] as const).filter((field) => row[field] !== kept[field]);
      if (differs.length) problem(`the stored checkpoint #${kept.seq} has another ${differs.join(', ')}: checkpoints were deleted and taken again, over chains changed since`);
    }
  }
  return problems;
}
