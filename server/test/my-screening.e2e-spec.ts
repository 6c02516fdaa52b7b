import { CONSENT_WITHDRAW_NOTE, householdLabel, LegalBasis, MeasureKind, NeedCode, ResidentRole, SCREENING_CONSENT_VERSION, STATUTORY_DUTY_NOTE, ScreeningStatus, SensitiveAccessAction, screeningConsentText, screeningConsentVersion } from '@linyi/shared';
import ExcelJS from 'exceljs';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { StaffActor } from '../src/auth/actor.js';
import { Household } from '../src/places/household.entity.js';
import { CarePlan } from '../src/special-needs/care-plan.entity.js';
import { HouseholdScreening } from '../src/special-needs/household-screening.entity.js';
import { ScreeningConsent } from '../src/special-needs/screening-consent.entity.js';
import { ScreeningScanChunk } from '../src/special-needs/screening-scan-chunk.entity.js';
import { SensitiveAccessLogService } from '../src/special-needs/sensitive-access-log.service.js';
import { StaffAccount } from '../src/staff/staff-account.entity.js';
import { compoundsAs, households, structureOf } from './support/demo-places.js';
import { bearer, bootTestApp, residentToken, staffToken, type TestApp } from './support/test-app.js';

const NOTE = '老人每天在家做腹膜透析，停水超过半天有危险（测试）';
const ASSISTANCE = '停水前两小时通知，送两桶水上门';
const CONTACT_PHONE = '13900001111';
// The app boots with retention other than the defaults: the consent text must state these, not 90 days.
const RETENTION = { afterAcceptanceDays: 60, maxAgeDays: 200 };
const TEXT_VERSION = screeningConsentVersion(RETENTION);
const sha256Of = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const TEXT_SHA256 = sha256Of(screeningConsentText(RETENTION));

/**
 * The resident's rights over their household's screening (issue 9): see the record and how often
 * staff read it, consent online, withdraw. Households of 幸福苑小区, which the demo leaves unscreened.
 */
