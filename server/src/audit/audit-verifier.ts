import { In, type DataSource } from 'typeorm';
import { Consultation } from '../consultations/consultation.entity.js';
import { HouseholdResponse } from '../responses/household-response.entity.js';
import { AuditChainHead } from './audit-chain-head.entity.js';
import { AuditCheckpointChain } from './audit-checkpoint-chain.entity.js';
import { AuditCheckpoint } from './audit-checkpoint.entity.js';
import { AuditEntry } from './audit-entry.entity.js';
import { verifyChain, type ChainProblem } from './audit-chain.js';
import type { AuditSigningKey } from './audit-key.js';
import { answerAuditProblems, type GroupAnswerProblem } from './answer-audit.js';
import { chainAgainstCheckpoints, checkpointProblems, HeadSet, type CheckpointProblem, type CheckpointRecord, type RecordedHead } from './checkpoint.rules.js';
import { expectedCheckpointProblems, type ExpectedCheckpoint } from './expected-checkpoint.rules.js';

export interface AuditReport {
  chains: number;
  entries: number;
  checkpoints: number;
  answers: number;
  /** Chains whose links do not hold together, or no longer match a checkpoint they were part of. */
  problems: ChainProblem[];
  /** Checkpoints that are not what the configured key signed. */
  checkpointProblems: CheckpointProblem[];
  /** How many kept copies (--expect) were checked, and those the database no longer holds as kept. */
  expected: number;
  expectedProblems: CheckpointProblem[];
  /** Counted answers that are not their latest audited version. */
  answerProblems: GroupAnswerProblem[];
}

const CHAIN_BATCH = 200;

/**
 * Walks every chain (heads, entries and checkpointed chains alike, so a chain whose head and
 * entries both vanished is still seen), replays every checkpoint against the configured key, then
 * checks the counted answers against the audit trail.
 */
export async function verifyAuditLog(dataSource: DataSource, key: Pick<AuditSigningKey, 'publicKey' | 'keyId'>, expected: ExpectedCheckpoint[] = []): Promise<AuditReport> {
  const { recorded, checkpoints, stored, problems: checkpointIssues } = await replayCheckpoints(dataSource, key);
  const bySeq = new Map(stored.map((c) => [c.seq, c]));
  const expectedProblems = expectedCheckpointProblems(expected, (seq) => bySeq.get(seq), stored.at(-1)?.seq ?? 0, key);
  const heads = new Map((await dataSource.getRepository(AuditChainHead).find()).map((h) => [h.chainKey, h]));
  const keys = await dataSource.getRepository(AuditEntry).createQueryBuilder('e').select('DISTINCT e.chainKey', 'chainKey').getRawMany<{ chainKey: string }>();
  const chainKeys = [...new Set([...heads.keys(), ...keys.map((k) => k.chainKey), ...recorded.keys()])].sort();
  const report: AuditReport = { chains: chainKeys.length, entries: 0, checkpoints, answers: 0, problems: [], checkpointProblems: checkpointIssues, expected: expected.length, expectedProblems, answerProblems: [] };
  for (let i = 0; i < chainKeys.length; i += CHAIN_BATCH) {
    const batch = chainKeys.slice(i, i + CHAIN_BATCH);
    const entries = await dataSource.getRepository(AuditEntry).find({ where: { chainKey: In(batch) }, order: { chainKey: 'ASC', seq: 'ASC' } });
    report.entries += entries.length;
    const byChain = new Map<string, AuditEntry[]>(batch.map((k) => [k, []]));
    for (const entry of entries) byChain.get(entry.chainKey)?.push(entry);
    for (const chainKey of batch) {
      const links = byChain.get(chainKey)!;
      const head = heads.get(chainKey) ?? null;
      const problem = head
        ? verifyChain(chainKey, links, head)
        : links.length
          ? { chainKey, seq: 0, entryId: null, problem: 'the chain has entries but no head: the head was removed' }
          : null;
      if (problem) report.problems.push(problem);
      const hashes = new Map(links.map((l) => [l.seq, l.hash]));
      const mismatch = chainAgainstCheckpoints(recorded.get(chainKey) ?? [], (seq) => hashes.get(seq));
      if (mismatch) report.problems.push({ chainKey, seq: 0, entryId: null, problem: mismatch });
    }
  }
  for (const consultation of await dataSource.getRepository(Consultation).find()) {
    report.answers += await dataSource.getRepository(HouseholdResponse).countBy({ consultationId: consultation.id });
    report.answerProblems.push(...(await answerAuditProblems(dataSource.manager, consultation)));
  }
  return report;
}

/** MariaDB/MySQL: REPEATABLE READ reads one snapshot; SQLite transactions are serial already. */
const snapshotIsolation = (dataSource: DataSource) => (dataSource.options.type === 'mysql' ? 'REPEATABLE READ' : 'SERIALIZABLE');

/** Replays every checkpoint in order, checking each root and signature; returns what each chain was recorded at. */
export async function replayCheckpoints(dataSource: DataSource, key: Pick<AuditSigningKey, 'publicKey' | 'keyId'>) {
  // One snapshot for both reads: a checkpoint committed between them would look like a deleted one.
  const [stored, rows] = await dataSource.transaction(snapshotIsolation(dataSource), (manager) =>
    Promise.all([manager.find(AuditCheckpoint, { order: { seq: 'ASC' } }), manager.find(AuditCheckpointChain, { order: { checkpointSeq: 'ASC' } })]),
  );
  const checkpoints: CheckpointRecord[] = stored.map((c) => ({ ...c, seq: Number(c.seq), chains: Number(c.chains) }));
  const recorded = new Map<string, RecordedHead[]>();
  const covered = new HeadSet();
  const problems: CheckpointProblem[] = [];
  let next = 0;
  let previous: CheckpointRecord | null = null;
  for (const checkpoint of checkpoints) {
    for (; next < rows.length && rows[next].checkpointSeq <= checkpoint.seq; next++) {
      const row = rows[next];
      covered.set(row);
      const chain = recorded.get(row.chainKey) ?? [];
      if (!chain.length) recorded.set(row.chainKey, chain);
      chain.push({ checkpointSeq: row.checkpointSeq, seq: row.seq, hash: row.hash });
    }
    problems.push(...checkpointProblems(checkpoint, covered, previous, key));
    previous = checkpoint;
  }
  if (next < rows.length) problems.push({ checkpointSeq: rows[next].checkpointSeq, problem: 'chain heads are recorded for this checkpoint, but the checkpoint is gone: deleted' });
  return { recorded, checkpoints: checkpoints.length, stored: checkpoints, problems };
}

/** One line per problem, as `npm run audit:verify` prints them. */
export function reportLines(report: AuditReport): string[] {
  return [
    ...report.expectedProblems.map((p) => `KEPT CHECKPOINT #${p.checkpointSeq} NOT IN THE DATABASE: ${p.problem}`),
    ...report.checkpointProblems.map((p) => `BAD CHECKPOINT #${p.checkpointSeq}: ${p.problem}`),
    ...report.problems.map((p) => (p.entryId || p.seq ? `BROKEN ${p.chainKey} at link ${p.seq} (entry ${p.entryId ?? '-'}): ${p.problem}` : `BROKEN ${p.chainKey}: ${p.problem}`)),
    ...report.answerProblems.map((p) => `TAMPERED ANSWER consultation ${p.consultationId} household ${p.householdId} (chain group:${p.groupRowId}): ${p.problem}`),
  ];
}

export const problemCount = (report: AuditReport) => report.problems.length + report.checkpointProblems.length + report.expectedProblems.length + report.answerProblems.length;
