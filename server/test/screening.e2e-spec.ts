import { LegalBasis, MeasureKind, NeedCode, ScopeType, StaffRole, type ScreeningView, type SensitiveAccessEntry } from '@linyi/shared';
import bcrypt from 'bcryptjs';
import { createHash, randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../src/demo/demo-data.js';
import { StaffAccount } from '../src/staff/staff-account.entity.js';
import { uniqueSignaturePng } from './support/authz-png.js';
import { bindResident } from './support/consent.js';
import { compoundsAs, households, structureOf } from './support/demo-places.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';

const ELDERLY_NOTE = '独居老人，住六楼，上下楼需要人扶';
const scanOf = (seed: number) => uniqueSignaturePng(seed);
const sha256Of = (dataUrl: string) => createHash('sha256').update(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64')).digest('hex');
/** Starts like a JPEG and is long enough: what decodeImage accepts for a phone photo of a form. */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(400, 7)]);

const statutory = (note = ELDERLY_NOTE) => ({ needsCare: true, needs: [NeedCode.ElderlyAlone, NeedCode.Mobility], note, legalBasis: LegalBasis.StatutoryDuty });
const withScan = (scan: string, note = ELDERLY_NOTE) => ({ needsCare: true, needs: [NeedCode.MedicalWater], note, legalBasis: LegalBasis.SeparateConsent, consentScanPng: scan });
const carePlan = (changes: Record<string, unknown> = {}) => ({
  measures: [
    { kind: MeasureKind.Helper, description: '施工当天女儿到场陪同' },
    { kind: MeasureKind.WaterDelivery, description: '停水期间每天送两桶水' },
  ],
  contactName: '周女士（女儿）',
  contactPhone: '136 0101 2288',
  assistanceNote: '施工前一天先给女儿打电话，请她到场',
  ...changes,
});

