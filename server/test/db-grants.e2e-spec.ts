import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import request from 'supertest';
import { grantAppPrivileges } from '../src/cli/db-grants.js';
import { CheckpointService } from '../src/audit/checkpoint.service.js';
import { loadConfig } from '../src/config/app-config.js';
import { createApp } from '../src/create-app.js';
import { apply, bindResident, openConsultation, SIGNATURE } from './support/consent.js';
import { compoundsAs, structureOf } from './support/demo-places.js';
import { TEST_MYSQL_URL, TEST_REDIS_URL } from './support/test-database.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';

/** On real MariaDB: the restricted application user cannot change or remove audit rows, and the application still works as it. */
describe('npm run db:grants', () => {
  let t: TestApp;
  const user = `linyi_app_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  let database: string;
  let admin: mysql.Connection;
  let app: mysql.Connection;

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1', AUDIT_CHECKPOINT_MS: '0' });
    database = t.dataSource.options.database as string;
    await t.app.get(CheckpointService).take();
    const url = new URL(TEST_MYSQL_URL);
    admin = await mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
    await admin.query(`CREATE USER ?@'%' IDENTIFIED BY ?`, [user, password]);
    // A broad grant left from set-up: db:grants must take it back, or the table-level limits would mean nothing.
    await admin.query(`GRANT ALL PRIVILEGES ON \`${database}\`.* TO ?@'%'`, [user]);
    app = await mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user, password, database });
  });

  afterAll(async () => {
    await app?.end();
    await admin?.query(`DROP USER IF EXISTS ?@'%'`, [user]);
    await admin?.end();
    await t.close();
  });

  it('grants table by table, and prints what it granted', async () => {
    const statements = await grantAppPrivileges(`${TEST_MYSQL_URL.replace(/\/$/, '')}/${database}`, `${user}@'%'`);
    expect(statements[0]).toMatch(/^REVOKE ALL PRIVILEGES ON `linyi_test_\w+`\.\* FROM/);
    expect(statements).toEqual(expect.arrayContaining([expect.stringMatching(/^GRANT SELECT, INSERT ON `\w+`\.`audit_entry` TO/), expect.stringMatching(/^GRANT SELECT, INSERT, UPDATE ON `\w+`\.`audit_chain_head` TO/)]));
    // Running it again (after the next migration) gives the same result.
    expect(await grantAppPrivileges(`${TEST_MYSQL_URL.replace(/\/$/, '')}/${database}`, `${user}@'%'`)).toEqual(statements.slice(1));
  });

  const EVIDENCE_TABLES = ['household_response_history', 'evidence_chunk', 'home_visit', 'upgrade_request', 'upgrade_quote', 'upgrade_payment'];

  it('denies UPDATE and DELETE on the audit tables and the other evidence tables to the application user', async () => {
    // A fresh connection: privileges are read when connecting for database-level grants.
    await app.end();
    const url = new URL(TEST_MYSQL_URL);
    app = await mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user, password, database });
    for (const statement of ["UPDATE audit_entry SET payload = '{}'", 'DELETE FROM audit_entry', 'UPDATE audit_checkpoint SET root = root', 'DELETE FROM audit_checkpoint', 'DELETE FROM audit_checkpoint_chain', 'DELETE FROM audit_chain_head']) {
      await expect(app.query(statement)).rejects.toMatchObject({ code: 'ER_TABLEACCESS_DENIED_ERROR' });
    }
    for (const table of EVIDENCE_TABLES) {
      for (const statement of [`UPDATE ${table} SET id = id`, `DELETE FROM ${table}`]) await expect([statement, await app.query(statement).then(() => 'allowed', (e) => e.code)]).toEqual([statement, 'ER_TABLEACCESS_DENIED_ERROR']);
    }
    const [[{ n }]] = await app.query<mysql.RowDataPacket[]>('SELECT COUNT(*) AS n FROM audit_entry');
    expect(Number(n)).toBeGreaterThan(0);
  });

  it('still runs the application as that user: answers (online and paper), visits, upgrades, audit appends and checkpoints work', async () => {
    const url = new URL(TEST_MYSQL_URL);
    url.username = user;
    url.password = password;
    url.pathname = `/${database}`;
    const restricted = await createApp(
      loadConfig({ DATABASE_URL: url.toString(), REDIS_URL: TEST_REDIS_URL, JWT_SECRET: 'test-secret-0123456789', LOG_LEVEL: 'silent', AUTH_DEV_LOGIN: '1', H5_DIR: '/nonexistent', SCHEDULER_INTERVAL_MS: '0', OUTBOX_POLL_MS: '0', REMINDER_SWEEP_MS: '0', RUN_WORKERS: '0', AUDIT_CHECKPOINT_MS: '0', QUEUE_PREFIX: `linyi-test-${randomBytes(4).toString('hex')}` }),
    );
    try {
      await restricted.listen(0, '127.0.0.1');
      const r = { ...t, app: restricted, http: request(restricted.getHttpServer()) } as TestApp;
      const committee = await staffToken(r, 'committee-demo');
      const compoundId = (await compoundsAs(r, committee)).find((c) => c.name === '光明里小区')!.id;
      const contractor = await staffToken(r, 'contractor-demo');
      const unit = (await structureOf(r, committee, compoundId)).buildings[4].units[0];
      const [online, paper, visited] = unit.households.map((h) => h.id);
      const consultation = await openConsultation(r, committee, { compoundId, unitIds: [unit.id] });
      const resident = await bindResident(r, committee, online, 'grants-resident');
      // Signed online with an upgrade request (evidence chunk, history, request), then re-signed (a second version).
      await apply(r, resident, consultation.id, online, { upgradeRequest: '厨房加装挂架' }).expect(200);
      await apply(r, resident, consultation.id, online, { answer: 'REFUSE', signaturePng: undefined, acknowledgedDisclosureIds: [] }).expect(200);
      await apply(r, resident, consultation.id, online, { upgradeRequest: '卫生间加装扶手' }).expect(200);
      await apply(r, committee, consultation.id, paper, { channel: 'PAPER', paperScanPng: SIGNATURE, signaturePng: undefined }).expect(200);
      await r.http.post(`/api/households/${visited}/visits`).set(bearer(committee)).send({ consultationId: consultation.id, outcome: 'REFUSED', note: '上门沟通' }).expect(201);
      await r.http.put(`/api/consultations/${consultation.id}/upgrades/${online}/quote`).set(bearer(contractor)).send({ amountYuan: 800 }).expect(200);
      await r.http.put(`/api/consultations/${consultation.id}/upgrades/${online}/quote`).set(bearer(contractor)).send({ amountYuan: 650 }).expect(200);
      await r.http.post(`/api/consultations/${consultation.id}/upgrades/${online}/payment`).set(bearer(committee)).expect(201);
      expect(await restricted.get(CheckpointService).take()).not.toBeNull();
      for (const table of EVIDENCE_TABLES) {
        const [[{ n }]] = await admin.query<mysql.RowDataPacket[]>(`SELECT COUNT(*) AS n FROM \`${database}\`.${table}`);
        expect([table, Number(n) > 0]).toEqual([table, true]);
      }
    } finally {
      await restricted.close();
    }
  });
});
