import { Answer, AnswerChannel } from '@linyi/shared';
import { spawnSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { linkHash, GENESIS_HASH, type AuditLink } from '../src/audit/audit-chain.js';
import { problemCount, reportLines, verifyAuditLog } from '../src/audit/audit-verifier.js';
import type { CheckpointView } from '../src/audit/checkpoint.mapper.js';
import { AUDIT_SIGNING_KEY, CheckpointService } from '../src/audit/checkpoint.service.js';
import { parseExpected, type ExpectedCheckpoint } from '../src/audit/expected-checkpoint.rules.js';
import { auditVerify } from '../src/cli/audit-verify-command.js';
import { withCommandApp } from '../src/cli/run-command.js';
import { loadConfig } from '../src/config/app-config.js';
import { TALLY_SHARDS } from '../src/consultations/consultation-tally.entity.js';
import { recountAll } from '../src/consultations/group-recount.js';
import { GroupStateService } from '../src/consultations/group-state.service.js';
import { TransactionRunner } from '../src/database/transaction-runner.js';
import { evidenceSha256 } from '../src/responses/answer.rules.js';
import { HouseholdResponse } from '../src/responses/household-response.entity.js';
import { apply, bindResident, openConsultation } from './support/consent.js';
import { compoundsAs, structureOf } from './support/demo-places.js';
import { TEST_MYSQL_URL } from './support/test-database.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';

const PRIVATE_KEY = generateKeyPairSync('ed25519').privateKey;
const SIGNING_KEY = PRIVATE_KEY.export({ format: 'pem', type: 'pkcs8' }).toString();
const PUBLIC_KEY_PEM = createPublicKey(PRIVATE_KEY).export({ format: 'pem', type: 'spki' }).toString();
const PUBLIC_KEY_DER = createPublicKey(PRIVATE_KEY).export({ format: 'der', type: 'spki' }).toString('base64');
const SERVER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');


/**
 * An administrator with full database access tampers with the evidence in the three ways issue 7
 * found unseen; each is named by audit:verify against a signed checkpoint, and recount --repair
 * refuses to count a tampered answer.
 */
describe('audit trail against an administrator who rewrites it', () => {
  let t: TestApp;
  let consultationId: string;
  // Four groups (units) of a fresh consultation, each with answers: one per tampering.
  const groups: Array<{ rowId: string; chainKey: string; label: string; households: string[] }> = [];

  const verify = () => verifyAuditLog(t.dataSource, t.app.get(AUDIT_SIGNING_KEY));
  const recount = (repair: boolean) => recountAll(t.dataSource, t.app.get(TransactionRunner), t.app.get(GroupStateService), t.app.get(AUDIT_SIGNING_KEY), repair, t.clock.now());
  const entries = (chainKey: string): Promise<AuditLink[]> => t.dataSource.query('SELECT * FROM audit_entry WHERE chainKey = ? ORDER BY seq', [chainKey]);

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1', AUDIT_SIGNING_KEY: SIGNING_KEY, AUDIT_CHECKPOINT_MS: '0' });
    const committee = await staffToken(t, 'committee-demo');
    const compoundId = (await compoundsAs(t, committee)).find((c) => c.name === '光明里小区')!.id;
    const { buildings } = await structureOf(t, committee, compoundId);
    const units = [...buildings[4].units.slice(0, 3), buildings[3].units[0]];
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
    expect(drifts).toEqual(expect.arrayContaining([expect.objectContaining({ label, field: 'agreed', recomputed: before.agreed + 1, outcome: 'refused' })]));
    expect(tampered).toEqual(expect.arrayContaining([expect.objectContaining({ groupRowId: rowId, householdId, label })]));
    const [after] = await t.dataSource.query('SELECT agreed, refused, state, revision FROM consultation_group WHERE id = ?', [rowId]);
    expect(after).toEqual(before);
  });

  it('(d) names a direct UPDATE of who signed, or of the channel, even with the evidence hash recomputed to match', async () => {
    const { rowId, households } = groups[3];
    const [{ textSha256 }] = await t.dataSource.query('SELECT textSha256 FROM consultation WHERE id = ?', [consultationId]);
    const rehash = async (householdId: string, change: Partial<HouseholdResponse>) => {
      const row = await t.dataSource.getRepository(HouseholdResponse).findOneByOrFail({ consultationId, householdId });
      const forged = { ...row, ...change };
      await t.dataSource.getRepository(HouseholdResponse).update(row.id, { ...change, evidenceSha256: evidenceSha256({ ...forged, textSha256 }) });
      return row;
    };
    // Another resident's id as signer; the second household's online answer passed off as paper.
    const [otherResident] = await t.dataSource.query('SELECT residentId FROM household_response WHERE consultationId = ? AND householdId = ?', [consultationId, groups[2].households[1]]);
    const signed = await rehash(households[0], { residentId: otherResident.residentId });
    await rehash(households[1], { channel: AnswerChannel.Paper });
    const problems = (await verify()).answerProblems.filter((p) => p.groupRowId === rowId);
    expect(problems).toEqual(
      expect.arrayContaining([
        { consultationId, groupRowId: rowId, householdId: households[0], problem: expect.stringContaining(`signer is resident:${otherResident.residentId} but resident:${signed.residentId} was audited`) },
        { consultationId, groupRowId: rowId, householdId: households[1], problem: expect.stringContaining('channel is PAPER but ANSWER_RECORDED was audited') },
      ]),
    );
  });

  it('audit:verify and recount --repair exit non-zero and name each problem on one line', async () => {
    const cli = (script: string, ...args: string[]) =>
      spawnSync(process.execPath, [join(SERVER_DIR, 'dist/cli', script), ...args], {
        encoding: 'utf8',
        timeout: 60_000,
                // A 1 ms checkpoint timer: an operator command that started it would sign the tampered heads within the run.
        env: { PATH: process.env.PATH, DATABASE_URL: `${TEST_MYSQL_URL.replace(/\/$/, '')}/${t.dataSource.options.database as string}`, AUDIT_SIGNING_KEY: SIGNING_KEY, AUDIT_CHECKPOINT_MS: '1', LOG_LEVEL: 'warn' },
      });
    if (!existsSync(join(SERVER_DIR, 'dist/cli/verify-audit.js'))) throw new Error('run npm run build -w server first: this test runs the built CLIs');
    // A forged link appended after the last checkpoint (what the restricted account can do): a head moved, so a checkpoint would sign it.
    const [last] = await entries(groups[3].chainKey).then((rows) => rows.slice(-1));
    const forgedLink = { ...last, id: randomUUID(), seq: Number(last.seq) + 1, action: 'HOME_VISIT_RECORDED', payload: '{"outcome":"AGREED"}', prevHash: last.hash };
    const forgedHash = linkHash(forgedLink);
    await t.dataSource.query('INSERT INTO audit_entry (id, chainKey, seq, action, actor, subjectId, payload, at, prevHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [forgedLink.id, forgedLink.chainKey, forgedLink.seq, forgedLink.action, forgedLink.actor, forgedLink.subjectId, forgedLink.payload, forgedLink.at, forgedLink.prevHash, forgedHash]);
    await t.dataSource.query('UPDATE audit_chain_head SET seq = ?, hash = ? WHERE chainKey = ?', [forgedLink.seq, forgedHash, forgedLink.chainKey]);
    const checkpointsBefore = await t.dataSource.query('SELECT seq, root FROM audit_checkpoint ORDER BY seq');
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
    // Group 0's chain now matches its (forged) recorded head; groups 1, 2 and 3 are named one by one.
    expect(repaired.stdout).toMatch(/in 3 group\(s\), left untouched/);
    // With a bad checkpoint nothing is repaired, and the count says so: every drift refused, none repaired.
    const drifted = repaired.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
    expect(drifted.length).toBeGreaterThan(0);
    expect(drifted.every((d) => d.outcome === 'refused')).toBe(true);
    expect(repaired.stdout).toContain(`${drifted.length} drifted value(s) found, 0 repaired, ${drifted.length} refused`);
    // Neither command signed a checkpoint (over heads it had just found tampered), timer or not.
    expect(await t.dataSource.query('SELECT seq, root FROM audit_checkpoint ORDER BY seq')).toEqual(checkpointsBefore);
  });
});

