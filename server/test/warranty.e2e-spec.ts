import { WarrantyIssueReason, WarrantyPart, type WarrantyView } from '@linyi/shared';
import { ConfigError } from '../src/config/app-config.js';
import { acceptanceUnit, acceptancePlan, auditActions, contractorOf, inspectAndAccept, type AcceptanceUnit } from './support/acceptance-fixtures.js';
import { bindResident } from './support/consent.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';
import { acceptRepair, binary, passingRepair, pdfText, repairDone, reportRepair, shanghai, warrantyOf } from './support/warranty-fixtures.js';
import { clearWorks, demoUnit } from './support/works-fixtures.js';

const DAY = 24 * 3600 * 1000;
/** The fake clock runs on from where it was set: how far an instant is past that. */
const secondsFrom = (iso: string, from: Date) => (new Date(iso).getTime() - from.getTime()) / 1000;
const itemsOf = (view: WarrantyView) => view.items.map((item) => [item.part, item.years, item.startsOn, item.endsOn, item.restartedByRepairId]);

/**
 * The warranty notice (API.md "Acceptance and warranty", 建设工程质量管理条例 art. 40): issued on
 * acceptance with the configured periods from the acceptance day; re-issued when a repair is
 * accepted, with only that part restarted and every earlier version kept; the printable PDF; and a
 * configuration below the statutory minimums refuses to boot. All through the HTTP API, on the fake clock.
 */
