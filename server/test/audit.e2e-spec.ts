import { verifyAuditLog } from '../src/audit/audit-verifier.js';
import { AUDIT_SIGNING_KEY } from '../src/audit/checkpoint.service.js';
import { Clock } from '../src/common/clock.js';
import { recountAll } from '../src/consultations/group-recount.js';
import { GroupStateService } from '../src/consultations/group-state.service.js';
import { TransactionRunner } from '../src/database/transaction-runner.js';
import { bootTestApp, type TestApp } from './support/test-app.js';

describe('audit chain and recount', () => {
  let t: TestApp;

  // Each test gets the demo district, whose seeding wrote answers, visits and state changes.
  beforeEach(async () => {
    t = await bootTestApp();
  });

  afterEach(() => t.close());

  const verify = () => verifyAuditLog(t.dataSource, t.app.get(AUDIT_SIGNING_KEY));
  // The link-level problems of one chain (a checkpoint may name the same tampering once more, by the chain alone).
  const linkProblems = async (chainKey?: string) => (await verify()).problems.filter((p) => p.entryId !== null || p.seq !== 0).filter((p) => !chainKey || p.chainKey === chainKey);

  async function aGroupChain() {
    const [row] = await t.dataSource.query("SELECT chainKey FROM audit_entry WHERE chainKey LIKE 'group:%' GROUP BY chainKey HAVING COUNT(*) >= 4 ORDER BY chainKey LIMIT 1");
    return (await t.dataSource.query('SELECT * FROM audit_entry WHERE chainKey = ? ORDER BY seq', [row.chainKey])) as Array<{ id: string; chainKey: string; seq: number; payload: string }>;
  }

  it('verifies the untouched log', async () => {
    const report = await verify();
    expect(report.entries).toBeGreaterThan(30);
    expect(report.problems).toEqual([]);
    expect(report.checkpointProblems).toEqual([]);
    expect(report.answerProblems).toEqual([]);
  });

  it('names the edited entry', async () => {
    const chain = await aGroupChain();
    await t.dataSource.query('UPDATE audit_entry SET payload = ? WHERE id = ?', [chain[1].payload.replace('AGREE', 'REFUSE'), chain[1].id]);
    expect(await linkProblems()).toEqual([expect.objectContaining({ chainKey: chain[0].chainKey, seq: 2, entryId: chain[1].id, problem: expect.stringContaining('changed') })]);
  });

  it('names where an entry was deleted, in the middle or at the end', async () => {
    const chain = await aGroupChain();
    await t.dataSource.query('DELETE FROM audit_entry WHERE id = ?', [chain[2].id]);
    expect(await linkProblems()).toEqual([expect.objectContaining({ seq: 4, entryId: chain[3].id, problem: expect.stringContaining('missing') })]);
    await t.dataSource.query('DELETE FROM audit_entry WHERE chainKey = ? AND seq >= 3', [chain[0].chainKey]);
    expect(await linkProblems()).toEqual([expect.objectContaining({ chainKey: chain[0].chainKey, problem: expect.stringContaining('removed from the end') })]);
  });

  it('names the first of two reordered entries', async () => {
    const chain = await aGroupChain();
    await t.dataSource.query('UPDATE audit_entry SET seq = -1 WHERE id = ?', [chain[1].id]);
    await t.dataSource.query('UPDATE audit_entry SET seq = 2 WHERE id = ?', [chain[2].id]);
    await t.dataSource.query('UPDATE audit_entry SET seq = 3 WHERE id = ?', [chain[1].id]);
    expect(await linkProblems()).toEqual([expect.objectContaining({ seq: 2, entryId: chain[2].id, problem: expect.stringContaining('reordered') })]);
  });

  it('recount finds no drift in a healthy database, reports tampered counters and repairs them', async () => {
    const recount = (repair: boolean) => recountAll(t.dataSource, t.app.get(TransactionRunner), t.app.get(GroupStateService), t.app.get(AUDIT_SIGNING_KEY), repair, t.app.get(Clock).now());
    expect(await recount(false)).toEqual({ drifts: [], tampered: [], checkpointProblems: [] });
    const [group] = await t.dataSource.query("SELECT id, label, agreed FROM consultation_group WHERE label = '1号楼2单元' AND state = 'REACHED'");
    await t.dataSource.query("UPDATE consultation_group SET agreed = agreed - 1, state = 'PENDING' WHERE id = ?", [group.id]);
    const { drifts: drift, tampered } = await recount(true);
    expect(tampered).toEqual([]);
    expect(drift).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: '1号楼2单元', field: 'agreed', stored: group.agreed - 1, recomputed: group.agreed }),
        expect.objectContaining({ label: '1号楼2单元', field: 'state', stored: 'PENDING', recomputed: 'REACHED' }),
      ]),
    );
    expect(await recount(false)).toEqual({ drifts: [], tampered: [], checkpointProblems: [] });
  });
});