/**
 * The one thing a database cannot show about itself: checkpoints deleted from the end. An
 * administrator rewrites a chain, deletes every checkpoint from the first that recorded the rewritten
 * links (with their recorded heads), and lets the server sign the forged heads anew. Only a copy the
 * operator kept outside the database (--expect) shows it, verified with the public key alone.
 */
describe('kept checkpoints (audit:verify --expect) against checkpoints deleted from the end', () => {
  let t: TestApp;
  let consultationId: string;
  let chainKey: string;
  let householdId: string;
  const dir = mkdtempSync(join(tmpdir(), 'linyi-kept-'));
  const kept: CheckpointView[] = [];
  const keptFile = (name: string, body: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(body));
    return file;
  };
  const verify = (expected: ExpectedCheckpoint[]) => verifyAuditLog(t.dataSource, t.app.get(AUDIT_SIGNING_KEY), expected);
  const expectedOf = (body: unknown, source: string) => parseExpected(body, source) as ExpectedCheckpoint[];
  const databaseUrl = () => `${TEST_MYSQL_URL.replace(/\/$/, '')}/${t.dataSource.options.database as string}`;
  /** The command run in this process the way the CLI runs it, configured with the public key only. */
  const verifyWithPublicKeyOnly = async (args: string[]) => {
    const lines: string[] = [];
    const config = loadConfig({ DATABASE_URL: databaseUrl(), AUDIT_PUBLIC_KEY: PUBLIC_KEY_DER, JWT_SECRET: 'test-secret-0123456789', LOG_LEVEL: 'silent', H5_DIR: '/nonexistent' }, { verifiesOnly: true });
    expect(config.auditSigningKey).toBeNull();
    const status = await withCommandApp(config, async (app) => {
      expect(app.get(AUDIT_SIGNING_KEY).privateKey).toBeNull();
      return auditVerify(app, args, (line) => lines.push(line));
    });
    return { status, lines };
  };
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [join(SERVER_DIR, 'dist/cli/verify-audit.js'), ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl(), AUDIT_PUBLIC_KEY: PUBLIC_KEY_PEM, LOG_LEVEL: 'warn' },
    });

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1', AUDIT_SIGNING_KEY: SIGNING_KEY, AUDIT_CHECKPOINT_MS: '0' });
    const committee = await staffToken(t, 'committee-demo');
    const street = await staffToken(t, 'street-demo');
    const compoundId = (await compoundsAs(t, committee)).find((c) => c.name === '光明里小区')!.id;
    const unit = (await structureOf(t, committee, compoundId)).buildings[3].units[0];
    consultationId = (await openConsultation(t, committee, { compoundId, unitIds: [unit.id] })).id;
    householdId = unit.households[0].id;
    const resident = await bindResident(t, committee, householdId, 'kept-0');
    await apply(t, resident, consultationId, householdId, { answer: Answer.Refuse, signaturePng: undefined, acknowledgedDisclosureIds: [] }).expect(200);
    // The operator keeps each checkpoint as GET /api/audit/checkpoint serves it (e.g. daily, off the database host).
    const keep = async () => {
      expect(await t.app.get(CheckpointService).take()).not.toBeNull();
      kept.push((await t.http.get('/api/audit/checkpoint').set(bearer(street)).expect(200)).body);
    };
    await keep();
    await apply(t, await bindResident(t, committee, unit.households[1].id, 'kept-1'), consultationId, unit.households[1].id).expect(200);
    await keep();
    const [group] = await t.dataSource.query('SELECT id FROM consultation_group WHERE consultationId = ?', [consultationId]);
    chainKey = `group:${group.id}`;
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('passes a healthy database with every kept copy, in one file each or as one array, with the public key only', async () => {
    expect(kept.map((k) => k.seq)).toEqual([expect.any(Number), kept[0].seq + 1]);
    expect(reportLines(await verify(kept.map((k, i) => expectedOf(k, `kept-${i}`)[0])))).toEqual([]);
    const one = keptFile('one.json', kept[0]);
    const both = keptFile('both.json', kept);
    const { status, lines } = await verifyWithPublicKeyOnly(['--expect', one, '--expect', both]);
    expect(lines.at(-1)).toMatch(/ 3 kept checkpoint\(s\), .*: 0 broken chain\(s\), 0 bad checkpoint\(s\), 0 kept checkpoint\(s\) not in the database, 0 tampered answer\(s\)$/);
    expect(status).toBe(0);
    if (!existsSync(join(SERVER_DIR, 'dist/cli/verify-audit.js'))) throw new Error('run npm run build -w server first: this test runs the built CLIs');
    const built = cli('--expect', both);
    expect([built.status, built.stderr]).toEqual([0, '']);
  });

  it('refuses a kept copy not signed by the configured key, whatever public key it carries', async () => {
    const other = generateKeyPairSync('ed25519');
    const root = 'ab'.repeat(32);
    const forged = { ...kept[1], root, signature: sign(null, Buffer.from(root, 'ascii'), other.privateKey).toString('base64'), publicKey: other.publicKey.export({ format: 'pem', type: 'spki' }).toString() };
    const { status, lines } = await verifyWithPublicKeyOnly(['--expect', keptFile('forged.json', forged)]);
    expect(status).toBe(1);
    expect(lines[0]).toMatch(new RegExp(`^KEPT CHECKPOINT #${kept[1].seq} NOT IN THE DATABASE: the kept copy does not verify with the configured key`));
  });

  it('names checkpoints deleted from the end after a rewrite, even once the server has signed the forged heads', async () => {
    // Rewrite the chain: the REFUSE becomes an AGREE, every hash recomputed, the answer row made to match.
    const response = await t.dataSource.getRepository(HouseholdResponse).findOneByOrFail({ consultationId, householdId });
    const [{ textSha256 }] = await t.dataSource.query('SELECT textSha256 FROM consultation WHERE id = ?', [consultationId]);
    const forgedEvidence = evidenceSha256({ ...response, answer: Answer.Agree, textSha256 });
    await t.dataSource.query('UPDATE household_response SET answer = ?, evidenceSha256 = ? WHERE id = ?', [Answer.Agree, forgedEvidence, response.id]);
    let prevHash = GENESIS_HASH;
    for (const entry of (await t.dataSource.query('SELECT * FROM audit_entry WHERE chainKey = ? ORDER BY seq', [chainKey])) as AuditLink[]) {
      const payload = JSON.parse(entry.payload);
      if (entry.subjectId === householdId && payload.version === response.version) Object.assign(payload, { answer: Answer.Agree, evidenceSha256: forgedEvidence });
      const link = { ...entry, seq: Number(entry.seq), payload: JSON.stringify(payload), prevHash };
      prevHash = linkHash(link);
      await t.dataSource.query('UPDATE audit_entry SET payload = ?, prevHash = ?, hash = ? WHERE id = ?', [link.payload, link.prevHash, prevHash, entry.id]);
    }
    await t.dataSource.query('UPDATE audit_chain_head SET hash = ? WHERE chainKey = ?', [prevHash, chainKey]);
    // Delete every checkpoint from the first that recorded this chain, with what they recorded.
    const [{ first }] = await t.dataSource.query('SELECT MIN(checkpointSeq) AS first FROM audit_checkpoint_chain WHERE chainKey = ?', [chainKey]);
    await t.dataSource.query('DELETE FROM audit_checkpoint_chain WHERE checkpointSeq >= ?', [first]);
    await t.dataSource.query('DELETE FROM audit_checkpoint WHERE seq >= ?', [first]);
    // The server's next checkpoint signs the forged heads, with a number a deleted one had.
    const resigned = await t.app.get(CheckpointService).take();
    expect(resigned?.seq).toBe(Number(first));

    // The database alone holds together: this is why the copies must be kept outside it.
    expect(reportLines(await verify([]))).toEqual([]);
    const { status, lines } = await verifyWithPublicKeyOnly(['--expect', keptFile('all.json', kept)]);
    expect(status).toBe(1);
    expect(lines.slice(0, -1)).toEqual([
      expect.stringMatching(new RegExp(`^KEPT CHECKPOINT #${kept[0].seq} NOT IN THE DATABASE: the stored checkpoint #${kept[0].seq} has another root, createdAt, signature: checkpoints were deleted and taken again`)),
      expect.stringMatching(new RegExp(`^KEPT CHECKPOINT #${kept[1].seq} NOT IN THE DATABASE: the latest stored checkpoint is #${resigned!.seq}: checkpoints were deleted from the end`)),
    ]);
    const built = cli('--expect', keptFile('latest.json', kept[1]));
    expect(built.status).toBe(1);
    expect(built.stdout).toContain(`KEPT CHECKPOINT #${kept[1].seq} NOT IN THE DATABASE`);
    expect(cli('--expect', join(dir, 'missing.json')).status).toBe(2);
  });
});