describe('the warranty notice (MariaDB)', () => {
  let t: TestApp;
  let contractor: string;
  // Filled in beforeAll; residents are bound to 101–401 (flats[0..3]).
  let { committee, street, compoundId, unitId, flats, residents, outsideContractor } = {} as AcceptanceUnit;

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    ({ committee, street, compoundId, unitId, flats, residents, outsideContractor } = await acceptanceUnit(t, 'warranty', 4));
    contractor = await contractorOf(t, compoundId, 'contractor-warranty');
  }, 90_000);

  afterAll(() => t.close());

  beforeEach(async () => {
    await clearWorks(t.dataSource);
    t.clock.set(shanghai('2026-12-02T10:00:00'));
  });

  const publishedPlan = () => acceptancePlan(t, compoundId, [unitId]);

  it('is issued on acceptance: pipes 2 years, waterproofing 5, finishes 2, from the day of acceptance', async () => {
    const plan = await publishedPlan();
    await inspectAndAccept(t, contractor, residents[0], flats[0].id, plan.id);

    const view = await warrantyOf(t, residents[0], flats[0].id);
    expect(view).toMatchObject({ householdId: flats[0].id, label: flats[0].label, version: 1 });
    expect(secondsFrom(view.issuedAt, shanghai('2026-12-02T10:00:00'))).toBeLessThan(10);
    expect(itemsOf(view)).toEqual([
      [WarrantyPart.Pipes, 2, '2026-12-02', '2028-12-01', null],
      [WarrantyPart.Waterproofing, 5, '2026-12-02', '2031-12-01', null],
      [WarrantyPart.Finishes, 2, '2026-12-02', '2028-12-01', null],
    ]);
    expect(view.items.map((item) => [item.partLabel, item.title, item.workPlanId])).toEqual([
      ['给排水管道', plan.title, plan.id],
      ['管根及卫生间防水', plan.title, plan.id],
      ['墙地面恢复', plan.title, plan.id],
    ]);
    expect(view.items[0].scope).toContain('给水、排水立管');
    expect(view.history).toEqual([{ version: 1, issuedAt: view.issuedAt, reason: WarrantyIssueReason.Acceptance }]);
    const [issued] = await auditActions(t, flats[0].id, plan.id, ['WARRANTY_ISSUED']);
    expect(issued.payload).toMatchObject({ version: 1, reason: 'ACCEPTANCE', workPlanId: plan.id });
  });

  it('dates the notice by the day in Beijing: an acceptance at 00:30 on 3 December (16:30 UTC the day before) starts on the 3rd', async () => {
    t.clock.set(shanghai('2026-12-03T00:30:00'));
    const plan = await publishedPlan();
    await inspectAndAccept(t, contractor, residents[0], flats[0].id, plan.id);
    expect((await warrantyOf(t, residents[0], flats[0].id)).items[0]).toMatchObject({ startsOn: '2026-12-03', endsOn: '2028-12-02' });
  });

  it('answers 409 with a plain reason before acceptance, and 400 / 404 for a bad or missing version', async () => {
    const plan = await publishedPlan();
    const before = await t.http.get(`/api/households/${flats[1].id}/warranty`).set(bearer(residents[1])).expect(409);
    expect(before.body).toMatchObject({ code: 'NOT_ACCEPTED', message: '这户还没有验收，暂无保修告知书' });
    await t.http.get(`/api/households/${flats[1].id}/warranty.pdf`).set(bearer(residents[1])).expect(409);

    await inspectAndAccept(t, contractor, residents[1], flats[1].id, plan.id);
    const missing = await t.http.get(`/api/households/${flats[1].id}/warranty`).query({ version: 2 }).set(bearer(residents[1])).expect(404);
    expect(missing.body.message).toBe('这户没有第 2 版保修告知书');
    for (const version of ['0', 'abc', '1.5', '-1']) {
      const bad = await t.http.get(`/api/households/${flats[1].id}/warranty`).query({ version }).set(bearer(residents[1])).expect(400);
      expect(bad.body.message).toContain('告知书版本');
    }
  });

  it('is shown to the bound resident and staff of the place, and to nobody else (404)', async () => {
    const plan = await publishedPlan();
    await inspectAndAccept(t, contractor, residents[0], flats[0].id, plan.id);
    for (const token of [residents[0], committee, street, contractor]) await t.http.get(`/api/households/${flats[0].id}/warranty`).set(bearer(token)).expect(200);
    for (const token of [residents[1], outsideContractor]) {
      await t.http.get(`/api/households/${flats[0].id}/warranty`).set(bearer(token)).expect(404);
      await t.http.get(`/api/households/${flats[0].id}/warranty.pdf`).set(bearer(token)).expect(404);
    }
  });

  it('restarts only the repaired part on the day its repair is accepted; the others keep theirs and version 1 stays readable', async () => {
    const plan = await publishedPlan();
    const household = flats[2].id;
    await inspectAndAccept(t, contractor, residents[2], household, plan.id);
    const first = await warrantyOf(t, residents[2], household);

    t.clock.set(shanghai('2027-06-14T09:00:00'));
    const repair = (await reportRepair(t, residents[2], household, { part: WarrantyPart.Waterproofing, description: '卫生间立管管根处渗水，楼下天花板有水印' }).expect(201)).body;
    expect(repair).toMatchObject({ status: 'OPEN', underWarranty: true });
    t.clock.advance(DAY);
    expect((await repairDone(t, contractor, household, repair.id, passingRepair(WarrantyPart.Waterproofing)).expect(200)).body).toEqual({ status: 'REPAIRED', passed: true });
    // The resident confirms a few days later: that day, not the day of the repair, starts the period again.
    t.clock.set(shanghai('2027-06-18T20:00:00'));
    expect((await acceptRepair(t, residents[2], household, repair.id).expect(200)).body).toEqual({ status: 'ACCEPTED' });

    const current = await warrantyOf(t, residents[2], household);
    expect(current.version).toBe(2);
    expect(itemsOf(current)).toEqual([
      [WarrantyPart.Pipes, 2, '2026-12-02', '2028-12-01', null],
      [WarrantyPart.Waterproofing, 5, '2027-06-18', '2032-06-17', repair.id],
      [WarrantyPart.Finishes, 2, '2026-12-02', '2028-12-01', null],
    ]);
    expect(current.history.map((entry) => [entry.version, entry.reason])).toEqual([
      [2, WarrantyIssueReason.Repair],
      [1, WarrantyIssueReason.Acceptance],
    ]);
    expect(secondsFrom(current.issuedAt, shanghai('2027-06-18T20:00:00'))).toBeLessThan(10);
    // The old notice is kept as it was.
    expect(await warrantyOf(t, committee, household, 1)).toEqual({ ...first, history: current.history });
    expect((await auditActions(t, household, plan.id, ['WARRANTY_ISSUED'])).map((entry) => [entry.payload.version, entry.payload.reason, entry.payload.sourceId])).toEqual([
      [1, 'ACCEPTANCE', expect.any(String)],
      [2, 'REPAIR', repair.id],
    ]);
  });

  it('is a PDF whose text names the parts with their dates, marks a restarted part, and keeps every version printable', async () => {
    const plan = await publishedPlan();
    const household = flats[3].id;
    await inspectAndAccept(t, contractor, residents[3], household, plan.id);
    const pdf = (token: string, version?: number) => t.http.get(`/api/households/${household}/warranty.pdf`).query(version ? { version } : {}).set(bearer(token)).buffer(true).parse(binary);

    const response = await pdf(residents[3]).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`inline; filename="warranty.pdf"; filename*=UTF-8''${encodeURIComponent(`保修事项告知书-${flats[3].label}-第1版.pdf`)}`);
    const text = await pdfText(response.body as Buffer);
    for (const words of ['保修事项告知书', `光明里小区${flats[3].label}`, `施工项目：${plan.title}`, '保修部位：给排水管道', '保修部位：管根及卫生间防水', '保修部位：墙地面恢复', '保修期：2年，起2026年12月2日止2028年12月1日', '保修期：5年，起2026年12月2日止2031年12月1日', '联系电话：01062345678', '第四十条', '第1版']) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain('维修验收后重新计算');

    t.clock.set(shanghai('2027-03-01T10:00:00'));
    const repair = (await reportRepair(t, residents[3], household, { part: WarrantyPart.Pipes, description: '厨房立管接口滴水' }).expect(201)).body;
    await repairDone(t, contractor, household, repair.id, passingRepair(WarrantyPart.Pipes)).expect(200);
    await acceptRepair(t, residents[3], household, repair.id).expect(200);

    const reissued = await pdfText((await pdf(committee).expect(200)).body as Buffer);
    expect(reissued).toContain('保修期：2年，起2027年3月1日止2029年2月28日（维修验收后重新计算）');
    expect(reissued).toContain('保修期：5年，起2026年12月2日止2031年12月1日');
    expect(reissued).toContain('第2版');
    const original = await pdfText((await pdf(residents[3], 1).expect(200)).body as Buffer);
    expect(original).toContain('保修期：2年，起2026年12月2日止2028年12月1日');
    expect(original).not.toContain('2027年3月1日');
  });
});

