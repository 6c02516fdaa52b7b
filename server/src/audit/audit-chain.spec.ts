import { GENESIS_HASH, linkHash, verifyChain, type AuditLink } from './audit-chain.js';

/** A consistent chain of `n` links, hashed as the application appends them. */
function chain(n: number, key = 'group:g1'): AuditLink[] {
  const links: AuditLink[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const link = { id: `e${seq}`, chainKey: key, seq, action: 'ANSWER_RECORDED', actor: 'resident:r1', subjectId: 'h1', payload: `{"answer":"REFUSE","version":${seq}}`, at: `2025-06-0${seq}T00:00:00.000Z`, prevHash };
    const hashed = { ...link, hash: linkHash(link) };
    links.push(hashed);
    prevHash = hashed.hash;
  }
  return links;
}
const headOf = (links: AuditLink[]) => ({ seq: links.at(-1)?.seq ?? 0, hash: links.at(-1)?.hash ?? GENESIS_HASH });

describe('verifyChain', () => {
  it('accepts an untouched chain and an empty one', () => {
    const links = chain(4);
    expect(verifyChain('group:g1', links, headOf(links))).toBeNull();
    expect(verifyChain('group:g1', [], { seq: 0, hash: GENESIS_HASH })).toBeNull();
  });

  it('names an edited entry by its hash', () => {
    const links = chain(4);
    links[1] = { ...links[1], payload: links[1].payload.replace('REFUSE', 'AGREE') };
    expect(verifyChain('group:g1', links, headOf(links))).toEqual(expect.objectContaining({ seq: 2, entryId: 'e2', problem: expect.stringContaining('changed') }));
  });

  it('names a gap where an entry was deleted', () => {
    const links = chain(4);
    links.splice(1, 1);
    expect(verifyChain('group:g1', links, headOf(links))).toEqual(expect.objectContaining({ seq: 3, problem: expect.stringContaining('missing') }));
  });

  it('names a swapped pair by its prevHash', () => {
    const links = chain(4);
    const [a, b] = [links[1], links[2]];
    links[1] = { ...b, seq: 2 };
    links[2] = { ...a, seq: 3 };
    expect(verifyChain('group:g1', links, headOf(links))).toEqual(expect.objectContaining({ seq: 2, entryId: 'e3', problem: expect.stringContaining('reordered') }));
  });

  it('names a cut-off tail by the head', () => {
    const links = chain(4);
    const head = headOf(links);
    expect(verifyChain('group:g1', links.slice(0, 2), head)).toEqual(expect.objectContaining({ seq: 4, entryId: null, problem: expect.stringContaining('removed from the end') }));
  });

  it('cannot see a chain rewritten with recomputed hashes on its own: that is what checkpoints are for', () => {
    const rewritten = chain(4).map((l) => ({ ...l, payload: l.payload.replace('REFUSE', 'AGREE') }));
    let prevHash = GENESIS_HASH;
    const consistent = rewritten.map((l) => {
      const link = { ...l, prevHash };
      const hashed = { ...link, hash: linkHash(link) };
      prevHash = hashed.hash;
      return hashed;
    });
    expect(verifyChain('group:g1', consistent, headOf(consistent))).toBeNull();
  });
});
