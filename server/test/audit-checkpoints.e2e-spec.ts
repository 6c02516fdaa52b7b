import { ConsultationKind, DecisionRule, GroupBy, ScopeType, StaffRole } from '@linyi/shared';
import bcrypt from 'bcryptjs';
import { createPublicKey, generateKeyPairSync, randomUUID, verify } from 'node:crypto';
import { AUDIT_SIGNING_KEY, CheckpointService } from '../src/audit/checkpoint.service.js';
import { HeadSet, type CheckedHead } from '../src/audit/checkpoint.rules.js';
import { recountAll } from '../src/consultations/group-recount.js';
import { ConsultationScheduler } from '../src/consultations/consultation-scheduler.js';
import { GroupStateService } from '../src/consultations/group-state.service.js';
import { TransactionRunner } from '../src/database/transaction-runner.js';
import { DEMO_PASSWORD } from '../src/demo/demo-data.js';
import { StaffAccount } from '../src/staff/staff-account.entity.js';
import { compoundsAs } from './support/demo-places.js';
import { bearer, bootTestApp, residentToken, staffToken, type TestApp } from './support/test-app.js';
import { waitFor } from './support/fake-push.js';

const { privateKey } = generateKeyPairSync('ed25519');
const SIGNING_KEY = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const PUBLIC_PEM = createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString();
const ROUTES = ['/api/audit/checkpoint', '/api/audit/checkpoints', '/api/audit/checkpoints/1/chains'];