describe('warranty periods from the configuration (MariaDB)', () => {
  it('refuses to boot with a period below the statutory minimum', async () => {
    await expect(bootTestApp({ WARRANTY_WATERPROOFING_YEARS: '3' })).rejects.toThrow(ConfigError);
    await expect(bootTestApp({ WARRANTY_PIPES_YEARS: '1' })).rejects.toThrow(/WARRANTY_PIPES_YEARS: 1 years is below the statutory minimum of 2 years/);
  });

  it('issues a longer configured period', async () => {
    const t = await bootTestApp({ AUTH_DEV_LOGIN: '1', WARRANTY_PIPES_YEARS: '3', WARRANTY_WATERPROOFING_YEARS: '8' });
    try {
      await clearWorks(t.dataSource);
      t.clock.set(shanghai('2026-12-02T10:00:00'));
      const committee = await staffToken(t, 'committee-demo');
      const { compound, unit, households } = await demoUnit(t.dataSource, '1号楼1单元');
      const contractor = await contractorOf(t, compound.id, 'contractor-warranty-config');
      const resident = await bindResident(t, committee, households[0].id, 'warranty-config-resident');
      const plan = await acceptancePlan(t, compound.id, [unit.id]);
      await inspectAndAccept(t, contractor, resident, households[0].id, plan.id);
      expect(itemsOf(await warrantyOf(t, resident, households[0].id))).toEqual([
        [WarrantyPart.Pipes, 3, '2026-12-02', '2029-12-01', null],
        [WarrantyPart.Waterproofing, 8, '2026-12-02', '2034-12-01', null],
        [WarrantyPart.Finishes, 2, '2026-12-02', '2028-12-01', null],
      ]);
    } finally {
      await t.close();
    }
  }, 90_000);
});
