import { InspectionTest, RepairStatus, WarrantyPart, type RepairView } from '@linyi/shared';
import { acceptanceUnit, acceptancePlan, auditActions, contractorOf, inspectAndAccept, PHOTO, pngSha256, type AcceptanceUnit } from './support/acceptance-fixtures.js';
import { bearer, bootTestApp, type TestApp } from './support/test-app.js';
import { acceptRepair, decideRepair, passingRepair, repairDone, reportRepair, shanghai, warrantyOf } from './support/warranty-fixtures.js';
import { clearWorks } from './support/works-fixtures.js';

const photoSha = pngSha256(PHOTO);

/**
 * Repairs under warranty (API.md "Acceptance and warranty"): the bound resident reports a problem
 * with a part of the notice, the compound's contractor records the repair with a new inspection, the
 * resident confirms it or says it is not fixed. A report outside the warranty is accepted and
 * marked, and confirming its repair restarts nothing. Through the HTTP API, on the fake clock.
 */
describe('repairs under warranty (MariaDB)', () => {
  let t: TestApp;
  let contractor: string;
  let workPlanId: string;
  // Filled in beforeAll; residents are bound to flats[0..2].
  let { committee, street, compoundId, unitId, flats, residents, outsideContractor } = {} as AcceptanceUnit;

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    ({ committee, street, compoundId, unitId, flats, residents, outsideContractor } = await acceptanceUnit(t, 'repairs', 3));
    contractor = await contractorOf(t, compoundId, 'contractor-repairs');
  }, 90_000);

  afterAll(() => t.close());

  /** Each test: a fresh published plan, flats[0] and flats[1] accepted on 2 December 2026. */
  beforeEach(async () => {
    await clearWorks(t.dataSource);
    t.clock.set(shanghai('2026-12-02T10:00:00'));
    workPlanId = (await acceptancePlan(t, compoundId, [unitId])).id;
    for (const i of [0, 1]) await inspectAndAccept(t, contractor, residents[i], flats[i].id, workPlanId);
    t.clock.set(shanghai('2027-03-10T09:00:00'));
  });

  const leak = { part: WarrantyPart.Waterproofing, description: '卫生间立管管根处渗水' };
  const repairsOf = async (token: string, householdId: string): Promise<RepairView[]> => (await t.http.get(`/api/households/${householdId}/repairs`).set(bearer(token)).expect(200)).body;

  it('takes a report with a photo, shows it to the household and the staff of the place, and records it', async () => {
    const created = await reportRepair(t, residents[0], flats[0].id, { ...leak, description: '  卫生间立管管根处渗水  ', photoPng: PHOTO }).expect(201);
    expect(created.body).toEqual({ id: expect.any(String), status: RepairStatus.Open, underWarranty: true });

    const [mine] = await repairsOf(residents[0], flats[0].id);
    expect(mine).toMatchObject({ id: created.body.id, householdId: flats[0].id, label: flats[0].label, workPlanId, part: WarrantyPart.Waterproofing, description: '卫生间立管管根处渗水', photoSha256: photoSha, underWarranty: true, status: 'OPEN', repairedAt: null, acceptedAt: null, inspections: [] });
    expect((new Date(mine.reportedAt).getTime() - shanghai('2027-03-10T09:00:00').getTime()) / 1000).toBeLessThan(10);
    for (const token of [committee, street, contractor]) expect((await repairsOf(token, flats[0].id)).map((r) => r.id)).toEqual([created.body.id]);
    expect((await t.http.get(`/api/work-plans/${workPlanId}/repairs`).set(bearer(contractor)).expect(200)).body.map((r: RepairView) => [r.id, r.label])).toEqual([[created.body.id, flats[0].label]]);

    const [entry] = await auditActions(t, flats[0].id, workPlanId, ['REPAIR_REPORTED']);
    expect(entry).toMatchObject({ actor: expect.stringMatching(/^resident:/), payload: { repairId: created.body.id, part: 'WATERPROOFING', underWarranty: true, photoSha256: photoSha } });
  });

  it('refuses a report before any notice (409), for a part the notice lacks, and without a real description or photo (400)', async () => {
    const early = await reportRepair(t, residents[2], flats[2].id, leak).expect(409);
    expect(early.body).toMatchObject({ code: 'NO_WARRANTY', message: '这户还没有保修告知书（验收后才有），施工中的问题请在验收时提出' });

    const windows = await reportRepair(t, residents[0], flats[0].id, { part: WarrantyPart.Windows, description: '窗户漏风' }).expect(400);
    expect(windows.body).toMatchObject({ code: 'WARRANTY_PART_UNKNOWN', message: expect.stringContaining('外窗') });
    const bad: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...leak, description: '   ' }, /请写明哪里出了问题/],
      [{ ...leak, description: '漏'.repeat(301) }, /1 到 300 个字/],
      [{ part: 'ROOF', description: '屋顶漏水' }, /请选择出问题的部位/],
      [{ ...leak, photoPng: 'data:image/png;base64,aGVsbG8=' }, /照片必须是 PNG 或 JPEG 图片/],
      [{ ...leak, workPlanId: 'not-a-uuid' }, /workPlanId 格式不正确/],
      [{ ...leak, photoPng: null }, /不能为 null/],
    ];
    for (const [body, message] of bad) expect((await reportRepair(t, residents[0], flats[0].id, body).expect(400)).body.message).toMatch(message);
    expect(await repairsOf(residents[0], flats[0].id)).toEqual([]);
  });

  it('keeps repairs to the household: another resident or a contractor of another compound gets 404', async () => {
    const repair = (await reportRepair(t, residents[0], flats[0].id, leak).expect(201)).body;
    await reportRepair(t, residents[1], flats[0].id, leak).expect(404);
    await t.http.get(`/api/households/${flats[0].id}/repairs`).set(bearer(residents[1])).expect(404);
    await acceptRepair(t, residents[1], flats[0].id, repair.id).expect(404);
    // The repair of flat 0 through the route of flat 1, whose resident is bound there.
    await acceptRepair(t, residents[1], flats[1].id, repair.id).expect(404);
    await repairDone(t, outsideContractor, flats[0].id, repair.id, passingRepair(WarrantyPart.Waterproofing)).expect(404);
    await t.http.get(`/api/work-plans/${workPlanId}/repairs`).set(bearer(outsideContractor)).expect(404);
    // Only the contractor repairs; only the resident reports and confirms.
    await repairDone(t, committee, flats[0].id, repair.id, passingRepair(WarrantyPart.Waterproofing)).expect(403);
    await reportRepair(t, committee, flats[0].id, leak).expect(403);
    await acceptRepair(t, committee, flats[0].id, repair.id).expect(403);
    expect((await repairsOf(residents[0], flats[0].id))[0].status).toBe('OPEN');
  });

  it('is confirmed only after a passing repair inspection; a rejection reopens it; a confirmed repair is closed', async () => {
    const household = flats[0].id;
    const repair = (await reportRepair(t, residents[0], household, leak).expect(201)).body;
    const early = await acceptRepair(t, residents[0], household, repair.id).expect(409);
    expect(early.body).toMatchObject({ code: 'NOT_INSPECTED', message: expect.stringContaining('检测通过后才能确认修好') });
    await decideRepair(t, residents[0], household, repair.id, { decision: 'REJECT' }).expect(409);

    // Waterproofing needs NO_LEAK: a repair inspected without it does not pass.
    expect((await repairDone(t, contractor, household, repair.id, [{ test: InspectionTest.Restoration, passed: true }]).expect(200)).body).toEqual({ status: 'REPAIRED', passed: false });
    await acceptRepair(t, residents[0], household, repair.id).expect(409);
    expect((await decideRepair(t, residents[0], household, repair.id, { decision: 'REJECT' }).expect(200)).body).toEqual({ status: 'REOPENED' });
    await acceptRepair(t, residents[0], household, repair.id).expect(409);

    t.clock.advance(3600_000);
    await repairDone(t, contractor, household, repair.id, passingRepair(WarrantyPart.Waterproofing), '更换管根密封圈').expect(200);
    const unsigned = await decideRepair(t, residents[0], household, repair.id, { decision: 'ACCEPT' }).expect(400);
    expect(unsigned.body).toMatchObject({ code: 'SIGNATURE_REQUIRED' });
    expect((await acceptRepair(t, residents[0], household, repair.id).expect(200)).body).toEqual({ status: 'ACCEPTED' });

    const closed = await acceptRepair(t, residents[0], household, repair.id).expect(409);
    expect(closed.body.code).toBe('REPAIR_CLOSED');
    await decideRepair(t, residents[0], household, repair.id, { decision: 'REJECT' }).expect(409);
    await repairDone(t, contractor, household, repair.id, passingRepair(WarrantyPart.Waterproofing)).expect(409);

    const [view] = await repairsOf(residents[0], household);
    expect(view).toMatchObject({ status: 'ACCEPTED', repairedAt: expect.any(String), acceptedAt: expect.any(String) });
    expect(view.inspections.map((i) => [i.passed, i.missing, i.note])).toEqual([
      [true, [], '更换管根密封圈'],
      [false, ['NO_LEAK'], null],
    ]);
    expect(view.inspections[0]).toMatchObject({ inspectorName: 'contractor-repairs 施工队', results: [{ test: 'NO_LEAK', passed: true, value: '维修后复检合格', photoSha256: photoSha }], evidenceSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const records: Array<{ decision: string; repairId: string; inspectionId: string; signatureSha256: string | null; evidenceSha256: string }> = await t.dataSource.query('SELECT decision, repairId, inspectionId, signatureSha256, evidenceSha256 FROM acceptance_record WHERE repairId = ? ORDER BY decision', [repair.id]);
    expect(records).toEqual([
      { decision: 'ACCEPT', repairId: repair.id, inspectionId: view.inspections[0].id, signatureSha256: expect.stringMatching(/^[0-9a-f]{64}$/), evidenceSha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      { decision: 'REJECT', repairId: repair.id, inspectionId: view.inspections[1].id, signatureSha256: null, evidenceSha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    expect((await auditActions(t, household, workPlanId, ['REPAIR_REPORTED', 'REPAIR_DONE', 'REPAIR_REJECTED', 'REPAIR_ACCEPTED', 'WARRANTY_ISSUED'])).map((e) => e.action)).toEqual([
      'WARRANTY_ISSUED',
      'REPAIR_REPORTED',
      'REPAIR_DONE',
      'REPAIR_REJECTED',
      'REPAIR_DONE',
      'REPAIR_ACCEPTED',
      'WARRANTY_ISSUED',
    ]);
  });

  it('refuses repair results the kind of work does not know, given twice, or none (400)', async () => {
    const repair = (await reportRepair(t, residents[0], flats[0].id, leak).expect(201)).body;
    const cases: Array<[unknown, RegExp]> = [
      [[{ test: InspectionTest.WindowSeal, passed: true }], /没有「淋水试验不渗漏」这一项/],
      [[{ test: InspectionTest.NoLeak, passed: true }, { test: InspectionTest.NoLeak, passed: false }], /填写了两次/],
      [[], /请至少填写一项检测结果/],
      [[{ test: 'SMELL', passed: true }], /检测项目只能是/],
      [[{ test: InspectionTest.NoLeak, passed: 'yes' }], /passed 必须是 true/],
      [[{ test: InspectionTest.NoLeak, passed: true, value: '很'.repeat(41) }], /实测值最多 40 个字/],
    ];
    for (const [results, message] of cases) {
      const response = await t.http.post(`/api/households/${flats[0].id}/repairs/${repair.id}/done`).set(bearer(contractor)).send({ results }).expect(400);
      expect(response.body.message).toMatch(message);
    }
    expect((await repairsOf(contractor, flats[0].id))[0]).toMatchObject({ status: 'OPEN', inspections: [] });
  });

  it('takes a report after the warranty ended, marked so; confirming its repair restarts nothing', async () => {
    const household = flats[1].id;
    // Pipes ended on 2028-12-01; waterproofing runs to 2031-12-01.
    t.clock.set(shanghai('2028-12-02T09:00:00'));
    const late = (await reportRepair(t, residents[1], household, { part: WarrantyPart.Pipes, description: '厨房立管接口滴水' }).expect(201)).body;
    expect(late).toMatchObject({ status: 'OPEN', underWarranty: false });
    const covered = (await reportRepair(t, residents[1], household, leak).expect(201)).body;
    expect(covered.underWarranty).toBe(true);

    await repairDone(t, contractor, household, late.id, passingRepair(WarrantyPart.Pipes)).expect(200);
    await acceptRepair(t, residents[1], household, late.id).expect(200);
    const after = await warrantyOf(t, residents[1], household);
    expect(after.version).toBe(1);
    expect(after.items.find((item) => item.part === WarrantyPart.Pipes)).toMatchObject({ startsOn: '2026-12-02', endsOn: '2028-12-01', restartedByRepairId: null });
    expect((await repairsOf(residents[1], household)).find((r) => r.id === late.id)).toMatchObject({ status: 'ACCEPTED', underWarranty: false });
  });

  it('lists a plan’s repairs for the staff with the open ones first', async () => {
    const closed = (await reportRepair(t, residents[0], flats[0].id, leak).expect(201)).body;
    await repairDone(t, contractor, flats[0].id, closed.id, passingRepair(WarrantyPart.Waterproofing)).expect(200);
    await acceptRepair(t, residents[0], flats[0].id, closed.id).expect(200);
    t.clock.advance(60_000);
    const open = (await reportRepair(t, residents[1], flats[1].id, { part: WarrantyPart.Finishes, description: '卫生间墙面恢复处开裂' }).expect(201)).body;
    t.clock.advance(60_000);
    // Reported last but already confirmed: it still comes after the open one.
    const second = (await reportRepair(t, residents[0], flats[0].id, { part: WarrantyPart.Pipes, description: '立管接口滴水' }).expect(201)).body;
    await repairDone(t, contractor, flats[0].id, second.id, passingRepair(WarrantyPart.Pipes)).expect(200);
    await acceptRepair(t, residents[0], flats[0].id, second.id).expect(200);

    for (const token of [contractor, committee, street]) {
      const list: RepairView[] = (await t.http.get(`/api/work-plans/${workPlanId}/repairs`).set(bearer(token)).expect(200)).body;
      expect(list.map((r) => [r.id, r.status, r.label])).toEqual([
        [open.id, 'OPEN', flats[1].label],
        [second.id, 'ACCEPTED', flats[0].label],
        [closed.id, 'ACCEPTED', flats[0].label],
      ]);
    }
    await t.http.get(`/api/work-plans/${workPlanId}/repairs`).set(bearer(residents[0])).expect(403);
    expect((await repairsOf(residents[0], flats[0].id)).map((r) => r.id)).toEqual([second.id, closed.id]);
  });
});
