import { createHash } from 'node:crypto';

/** The hash before the first link of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditLink {
  id: string;
  chainKey: string;
  seq: number;
  action: string;
  actor: string;
  subjectId: string;
  payload: string;
  at: string;
  prevHash: string;
  hash: string;
}

export function linkHash(link: Omit<AuditLink, 'hash'>): string {
  const material = [link.chainKey, link.seq, link.action, link.actor, link.subjectId, link.payload, link.at, link.prevHash, link.id].join('\u001f');
  return createHash('sha256').update(material).digest('hex');
}

export interface ChainProblem {
  chainKey: string;
  seq: number;
  entryId: string | null;
  problem: string;
}

/**
 * Checks one chain, given its entries in stored seq order and its head. Names the first bad link:
 * an edited entry (hash mismatch), a deleted one (gap or broken prevHash), a reordered one
 * (broken prevHash), or a cut-off tail (head ahead of the last entry).
 */
export function verifyChain(chainKey: string, entries: AuditLink[], head: { seq: number; hash: string } | null): ChainProblem | null {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) return { chainKey, seq: entry.seq, entryId: entry.id, problem: `expected link ${expectedSeq}, found ${entry.seq}: a link is missing` };
    if (entry.prevHash !== prevHash) return { chainKey, seq: entry.seq, entryId: entry.id, problem: 'prevHash does not match the link before: a link was removed or reordered' };
    if (linkHash(entry) !== entry.hash) return { chainKey, seq: entry.seq, entryId: entry.id, problem: 'content does not match its hash: the entry was changed' };
    prevHash = entry.hash;
    expectedSeq++;
  }
  const last = entries.at(-1);
  if (head && (head.seq !== (last?.seq ?? 0) || head.hash !== (last?.hash ?? GENESIS_HASH))) {
    return { chainKey, seq: head.seq, entryId: null, problem: `the chain head is at link ${head.seq} but the last stored link is ${last?.seq ?? 0}: links were removed from the end` };
  }
  return null;
}
