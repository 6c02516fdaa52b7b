import { generateKeyPairSync } from 'node:crypto';
import { auditSigningKey } from './audit-key.js';
import { bucketOf, chainAgainstCheckpoints, checkpointProblems, checkpointTime, HeadSet, movedHeads, parseLimit, parseSince, signatureValid, signRoot, type CheckpointRecord } from './checkpoint.rules.js';

const h = (chainKey: string, seq: number, hash = `${chainKey}-${seq}`.padEnd(64, '0').slice(0, 64)) => ({ chainKey, seq, hash });
const key = auditSigningKey(null);

function signed(set: HeadSet, seq: number, createdAt: string): CheckpointRecord {
  const root = set.root(seq, createdAt);
  return { seq, createdAt, root, chains: set.size, signature: signRoot(root, key.privateKey), keyId: key.keyId };
}

describe('checkpoint root', () => {
  it('does not depend on the order heads were added in', () => {
    const a = new HeadSet();
    const b = new HeadSet();
    const heads = Array.from({ length: 600 }, (_, i) => h(`group:${i}`, i + 1));
    for (const head of heads) a.set(head);
    for (const head of [...heads].reverse()) b.set(head);
    expect(a.root(1, '2025-06-01T00:00:00.000Z')).toBe(b.root(1, '2025-06-01T00:00:00.000Z'));
  });

  it('changes with any head, the time, the checkpoint number or the number of chains', () => {
    const set = new HeadSet();
    for (let i = 0; i < 50; i++) set.set(h(`group:${i}`, 3));
    const before = set.root(7, '2025-06-01T00:00:00.000Z');
    expect(set.root(8, '2025-06-01T00:00:00.000Z')).not.toBe(before);
    expect(set.root(7, '2025-06-01T00:00:00.001Z')).not.toBe(before);
    const moved = new HeadSet();
    for (const head of set.values()) moved.set(head);
    moved.set(h('group:17', 3, 'f'.repeat(64)));
    expect(moved.root(7, '2025-06-01T00:00:00.000Z')).not.toBe(before);
    const grown = new HeadSet();
    for (const head of set.values()) grown.set(head);
    grown.set(h('group:new', 1));
    expect(grown.root(7, '2025-06-01T00:00:00.000Z')).not.toBe(before);
    // The cached bucket digests are dropped when a head moves: recomputing from scratch agrees.
    const fresh = new HeadSet();
    for (const head of moved.values()) fresh.set(head);
    expect(fresh.root(7, '2025-06-01T00:00:00.000Z')).toBe(moved.root(7, '2025-06-01T00:00:00.000Z'));
  });

  it('spreads chains over the buckets', () => {
    const used = new Set(Array.from({ length: 2000 }, (_, i) => bucketOf(`group:${i}`)));
    expect(used.size).toBeGreaterThan(250);
  });
});

describe('movedHeads', () => {
  it('lists new and moved chains only, and keeps vanished chains covered', () => {
    const covered = new HeadSet();
    covered.set(h('a', 1));
    covered.set(h('b', 2));
    covered.set(h('gone', 5));
    expect(movedHeads(covered, [h('a', 1), h('b', 3), h('c', 1)])).toEqual([h('b', 3), h('c', 1)]);
    expect(movedHeads(covered, [h('a', 1), h('b', 2)])).toEqual([]);
    // Same seq, other hash (a head rewritten in place) is a move too.
    expect(movedHeads(covered, [h('a', 1, 'e'.repeat(64))])).toHaveLength(1);
  });
});

