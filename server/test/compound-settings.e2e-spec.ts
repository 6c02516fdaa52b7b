import { COMPOUND_TIME_ZONE, type CompoundSettings } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { CompoundSettings1764820800000 } from '../src/database/migrations/1764820800000-compound-settings.js';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { compoundsAs } from './support/demo-places.js';
import { createTestDatabase } from './support/test-database.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';

describe('compound settings: the emergency phone and address that notices print', () => {
  let t: TestApp;
  let committee: string;
  let street: string;
  let contractor: string;
  let guangming: string;
  let xingfu: string;

  beforeAll(async () => {
    t = await bootTestApp();
    [committee, street, contractor] = await Promise.all(['committee-demo', 'street-demo', 'contractor-demo'].map((u) => staffToken(t, u)));
    const compounds = await compoundsAs(t, committee);
    guangming = compounds.find((c) => c.name === '光明里小区')!.id;
    xingfu = compounds.find((c) => c.name === '幸福苑小区')!.id;
  });

  afterAll(() => t.close());

  const settings = async (compoundId: string, token = committee): Promise<CompoundSettings> => (await t.http.get(`/api/compounds/${compoundId}/settings`).set(bearer(token)).expect(200)).body;
  const put = (compoundId: string, body: unknown, token = committee) => t.http.put(`/api/compounds/${compoundId}/settings`).set(bearer(token)).send(body as object);
  // The compound's chain also holds other entries (the demo names its owner supervisors there): the settings changes only.
  const audited = async (compoundId: string): Promise<Array<{ action: string; actor: string; payload: Record<string, unknown> }>> =>
    ((await t.dataSource.query("SELECT action, actor, payload FROM audit_entry WHERE chainKey = ? AND action = 'COMPOUND_SETTINGS_CHANGED' ORDER BY seq", [`compound:${compoundId}`])) as Array<{ action: string; actor: string; payload: string }>).map((row) => ({
      ...row,
      payload: JSON.parse(row.payload),
    }));

  it("shows the demo compound's settings, in the compound's time zone", async () => {
    expect(await settings(guangming)).toEqual({ compoundId: guangming, name: '光明里小区', address: '光明里1号', emergencyPhone: '010-64001234', timeZone: COMPOUND_TIME_ZONE });
    expect(COMPOUND_TIME_ZONE).toBe('Asia/Shanghai');
  });

  it('lets the committee change the phone (as typed, spaces and full-width digits made plain) and keeps what was not sent', async () => {
    const response = await put(guangming, { emergencyPhone: ' ０１０－6400 5555 ' }).expect(200);
    expect(response.body).toMatchObject({ emergencyPhone: '010-64005555', address: '光明里1号' });
    expect(await settings(guangming)).toMatchObject({ emergencyPhone: '010-64005555', address: '光明里1号' });
    const [entry] = await audited(guangming);
    expect(entry).toMatchObject({ action: 'COMPOUND_SETTINGS_CHANGED', payload: { emergencyPhone: { from: '010-64001234', to: '010-64005555' } } });
    expect(entry.payload).not.toHaveProperty('address');
  });

  it('clears a field with null or an empty text, and records nothing when nothing changes', async () => {
    await put(guangming, { address: null }).expect(200);
    expect(await settings(guangming)).toMatchObject({ address: null, emergencyPhone: '010-64005555' });
    await put(guangming, { address: '光明里1号', emergencyPhone: '' }).expect(200);
    expect(await settings(guangming)).toMatchObject({ address: '光明里1号', emergencyPhone: null });
    const entries = (await audited(guangming)).length;
    await put(guangming, {}).expect(200);
    await put(guangming, { address: '光明里1号' }).expect(200);
    expect(await audited(guangming)).toHaveLength(entries);
  });

  it('refuses a phone that is not digits and dashes (5 to 20) or a bad address with 400 in Chinese, and changes nothing', async () => {
    await put(xingfu, { emergencyPhone: '010-64005678' }).expect(200);
    const before = await settings(xingfu);
    const cases: Array<[unknown, RegExp]> = [
      [{ emergencyPhone: '1234' }, /应急电话应为 5 到 20 位/],
      [{ emergencyPhone: '1'.repeat(21) }, /应急电话应为 5 到 20 位/],
      [{ emergencyPhone: '请拨打施工队' }, /只能包含数字和“-”/],
      [{ emergencyPhone: '+86 138 0000 0000' }, /只能包含数字和“-”/],
      [{ emergencyPhone: 13800000000 }, /应急电话必须是文字/],
      [{ address: 'a'.repeat(201) }, /地址最多 200 个字/],
      [{ address: '光明里\n1号' }, /控制字符/],
      [{ address: 18 }, /地址必须是文字/],
      [{ timeZone: 'Europe/Berlin' }, /不接受字段“timeZone”/],
    ];
    for (const [body, message] of cases) {
      const response = await put(xingfu, body).expect(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(message) });
    }
    expect(await settings(xingfu)).toEqual(before);
  });

  it('lets street staff edit on behalf of the committee; contractors read their own compound only', async () => {
    await put(xingfu, { emergencyPhone: '400-800-1234' }, street).expect(200);
    expect((await audited(xingfu)).at(-1)).toMatchObject({ actor: expect.stringMatching(/^staff:/), payload: { emergencyPhone: { from: '010-64005678', to: '400-800-1234' } } });
    expect(await settings(guangming, contractor)).toMatchObject({ compoundId: guangming });
    await t.http.get(`/api/compounds/${xingfu}/settings`).set(bearer(contractor)).expect(404);
    await put(guangming, { emergencyPhone: '12345' }, contractor).expect(403);
  });

  it('hides compounds of other communities (404) and refuses residents and anonymous callers', async () => {
    const committee2 = await staffToken(t, 'committee2-demo');
    await t.http.get(`/api/compounds/${guangming}/settings`).set(bearer(committee2)).expect(404);
    await put(guangming, { emergencyPhone: '12345' }, committee2).expect(404);
    await t.http.get(`/api/compounds/${randomUUID()}/settings`).set(bearer(committee)).expect(404);
    await t.http.get(`/api/compounds/${guangming}/settings`).expect(401);
    expect((await settings(guangming)).emergencyPhone).toBeNull();
  });
});

