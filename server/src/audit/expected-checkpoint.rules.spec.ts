import { generateKeyPairSync } from 'node:crypto';
import { auditSigningKey } from './audit-key.js';
import { signRoot, type CheckpointRecord } from './checkpoint.rules.js';
import { expectedCheckpointProblems, parseExpected, type ExpectedCheckpoint } from './expected-checkpoint.rules.js';

const key = auditSigningKey(null);
const record = (seq: number, root = String(seq).padStart(64, 'a')): CheckpointRecord => ({ seq, createdAt: `2025-06-0${seq}T00:00:00.000Z`, root, chains: 1, signature: signRoot(root, key.privateKey), keyId: key.keyId });
const keptOf = (c: CheckpointRecord): ExpectedCheckpoint => ({ seq: c.seq, createdAt: c.createdAt, root: c.root, signature: c.signature, source: `kept-${c.seq}` });

describe('kept checkpoints (--expect)', () => {
  const stored = [record(1), record(2), record(3)];
  const find = (list: CheckpointRecord[]) => (seq: number) => list.find((c) => c.seq === seq);

  it('accepts copies still stored as they were', () => {
    expect(expectedCheckpointProblems(stored.map(keptOf), find(stored), 3, key)).toEqual([]);
  });

  it('names a copy newer than the latest stored checkpoint, one gone, and one replaced by a re-taken checkpoint', () => {
    const cut = [record(1), record(2, 'f'.repeat(64))];
    expect(expectedCheckpointProblems([keptOf(stored[2])], find(cut), 2, key)).toEqual([{ checkpointSeq: 3, problem: expect.stringContaining('latest stored checkpoint is #2: checkpoints were deleted from the end') }]);
    expect(expectedCheckpointProblems([keptOf(stored[1])], find(cut), 2, key)[0].problem).toContain('has another root, signature: checkpoints were deleted and taken again');
    expect(expectedCheckpointProblems([keptOf(stored[0])], find([stored[2]]), 3, key)[0].problem).toContain('gone from the database');
  });

  it('verifies the copy with the configured key only', () => {
    const other = auditSigningKey(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
    const forged = { ...keptOf(stored[2]), signature: signRoot(stored[2].root, other.privateKey) };
    expect(expectedCheckpointProblems([forged], find(stored), 3, key)[0].problem).toContain('does not verify with the configured key');
  });

  it('reads one checkpoint or an array as GET /api/audit/checkpoint serves them, and names anything else', () => {
    const body = { ...keptOf(stored[0]), chains: 1, publicKey: 'ignored', keyId: key.keyId };
    expect(parseExpected(body, 'a.json')).toEqual([{ ...keptOf(stored[0]), source: 'a.json' }]);
    expect(parseExpected([body, body], 'b.json')).toHaveLength(2);
    for (const bad of [[], null, 'x', { ...body, seq: 0 }, { ...body, root: 'zz' }, [body, { seq: 2 }]]) expect(typeof parseExpected(bad, 'c.json')).toBe('string');
  });
});