describe('special-needs screening (staff): a legal basis for every need, reads logged, care plans for the crew', () => {
  let t: TestApp;
  let committee: string;
  let committee2: string;
  let street: string;
  let contractor: string;
  let xingfuContractor: string;
  let admin: string;
  let resident: string;
  let staffIds: Record<'committee' | 'street', string>;
  let streetOfficeId: string;
  let flats: string[];
  let residentFlat: string;
  let used = 0;
  /** A household of 幸福苑小区 no other test touched. */
  const fresh = () => flats[used++];

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    [committee, committee2, street, contractor] = await Promise.all(['committee-demo', 'committee2-demo', 'street-demo', 'contractor-demo'].map((u) => staffToken(t, u)));
    const xingfu = (await compoundsAs(t, committee)).find((c) => c.name === '幸福苑小区')!.id;
    const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 4);
    await t.dataSource.getRepository(StaffAccount).save([
      { id: randomUUID(), username: 'admin-screening', displayName: '区住建委 管理员', role: StaffRole.Admin, scopeType: ScopeType.All, scopeId: null, passwordHash },
      { id: randomUUID(), username: 'contractor-xingfu', displayName: '幸福苑施工队 孙经理', role: StaffRole.Contractor, scopeType: ScopeType.Compound, scopeId: xingfu, passwordHash },
    ]);
    [admin, xingfuContractor] = await Promise.all(['admin-screening', 'contractor-xingfu'].map((u) => staffToken(t, u)));
    const accounts = t.dataSource.getRepository(StaffAccount);
    staffIds = { committee: (await accounts.findOneByOrFail({ username: 'committee-demo' })).id, street: (await accounts.findOneByOrFail({ username: 'street-demo' })).id };
    streetOfficeId = (await accounts.findOneByOrFail({ username: 'street-demo' })).scopeId!;
    flats = households(await structureOf(t, committee, xingfu)).map((h) => h.id);
    residentFlat = fresh();
    resident = await bindResident(t, committee, residentFlat, 'screening-resident');
  }, 60_000);

  afterAll(() => t.close());

  const put = (householdId: string, body: object, token = committee) => t.http.put(`/api/households/${householdId}/screening`).set(bearer(token)).send(body);
  const get = (householdId: string, token = committee) => t.http.get(`/api/households/${householdId}/screening`).set(bearer(token));
  const putPlan = (householdId: string, body: object, token = committee) => t.http.put(`/api/households/${householdId}/care-plan`).set(bearer(token)).send(body);
  const getScan = (householdId: string, token = committee) => t.http.get(`/api/households/${householdId}/screening/consent-scan`).set(bearer(token));
  const accessLog = (query: Record<string, string> = {}, token = street) => t.http.get(`/api/street-offices/${streetOfficeId}/sensitive-access-log`).query(query).set(bearer(token));
  const count = async (table: string, householdId: string): Promise<number> => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE householdId = ?`, [householdId]))[0].n);
  const reads = async (householdId: string): Promise<Array<{ staffId: string; action: string }>> => t.dataSource.query('SELECT staffId, action FROM sensitive_access_log WHERE householdId = ? ORDER BY at, id', [householdId]);
  const row = async (householdId: string) => (await t.dataSource.query('SELECT * FROM household_screening WHERE householdId = ?', [householdId]))[0];
  const audited = async (householdId: string): Promise<Array<{ action: string; payload: string }>> => t.dataSource.query('SELECT action, payload FROM audit_entry WHERE chainKey = ? ORDER BY seq', [`household:${householdId}`]);

  describe('a need is recorded only on a legal basis', () => {
    it('refuses a need without a legal basis: 400 in words the committee can act on, and nothing saved', async () => {
      const h = fresh();
      const response = await put(h, { needsCare: true, needs: [NeedCode.Bedridden], note: '长期卧床' }).expect(400);
      expect(response.body).toMatchObject({ code: 'LEGAL_BASIS_REQUIRED', message: '记录特殊困难需要法律依据：居民的单独同意，或街道、居委会施工前摸排的法定职责' });
      expect(await count('household_screening', h)).toBe(0);
      expect(await audited(h)).toEqual([]);
    });

    it('refuses a separate consent with neither a scan nor an online consent: 400, nothing saved', async () => {
      const h = fresh();
      const response = await put(h, { needsCare: true, needs: [NeedCode.Vision], legalBasis: LegalBasis.SeparateConsent }).expect(400);
      expect(response.body.code).toBe('CONSENT_EVIDENCE_REQUIRED');
      expect(await count('household_screening', h)).toBe(0);
      // A withdrawn online consent is no consent.
      await t.dataSource.query('INSERT INTO screening_consent (id, householdId, residentId, textVersion, textSha256, givenAt, withdrawnAt) VALUES (?, ?, ?, ?, ?, ?, ?)', [randomUUID(), h, randomUUID(), 'v', 'a'.repeat(64), new Date(), new Date()]);
      expect((await put(h, { needsCare: true, needs: [NeedCode.Vision], legalBasis: LegalBasis.SeparateConsent }).expect(400)).body.code).toBe('CONSENT_EVIDENCE_REQUIRED');
      expect(await count('household_screening', h)).toBe(0);
    });

    it('refuses what is not a PNG or JPEG scan, and unknown need codes, with 400 and nothing saved', async () => {
      const h = fresh();
      expect((await put(h, withScan('data:image/png;base64,bm90IGFuIGltYWdl')).expect(400)).body.message).toMatch(/同意书扫描件必须是 PNG 或 JPEG/);
      expect((await put(h, { needsCare: true, needs: ['HUNGRY'], legalBasis: LegalBasis.StatutoryDuty }).expect(400)).body.message).toMatch(/困难类型只能是/);
      expect((await put(h, { needsCare: 'yes' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect(await count('household_screening', h)).toBe(0);
    });

    it('records a separate consent with its scan; the scan is readable, never cached, and its reading is logged', async () => {
      const h = fresh();
      const scan = scanOf(0x51);
      const view: ScreeningView = (await put(h, withScan(scan)).expect(200)).body;
      expect(view).toMatchObject({ householdId: h, status: 'NEEDS_CARE', needsCare: true, needs: [NeedCode.MedicalWater], note: ELDERLY_NOTE, legalBasis: 'SEPARATE_CONSENT', readiness: 'NEEDS_PLAN', screenedByName: '光明社区 李主任', carePlan: null });
      expect(view.consent).toMatchObject({ kind: 'SCAN', sha256: sha256Of(scan), scanAvailable: true });
      t.clock.advance(1000);
      const image = await getScan(h).expect(200);
      expect(image.headers['content-type']).toBe('image/png');
      expect(image.headers['cache-control']).toBe('no-store');
      expect(createHash('sha256').update(image.body as Buffer).digest('hex')).toBe(sha256Of(scan));
      expect(await reads(h)).toEqual([
        { staffId: staffIds.committee, action: 'VIEW_SCREENING' },
        { staffId: staffIds.committee, action: 'VIEW_CONSENT_SCAN' },
      ]);

      // Edited later without sending the form again: the form on file still stands, given when it was.
      const edited: ScreeningView = (await put(h, { ...withScan(scan, '需要持续用水'), consentScanPng: undefined }).expect(200)).body;
      expect(edited.consent).toEqual(view.consent);
      // A new form replaces the old one: only one set of chunks is kept.
      const jpeg = `data:image/jpeg;base64,${JPEG.toString('base64')}`;
      expect((await put(h, withScan(jpeg)).expect(200)).body.consent).toMatchObject({ kind: 'SCAN', sha256: createHash('sha256').update(JPEG).digest('hex') });
      expect((await getScan(h).expect(200)).headers['content-type']).toBe('image/jpeg');
      expect(await count('screening_scan_chunk', h)).toBe(1);
    });

    it('refuses the same consent form for a second household', async () => {
      const [a, b] = [fresh(), fresh()];
      await put(a, withScan(scanOf(0x52))).expect(200);
      expect((await put(b, withScan(scanOf(0x52))).expect(400)).body.message).toMatch(/已登记在另一户/);
      expect(await count('household_screening', b)).toBe(0);
    });

    it('refuses the same consent form sent for several households at once: one 200, the others the same 400, never a 500', async () => {
      const targets = Array.from({ length: 8 }, fresh);
      const scan = scanOf(0x5a);
      const responses = await Promise.all(targets.map((h, i) => put(h, withScan(scan), i % 2 ? committee : street)));
      const statuses = responses.map((r) => r.status);
      expect([...statuses].sort()).toEqual([200, ...targets.slice(1).map(() => 400)]);
      for (const refused of responses.filter((r) => r.status === 400)) expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/已登记在另一户/) });
      const owners = await t.dataSource.query('SELECT DISTINCT householdId FROM screening_scan_chunk WHERE sha256 = ?', [sha256Of(scan)]);
      expect(owners).toEqual([{ householdId: targets[statuses.indexOf(200)] }]);
    });

    it('refuses "other" as the only need without a note saying what it is', async () => {
      const h = fresh();
      const other = { needsCare: true, needs: [NeedCode.Other], legalBasis: LegalBasis.StatutoryDuty };
      for (const note of [undefined, '', '   ']) {
        expect((await put(h, { ...other, note }).expect(400)).body).toMatchObject({ code: 'VALIDATION_FAILED', message: '选择“其他困难”时请在说明中写明是什么困难' });
      }
      expect(await count('household_screening', h)).toBe(0);
      await put(h, { ...other, needs: [NeedCode.Other, NeedCode.Vision] }).expect(200);
      expect((await put(h, { ...other, note: '家中有两名婴儿' }).expect(200)).body).toMatchObject({ needs: [NeedCode.Other], note: '家中有两名婴儿' });
    });

    it('records the statutory duty without a scan, and keeps no scan sent along with it', async () => {
      const h = fresh();
      const view: ScreeningView = (await put(h, { ...statutory(), consentScanPng: scanOf(0x53) }).expect(200)).body;
      expect(view).toMatchObject({ status: 'NEEDS_CARE', legalBasis: 'STATUTORY_DUTY', consent: null, needs: [NeedCode.ElderlyAlone, NeedCode.Mobility] });
      expect(await count('screening_scan_chunk', h)).toBe(0);
      expect(await count('household_screening', h)).toBe(1);
    });

    it("takes the resident's standing online consent as the evidence of a separate consent", async () => {
      const h = fresh();
      const consentId = randomUUID();
      const givenAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
      await t.dataSource.query('INSERT INTO screening_consent (id, householdId, residentId, textVersion, textSha256, givenAt, withdrawnAt) VALUES (?, ?, ?, ?, ?, ?, NULL)', [consentId, h, randomUUID(), '2026-12-v1', 'b'.repeat(64), givenAt]);
      // Before any screening exists, staff already see that, and when, the resident consented online.
      expect((await get(h).expect(200)).body).toMatchObject({ status: null, consent: null, onlineConsentAvailable: true, onlineConsentGivenAt: givenAt.toISOString() });
      const view: ScreeningView = (await put(h, { needsCare: true, needs: [NeedCode.Hearing], legalBasis: LegalBasis.SeparateConsent }).expect(200)).body;
      expect(view.consent).toEqual({ kind: 'ONLINE', sha256: 'b'.repeat(64), givenAt: givenAt.toISOString(), textVersion: '2026-12-v1' });
      expect(view.onlineConsentGivenAt).toBe(givenAt.toISOString());
      expect(await row(h)).toMatchObject({ consentKind: 'ONLINE', onlineConsentId: consentId });
    });
  });

  describe('only committee and street staff of the scope reach a screening', () => {
    const routes: Array<[string, (h: string, token: string | null) => Promise<{ status: number; body: { code?: string } }>]> = [
      ['PUT screening', (h, token) => withToken(t.http.put(`/api/households/${h}/screening`), token).send(statutory())],
      ['GET screening', (h, token) => withToken(t.http.get(`/api/households/${h}/screening`), token)],
      ['PUT care-plan', (h, token) => withToken(t.http.put(`/api/households/${h}/care-plan`), token).send(carePlan())],
      ['GET consent-scan', (h, token) => withToken(t.http.get(`/api/households/${h}/screening/consent-scan`), token)],
    ];
    const withToken = <R extends { set: (header: Record<string, string>) => R }>(request: R, token: string | null) => (token ? request.set(bearer(token)) : request);

    it('refuses contractors (even of this compound), admin, residents (even of this household), another community and no token; nothing written, nothing logged', async () => {
      const h = residentFlat;
      await put(h, withScan(scanOf(0x54))).expect(200);
      await putPlan(h, carePlan()).expect(200);
      const before = { row: await row(h), audit: (await audited(h)).length, reads: (await reads(h)).length };
      const callers: Array<[string, string | null, number]> = [
        ['contractor of another compound', contractor, 403],
        ["contractor of the household's compound", xingfuContractor, 403],
        ['admin', admin, 403],
        ['resident of the household', resident, 403],
        ['committee of another community', committee2, 404],
        ['no token', null, 401],
      ];
      const got: string[] = [];
      for (const [route, send] of routes) {
        for (const [who, token, status] of callers) {
          const response = await send(h, token);
          if (response.status !== status) got.push(`${route} as ${who}: ${response.status} ${response.body.code ?? ''}, expected ${status}`);
          expect(JSON.stringify(response.body)).not.toMatch(/MEDICAL_WATER|独居老人|女儿/);
        }
      }
      expect(got).toEqual([]);
      expect({ row: await row(h), audit: (await audited(h)).length, reads: (await reads(h)).length }).toEqual(before);
    });

    it('lets the committee and the street office of the household in', async () => {
      const h = residentFlat;
      for (const token of [committee, street]) {
        await get(h, token).expect(200);
        await getScan(h, token).expect(200);
        await putPlan(h, carePlan(), token).expect(200);
        await put(h, withScan(scanOf(0x54)), token).expect(200);
      }
    });

    it('keeps the access log for street staff of the office: committee, contractors, admin and another scope are refused', async () => {
      await accessLog({}, street).expect(200);
      for (const token of [committee, contractor, admin, resident]) await accessLog({}, token).expect(403);
      await t.http.get(`/api/street-offices/${randomUUID()}/sensitive-access-log`).set(bearer(street)).expect(404);
    });
  });

  describe('every read is logged, naming the staff member', () => {
    it('writes exactly one entry per answer holding the details (GET and both PUTs, which answer the whole record; GET consent-scan), none for refusals', async () => {
      const h = fresh();
      const step = () => t.clock.advance(1000);
      await put(h, withScan(scanOf(0x55))).expect(200);
      expect(await reads(h)).toEqual([{ staffId: staffIds.committee, action: 'VIEW_SCREENING' }]);
      step();
      // The plan's answer holds the needs and the note the caller did not send.
      await putPlan(h, carePlan(), street).expect(200);
      expect(await reads(h)).toEqual([
        { staffId: staffIds.committee, action: 'VIEW_SCREENING' },
        { staffId: staffIds.street, action: 'VIEW_SCREENING' },
      ]);
      step();
      await get(h).expect(200);
      step();
      await getScan(h, street).expect(200);
      await get(h, committee2).expect(404);
      await putPlan(h, carePlan(), committee2).expect(404);
      await put(h, { needsCare: true }).expect(400);
      step();
      await put(h, withScan(scanOf(0x55)), street).expect(200);
      expect(await reads(h)).toEqual([
        { staffId: staffIds.committee, action: 'VIEW_SCREENING' },
        { staffId: staffIds.street, action: 'VIEW_SCREENING' },
        { staffId: staffIds.committee, action: 'VIEW_SCREENING' },
        { staffId: staffIds.street, action: 'VIEW_CONSENT_SCAN' },
        { staffId: staffIds.street, action: 'VIEW_SCREENING' },
      ]);
    });

    it('logs the read of a household never screened too, and answers it with an empty record', async () => {
      const h = fresh();
      const view: ScreeningView = (await get(h).expect(200)).body;
      expect(view).toMatchObject({ householdId: h, status: null, needsCare: false, needs: [], note: null, consent: null, readiness: 'NOT_SCREENED', carePlan: null, screenedByName: null, onlineConsentAvailable: false, onlineConsentGivenAt: null });
      expect(await reads(h)).toEqual([{ staffId: staffIds.committee, action: 'VIEW_SCREENING' }]);
      // No scan, nothing shown: 404, and nothing to log.
      await getScan(h).expect(404);
      expect(await reads(h)).toHaveLength(1);
    });

    it('lists the street office its reads newest first as an array (API.md), with names, paged with `before` = `<at>_<id>` of the last entry', async () => {
      const h = fresh();
      await put(h, statutory()).expect(200);
      for (const token of [committee, street, committee]) {
        t.clock.advance(1000);
        await get(h, token).expect(200);
      }
      const all: SensitiveAccessEntry[] = (await accessLog().expect(200)).body;
      expect(Array.isArray(all)).toBe(true);
      const newest = all.slice(0, 3);
      expect(newest.map((e) => [e.householdId, e.staffId, e.action])).toEqual([
        [h, staffIds.committee, 'VIEW_SCREENING'],
        [h, staffIds.street, 'VIEW_SCREENING'],
        [h, staffIds.committee, 'VIEW_SCREENING'],
      ]);
      expect(newest.map((e) => e.staffName)).toEqual(['光明社区 李主任', '和平里街道 张科长', '光明社区 李主任']);
      // A street office has several compounds: the subject names the compound first.
      expect(newest[0].subject).toMatch(/^幸福苑小区 \d+号楼\d+单元\d+$/);
      expect(newest[0].id).toMatch(/^[0-9a-f-]{36}$/);
      const times = all.map((e) => e.at);
      expect([...times].sort().reverse()).toEqual(times);
      expect(all.length).toBeGreaterThan(3);

      const pages: string[] = [];
      let page: SensitiveAccessEntry[] = [];
      do {
        const last = page[page.length - 1];
        page = (await accessLog({ limit: '2', ...(last ? { before: `${last.at}_${last.id}` } : {}) }).expect(200)).body;
        expect(page.length).toBeLessThanOrEqual(2);
        pages.push(...page.map((e) => e.id));
      } while (page.length === 2);
      expect(pages).toEqual(all.map((e) => e.id));

      for (const query of [{ before: 'yesterday' }, { limit: '0' }, { limit: '101' }, { limit: 'ten' }] as Array<Record<string, string>>) expect((await accessLog(query).expect(400)).body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('care plans', () => {
    it('saves a plan for a household that needs care: ready for the works, phone as typed made plain', async () => {
      const h = fresh();
      expect((await put(h, statutory()).expect(200)).body.readiness).toBe('NEEDS_PLAN');
      const view: ScreeningView = (await putPlan(h, carePlan()).expect(200)).body;
      expect(view.readiness).toBe('READY');
      expect(view.carePlan).toMatchObject({ householdId: h, contactName: '周女士（女儿）', contactPhone: '13601012288', assistanceNote: '施工前一天先给女儿打电话，请她到场', updatedByName: '光明社区 李主任' });
      expect(view.carePlan!.measures).toHaveLength(2);
      await putPlan(h, carePlan({ contactName: null, contactPhone: null, measures: [{ kind: MeasureKind.TemporaryStay, description: '施工三天住女儿家' }] })).expect(200);
      expect(await count('care_plan', h)).toBe(1);
      expect((await get(h).expect(200)).body.carePlan).toMatchObject({ contactName: null, contactPhone: null, measures: [{ kind: 'TEMPORARY_STAY', description: '施工三天住女儿家' }] });
    });

    it('refuses a diagnosis in the note for the crew (naming the word), a bad phone or kind, and a household not needing care', async () => {
      const h = fresh();
      await put(h, statutory()).expect(200);
      const diagnosis = await putPlan(h, carePlan({ assistanceNote: '老人每周透析三次，施工避开周二' })).expect(400);
      expect(diagnosis.body).toMatchObject({ code: 'ASSISTANCE_NOTE_INVALID' });
      expect(diagnosis.body.message).toContain('透析');
      expect((await putPlan(h, carePlan({ contactPhone: '12345' })).expect(400)).body.message).toMatch(/联系电话应为手机号/);
      expect((await putPlan(h, carePlan({ measures: [{ kind: 'PARTY', description: '聚餐' }] })).expect(400)).body.message).toMatch(/照顾措施类型只能是/);
      expect((await putPlan(h, carePlan({ measures: [] })).expect(400)).body.message).toMatch(/至少填写一项照顾措施/);
      expect(await count('care_plan', h)).toBe(0);

      const nothing = fresh();
      await put(nothing, { needsCare: false }).expect(200);
      expect((await putPlan(nothing, carePlan()).expect(409)).body).toMatchObject({ code: 'CARE_PLAN_NOT_NEEDED', message: '该户摸排结果不需要照顾方案' });
      expect((await putPlan(fresh(), carePlan()).expect(409)).body.code).toBe('CARE_PLAN_NOT_NEEDED');
      expect(await count('care_plan', nothing)).toBe(0);
    });

    it('screening again as nothing needed deletes the details, the care plan and the scan', async () => {
      const h = fresh();
      await put(h, withScan(scanOf(0x56))).expect(200);
      await putPlan(h, carePlan()).expect(200);
      expect([await count('care_plan', h), await count('screening_scan_chunk', h)]).toEqual([1, 1]);
      const view: ScreeningView = (await put(h, { needsCare: false, needs: [NeedCode.Other], note: '不再需要' }).expect(200)).body;
      expect(view).toMatchObject({ status: 'NOTHING_NEEDED', needs: [], note: null, legalBasis: null, consent: null, carePlan: null, readiness: 'READY' });
      expect([await count('care_plan', h), await count('screening_scan_chunk', h)]).toEqual([0, 0]);
      expect(await row(h)).toMatchObject({ status: 'NOTHING_NEEDED', needs: null, note: null, legalBasis: null, consentKind: null, consentSha256: null, consentGivenAt: null, version: 3 });
      await getScan(h).expect(404);
    });
  });

  it('keeps need codes, notes, names and phones out of the audit chain: digests only', async () => {
    const h = fresh();
    await put(h, withScan(scanOf(0x57))).expect(200);
    await putPlan(h, carePlan()).expect(200);
    await put(h, statutory('第二次摸排：行动不便')).expect(200);
    const entries = await audited(h);
    expect(entries.map((e) => e.action)).toEqual(['SCREENING_RECORDED', 'CARE_PLAN_SAVED', 'SCREENING_RECORDED']);
    const screeningId = (await row(h)).id;
    const payloads = entries.map((e) => JSON.parse(e.payload));
    // Not even the status or the basis: they say that the household needs care, and audit entries are never erased.
    const digest = expect.stringMatching(/^[0-9a-f]{64}$/);
    expect(payloads).toEqual([
      { screeningId, version: 1, digest },
      { screeningId, version: 2, digest },
      { screeningId, version: 3, digest },
    ]);
    const text = entries.map((e) => e.payload).join('\n');
    for (const secret of [...Object.values(NeedCode), 'NEEDS_CARE', ...Object.values(LegalBasis), ELDERLY_NOTE, '行动不便', '周女士', '13601012288', '136 0101 2288', '施工前一天先给女儿打电话', '施工当天女儿到场陪同']) expect([secret, text.includes(secret)]).toEqual([secret, false]);
  });

  describe('concurrent screenings', () => {
    it('20 PUTs at once for one household: the household lock queues them, so every one is 200; one row, one audit entry and one log entry each', async () => {
      const h = fresh();
      const bodies = Array.from({ length: 20 }, (_, i) => (i % 2 ? statutory(`第 ${i} 次`) : withScan(scanOf(0x600 + i), `第 ${i} 次`)));
      const statuses = (await Promise.all(bodies.map((body, i) => put(h, body, i % 3 ? committee : street)))).map((r) => r.status);
      expect(statuses).toEqual(bodies.map(() => 200));
      expect(await count('household_screening', h)).toBe(1);
      expect((await row(h)).version).toBe(20);
      expect((await audited(h)).map((e) => JSON.parse(e.payload).version).sort((a, b) => a - b)).toEqual(bodies.map((_, i) => i + 1));
      expect(await reads(h)).toHaveLength(20);
      // Whichever won last, at most its own scan is kept.
      expect(await count('screening_scan_chunk', h)).toBeLessThanOrEqual(1);
    });

    it('20 PUTs at once for 20 households: 20 rows', async () => {
      const targets = Array.from({ length: 20 }, fresh);
      const responses = await Promise.all(targets.map((h, i) => put(h, i % 2 ? statutory() : withScan(scanOf(0x700 + i)))));
      expect(responses.map((r) => r.status)).toEqual(targets.map(() => 200));
      const rows = await t.dataSource.query(`SELECT COUNT(*) AS n FROM household_screening WHERE householdId IN (${targets.map(() => '?').join(',')})`, targets);
      expect(Number(rows[0].n)).toBe(20);
    });
  });
});
