import { generateKeyPairSync } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { GroupState } from '@linyi/shared';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config.js';
import { ConsultationScheduler } from '../src/consultations/consultation-scheduler.js';
import { GroupStateService } from '../src/consultations/group-state.service.js';
import { createApp } from '../src/create-app.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { openDatabase, PendingMigrationsError } from '../src/database/migration-gate.js';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { openConsultation } from './support/consent.js';
import { compoundsAs, structureOf } from './support/demo-places.js';
import { bootTestApp, staffToken, type TestApp } from './support/test-app.js';
import { createTestDatabase } from './support/test-database.js';

const DIST = (path: string) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));
const DAY = 24 * 3600 * 1000;

describe('closing at the deadline survives a crash between its steps', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  async function groupStates(consultationId: string): Promise<string[]> {
    const rows: Array<{ state: string }> = await t.dataSource.query('SELECT state FROM consultation_group WHERE consultationId = ? ORDER BY id', [consultationId]);
    return rows.map((row) => row.state);
  }

  async function transitionsOf(consultationId: string): Promise<number> {
    const [{ count }] = await t.dataSource.query("SELECT COUNT(*) AS count FROM domain_event WHERE type = 'GROUP_STATE_CHANGED' AND payload LIKE ?", [`%${consultationId}%`]);
    return Number(count);
  }

  it('settles every group on the next sweep, each exactly once, after the process died mid-settle', async () => {
    const committee = await staffToken(t, 'committee-demo');
    const compoundId = (await compoundsAs(t, committee)).find((c) => c.name === '幸福苑小区')!.id;
    const units = (await structureOf(t, committee, compoundId)).buildings.flatMap((b) => b.units).slice(0, 3);
    const consultation = await openConsultation(t, committee, { compoundId, unitIds: units.map((u) => u.id) });
    expect(await groupStates(consultation.id)).toEqual([GroupState.Pending, GroupState.Pending, GroupState.Pending]);

    t.clock.advance(15 * DAY);
    const groupState = t.app.get(GroupStateService);
    const recount = groupState.recount;
    let calls = 0;
    // The second group's settlement dies as a killed process would: the consultation is CLOSED, one group settled.
    groupState.recount = async function (...args) {
      if (++calls === 2) throw new Error('process killed');
      return recount.apply(this, args);
    };
    try {
      await expect(t.app.get(ConsultationScheduler).sweep()).rejects.toThrow('process killed');
    } finally {
      groupState.recount = recount;
    }
    const [{ status }] = await t.dataSource.query('SELECT status FROM consultation WHERE id = ?', [consultation.id]);
    expect(status).toBe('CLOSED');
    expect((await groupStates(consultation.id)).filter((s) => s === GroupState.Pending)).toHaveLength(2);

    await t.app.get(ConsultationScheduler).sweep();
    expect(await groupStates(consultation.id)).toEqual([GroupState.Failed, GroupState.Failed, GroupState.Failed]);
    expect(await transitionsOf(consultation.id)).toBe(3);

    await t.app.get(ConsultationScheduler).sweep();
    expect(await transitionsOf(consultation.id)).toBe(3);
    t.clock.advance(-15 * DAY);
  });
});

describe('migrations run once per deployment', () => {
  let database: { url: string; drop: () => Promise<void> };

  beforeEach(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    await database.drop();
  });

  const env = () => ({ DATABASE_URL: database.url, JWT_SECRET: 'test-secret-0123456789', LOG_LEVEL: 'silent' });

  it('a worker or command only checks, naming the pending migrations, and changes nothing', async () => {
    const options = await dataSourceOptions(loadConfig(env()));
    const error = await openDatabase(options, 'check').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PendingMigrationsError);
    expect((error as PendingMigrationsError).pending).toEqual(MIGRATIONS.map((m) => m.name));
    const probe = await new DataSource(options).initialize();
    expect(await probe.query("SHOW TABLES LIKE 'household'")).toEqual([]);
    await probe.destroy();
  });

  it('a production API refuses to boot with pending migrations and tells the operator what to run', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const production = loadConfig({
      ...env(),
      NODE_ENV: 'production',
      JWT_SECRET: 'x7Kq2v9LmP4rT8wZ1nB6cY3hJ5dF0gSu2Wq',
      WECHAT_APPID: 'wx1',
      WECHAT_SECRET: 'secret',
      AUDIT_SIGNING_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });
    await expect(createApp(production)).rejects.toThrow(/pending migration.*npm run migrate -w server/s);
  });

  it('a worker refuses to start before `npm run migrate`, which applies them once; a second run applies none', () => {
    const run = (script: string) => spawnSync(process.execPath, [DIST(script)], { env: { ...process.env, ...env(), NODE_ENV: 'development' }, encoding: 'utf8', timeout: 60_000 });
    const worker = spawnSync(process.execPath, [DIST('worker.js')], { env: { ...process.env, ...env() }, encoding: 'utf8', timeout: 60_000 });
    expect(worker.status).toBe(1);
    expect(worker.stderr).toContain('npm run migrate -w server');

    const first = run('cli/migrate.js');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`${MIGRATIONS.length} migration(s) applied`);
    const second = run('cli/migrate.js');
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('0 migration(s) applied');
  });
});