describe('the resident’s own screening record', () => {
  let t: TestApp;
  let committee: string;
  let committeeActor: StaffActor;
  let ids: string[];
  const path = (householdId: string) => `/api/me/households/${householdId}/screening`;
  const consentBody = { agreed: true, textVersion: TEXT_VERSION };

  async function bind(householdId: string, openid: string, role = ResidentRole.Owner) {
    const invite = await t.http.post(`/api/households/${householdId}/invite-codes`).set(bearer(committee)).send({ role }).expect(201);
    const token = await residentToken(t, openid);
    await t.http.post('/api/me/bindings').set(bearer(token)).send({ inviteCode: invite.body.code }).expect(200);
    const me = await t.http.get('/api/me').set(bearer(token)).expect(200);
    return { token, residentId: me.body.resident.id as string };
  }

  const count = async (table: string, householdId: string) => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE householdId = ?`, [householdId]))[0].n);
  const screeningRow = async (householdId: string) => (await t.dataSource.query('SELECT * FROM household_screening WHERE householdId = ?', [householdId]))[0];
  const auditOf = (householdId: string) => t.dataSource.query('SELECT action, actor, payload FROM audit_entry WHERE chainKey = ? ORDER BY seq', [`household:${householdId}`]) as Promise<Array<{ action: string; actor: string; payload: string }>>;

  /** What a committee member's screening leaves in the tables, written directly (no staff route involved). */
  async function recordDirectly(householdId: string, legalBasis: LegalBasis, onlineConsent: ScreeningConsent | null) {
    const household = await t.dataSource.getRepository(Household).findOneByOrFail({ id: householdId });
    const at = t.clock.stamp();
    const scanSha256 = createHash('sha256').update(randomBytes(16)).digest('hex');
    await t.dataSource.getRepository(HouseholdScreening).insert({
      id: randomUUID(),
      householdId,
      compoundId: household.compoundId,
      unitId: household.unitId,
      status: ScreeningStatus.NeedsCare,
      needs: [NeedCode.MedicalWater, NeedCode.Mobility].join(','),
      note: NOTE,
      legalBasis,
      consentKind: onlineConsent ? 'ONLINE' : null,
      consentSha256: onlineConsent?.textSha256 ?? null,
      consentGivenAt: onlineConsent?.givenAt ?? null,
      onlineConsentId: onlineConsent?.id ?? null,
      detailsSalt: randomBytes(32).toString('hex'),
      screenedAt: at,
      screenedBy: committeeActor.id,
      version: 1,
    });
    await t.dataSource.getRepository(CarePlan).insert({ id: randomUUID(), householdId, measures: [{ kind: MeasureKind.WaterDelivery, description: '停水期间每天送两桶水' }], contactName: '儿子 孙先生', contactPhone: CONTACT_PHONE, assistanceNote: ASSISTANCE, updatedAt: at, updatedBy: committeeActor.id });
    // An earlier scan of a paper form: erased with the details too.
    await t.dataSource.getRepository(ScreeningScanChunk).insert({ sha256: scanSha256, seq: 0, householdId, mime: 'image/png', data: Buffer.from('scan') });
    // Three staff reads, as the staff routes log them: two of the record, one of its unit's list; and an export before it was screened.
    const log = t.app.get(SensitiveAccessLogService);
    await log.record(t.dataSource.manager, committeeActor, { compoundId: household.compoundId }, SensitiveAccessAction.Export, new Date(at.getTime() - 1000));
    await log.record(t.dataSource.manager, committeeActor, { compoundId: household.compoundId, unitId: household.unitId, householdId }, SensitiveAccessAction.ViewScreening, at);
    await log.record(t.dataSource.manager, committeeActor, { compoundId: household.compoundId, unitId: household.unitId }, SensitiveAccessAction.ListUnit, at);
    await log.record(t.dataSource.manager, committeeActor, { compoundId: household.compoundId, unitId: household.unitId, householdId }, SensitiveAccessAction.ViewScreening, new Date(at.getTime() + 60_000));
  }

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1', SCREENING_RETENTION_SWEEP_MS: '0', SCREENING_RETENTION_DAYS: String(RETENTION.afterAcceptanceDays), SCREENING_MAX_AGE_DAYS: String(RETENTION.maxAgeDays) });
    committee = await staffToken(t, 'committee-demo');
    const account = await t.dataSource.getRepository(StaffAccount).findOneByOrFail({ username: 'committee-demo' });
    committeeActor = { kind: 'staff', id: account.id, role: account.role, scopeType: account.scopeType, scopeId: account.scopeId };
    const xingfu = (await compoundsAs(t, committee)).find((c) => c.name === '幸福苑小区')!.id;
    ids = households(await structureOf(t, committee, xingfu)).map((h) => h.id);
  });

  afterAll(() => t?.close());

  /** The committee's export of a compound, as rows of cell texts (title and header included). */
  async function exportOf(compoundId: string): Promise<string[][]> {
    const response = await t.http
      .get(`/api/compounds/${compoundId}/screening/export`)
      .set(bearer(committee))
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body);
    const rows: string[][] = [];
    workbook.worksheets[0].eachRow((row) => void rows.push(Array.from({ length: 13 }, (_, i) => row.getCell(i + 1).text)));
    return rows;
  }

  /** The export's row of a household, found by its building, unit and room. */
  function rowOf(rows: string[][], household: Household): string[] {
    const found = rows.filter((row) => householdLabel(row[0], row[1], row[2]) === household.label);
    expect(found).toHaveLength(1);
    return found[0];
  }

  describe('a household screened with the resident’s online consent', () => {
    let owner: Awaited<ReturnType<typeof bind>>;
    let tenant: Awaited<ReturnType<typeof bind>>;
    let neighbour: Awaited<ReturnType<typeof bind>>;
    let householdId: string;

    beforeAll(async () => {
      householdId = ids[0];
      owner = await bind(householdId, 'my-screening-owner');
      tenant = await bind(householdId, 'my-screening-tenant', ResidentRole.Tenant);
      neighbour = await bind(ids[1], 'my-screening-neighbour');
    });

    it('shows an unscreened household, with nothing to withdraw, and writes nothing for the read', async () => {
      const auditBefore = await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_entry');
      const view = (await t.http.get(path(householdId)).set(bearer(owner.token)).expect(200)).body;
      expect(view).toMatchObject({ householdId, status: null, needs: [], note: null, legalBasis: null, consent: null, carePlan: null, withdrawal: null, canWithdraw: false, onlineConsentGivenAt: null, reads: 0, lastReadAt: null });
      expect(view.label).toMatch(/^\d+号楼\d+单元\d+$/);
      expect(view.withdrawNote).toMatch(/没有可撤回的同意/);
      expect(await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_entry')).toEqual(auditBefore);
      expect(await count('sensitive_access_log', householdId)).toBe(0);
    });

    it('answers 404 to a resident of another household and 403 to staff, even the household’s own committee', async () => {
      expect((await t.http.get(path(householdId)).set(bearer(neighbour.token)).expect(404)).body.code).toBe('NOT_FOUND');
      await t.http.post(`${path(householdId)}/consent`).set(bearer(neighbour.token)).send(consentBody).expect(404);
      await t.http.delete(path(householdId)).set(bearer(neighbour.token)).expect(404);
      expect((await t.http.get(path(householdId)).set(bearer(committee)).expect(403)).body.code).toBe('FORBIDDEN');
      expect(await count('screening_consent', householdId)).toBe(0);
    });

    it('sends the consent text stating the configured retention, and the version to consent to', async () => {
      const view = (await t.http.get(path(householdId)).set(bearer(owner.token)).expect(200)).body;
      expect(view.consentText).toContain('施工验收后 60 天，或登记满 200 天仍没有施工安排时，这些信息会自动删除。');
      expect(view.consentText).not.toContain('90 天');
      expect(view.consentText.split('\n')).toHaveLength(4);
      expect(view.consentTextVersion).toBe(TEXT_VERSION);
      expect(view.consentText).toBe(screeningConsentText(RETENTION));
    });

    it('refuses a consent that is not literally true, or given to an outdated text, and records none', async () => {
      for (const agreed of [false, 'true', 1, null]) {
        expect((await t.http.post(`${path(householdId)}/consent`).set(bearer(owner.token)).send({ agreed, textVersion: TEXT_VERSION }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      }
      await t.http.post(`${path(householdId)}/consent`).set(bearer(owner.token)).send({ textVersion: TEXT_VERSION }).expect(400);
      // The old wording without retention, the default retention this server does not apply, an unknown version.
      for (const textVersion of [SCREENING_CONSENT_VERSION, screeningConsentVersion({ afterAcceptanceDays: 90, maxAgeDays: 365 }), '2025-01-v0']) {
        const outdated = await t.http.post(`${path(householdId)}/consent`).set(bearer(owner.token)).send({ agreed: true, textVersion }).expect(400);
        expect(outdated.body).toMatchObject({ code: 'CONSENT_TEXT_OUTDATED', message: '同意书内容已更新，请重新阅读后再同意' });
      }
      expect(await count('screening_consent', householdId)).toBe(0);
    });

    it('records the online consent once, bound to the text read; a second tap (even by the tenant) records nothing new', async () => {
      const given = (await t.http.post(`${path(householdId)}/consent`).set(bearer(owner.token)).send(consentBody).expect(201)).body;
      // Nothing recorded yet: withdrawing would end the consent only.
      expect(given).toMatchObject({ householdId, status: null, withdrawal: 'CONSENT_ONLY', canWithdraw: true, onlineConsentGivenAt: expect.any(String) });
      // Bound to exactly the words the page was sent.
      const rows = await t.dataSource.getRepository(ScreeningConsent).findBy({ householdId });
      expect(rows).toEqual([expect.objectContaining({ residentId: owner.residentId, textVersion: TEXT_VERSION, textSha256: sha256Of(given.consentText), withdrawnAt: null })]);
      expect(rows[0].givenAt.toISOString()).toBe(given.onlineConsentGivenAt);

      const again = (await t.http.post(`${path(householdId)}/consent`).set(bearer(tenant.token)).send(consentBody).expect(201)).body;
      expect(again.onlineConsentGivenAt).toBe(given.onlineConsentGivenAt);
      expect(await count('screening_consent', householdId)).toBe(1);
      const audit = await auditOf(householdId);
      expect(audit.map((e) => e.action)).toEqual(['SCREENING_CONSENT_GIVEN']);
      expect(JSON.parse(audit[0].payload)).toEqual({ consentId: rows[0].id, textSha256: TEXT_SHA256, residentId: owner.residentId });
    });

    it('shows owner and tenant what the committee recorded, the care plan, and how often staff read it (the unit list too)', async () => {
      const consent = await t.dataSource.getRepository(ScreeningConsent).findOneByOrFail({ householdId });
      await recordDirectly(householdId, LegalBasis.SeparateConsent, consent);
      const logged = await t.dataSource.query('SELECT at FROM sensitive_access_log WHERE householdId = ? ORDER BY at DESC', [householdId]);
      expect(logged).toHaveLength(2);
      for (const token of [owner.token, tenant.token]) {
        const view = (await t.http.get(path(householdId)).set(bearer(token)).expect(200)).body;
        expect(view).toMatchObject({
          status: ScreeningStatus.NeedsCare,
          needs: [NeedCode.MedicalWater, NeedCode.Mobility],
          note: NOTE,
          legalBasis: LegalBasis.SeparateConsent,
          consent: { kind: 'ONLINE', sha256: TEXT_SHA256, givenAt: consent.givenAt.toISOString(), textVersion: TEXT_VERSION },
          carePlan: { measures: [{ kind: MeasureKind.WaterDelivery, description: '停水期间每天送两桶水' }], contactName: '儿子 孙先生', contactPhone: CONTACT_PHONE, assistanceNote: ASSISTANCE, updatedAt: expect.any(String) },
          withdrawal: 'ERASE',
          canWithdraw: true,
          withdrawNote: CONSENT_WITHDRAW_NOTE,
          // Its two own entries and the list of its unit; the export before the screening showed nothing about it.
          reads: 3,
          lastReadAt: new Date(logged[0].at).toISOString(),
        });
      }
      // The resident's reads are not staff reads: still two of the household's own.
      expect(await count('sensitive_access_log', householdId)).toBe(2);
    });

    it('erases the needs, the note, the care plan and the scans on withdrawal, and keeps the record of it', async () => {
      const before = await screeningRow(householdId);
      const view = (await t.http.delete(path(householdId)).set(bearer(tenant.token)).expect(200)).body;
      expect(view).toMatchObject({ status: ScreeningStatus.Withdrawn, needs: [], note: null, carePlan: null, withdrawal: null, canWithdraw: false, onlineConsentGivenAt: null, legalBasis: LegalBasis.SeparateConsent, withdrawnAt: expect.any(String), reads: 3 });

      const row = await screeningRow(householdId);
      expect(row).toMatchObject({ status: ScreeningStatus.Withdrawn, needs: null, note: null, detailsSalt: null, withdrawnBy: tenant.residentId, erasedReason: 'WITHDRAWN', legalBasis: LegalBasis.SeparateConsent, consentSha256: TEXT_SHA256 });
      expect(row.withdrawnAt).not.toBeNull();
      expect(Number(row.version)).toBe(Number(before.version) + 1);
      expect(await count('care_plan', householdId)).toBe(0);
      expect(await count('screening_scan_chunk', householdId)).toBe(0);
      expect(await t.dataSource.query('SELECT withdrawnAt FROM screening_consent WHERE householdId = ? AND withdrawnAt IS NULL', [householdId])).toEqual([]);
      // The access log is append-only: the resident can still see who read what before.
      expect(await count('sensitive_access_log', householdId)).toBe(2);

      const audit = await auditOf(householdId);
      expect(audit.map((e) => e.action)).toEqual(['SCREENING_CONSENT_GIVEN', 'SCREENING_CONSENT_WITHDRAWN']);
      expect(audit[1].actor).toBe(`resident:${tenant.residentId}`);
      expect(JSON.parse(audit[1].payload)).toMatchObject({ residentId: tenant.residentId, erased: true });
      for (const entry of audit) expect(entry.payload).not.toMatch(new RegExp(`${NOTE}|${NeedCode.MedicalWater}|${CONTACT_PHONE}`));
    });

    it('has nothing left to withdraw afterwards', async () => {
      const again = await t.http.delete(path(householdId)).set(bearer(owner.token)).expect(409);
      expect(again.body.code).toBe('NOTHING_TO_WITHDRAW');
      expect((await auditOf(householdId)).length).toBe(2);
    });
  });

  describe('a household screened under the statutory duty', () => {
    let owner: Awaited<ReturnType<typeof bind>>;
    let householdId: string;

    beforeAll(async () => {
      householdId = ids[2];
      owner = await bind(householdId, 'my-screening-statutory');
      await recordDirectly(householdId, LegalBasis.StatutoryDuty, null);
    });

    it('shows the record and says why the resident cannot withdraw it', async () => {
      const view = (await t.http.get(path(householdId)).set(bearer(owner.token)).expect(200)).body;
      expect(view).toMatchObject({ status: ScreeningStatus.NeedsCare, note: NOTE, legalBasis: LegalBasis.StatutoryDuty, consent: null, withdrawal: null, canWithdraw: false, withdrawNote: STATUTORY_DUTY_NOTE });
    });

    it('refuses the withdrawal with 409 and leaves the record as it was', async () => {
      const before = await screeningRow(householdId);
      const refused = await t.http.delete(path(householdId)).set(bearer(owner.token)).expect(409);
      expect(refused.body).toMatchObject({ code: 'SCREENING_NOT_WITHDRAWABLE', message: STATUTORY_DUTY_NOTE });
      expect(await screeningRow(householdId)).toEqual(before);
      expect(await count('care_plan', householdId)).toBe(1);
      expect(await count('screening_scan_chunk', householdId)).toBe(1);
      expect(await auditOf(householdId)).toEqual([]);
    });

    it('still lets the resident withdraw an online consent given next to it, leaving the record', async () => {
      await t.http.post(`${path(householdId)}/consent`).set(bearer(owner.token)).send(consentBody).expect(201);
      const before = await screeningRow(householdId);
      const view = (await t.http.get(path(householdId)).set(bearer(owner.token)).expect(200)).body;
      expect(view).toMatchObject({ withdrawal: 'CONSENT_ONLY', canWithdraw: true });
      expect(view.withdrawNote.startsWith(STATUTORY_DUTY_NOTE)).toBe(true);

      const after = (await t.http.delete(path(householdId)).set(bearer(owner.token)).expect(200)).body;
      expect(after).toMatchObject({ status: ScreeningStatus.NeedsCare, note: NOTE, onlineConsentGivenAt: null, withdrawal: null, canWithdraw: false });
      expect(await screeningRow(householdId)).toEqual(before);
      expect(await count('care_plan', householdId)).toBe(1);
      expect(await t.dataSource.query('SELECT id FROM screening_consent WHERE householdId = ? AND withdrawnAt IS NULL', [householdId])).toEqual([]);
      const audit = await auditOf(householdId);
      expect(audit.map((e) => e.action)).toEqual(['SCREENING_CONSENT_GIVEN', 'SCREENING_CONSENT_WITHDRAWN']);
      expect(JSON.parse(audit[1].payload)).toEqual({ residentId: owner.residentId, erased: false });
    });
  });

  it('withdraws an online consent no record uses yet', async () => {
    const householdId = ids[3];
    const owner = await bind(householdId, 'my-screening-consent-only');
    await t.http.delete(path(householdId)).set(bearer(owner.token)).expect(409);
    expect((await t.http.post(`${path(householdId)}/consent`).set(bearer(owner.token)).send(consentBody).expect(201)).body.withdrawal).toBe('CONSENT_ONLY');
    const view = (await t.http.delete(path(householdId)).set(bearer(owner.token)).expect(200)).body;
    expect(view).toMatchObject({ status: null, onlineConsentGivenAt: null, withdrawal: null, canWithdraw: false });
    expect((await t.dataSource.getRepository(ScreeningConsent).findOneByOrFail({ householdId })).withdrawnAt).not.toBeNull();
    // A new consent after a withdrawal is a new row: the old one keeps its withdrawal.
    await t.http.post(`${path(householdId)}/consent`).set(bearer(owner.token)).send(consentBody).expect(201);
    expect(await count('screening_consent', householdId)).toBe(2);
  });

  it('works end to end with the staff routes: consent online, screen without a scan, read, withdraw; the withdrawn consent no longer counts', async () => {
    const householdId = ids[4];
    const owner = await bind(householdId, 'my-screening-http');
    const screening = { needsCare: true, needs: [NeedCode.MedicalWater], note: NOTE, legalBasis: LegalBasis.SeparateConsent };
    // No scan and no online consent yet: the committee cannot record it.
    expect((await t.http.put(`/api/households/${householdId}/screening`).set(bearer(committee)).send(screening).expect(400)).body.code).toBe('CONSENT_EVIDENCE_REQUIRED');

    await t.http.post(`${path(householdId)}/consent`).set(bearer(owner.token)).send(consentBody).expect(201);
    const household = await t.dataSource.getRepository(Household).findOneByOrFail({ id: householdId });
    // Exported and listed before it was screened: nothing about it was in them.
    await exportOf(household.compoundId);
    await t.http.get(`/api/units/${household.unitId}/screening`).set(bearer(committee)).expect(200);
    t.clock.advance(1000);
    await t.http.put(`/api/households/${householdId}/screening`).set(bearer(committee)).send(screening).expect(200);
    const plan = { measures: [{ kind: MeasureKind.WaterDelivery, description: '停水期间每天送两桶水' }], contactName: '儿子 孙先生', contactPhone: CONTACT_PHONE, assistanceNote: ASSISTANCE };
    await t.http.put(`/api/households/${householdId}/care-plan`).set(bearer(committee)).send(plan).expect(200);
    await t.http.get(`/api/households/${householdId}/screening`).set(bearer(committee)).expect(200);

    const lastLogged = async (action: SensitiveAccessAction) => new Date((await t.dataSource.query('SELECT MAX(at) AS at FROM sensitive_access_log WHERE action = ?', [action]))[0].at).toISOString();
    const readsNow = async () => (await t.http.get(path(householdId)).set(bearer(owner.token)).expect(200)).body as { reads: number; lastReadAt: string | null };
    const view = (await t.http.get(path(householdId)).set(bearer(owner.token)).expect(200)).body;
    // Both PUTs answered the whole record, and the GET: three reads.
    expect(view).toMatchObject({ status: ScreeningStatus.NeedsCare, needs: [NeedCode.MedicalWater], note: NOTE, consent: { kind: 'ONLINE', sha256: TEXT_SHA256 }, carePlan: { assistanceNote: ASSISTANCE, contactPhone: CONTACT_PHONE }, withdrawal: 'ERASE', canWithdraw: true, reads: 3 });
    expect(view.reads).toBe(await count('sensitive_access_log', householdId));

    // The compound's export and the unit's list show the household too: each raises the count the resident sees.
    t.clock.advance(1000);
    const exported = await exportOf(household.compoundId);
    expect(await readsNow()).toEqual(expect.objectContaining({ reads: 4, lastReadAt: await lastLogged(SensitiveAccessAction.Export) }));
    t.clock.advance(1000);
    await t.http.get(`/api/units/${household.unitId}/screening`).set(bearer(committee)).expect(200);
    expect(await readsNow()).toEqual(expect.objectContaining({ reads: 5, lastReadAt: await lastLogged(SensitiveAccessAction.ListUnit) }));
    // Another compound's export, another unit's list: not about this household.
    const other = await t.dataSource.query('SELECT h.compoundId, h.unitId FROM household h JOIN compound c ON c.id = h.compoundId WHERE c.name = ? LIMIT 1', ['光明里小区']);
    await exportOf(other[0].compoundId);
    await t.http.get(`/api/units/${other[0].unitId}/screening`).set(bearer(committee)).expect(200);
    expect((await readsNow()).reads).toBe(5);
    expect(rowOf(exported, household).slice(3, 12)).toEqual(['需要照顾', '因治疗需要持续用水', NOTE, '居民单独同意', '居民在小程序中同意', '停水期间送水上门：停水期间每天送两桶水', '儿子 孙先生', CONTACT_PHONE, ASSISTANCE]);

    await t.http.delete(path(householdId)).set(bearer(owner.token)).expect(200);
    // The committee's next export keeps that a screening happened and was withdrawn, nothing of what it said.
    const afterWithdrawal = await exportOf(household.compoundId);
    expect(rowOf(afterWithdrawal, household).slice(3, 12)).toEqual(['居民已撤回同意，信息已删除', '', '', '居民单独同意', '居民在小程序中同意', '', '', '', '']);
    expect(await screeningRow(householdId)).toMatchObject({ status: ScreeningStatus.Withdrawn, needs: null, note: null, detailsSalt: null });
    expect(await count('care_plan', householdId)).toBe(0);
    const staffView = (await t.http.get(`/api/households/${householdId}/screening`).set(bearer(committee)).expect(200)).body;
    expect(staffView).toMatchObject({ status: ScreeningStatus.Withdrawn, needs: [], note: null, carePlan: null, onlineConsentAvailable: false, onlineConsentGivenAt: null });
    // The withdrawn online consent is no evidence any more.
    expect((await t.http.put(`/api/households/${householdId}/screening`).set(bearer(committee)).send(screening).expect(400)).body.code).toBe('CONSENT_EVIDENCE_REQUIRED');
  });
});
