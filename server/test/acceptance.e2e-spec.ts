import { ACCEPTANCE_REFUSAL_TEXT, InspectionTest, WorkPlanStatus, type HouseholdAcceptanceView, type MyWorkPlan } from '@linyi/shared';
import { createHash, randomUUID } from 'node:crypto';
import { acceptanceEvidenceSha256, inspectionEvidenceSha256 } from '../src/acceptance/acceptance-evidence.js';
import { AcceptanceRecord } from '../src/acceptance/acceptance-record.entity.js';
import { HouseholdAcceptance } from '../src/acceptance/household-acceptance.entity.js';
import { OwnerSupervisor } from '../src/acceptance/owner-supervisor.entity.js';
import { WorkInspection } from '../src/acceptance/work-inspection.entity.js';
import { acceptanceUnit, acceptancePlan, acceptOnline, auditActions, decide, inspect, passingPlumbing, PHOTO, pngSha256, type AcceptanceUnit } from './support/acceptance-fixtures.js';
import { uniqueSignaturePng } from './support/authz-png.js';
import { SIGNATURE } from './support/consent.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';
import { clearWorks, demoUnit } from './support/works-fixtures.js';

const PHOTO_SHA = pngSha256(PHOTO);
/** A photo no household of this file ever sends but the one that owns it. */
const OWN_PHOTO = uniqueSignaturePng(0x5eed_0011);
const PAPER_SCAN = uniqueSignaturePng(0x5eed_0012);
const DEFECT_PHOTO = uniqueSignaturePng(0x5eed_0013);
/** committee-demo's display name (demo-seeder.ts). */
const COMMITTEE_NAME = '光明社区 李主任';

/**
 * Per-household acceptance (API.md "Acceptance and warranty"): the crew's inspections, the resident's
 * online decision or the committee's paper form, rework until a passing inspection after it, what
 * the household sees, the photos, the audit chain and the evidence hashes. Plans are written
 * straight to the tables (acceptancePlan) for 光明里小区 1号楼1单元; through the HTTP API otherwise.
 */
