import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { saneInstant } from '../common/validation/date-field.js';

/** One chain's last link as a checkpoint records it. */
export interface CheckedHead {
  chainKey: string;
  seq: number;
  hash: string;
}

/** A stored checkpoint as the verifier reads it (the chains are replayed separately). */
export interface CheckpointRecord {
  seq: number;
  createdAt: string;
  root: string;
  chains: number;
  signature: string;
  keyId: string;
}

export const ROOT_BUCKETS = 256;
const ROOT_VERSION = 'linyi-audit-checkpoint/1';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Which bucket of the root a chain falls in: the first byte of SHA-256(chainKey). */
export const bucketOf = (chainKey: string) => createHash('sha256').update(chainKey).digest()[0];
export const headLine = (head: CheckedHead) => `${head.chainKey} ${head.seq} ${head.hash}`;
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every chain a checkpoint covers, at its last checkpointed link. The root is a two-level SHA-256:
 *   bucket[b] = SHA-256(lines "chainKey seq hash" of the chains in bucket b, sorted by chainKey, joined by "\n")
 *   root      = SHA-256("linyi-audit-checkpoint/1\n" + checkpointSeq + "\n" + createdAt + "\n" + chains + "\n" + bucket[0..255] joined by "\n")
 * so that replaying thousands of checkpoints rehashes only the buckets whose chains moved, not all 80 000 chains each time.
 */
export class HeadSet {
  private readonly heads = new Map<string, CheckedHead>();
  private readonly buckets: Array<Map<string, CheckedHead>> = Array.from({ length: ROOT_BUCKETS }, () => new Map());
  private readonly digests: Array<string | null> = Array.from({ length: ROOT_BUCKETS }, () => null);

  get size(): number {
    return this.heads.size;
  }

  get(chainKey: string): CheckedHead | undefined {
    return this.heads.get(chainKey);
  }

  values(): IterableIterator<CheckedHead> {
    return this.heads.values();
  }

  /** Records a head; true when it differs from what the set held for that chain. */
  set(head: CheckedHead): boolean {
    const known = this.heads.get(head.chainKey);
    if (known && known.seq === head.seq && known.hash === head.hash) return false;
    const copy = { chainKey: head.chainKey, seq: head.seq, hash: head.hash };
    const bucket = bucketOf(head.chainKey);
    this.heads.set(head.chainKey, copy);
    this.buckets[bucket].set(head.chainKey, copy);
    this.digests[bucket] = null;
    return true;
  }

  root(checkpointSeq: number, createdAt: string): string {
    const digests = this.digests.map((digest, b) => digest ?? (this.digests[b] = sha256([...this.buckets[b].values()].sort((x, y) => byKey(x.chainKey, y.chainKey)).map(headLine).join('\n'))));
    return sha256([ROOT_VERSION, String(checkpointSeq), createdAt, String(this.heads.size), ...digests].join('\n'));
  }
}

/**
 * The heads a new checkpoint must record: those whose (seq, hash) differ from what the last
 * checkpoint covers. Chains that vanished from the database stay in the set at their last checkpointed
 * head (the set only grows), so the verifier can still name them.
 */
export function movedHeads(covered: HeadSet, current: Iterable<CheckedHead>): CheckedHead[] {
  const moved: CheckedHead[] = [];
  for (const head of current) {
    const known = covered.get(head.chainKey);
    if (!known || known.seq !== head.seq || known.hash !== head.hash) moved.push(head);
  }
  return moved;
}

/** A checkpoint's time: now, but strictly after the previous one, so `since` paging never skips or repeats one. */
export function checkpointTime(now: Date, previous: string | null): string {
  const after = previous ? Date.parse(previous) + 1 : -Infinity;
  return new Date(Math.max(now.getTime(), after)).toISOString();
}

export const signRoot = (root: string, privateKey: KeyObject) => sign(null, Buffer.from(root, 'ascii'), privateKey).toString('base64');

export function signatureValid(root: string, signature: string, publicKey: KeyObject): boolean {
  const bytes = Buffer.from(signature, 'base64');
  return bytes.length === 64 && verify(null, Buffer.from(root, 'ascii'), publicKey, bytes);
}

export interface CheckpointProblem {
  checkpointSeq: number;
  problem: string;
}

/**
 * Checks one stored checkpoint against the chains replayed up to it (`covered`, with its own
 * recorded heads applied) and the configured key. `previous` is the checkpoint before it, if any.
 */
export function checkpointProblems(checkpoint: CheckpointRecord, covered: HeadSet, previous: CheckpointRecord | null, key: { publicKey: KeyObject; keyId: string }): CheckpointProblem[] {
  const problems: string[] = [];
  const expectedSeq = (previous?.seq ?? 0) + 1;
  if (checkpoint.seq !== expectedSeq) problems.push(`checkpoints ${expectedSeq}…${checkpoint.seq - 1} are missing: deleted`);
  if (previous && !(checkpoint.createdAt > previous.createdAt)) problems.push(`its time ${checkpoint.createdAt} is not after checkpoint #${previous.seq} (${previous.createdAt}): reordered or re-dated`);
  if (checkpoint.keyId !== key.keyId) problems.push(`signed by another key (${checkpoint.keyId.slice(0, 16)}…, configured ${key.keyId.slice(0, 16)}…)`);
  else if (!signatureValid(checkpoint.root, checkpoint.signature, key.publicKey)) problems.push('its signature does not verify with the configured key: root, time or signature was changed');
  if (checkpoint.chains !== covered.size) problems.push(`it says ${checkpoint.chains} chains but its recorded heads cover ${covered.size}: recorded heads were added or removed`);
  if (covered.root(checkpoint.seq, checkpoint.createdAt) !== checkpoint.root) problems.push('its root does not match the chain heads recorded with it: recorded heads were changed');
  return problems.map((problem) => ({ checkpointSeq: checkpoint.seq, problem }));
}

/** A head one checkpoint recorded for a chain, as replayed by the verifier. */
export interface RecordedHead {
  checkpointSeq: number;
  seq: number;
  hash: string;
}

/**
 * Checks a chain's stored links against every head a checkpoint recorded for it: a link that no
 * longer has the checkpointed hash was rewritten (even with every hash recomputed), a missing one
 * was deleted. `storedHash(seq)` is the hash of the stored link at that seq, undefined when none is.
 * Returns the first (oldest) mismatch.
 */
export function chainAgainstCheckpoints(recorded: RecordedHead[], storedHash: (seq: number) => string | undefined): string | null {
  for (const head of [...recorded].sort((a, b) => a.checkpointSeq - b.checkpointSeq)) {
    const stored = storedHash(head.seq);
    if (stored === undefined) return `link ${head.seq}, recorded by checkpoint #${head.checkpointSeq}, is gone: the chain was deleted or cut back`;
    if (stored !== head.hash) return `link ${head.seq} no longer has the hash checkpoint #${head.checkpointSeq} recorded: the chain was rewritten`;
  }
  return null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** `since` of GET /api/audit/checkpoints: an ISO 8601 date or time in years 2000–2100 (UTC); null when the text is not one. */
export function parseSince(text: unknown): Date | null {
  return typeof text === 'string' && ISO_DATE.test(text) ? saneInstant(text) : null;
}

/** A page size from the query: 1…max, `fallback` when absent, null when not a whole number in range. */
export function parseLimit(text: unknown, fallback: number, max: number): number | null {
  if (text === undefined) return fallback;
  if (typeof text !== 'string' || !/^\d{1,6}$/.test(text)) return null;
  const value = Number(text);
  return value >= 1 && value <= max ? value : null;
}
