import { Answer } from '@linyi/shared';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { linkHash, GENESIS_HASH } from '../src/audit/audit-chain.js';
import { problemCount, reportLines, verifyAuditLog } from '../src/audit/audit-verifier.js';
import { AUDIT_SIGNING_KEY, CheckpointService } from '../src/audit/checkpoint.service.js';
import { recountAll } from '../src/consultations/group-recount.js';
import { GroupStateService } from '../src/consultations/group-state.service.js';
import { TransactionRunner } from '../src/database/transaction-runner.js';
import { evidenceSha256 } from '../src/responses/answer.rules.js';
import { HouseholdResponse } from '../src/responses/household-response.entity.js';
import { apply, bindResident, openConsultation } from './support/consent.js';
import { compoundsAs, structureOf } from './support/demo-places.js';
import { TEST_MYSQL_URL } from './support/test-database.js';
import { bootTestApp, staffToken, type TestApp } from './support/test-app.js';

const SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const SERVER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

interface EntryRow {
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

/**
 * An administrator with full database access tampers with the evidence in the three ways issue 7
 * found unseen; each is named by audit:verify against a signed checkpoint, and recount --repair
 * refuses to count a tampered answer.
 */
describe('audit trail against an administrator who rewrites it', () => {
  let t: TestApp;
  let consultationId: string;
  // Three groups (units) of a fresh consultation, each with answers: one per tampering.
  const groups: Array<{ rowId: string; chainKey: string; label: string; households: string[] }> = [];

  const verify = () => verifyAuditLog(t.dataSource, t.app.get(AUDIT_SIGNING_KEY));
  const recount = (repair: boolean) => recountAll(t.dataSource, t.app.get(TransactionRunner), t.app.get(GroupStateService), t.app.get(AUDIT_SIGNING_KEY), repair, t.clock.now());
  const entries = (chainKey: string): Promise<EntryRow[]> => t.dataSource.query('SELECT * FROM audit_entry WHERE chainKey = ? ORDER BY seq', [chainKey]);

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1', AUDIT_SIGNING_KEY: SIGNING_KEY, AUDIT_CHECKPOINT_MS: '0' });
    const committee = await staffToken(t, 'committee-demo');
    const compoundId = (await compoundsAs(t, committee)).find((c) => c.name === '光明里小区')!.id;
    const units = (await structureOf(t, committee, compoundId)).buildings[4].units.slice(0, 3);
    consultationId = (await openConsultation(t, committee, { compoundId, unitIds: units.map((u) => u.id) })).id;
    for (const [i, unit] of units.entries()) {
      const households = unit.households.slice(0, 2).map((h) => h.id);
      for (const [j, householdId] of households.entries()) {
        const resident = await bindResident(t, committee, householdId, `tamper-${i}-${j}`);
        await apply(t, resident, consultationId, householdId).expect(200);
        // The first household changes its mind: its counted answer is REFUSE, version 2.
        if (j === 0) await apply(t, resident, consultationId, householdId, { answer: Answer.Refuse }).expect(200);
      }
      const [row] = await t.dataSource.query('SELECT id, label FROM consultation_group WHERE consultationId = ? AND placeId = ?', [consultationId, unit.id]);
      groups.push({ rowId: row.id, chainKey: `group:${row.id}`, label: row.label, households });
    }
    expect(await t.app.get(CheckpointService).take()).not.toBeNull();
  });

  afterAll(() => t.close());

  it('starts clean: every chain, checkpoint and answer verifies, and recount finds nothing', async () => {
    const report = await verify();
    expect(report.checkpoints).toBeGreaterThanOrEqual(1);
    expect(reportLines(report)).toEqual([]);
    expect(await recount(false)).toEqual({ drifts: [], tampered: [], checkpointProblems: [] });
    // Nothing moved since: no new checkpoint.
    expect(await t.app.get(CheckpointService).take()).toBeNull();
  });

  it('(a) names a chain rewritten with every hash recomputed, even with the answer row made to match', async () => {
    const { chainKey, households } = groups[0];
    const householdId = households[0];
    // The administrator turns the REFUSE into an AGREE everywhere plain SHA-256 can reach: the answer row,
    // its evidence hash, the audit payloads, every link hash and the head.
    const response = await t.dataSource.getRepository(HouseholdResponse).findOneByOrFail({ consultationId, householdId });
    const [{ textSha256 }] = await t.dataSource.query('SELECT textSha256 FROM consultation WHERE id = ?', [consultationId]);
    const forged = { ...response, answer: Answer.Agree };
    const forgedEvidence = evidenceSha256({ ...forged, textSha256 });
    await t.dataSource.query('UPDATE household_response SET answer = ?, evidenceSha256 = ? WHERE id = ?', [Answer.Agree, forgedEvidence, response.id]);
    let prevHash = GENESIS_HASH;
    for (const entry of await entries(chainKey)) {
      const payload = JSON.parse(entry.payload);
      if (entry.subjectId === householdId && payload.version === response.version) Object.assign(payload, { answer: Answer.Agree, evidenceSha256: forgedEvidence });
      const link = { ...entry, seq: Number(entry.seq), payload: JSON.stringify(payload), prevHash };
      const hash = linkHash(link);
      await t.dataSource.query('UPDATE audit_entry SET payload = ?, prevHash = ?, hash = ? WHERE id = ?', [link.payload, prevHash, hash, entry.id]);
      prevHash = hash;
    }
    await t.dataSource.query('UPDATE audit_chain_head SET hash = ? WHERE chainKey = ?', [prevHash, chainKey]);

    const report = await verify();
    // The chain holds together and the answer matches it: only the signed checkpoint shows the rewrite.
    expect(report.problems).toEqual([expect.objectContaining({ chainKey, problem: expect.stringContaining('the chain was rewritten') })]);
    expect(report.answerProblems).toEqual([]);
    expect(report.checkpointProblems).toEqual([]);
    // Recount will not count the forged answer: the group's chain no longer matches the checkpoint.
    const [before] = await t.dataSource.query('SELECT agreed, refused, revision FROM consultation_group WHERE id = ?', [groups[0].rowId]);
    const first = await recount(true);
    expect(first.tampered).toEqual([expect.objectContaining({ groupRowId: groups[0].rowId, problem: expect.stringContaining('rewritten') })]);
    expect(await t.dataSource.query('SELECT agreed, refused, revision FROM consultation_group WHERE id = ?', [groups[0].rowId])).toEqual([before]);

    // Rewriting the checkpoint's recorded head to the forged one breaks the checkpoint's root instead,
    // and then recount repairs nothing at all.
    await t.dataSource.query('UPDATE audit_checkpoint_chain SET hash = ? WHERE chainKey = ?', [prevHash, chainKey]);
    expect((await verify()).checkpointProblems).toEqual([expect.objectContaining({ problem: expect.stringContaining('root does not match') })]);
    const second = await recount(true);
    expect(second.checkpointProblems).toEqual([expect.objectContaining({ problem: expect.stringContaining('root does not match') })]);
    expect(await t.dataSource.query('SELECT agreed, refused, revision FROM consultation_group WHERE id = ?', [groups[0].rowId])).toEqual([before]);
  });