describe('the compound-settings migration', () => {
  it.each(['MariaDB', 'embedded SQLite'])('adds the emergency phone to compounds that exist, and takes it away again, on %s', async (engine) => {
    const database = engine === 'MariaDB' ? await createTestDatabase() : { url: '', drop: async () => undefined };
    const options = await dataSourceOptions({ databaseUrl: database.url, dataDir: mkdtempSync(join(tmpdir(), 'linyi-settings-')) });
    const dataSource = new DataSource({ ...options, migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(CompoundSettings1764820800000) + 1) });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
      await dataSource.undoLastMigration();
      const [office, community, compound, building] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await dataSource.query('INSERT INTO street_office (id, name) VALUES (?, ?)', [office, '和平里街道办事处']);
      await dataSource.query('INSERT INTO community (id, name, streetOfficeId) VALUES (?, ?, ?)', [community, '光明社区', office]);
      await dataSource.query('INSERT INTO compound (id, name, communityId, address) VALUES (?, ?, ?, ?)', [compound, '光明里小区', community, '光明里1号']);
      await dataSource.query('INSERT INTO building (id, compoundId, name) VALUES (?, ?, ?)', [building, compound, '1号楼']);

      await dataSource.runMigrations();
      expect(await dataSource.query('SELECT name, address, emergencyPhone FROM compound')).toEqual([{ name: '光明里小区', address: '光明里1号', emergencyPhone: null }]);
      await dataSource.query('UPDATE compound SET emergencyPhone = ? WHERE id = ?', ['010-64001234', compound]);
      // Rebuilding the table (SQLite) must keep the buildings' reference to it working.
      await expect(dataSource.query('INSERT INTO building (id, compoundId, name) VALUES (?, ?, ?)', [randomUUID(), randomUUID(), '2号楼'])).rejects.toThrow(/foreign key/i);
      const drift = (await dataSource.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query).filter((q) => /(TABLE|INTO) [`"](temporary_)?compound[`"]/.test(q));
      expect(drift).toEqual([]);

      await dataSource.undoLastMigration();
      expect(await dataSource.query('SELECT id, name, address FROM compound')).toEqual([{ id: compound, name: '光明里小区', address: '光明里1号' }]);
      expect(await dataSource.query('SELECT compoundId FROM building')).toEqual([{ compoundId: compound }]);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });
});