describe('checkpointProblems', () => {
  const at = (ms: number) => new Date(Date.UTC(2025, 5, 1) + ms).toISOString();

  function history() {
    const set = new HeadSet();
    set.set(h('a', 1));
    const first = signed(set, 1, at(0));
    set.set(h('b', 1));
    const second = signed(set, 2, at(1000));
    return { set, first, second };
  }

  it('accepts checkpoints as taken', () => {
    const { set, first, second } = history();
    expect(checkpointProblems(second, set, first, key)).toEqual([]);
  });

  it('names a checkpoint signed by another key, even one whose signature is valid for that key', () => {
    const { set, first } = history();
    const other = auditSigningKey(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
    const root = set.root(2, at(1000));
    const forged = { seq: 2, createdAt: at(1000), root, chains: set.size, signature: signRoot(root, other.privateKey), keyId: other.keyId };
    expect(checkpointProblems(forged, set, first, key)).toEqual([expect.objectContaining({ problem: expect.stringContaining('another key') })]);
    // Claiming the configured key's id does not help: the signature does not verify.
    expect(checkpointProblems({ ...forged, keyId: key.keyId }, set, first, key)).toEqual([expect.objectContaining({ problem: expect.stringContaining('does not verify') })]);
  });

  it('names recorded heads that were changed, added or removed', () => {
    const { set, first, second } = history();
    const changed = new HeadSet();
    changed.set(h('a', 1));
    changed.set(h('b', 1, 'c'.repeat(64)));
    expect(checkpointProblems(second, changed, first, key)).toEqual([expect.objectContaining({ problem: expect.stringContaining('root does not match') })]);
    set.set(h('extra', 1));
    expect(checkpointProblems(second, set, first, key).map((p) => p.problem)).toEqual([expect.stringContaining('3'), expect.stringContaining('root does not match')]);
  });

  it('names a re-dated checkpoint, a changed root and a deleted one', () => {
    const { set, first, second } = history();
    expect(checkpointProblems({ ...second, createdAt: at(2000) }, set, first, key)).toEqual([expect.objectContaining({ problem: expect.stringContaining('root does not match') })]);
    expect(checkpointProblems({ ...second, createdAt: at(-5) }, set, first, key).map((p) => p.problem)).toEqual([expect.stringContaining('re-dated'), expect.stringContaining('root does not match')]);
    const reRooted = { ...second, root: 'a'.repeat(64) };
    expect(checkpointProblems(reRooted, set, first, key).map((p) => p.problem)).toEqual([expect.stringContaining('signature does not verify'), expect.stringContaining('root does not match')]);
    expect(checkpointProblems(second, set, null, key)).toEqual([expect.objectContaining({ problem: expect.stringContaining('missing: deleted') })]);
  });
});

describe('chainAgainstCheckpoints', () => {
  const recorded = [
    { checkpointSeq: 3, seq: 5, hash: 'h5' },
    { checkpointSeq: 1, seq: 2, hash: 'h2' },
  ];

  it('accepts a chain that grew on from what was checkpointed', () => {
    const stored = new Map([[1, 'h1'], [2, 'h2'], [3, 'h3'], [4, 'h4'], [5, 'h5'], [6, 'h6']]);
    expect(chainAgainstCheckpoints(recorded, (seq) => stored.get(seq))).toBeNull();
  });

  it('names a rewritten chain by the oldest checkpoint it no longer matches', () => {
    const stored = new Map([[1, 'x1'], [2, 'x2'], [3, 'x3'], [4, 'x4'], [5, 'x5']]);
    expect(chainAgainstCheckpoints(recorded, (seq) => stored.get(seq))).toBe('link 2 no longer has the hash checkpoint #1 recorded: the chain was rewritten');
  });

  it('names a deleted or cut-back chain', () => {
    expect(chainAgainstCheckpoints(recorded, () => undefined)).toContain('is gone');
    const cut = new Map([[1, 'h1'], [2, 'h2'], [3, 'h3']]);
    expect(chainAgainstCheckpoints(recorded, (seq) => cut.get(seq))).toBe('link 5, recorded by checkpoint #3, is gone: the chain was deleted or cut back');
  });
});

describe('signatures and time', () => {
  it('signs the ASCII bytes of the root, verifiable with the public key alone', () => {
    const root = 'ab'.repeat(32);
    const signature = signRoot(root, key.privateKey);
    expect(signatureValid(root, signature, key.publicKey)).toBe(true);
    expect(signatureValid('cd'.repeat(32), signature, key.publicKey)).toBe(false);
    expect(signatureValid(root, 'bm90IGEgc2lnbmF0dXJl', key.publicKey)).toBe(false);
  });

  it('keeps checkpoint times strictly increasing even when the clock stands still or goes back', () => {
    expect(checkpointTime(new Date('2025-06-01T00:00:00.000Z'), null)).toBe('2025-06-01T00:00:00.000Z');
    expect(checkpointTime(new Date('2025-06-01T00:00:00.000Z'), '2025-06-01T00:00:00.000Z')).toBe('2025-06-01T00:00:00.001Z');
    expect(checkpointTime(new Date('2025-05-01T00:00:00.000Z'), '2025-06-01T00:00:00.000Z')).toBe('2025-06-01T00:00:00.001Z');
  });
});

describe('query parameters', () => {
  it('accepts ISO dates and times from 2000 to 2100 only, the same years as date fields in bodies', () => {
    expect(parseSince('2025-06-01')?.toISOString()).toBe('2025-06-01T00:00:00.000Z');
    expect(parseSince('2100-12-31T23:59:59Z')?.toISOString()).toBe('2100-12-31T23:59:59.000Z');
    expect(parseSince('2025-06-01T08:00:00+08:00')?.toISOString()).toBe('2025-06-01T00:00:00.000Z');
    expect(parseSince('2025-06-01T00:00:00.123Z')?.toISOString()).toBe('2025-06-01T00:00:00.123Z');
    for (const bad of ['yesterday', '', '10000-01-01', '+010000-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '2101-01-01', '2100-12-31T23:00:00-02:00', '2025-13-01', '2025-02-30', '1748736000000', ['2025-06-01'], null, 5]) {
      expect(parseSince(bad)).toBeNull();
    }
  });

  it('accepts a page size from 1 to the maximum', () => {
    expect(parseLimit(undefined, 100, 100)).toBe(100);
    expect(parseLimit('7', 100, 100)).toBe(7);
    for (const bad of ['0', '101', '-1', '1.5', 'ten', '', ['5']]) expect(parseLimit(bad, 100, 100)).toBeNull();
  });
});