  it('(b) names a chain deleted together with its head', async () => {
    const { chainKey } = groups[1];
    await t.dataSource.query('DELETE FROM audit_entry WHERE chainKey = ?', [chainKey]);
    await t.dataSource.query('DELETE FROM audit_chain_head WHERE chainKey = ?', [chainKey]);
    const report = await verify();
    expect(report.problems.filter((p) => p.chainKey === chainKey)).toEqual([expect.objectContaining({ problem: expect.stringContaining('the chain was deleted') })]);
    // Its answers now have no audit entry at all.
    expect(report.answerProblems.filter((p) => p.groupRowId === groups[1].rowId)).toHaveLength(2);
  });

  it('(c) names a direct UPDATE of an answer, and recount --repair leaves that group untouched', async () => {
    const { rowId, label, households } = groups[2];
    const householdId = households[0];
    const [before] = await t.dataSource.query('SELECT agreed, refused, state, revision FROM consultation_group WHERE id = ?', [rowId]);
    await t.dataSource.query("UPDATE household_response SET answer = 'AGREE' WHERE consultationId = ? AND householdId = ?", [consultationId, householdId]);

    const report = await verify();
    expect(report.answerProblems.filter((p) => p.groupRowId === rowId)).toEqual([
      { consultationId, groupRowId: rowId, householdId, problem: expect.stringContaining('answer is AGREE but REFUSE was audited') },
      { consultationId, groupRowId: rowId, householdId, problem: expect.stringContaining('evidence hash does not follow') },
    ]);
    expect(reportLines(report)).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^TAMPERED ANSWER consultation ${consultationId} household ${householdId} .*answer is AGREE`))]));

    const { drifts, tampered } = await recount(true);
    expect(drifts).toEqual(expect.arrayContaining([expect.objectContaining({ label, field: 'agreed', recomputed: before.agreed + 1 })]));
    expect(tampered).toEqual(expect.arrayContaining([expect.objectContaining({ groupRowId: rowId, householdId, label })]));
    const [after] = await t.dataSource.query('SELECT agreed, refused, state, revision FROM consultation_group WHERE id = ?', [rowId]);
    expect(after).toEqual(before);
  });

  it('audit:verify and recount --repair exit non-zero and name each problem on one line', async () => {
    const cli = (script: string, ...args: string[]) =>
      spawnSync(process.execPath, [join(SERVER_DIR, 'dist/cli', script), ...args], {
        encoding: 'utf8',
        timeout: 60_000,
        env: { PATH: process.env.PATH, DATABASE_URL: `${TEST_MYSQL_URL.replace(/\/$/, '')}/${t.dataSource.options.database as string}`, AUDIT_SIGNING_KEY: SIGNING_KEY, AUDIT_CHECKPOINT_MS: '0', LOG_LEVEL: 'warn' },
      });
    if (!existsSync(join(SERVER_DIR, 'dist/cli/verify-audit.js'))) throw new Error('run npm run build -w server first: this test runs the built CLIs');
    const verified = cli('verify-audit.js');
    expect(verified.status).toBe(1);
    const lines = verified.stdout.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        // Group 0's recorded head was forged to match its rewrite: the checkpoint's root names that.
        expect.stringMatching(/^BAD CHECKPOINT #\d+: its root does not match/),
        expect.stringContaining(`BROKEN ${groups[1].chainKey}: link`),
        expect.stringContaining(`household ${groups[2].households[0]}`),
      ]),
    );
    expect(lines.length).toBe(problemCount(await verify()) + 1);
    const repaired = cli('recount.js', '--repair');
    expect(repaired.status).toBe(1);
    expect(repaired.stdout).toContain(`household ${groups[2].households[0]}`);
    expect(repaired.stdout).toMatch(/^BAD CHECKPOINT #\d+: its root does not match.*nothing repaired/m);
    // Group 0's chain now matches its (forged) recorded head; groups 1 and 2 are named one by one.
    expect(repaired.stdout).toMatch(/in 2 group\(s\), left untouched/);
  });
});