/** recount --repair says what it did: a missing tally shard is written back, and the counts add up. */
describe('recount --repair on a healthy trail', () => {
  let t: TestApp;
  let consultationId: string;

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1', AUDIT_SIGNING_KEY: SIGNING_KEY, AUDIT_CHECKPOINT_MS: '0' });
    const committee = await staffToken(t, 'committee-demo');
    const compoundId = (await compoundsAs(t, committee)).find((c) => c.name === '光明里小区')!.id;
    const unit = (await structureOf(t, committee, compoundId)).buildings[2].units[0];
    consultationId = (await openConsultation(t, committee, { compoundId, unitIds: [unit.id] })).id;
    await apply(t, await bindResident(t, committee, unit.households[0].id, 'recount-0'), consultationId, unit.households[0].id).expect(200);
    await t.app.get(CheckpointService).take();
  });

  afterAll(() => t.close());

  it('inserts a deleted tally shard, corrects a drifted one, and counts found = repaired', async () => {
    const shards = () => t.dataSource.query('SELECT shard, householdsTotal, householdsAnswered, groupsTotal, groupsReached, groupsFailed FROM consultation_tally WHERE consultationId = ? ORDER BY shard', [consultationId]);
    const before = await shards();
    expect(before).toHaveLength(TALLY_SHARDS);
    const withGroup = before.find((s: { groupsTotal: number }) => s.groupsTotal > 0);
    await t.dataSource.query('DELETE FROM consultation_tally WHERE consultationId = ? AND shard = ?', [consultationId, withGroup.shard]);
    await t.dataSource.query('UPDATE consultation_tally SET householdsAnswered = 7 WHERE consultationId = ? AND shard = ?', [consultationId, (withGroup.shard + 1) % TALLY_SHARDS]);

    const spawned = spawnSync(process.execPath, [join(SERVER_DIR, 'dist/cli/recount.js'), '--repair'], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env.PATH, DATABASE_URL: `${TEST_MYSQL_URL.replace(/\/$/, '')}/${t.dataSource.options.database as string}`, AUDIT_PUBLIC_KEY: PUBLIC_KEY_PEM, LOG_LEVEL: 'warn' },
    });
    const drifts = spawned.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
    // The deleted shard differs in its 5 fields, the drifted one in 1; all repaired, none refused.
    expect(drifts).toHaveLength(6);
    expect(drifts.every((d) => d.outcome === 'repaired')).toBe(true);
    expect(spawned.stdout).toContain('6 drifted value(s) found, 6 repaired, 0 refused; 0 answer(s) not matching the audit trail');
    expect([spawned.status, spawned.stderr]).toEqual([0, '']);
    expect(await shards()).toEqual(before);
    expect(await recountAll(t.dataSource, t.app.get(TransactionRunner), t.app.get(GroupStateService), t.app.get(AUDIT_SIGNING_KEY), false, t.clock.now())).toEqual({ drifts: [], tampered: [], checkpointProblems: [] });
  });
});