describe('inspections and acceptance (MariaDB)', () => {
  let t: TestApp;
  /** The demo's own contractor of 光明里小区. */
  let contractor: string;
  let otherUnitId: string;
  let workPlanId: string;
  // Filled in beforeAll; residents are bound to flats[0..2].
  let { committee, street, compoundId, unitId, flats, residents, outsideContractor } = {} as AcceptanceUnit;

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    ({ committee, street, compoundId, unitId, flats, residents, outsideContractor } = await acceptanceUnit(t, 'acceptance', 3));
    contractor = await staffToken(t, 'contractor-demo');
    otherUnitId = (await demoUnit(t.dataSource, '1号楼2单元')).unit.id;
  }, 90_000);

  afterAll(() => t.close());

  beforeEach(async () => {
    await clearWorks(t.dataSource);
    t.clock.set(new Date());
    workPlanId = (await acceptancePlan(t, compoundId, [unitId])).id;
  });

  const view = async (token: string, householdId: string, planId = workPlanId): Promise<HouseholdAcceptanceView> =>
    (await t.http.get(`/api/households/${householdId}/acceptance`).query({ workPlanId: planId }).set(bearer(token)).expect(200)).body;
  const mine = async (token: string, householdId: string): Promise<MyWorkPlan> =>
    ((await t.http.get('/api/me/work-windows').set(bearer(token)).expect(200)).body as MyWorkPlan[]).find((p) => p.workPlanId === workPlanId && p.householdId === householdId)!;
  const reject = (token: string, householdId: string, extra: Record<string, unknown> = {}) =>
    decide(t, token, householdId, { workPlanId, decision: 'REJECT', defects: [{ description: '卫生间立管管根有水渍', photoPng: DEFECT_PHOTO }], ...extra });
  const paper = (householdId: string, body: Record<string, unknown>) => decide(t, committee, householdId, { workPlanId, channel: 'PAPER', paperScanPng: PAPER_SCAN, ...body });
  const stateOf = (householdId: string) => t.dataSource.getRepository(HouseholdAcceptance).findOneBy({ workPlanId, householdId });
  const recordsOf = (householdId: string) => t.dataSource.getRepository(AcceptanceRecord).find({ where: { workPlanId, householdId }, order: { at: 'ASC' } });
  const chainOf = (householdId: string) => auditActions(t, householdId, workPlanId, ['INSPECTION_RECORDED', 'WORKS_ACCEPTED', 'WORKS_REJECTED', 'WARRANTY_ISSUED']);

  it('refuses ACCEPT before any inspection (409 NOT_INSPECTED) and shows the household PENDING, not inspected, empty', async () => {
    const refused = await acceptOnline(t, residents[0], flats[0].id, workPlanId).expect(409);
    expect(refused.body).toMatchObject({ code: 'NOT_INSPECTED', message: ACCEPTANCE_REFUSAL_TEXT.NOT_INSPECTED });
    await reject(residents[0], flats[0].id).expect(409, /NOT_INSPECTED/);
    const seen = await view(residents[0], flats[0].id);
    expect(seen).toMatchObject({ householdId: flats[0].id, label: flats[0].label, workPlanId, kind: 'PLUMBING', status: 'PENDING', inspected: false, passed: false, canAccept: false, inspections: [], records: [], acceptedAt: null });
    expect(seen.template.required).toEqual([InspectionTest.BallPass, InspectionTest.NoLeak]);
    expect((await mine(residents[0], flats[0].id)).acceptance).toBeNull();
    expect(await stateOf(flats[0].id)).toBeNull();
  });

  it('a plumbing inspection without NO_LEAK is recorded but does not pass, and ACCEPT stays refused', async () => {
    const created = await inspect(t, contractor, flats[0].id, workPlanId, [{ test: InspectionTest.BallPass, passed: true, value: 'Φ75 球一次通过', photoPng: PHOTO }]).expect(201);
    expect(created.body).toMatchObject({ passed: false, missing: ['NO_LEAK'] });
    expect(created.body.evidenceSha256).toMatch(/^[0-9a-f]{64}$/);
    await acceptOnline(t, residents[0], flats[0].id, workPlanId).expect(409, /NOT_INSPECTED/);
    // Every test there, one failed: no pass either.
    const failing = await inspect(t, contractor, flats[0].id, workPlanId, [{ test: InspectionTest.BallPass, passed: true }, { test: InspectionTest.NoLeak, passed: false, value: '管根渗水' }]).expect(201);
    expect(failing.body).toMatchObject({ passed: false, missing: [] });
    const seen = await view(residents[0], flats[0].id);
    expect(seen).toMatchObject({ status: 'PENDING', inspected: true, passed: false, canAccept: false });
    expect(seen.inspections.map((i) => [i.id, i.passed, i.missing])).toEqual([
      [failing.body.id, false, []],
      [created.body.id, false, ['NO_LEAK']],
    ]);
    expect(seen.inspections[1]).toMatchObject({ inspectorName: '光明里施工队 赵经理', results: [{ test: 'BALL_PASS', passed: true, value: 'Φ75 球一次通过', photoSha256: PHOTO_SHA }], note: null });
    expect((await mine(residents[0], flats[0].id)).acceptance).toEqual({ status: 'PENDING', inspected: true, canAccept: false });
  });

  it('goes inspection → reject → REWORK → (ACCEPT 409) → new passing inspection → ACCEPTED, each step in the audit chain', async () => {
    const first = await inspect(t, contractor, flats[0].id, workPlanId, passingPlumbing(), '首次检测').expect(201);
    expect(first.body).toMatchObject({ passed: true, missing: [] });
    expect(await view(residents[0], flats[0].id)).toMatchObject({ status: 'PENDING', passed: true, canAccept: true });
    expect((await mine(residents[0], flats[0].id)).acceptance).toEqual({ status: 'PENDING', inspected: true, canAccept: true });

    const rejected = await reject(residents[0], flats[0].id).expect(200);
    expect(rejected.body).toMatchObject({ householdId: flats[0].id, status: 'REWORK' });
    expect(await stateOf(flats[0].id)).toMatchObject({ status: 'REWORK', inspectedSinceRework: false, lastInspectionPassed: true, passedAt: null });
    // The last inspection passed, but it came before the rework.
    await acceptOnline(t, residents[0], flats[0].id, workPlanId).expect(409, /NOT_INSPECTED/);
    await paper(flats[0].id, { decision: 'ACCEPT' }).expect(409, /NOT_INSPECTED/);
    expect(await view(residents[0], flats[0].id)).toMatchObject({ status: 'REWORK', canAccept: false });
    expect((await mine(residents[0], flats[0].id)).acceptance).toEqual({ status: 'REWORK', inspected: true, canAccept: false });

    // A failing re-inspection keeps it closed; a passing one opens it; the status stays REWORK until the decision.
    await inspect(t, contractor, flats[0].id, workPlanId, [{ test: InspectionTest.BallPass, passed: true }, { test: InspectionTest.NoLeak, passed: false }]).expect(201);
    await acceptOnline(t, residents[0], flats[0].id, workPlanId).expect(409, /NOT_INSPECTED/);
    const second = await inspect(t, contractor, flats[0].id, workPlanId, passingPlumbing()).expect(201);
    expect(await view(residents[0], flats[0].id)).toMatchObject({ status: 'REWORK', passed: true, canAccept: true });

    const accepted = await acceptOnline(t, residents[0], flats[0].id, workPlanId).expect(200);
    expect(accepted.body).toMatchObject({ householdId: flats[0].id, status: 'ACCEPTED' });
    const seen = await view(residents[0], flats[0].id);
    expect(seen).toMatchObject({ status: 'ACCEPTED', canAccept: false, inspected: true, passed: true });
    expect(seen.acceptedAt).toBe((await stateOf(flats[0].id))!.acceptedAt!.toISOString());
    expect(seen.inspections[0].id).toBe(second.body.id);
    expect(seen.inspections).toHaveLength(3);
    expect(seen.records.map((r) => [r.decision, r.channel, r.signedBy, r.inspectionId])).toEqual([
      ['ACCEPT', 'ONLINE', '居民本人（线上签名）', second.body.id],
      ['REJECT', 'ONLINE', '居民本人（线上签名）', first.body.id],
    ]);
    expect(seen.records[0]).toMatchObject({ evidenceSha256: accepted.body.evidenceSha256, signatureSha256: pngSha256(SIGNATURE), defects: [], signOffs: [] });
    expect(seen.records[1]).toMatchObject({ evidenceSha256: rejected.body.evidenceSha256, defects: [{ description: '卫生间立管管根有水渍', photoSha256: pngSha256(DEFECT_PHOTO) }] });
    expect((await mine(residents[0], flats[0].id)).acceptance).toEqual({ status: 'ACCEPTED', inspected: true, canAccept: false });

    const chain = await chainOf(flats[0].id);
    expect(chain.map((e) => e.action)).toEqual(['INSPECTION_RECORDED', 'WORKS_REJECTED', 'INSPECTION_RECORDED', 'INSPECTION_RECORDED', 'WORKS_ACCEPTED', 'WARRANTY_ISSUED']);
    expect(chain[0]).toMatchObject({ actor: expect.stringMatching(/^staff:/), payload: { inspectionId: first.body.id, passed: true, evidenceSha256: first.body.evidenceSha256 } });
    expect(chain[1]).toMatchObject({ actor: expect.stringMatching(/^resident:/), payload: { evidenceSha256: rejected.body.evidenceSha256, inspectionId: first.body.id } });
    expect(chain[4].payload).toMatchObject({ evidenceSha256: accepted.body.evidenceSha256, inspectionId: second.body.id, channel: 'ONLINE' });
  });

  it('binds each stored inspection and decision by its evidence hash over the stored fields', async () => {
    await inspect(t, contractor, flats[0].id, workPlanId, passingPlumbing([{ test: InspectionTest.WaterPressure, passed: true, value: '0.6 MPa 稳压 15 分钟' }]), '复核').expect(201);
    await reject(residents[0], flats[0].id, { signaturePng: SIGNATURE }).expect(200);
    await inspect(t, contractor, flats[0].id, workPlanId, passingPlumbing()).expect(201);
    await acceptOnline(t, residents[0], flats[0].id, workPlanId).expect(200);
    const inspections = await t.dataSource.getRepository(WorkInspection).findBy({ workPlanId, householdId: flats[0].id });
    expect(inspections).toHaveLength(2);
    for (const row of inspections) expect(inspectionEvidenceSha256(row)).toBe(row.evidenceSha256);
    const records = await recordsOf(flats[0].id);
    expect(records).toHaveLength(2);
    for (const record of records) {
      const decided = inspections.find((i) => i.id === record.inspectionId)!;
      expect(acceptanceEvidenceSha256({ ...record, inspection: { id: decided.id, evidenceSha256: decided.evidenceSha256 } })).toBe(record.evidenceSha256);
    }
    // A stored result changed afterwards no longer matches its hash.
    const tampered = { ...inspections[0], results: inspections[0].results.map((r, i) => (i === 0 ? { ...r, passed: !r.passed } : r)) };
    expect(inspectionEvidenceSha256(tampered)).not.toBe(inspections[0].evidenceSha256);
  });

  it('refuses what the kind of work does not know, duplicates, empty lists, long values and broken photos (400)', async () => {
    const refused = async (results: unknown[], code: string, message?: RegExp) => {
      const response = await t.http.post(`/api/households/${flats[0].id}/inspections`).set(bearer(contractor)).send({ workPlanId, results }).expect(400);
      expect(response.body.code).toBe(code);
      if (message) expect(response.body.message).toMatch(message);
    };
    await refused([...passingPlumbing(), { test: 'WINDOW_SEAL', passed: true }], 'INSPECTION_INVALID', /给排水立管更换的验收没有「淋水试验不渗漏」这一项/);
    await refused([...passingPlumbing(), { test: 'BALL_PASS', passed: true }], 'INSPECTION_INVALID', /「通球试验」填写了两次/);
    await refused([], 'VALIDATION_FAILED', /请至少填写一项检测结果/);
    await refused([{ test: 'X_RAY', passed: true }], 'VALIDATION_FAILED', /检测项目只能是/);
    await refused([{ test: 'BALL_PASS', passed: 'yes' }], 'VALIDATION_FAILED', /passed 必须是 true/);
    await refused([{ test: 'BALL_PASS', passed: true, value: '很'.repeat(41) }], 'VALIDATION_FAILED', /实测值最多 40 个字/);
    await refused([{ test: 'BALL_PASS', passed: true, photoPng: 'data:image/png;base64,aGVsbG8=' }], 'VALIDATION_FAILED', /「通球试验」的检测照片必须是 PNG 或 JPEG 图片/);
    await refused(Array.from({ length: 11 }, () => ({ test: 'OTHER', passed: true })), 'VALIDATION_FAILED', /最多 10 个检测结果/);
    const noPlan = await t.http.post(`/api/households/${flats[0].id}/inspections`).set(bearer(contractor)).send({ results: passingPlumbing() }).expect(400);
    expect(noPlan.body.message).toMatch(/施工计划/);
    // Nothing was stored by any of them.
    expect(await stateOf(flats[0].id)).toBeNull();
    expect(await t.dataSource.getRepository(WorkInspection).countBy({ householdId: flats[0].id })).toBe(0);
  });

  it('asks for what each decision needs: the signature, the scan, the defects (400, in words)', async () => {
    await inspect(t, contractor, flats[0].id, workPlanId, passingPlumbing()).expect(201);
    const expect400 = async (request: ReturnType<typeof decide>, code: string, message: RegExp) => {
      const response = await request.expect(400);
      expect(response.body).toMatchObject({ code, message: expect.stringMatching(message) });
    };
    await expect400(decide(t, residents[0], flats[0].id, { workPlanId, decision: 'ACCEPT' }), 'SIGNATURE_REQUIRED', /请先签名/);
    await expect400(decide(t, committee, flats[0].id, { workPlanId, decision: 'ACCEPT', channel: 'PAPER' }), 'PAPER_SCAN_REQUIRED', /请拍照上传居民签字的纸质验收单/);
    await expect400(decide(t, residents[0], flats[0].id, { workPlanId, decision: 'REJECT' }), 'DEFECTS_REQUIRED', /请写明哪里有问题/);
    await expect400(decide(t, residents[0], flats[0].id, { workPlanId, decision: 'REJECT', defects: [{ description: '   ' }] }), 'DEFECTS_REQUIRED', /请写明哪里有问题/);
    await expect400(paper(flats[0].id, { decision: 'REJECT', defects: [] }), 'DEFECTS_REQUIRED', /请写明哪里有问题/);
    await expect400(decide(t, residents[0], flats[0].id, { workPlanId, decision: 'ACCEPT', channel: 'PAPER', signaturePng: SIGNATURE }), 'VALIDATION_FAILED', /居民请在线签名验收/);
    await expect400(decide(t, committee, flats[0].id, { workPlanId, decision: 'ACCEPT', channel: 'ONLINE', paperScanPng: PAPER_SCAN }), 'VALIDATION_FAILED', /工作人员只能录入纸质验收单/);
    await expect400(decide(t, residents[0], flats[0].id, { workPlanId, decision: 'ACCEPT', signaturePng: SIGNATURE, defects: [{ description: '小问题' }] }), 'VALIDATION_FAILED', /验收合格时不填写问题/);
    await expect400(decide(t, residents[0], flats[0].id, { workPlanId, decision: 'MAYBE', signaturePng: SIGNATURE }), 'VALIDATION_FAILED', /ACCEPT（验收合格）或 REJECT/);
    await expect400(reject(residents[0], flats[0].id, { defects: [{ description: '很'.repeat(201) }] }), 'VALIDATION_FAILED', /1 到 200 个字/);
    await expect400(decide(t, residents[0], flats[0].id, { workPlanId, decision: 'ACCEPT', signaturePng: 'data:image/png;base64,aGVsbG8=' }), 'VALIDATION_FAILED', /签名必须是 PNG/);
    expect(await recordsOf(flats[0].id)).toEqual([]);
    expect(await stateOf(flats[0].id)).toMatchObject({ status: 'PENDING' });
  });

  it('records the committee’s paper acceptance with the scan; after that nothing replaces it (409 ALREADY_ACCEPTED)', async () => {
    const inspection = await inspect(t, contractor, flats[1].id, workPlanId, passingPlumbing()).expect(201);
    const accepted = await paper(flats[1].id, { decision: 'ACCEPT' }).expect(200);
    expect(accepted.body).toMatchObject({ householdId: flats[1].id, status: 'ACCEPTED' });
    const seen = await view(committee, flats[1].id);
    expect(seen.records).toEqual([
      expect.objectContaining({ decision: 'ACCEPT', channel: 'PAPER', signedBy: `居委会 ${COMMITTEE_NAME} 录入纸质验收单`, inspectionId: inspection.body.id, paperScanSha256: pngSha256(PAPER_SCAN), signatureSha256: null }),
    ]);
    const before = await recordsOf(flats[1].id);

    const again = await paper(flats[1].id, { decision: 'ACCEPT' }).expect(409);
    expect(again.body).toMatchObject({ code: 'ALREADY_ACCEPTED', message: ACCEPTANCE_REFUSAL_TEXT.ALREADY_ACCEPTED });
    await paper(flats[1].id, { decision: 'REJECT', defects: [{ description: '改主意了' }] }).expect(409, /ALREADY_ACCEPTED/);
    await acceptOnline(t, residents[1], flats[1].id, workPlanId).expect(409, /ALREADY_ACCEPTED/);
    await reject(residents[1], flats[1].id).expect(409, /ALREADY_ACCEPTED/);
    // Later problems go through a repair, not a new inspection.
    await inspect(t, contractor, flats[1].id, workPlanId, passingPlumbing()).expect(409, /ALREADY_ACCEPTED/);
    expect(await recordsOf(flats[1].id)).toEqual(before);
    expect(await stateOf(flats[1].id)).toMatchObject({ status: 'ACCEPTED', acceptanceRecordId: before[0].id, lastInspectionId: inspection.body.id });
  });

  it('after a resident’s online ACCEPT, a paper form is refused the same way', async () => {
    await inspect(t, contractor, flats[2].id, workPlanId, passingPlumbing()).expect(201);
    await acceptOnline(t, residents[2], flats[2].id, workPlanId).expect(200);
    const before = await recordsOf(flats[2].id);
    await paper(flats[2].id, { decision: 'ACCEPT' }).expect(409, /ALREADY_ACCEPTED/);
    await acceptOnline(t, residents[2], flats[2].id, workPlanId).expect(409, /ALREADY_ACCEPTED/);
    expect(await recordsOf(flats[2].id)).toEqual(before);
    expect((await view(committee, flats[2].id)).records[0].signedBy).toBe('居民本人（线上签名）');
  });

  it('keeps households apart: another household’s resident 404, the contractor of another compound 404, plans not of the unit 404', async () => {
    await inspect(t, contractor, flats[0].id, workPlanId, passingPlumbing()).expect(201);
    // residents[1] is bound to flats[1], not flats[0].
    await acceptOnline(t, residents[1], flats[0].id, workPlanId).expect(404);
    await reject(residents[1], flats[0].id).expect(404);
    await t.http.get(`/api/households/${flats[0].id}/acceptance`).query({ workPlanId }).set(bearer(residents[1])).expect(404);
    await inspect(t, outsideContractor, flats[0].id, workPlanId, passingPlumbing()).expect(404);
    expect(await t.dataSource.getRepository(WorkInspection).countBy({ householdId: flats[0].id })).toBe(1);
    expect(await stateOf(flats[0].id)).toMatchObject({ status: 'PENDING' });

    // A draft plan, a plan of another unit, a plan that does not exist: as if missing.
    const draft = (await acceptancePlan(t, compoundId, [unitId], { status: WorkPlanStatus.Draft })).id;
    const otherUnit = (await acceptancePlan(t, compoundId, [otherUnitId])).id;
    for (const planId of [draft, otherUnit, randomUUID()]) {
      const refused = await inspect(t, contractor, flats[0].id, planId, passingPlumbing()).expect(404);
      expect(refused.body.message).toBe('施工计划不存在');
      await t.http.get(`/api/households/${flats[0].id}/acceptance`).query({ workPlanId: planId }).set(bearer(residents[0])).expect(404);
      await decide(t, residents[0], flats[0].id, { workPlanId: planId, decision: 'ACCEPT', signaturePng: SIGNATURE }).expect(404);
    }
    await t.http.get(`/api/households/${flats[0].id}/acceptance`).set(bearer(residents[0])).expect(400, /workPlanId/);
    await t.http.get(`/api/households/${flats[0].id}/acceptance`).query({ workPlanId: 'nope' }).set(bearer(residents[0])).expect(400);
  });

  it('shows the household’s acceptance to staff of the place and to an owner supervisor of the compound', async () => {
    await inspect(t, contractor, flats[0].id, workPlanId, passingPlumbing()).expect(201);
    for (const token of [committee, street, contractor]) expect((await view(token, flats[0].id)).inspections).toHaveLength(1);
    // residents[1] is not bound to flats[0]; named supervisor through flats[1], it may read.
    await t.http.get(`/api/households/${flats[0].id}/acceptance`).query({ workPlanId }).set(bearer(residents[1])).expect(404);
    await t.dataSource.getRepository(OwnerSupervisor).insert({ id: randomUUID(), compoundId, householdId: flats[1].id, name: '王监督', namedBy: randomUUID(), namedAt: t.clock.stamp() });
    expect((await view(residents[1], flats[0].id)).inspections).toHaveLength(1);
    // Reading is all it opens: the supervisor still cannot decide for the household.
    await acceptOnline(t, residents[1], flats[0].id, workPlanId).expect(404);
  });

  it('serves the household’s own photos by hash, and 404s a hash of another household or of nothing', async () => {
    await inspect(t, contractor, flats[0].id, workPlanId, [{ test: InspectionTest.BallPass, passed: true, photoPng: OWN_PHOTO }, { test: InspectionTest.NoLeak, passed: true }]).expect(201);
    await inspect(t, contractor, flats[1].id, workPlanId, passingPlumbing()).expect(201);
    await reject(residents[1], flats[1].id).expect(200);
    const photo = (token: string, householdId: string, sha: string) => t.http.get(`/api/households/${householdId}/acceptance/photos/${sha}`).set(bearer(token));

    const served = await photo(residents[0], flats[0].id, pngSha256(OWN_PHOTO)).expect(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toBe('private, max-age=86400, immutable');
    expect(createHash('sha256').update(served.body as Buffer).digest('hex')).toBe(pngSha256(OWN_PHOTO));
    await photo(committee, flats[0].id, pngSha256(OWN_PHOTO)).expect(200);
    await photo(residents[1], flats[1].id, pngSha256(DEFECT_PHOTO)).expect(200);

    // flats[0]'s photo through flats[1] (its own resident), and flats[1]'s defect photo through flats[0]: nothing.
    await photo(residents[1], flats[1].id, pngSha256(OWN_PHOTO)).expect(404);
    await photo(residents[0], flats[0].id, pngSha256(DEFECT_PHOTO)).expect(404);
    await photo(residents[1], flats[0].id, pngSha256(OWN_PHOTO)).expect(404);
    await photo(residents[0], flats[0].id, 'f'.repeat(64)).expect(404);
    await photo(residents[0], flats[0].id, 'not-a-hash').expect(404);
  });
});
