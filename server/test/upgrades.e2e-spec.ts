import type { UpgradeView } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { UpgradeFacts1764648000000 } from '../src/database/migrations/1764648000000-upgrade-facts.js';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { select, sql } from '../src/database/sql.js';
import { UNPAID_BY_GROUP } from '../src/responses/upgrade-queries.js';
import { apply, bindResident, groupsOf, openConsultation } from './support/consent.js';
import { compoundsAs, structureOf } from './support/demo-places.js';
import { createTestDatabase } from './support/test-database.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';

/** A DATETIME as read raw: a Date from MariaDB, UTC text from SQLite. */
const asDate = (value: unknown) => (value === null ? null : value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`));

describe('upgrade quotes and payments are facts no resubmission erases (MariaDB)', () => {
  let t: TestApp;
  let committee: string;
  let contractor: string;
  let compoundId: string;
  let unit: { id: string; households: Array<{ id: string }> };

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    committee = await staffToken(t, 'committee-demo');
    contractor = await staffToken(t, 'contractor-demo');
    compoundId = (await compoundsAs(t, committee)).find((c) => c.name === '光明里小区')!.id;
    unit = (await structureOf(t, committee, compoundId)).buildings[1].units[1];
  }, 60_000);

  afterAll(() => t.close());

  const quote = (consultationId: string, householdId: string, amountYuan: number) =>
    t.http.put(`/api/consultations/${consultationId}/upgrades/${householdId}/quote`).set(bearer(contractor)).send({ amountYuan });
  const pay = (consultationId: string, householdId: string) => t.http.post(`/api/consultations/${consultationId}/upgrades/${householdId}/payment`).set(bearer(committee));
  const list = async (consultationId: string): Promise<UpgradeView[]> => (await t.http.get(`/api/consultations/${consultationId}/upgrades`).set(bearer(committee)).expect(200)).body;
  const unpaid = async (consultationId: string) => (await groupsOf(t, committee, consultationId))[0].unpaidUpgrades;
  const audited = async (action: string, householdId: string) =>
    (await t.dataSource.query('SELECT chainKey, payload FROM audit_entry WHERE action = ? AND subjectId = ? ORDER BY seq', [action, householdId])) as Array<{ chainKey: string; payload: string }>;

  it('keeps the old quotes and payment when the resident asks for something else, and counts only what is unpaid now', async () => {
    const consultationId = (await openConsultation(t, committee, { compoundId, unitIds: [unit.id], title: '自费提升' })).id;
    const householdId = unit.households[0].id;
    const owner = await bindResident(t, committee, householdId, 'upgrade-owner');
    await apply(t, owner, consultationId, householdId, { upgradeRequest: '厨房墙面整体贴砖' }).expect(200);
    expect((await pay(consultationId, householdId).expect(409)).body.message).toContain('尚未报价');

    const first = (await quote(consultationId, householdId, 1000).expect(200)).body as UpgradeView;
    const second = (await quote(consultationId, householdId, 1280.5).expect(200)).body as UpgradeView;
    expect(second.quotes.map((q) => q.amountFen)).toEqual([100000, 128050]);
    expect(second).toMatchObject({ quotedFen: 128050, paidAt: null, current: true });
    expect(await unpaid(consultationId)).toBe(1);

    const paid = (await pay(consultationId, householdId).expect(201)).body as UpgradeView;
    expect(paid).toMatchObject({ quotedFen: 128050, paidAt: expect.any(String), payment: { quoteId: second.quotes[1].id, amountFen: 128050 } });
    expect((await pay(consultationId, householdId).expect(201)).body.payment).toEqual(paid.payment);
    expect((await quote(consultationId, householdId, 99).expect(409)).body).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已付款') });
    expect(await unpaid(consultationId)).toBe(0);

    // The same signed answer, a new upgrade description: a new request; the paid one stays as it was.
    await apply(t, owner, consultationId, householdId, { upgradeRequest: '卫生间加装扶手' }).expect(200);
    const [old, renewed] = await list(consultationId);
    expect(old).toMatchObject({ id: first.id, seq: 1, current: false, description: '厨房墙面整体贴砖', quotedFen: 128050, paidAt: paid.paidAt, payment: paid.payment });
    expect(old.quotes).toEqual(second.quotes);
    expect(renewed).toMatchObject({ seq: 2, current: true, description: '卫生间加装扶手', quotes: [], payment: null, quotedFen: null });
    expect(await unpaid(consultationId)).toBe(0);

    // The new request is quoted on its own; an answer of a neighbour reports it as unpaid in the unit.
    await quote(consultationId, householdId, 300).expect(200);
    const neighbour = await bindResident(t, committee, unit.households[1].id, 'upgrade-neighbour');
    expect((await apply(t, neighbour, consultationId, unit.households[1].id).expect(200)).body.group.unpaidUpgrades).toBe(1);
    expect(await unpaid(consultationId)).toBe(1);

    // Asking for something else again: the quoted, unpaid request no longer holds the work back, and stays readable.
    await apply(t, owner, consultationId, householdId, { answer: 'AGREE', upgradeRequest: '阳台改为推拉门' }).expect(200);
    const all = await list(consultationId);
    expect(all.map((u) => [u.seq, u.current, u.quotes.length, u.payment !== null])).toEqual([
      [1, false, 2, true],
      [2, false, 1, false],
      [3, true, 0, false],
    ]);
    expect(await unpaid(consultationId)).toBe(0);

    const [{ groupRowId }] = await t.dataSource.query('SELECT id AS groupRowId FROM consultation_group WHERE consultationId = ?', [consultationId]);
    const quoted = await audited('UPGRADE_QUOTED', householdId);
    expect(quoted.map((e) => JSON.parse(e.payload).amountFen)).toEqual([100000, 128050, 30000]);
    const paidEntries = await audited('UPGRADE_PAID', householdId);
    expect(paidEntries.map((e) => JSON.parse(e.payload))).toEqual([{ consultationId, requestId: first.id, quoteId: second.quotes[1].id, amountFen: 128050 }]);
    expect((await audited('UPGRADE_REQUESTED', householdId)).map((e) => JSON.parse(e.payload).seq)).toEqual([1, 2, 3]);
    expect(new Set([...quoted, ...paidEntries].map((e) => e.chainKey))).toEqual(new Set([`group:${groupRowId}`]));
  });

  it('records one payment, of the latest quote, when quotes and payments arrive at once', async () => {
    const consultationId = (await openConsultation(t, committee, { compoundId, unitIds: [unit.id], title: '并发付款' })).id;
    const households = unit.households.slice(2, 8).map((h) => h.id);
    const owners = await Promise.all(households.map((id, i) => bindResident(t, committee, id, `upgrade-race-${i}`)));
    await Promise.all(households.map((id, i) => apply(t, owners[i], consultationId, id, { upgradeRequest: `加装扶手 ${i}` }).expect(200)));
    await Promise.all(households.map((id) => quote(consultationId, id, 100).expect(200)));

    const results = await Promise.all(households.flatMap((id) => [pay(consultationId, id), quote(consultationId, id, 200), pay(consultationId, id), pay(consultationId, id)]));
    expect(results.every((r) => [200, 201, 409].includes(r.status))).toBe(true);
    for (const view of await list(consultationId)) {
      // Either the new quote came first and was paid, or the payment came first and the quote was refused.
      expect(view.payment).not.toBeNull();
      expect(view.payment!.quoteId).toBe(view.quotes.at(-1)!.id);
      expect(view.quotes.map((q) => q.amountFen)).toEqual(view.payment!.amountFen === 20000 ? [10000, 20000] : [10000]);
      expect(await audited('UPGRADE_PAID', view.householdId)).toHaveLength(1);
    }
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM upgrade_payment p JOIN upgrade_request r ON r.id = p.requestId WHERE r.consultationId = ?', [consultationId]);
    expect(Number(n)).toBe(households.length);
    expect(await unpaid(consultationId)).toBe(0);
  });

  it.each(['MariaDB', 'embedded SQLite'])('migrates the quotes and payments of the old single-row table, and back, on %s', async (engine) => {
    const database = engine === 'MariaDB' ? await createTestDatabase() : { url: '', drop: async () => undefined };
    const options = await dataSourceOptions({ databaseUrl: database.url, dataDir: mkdtempSync(join(tmpdir(), 'linyi-upgrades-')) });
    // The schema as this migration left it: later migrations stay pending, so undoing the last one undoes this one.
    const dataSource = new DataSource({ ...options, migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(UpgradeFacts1764648000000) + 1) });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
      expect((await dataSource.query('SELECT name FROM migrations ORDER BY id DESC LIMIT 1'))[0].name).toBe('UpgradeFacts1764648000000');
      await dataSource.undoLastMigration();
      // How each engine stores a DATETIME written by TypeORM.
      const at = (iso: string) => (engine === 'MariaDB' ? new Date(iso) : new Date(iso).toISOString().replace('T', ' ').replace('Z', ''));
      const [c, quotedOnly, paid, asked] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      const insert = 'INSERT INTO upgrade_request (id, consultationId, householdId, description, quotedFen, quotedAt, paidAt, recordedByStaffId) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
      await dataSource.query(insert, [quotedOnly, c, randomUUID(), '贴砖', 5000, at('2025-11-01T02:00:00Z'), null, 'quoter']);
      await dataSource.query(insert, [paid, c, randomUUID(), '扶手', 7000, at('2025-11-02T02:00:00Z'), at('2025-11-03T02:00:00Z'), 'payer']);
      await dataSource.query(insert, [asked, c, randomUUID(), '推拉门', null, null, null, null]);

      await dataSource.runMigrations();
      const quotes = await dataSource.query('SELECT requestId, seq, amountFen, staffId FROM upgrade_quote ORDER BY amountFen');
      expect(quotes.map((q: Record<string, unknown>) => ({ ...q, seq: Number(q.seq), amountFen: Number(q.amountFen) }))).toEqual([
        { requestId: quotedOnly, seq: 1, amountFen: 5000, staffId: 'quoter' },
        { requestId: paid, seq: 1, amountFen: 7000, staffId: null },
      ]);
      const payments = await dataSource.query('SELECT requestId, amountFen, staffId, paidAt FROM upgrade_payment');
      expect(payments.map((p: Record<string, unknown>) => ({ ...p, amountFen: Number(p.amountFen), paidAt: asDate(p.paidAt) }))).toEqual([
        { requestId: paid, amountFen: 7000, staffId: 'payer', paidAt: new Date('2025-11-03T02:00:00Z') },
      ]);
      expect((await dataSource.query('SELECT DISTINCT seq FROM upgrade_request')).map((r: { seq: number }) => Number(r.seq))).toEqual([1]);
      // Drift in the upgrade tables only (other tables have tests of their own).
      const drift = (await dataSource.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query).filter((q) => q.includes('upgrade_'));
      expect(drift).toEqual([]);
      // The unpaid count's SQL runs here too (no household is in an electorate, so nothing counts).
      expect(await select(dataSource.manager, sql(dataSource.manager, UNPAID_BY_GROUP), [c])).toEqual([]);

      await dataSource.undoLastMigration();
      const back = await dataSource.query('SELECT id, quotedFen, paidAt, recordedByStaffId FROM upgrade_request ORDER BY description');
      expect(back.map((r: Record<string, unknown>) => ({ ...r, quotedFen: r.quotedFen === null ? null : Number(r.quotedFen), paidAt: asDate(r.paidAt) }))).toEqual(
        expect.arrayContaining([
          { id: quotedOnly, quotedFen: 5000, paidAt: null, recordedByStaffId: 'quoter' },
          { id: paid, quotedFen: 7000, paidAt: new Date('2025-11-03T02:00:00Z'), recordedByStaffId: 'payer' },
          { id: asked, quotedFen: null, paidAt: null, recordedByStaffId: null },
        ]),
      );
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });
});