describe('signed audit checkpoints over HTTP', () => {
  let t: TestApp;
  let street: string;
  let admin: string;

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1', AUDIT_SIGNING_KEY: SIGNING_KEY, AUDIT_CHECKPOINT_MS: '0' });
    street = await staffToken(t, 'street-demo');
    await t.dataSource.getRepository(StaffAccount).insert({ id: randomUUID(), username: 'admin-audit', displayName: '系统管理员', passwordHash: await bcrypt.hash(DEMO_PASSWORD, 4), role: StaffRole.Admin, scopeType: ScopeType.All, scopeId: null });
    admin = await staffToken(t, 'admin-audit');
    await t.app.get(CheckpointService).take();
  });

  afterAll(() => t.close());

  const get = (path: string, token: string) => t.http.get(path).set(bearer(token));

  it('serves the latest checkpoint to street and admin staff, signed by the configured key', async () => {
    for (const token of [street, admin]) {
      const { body } = await get('/api/audit/checkpoint', token).expect(200);
      expect(body).toEqual({ seq: expect.any(Number), createdAt: expect.any(String), root: expect.stringMatching(/^[0-9a-f]{64}$/), chains: expect.any(Number), signature: expect.any(String), publicKey: PUBLIC_PEM, keyId: expect.any(String) });
      expect(verify(null, Buffer.from(body.root), body.publicKey, Buffer.from(body.signature, 'base64'))).toBe(true);
      const [{ chains }] = await t.dataSource.query('SELECT COUNT(*) AS chains FROM audit_chain_head WHERE seq > 0');
      expect(body.chains).toBe(Number(chains));
    }
  });

  it('lists every chain head a checkpoint covers, page by page, and they recompute its root', async () => {
    const { body: latest } = await get('/api/audit/checkpoint', street).expect(200);
    const heads: CheckedHead[] = [];
    let after: string | null = '';
    while (after !== null) {
      const { body }: { body: { items: CheckedHead[]; next: string | null } } = await get(`/api/audit/checkpoints/${latest.seq}/chains?limit=3${after ? `&after=${encodeURIComponent(after)}` : ''}`, street).expect(200);
      heads.push(...body.items);
      after = body.next;
    }
    expect(heads).toHaveLength(latest.chains);
    expect(new Set(heads.map((h) => h.chainKey)).size).toBe(latest.chains);
    const set = new HeadSet();
    for (const head of heads) set.set(head);
    expect(set.root(latest.seq, latest.createdAt)).toBe(latest.root);
    for (const seq of ['999999', 'abc', '-1']) await get(`/api/audit/checkpoints/${seq}/chains`, street).expect(404);
    expect((await get(`/api/audit/checkpoints/${latest.seq}/chains?limit=0`, street).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('lists earlier checkpoints after a time, and refuses a time that is not a sane ISO date', async () => {
    const all = (await get('/api/audit/checkpoints', street).expect(200)).body as Array<{ seq: number; createdAt: string }>;
    expect(all.length).toBeGreaterThanOrEqual(1);
    expect(all.map((c) => c.seq)).toEqual([...all.map((c) => c.seq)].sort((a, b) => a - b));
    const since = all[0].createdAt;
    const later = (await get(`/api/audit/checkpoints?since=${encodeURIComponent(since)}`, street).expect(200)).body as Array<{ seq: number }>;
    expect(later.map((c) => c.seq)).toEqual(all.slice(1).map((c) => c.seq));
    expect((await get('/api/audit/checkpoints?limit=1', street).expect(200)).body).toHaveLength(1);
    for (const bad of ['yesterday', '10000-01-01T00:00:00Z', '1970-01-01', '2025-02-30', '']) {
      const response = await get(`/api/audit/checkpoints?since=${encodeURIComponent(bad)}`, street).expect(400);
      expect(response.body).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: expect.stringContaining('ISO 8601'), ...(response.body.correlationId ? { correlationId: expect.any(String) } : {}) });
    }
    await get('/api/audit/checkpoints?since=a&since=b', street).expect(400);
    await get('/api/audit/checkpoints?limit=101', street).expect(400);
  });

  it('refuses anyone but street and admin staff', async () => {
    const committee = await staffToken(t, 'committee-demo');
    const contractor = await staffToken(t, 'contractor-demo');
    const resident = await residentToken(t, 'audit-outsider');
    for (const path of ROUTES) {
      await t.http.get(path).expect(401);
      for (const token of [committee, contractor, resident]) await get(path, token).expect(403);
    }
  });

  it('recount finds no drift on the healthy demo database, a DRAFT consultation included', async () => {
    const committee = await staffToken(t, 'committee-demo');
    const compoundId = (await compoundsAs(t, committee))[0].id;
    const now = t.clock.now().getTime();
    await t.http
      .post('/api/consultations')
      .set(bearer(committee))
      .send({ compoundId, kind: ConsultationKind.General, title: '草稿：楼道照明', body: '尚未发布', rule: DecisionRule.Unanimous, groupBy: GroupBy.Unit, opensAt: new Date(now + 86400_000).toISOString(), deadline: new Date(now + 10 * 86400_000).toISOString() })
      .expect(201);
    const [{ drafts }] = await t.dataSource.query("SELECT COUNT(*) AS drafts FROM consultation WHERE status = 'DRAFT'");
    expect(Number(drafts)).toBeGreaterThanOrEqual(1);
    const report = await recountAll(t.dataSource, t.app.get(TransactionRunner), t.app.get(GroupStateService), t.app.get(AUDIT_SIGNING_KEY), false, t.clock.now());
    expect(report).toEqual({ drifts: [], tampered: [], checkpointProblems: [] });
  });

  it('takes a checkpoint by itself after group transitions commit, and none when nothing moved', async () => {
    const checkpoints = t.app.get(CheckpointService);
    await checkpoints.take();
    expect(await checkpoints.take()).toBeNull();
    const before = (await checkpoints.latest())!.seq;
    // Closing at the deadline moves every pending group to FAILED: transitions, with no hand-taken checkpoint.
    t.clock.advance(30 * 86400_000);
    expect((await t.app.get(ConsultationScheduler).sweep()).closed).toBeGreaterThan(0);
    await waitFor(async () => (await checkpoints.latest())!.seq > before, 'a checkpoint after the transitions', 10_000);
    const latest = (await checkpoints.latest())!;
    expect(latest.seq).toBeGreaterThan(before);
    const [{ moved }] = await t.dataSource.query("SELECT COUNT(*) AS moved FROM audit_checkpoint_chain WHERE checkpointSeq > ? AND chainKey LIKE 'group:%'", [before]);
    expect(Number(moved)).toBeGreaterThan(0);
  });
});
