import { DEFAULT_WORK_STEPS, ScopeType, StaffRole, WorkPlanStatus, type WorkPlanView } from '@linyi/shared';
import bcrypt from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../src/demo/demo-data.js';
import { UnitWorksStatus } from '../src/special-needs/unit-works-status.js';
import { StaffAccount } from '../src/staff/staff-account.entity.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';
import { clearWorks, demoUnit } from './support/works-fixtures.js';

const DAY = 24 * 3600 * 1000;
const HAN = /[\u4e00-\u9fa5]/;

/**
 * Work plans and windows (issue 10): the contractor or the committee drafts a plan on the compound's
 * plumbing application, adds windows per unit, edits the draft; published plans only take new windows,
 * and those must give residents the notice period. Staff outside the compound see nothing (404).
 */
describe('work plans and windows', () => {
  let t: TestApp;
  let contractor: string;
  let committee: string;
  let committee2: string;
  let street: string;
  let xingfuContractor: string;
  let compoundId: string;
  let consultationId: string;
  let designVoteId: string;
  let unit1: string;
  let unit2: string;
  let unit3: string;
  let xingfuUnit: string;

  beforeAll(async () => {
    t = await bootTestApp();
    const guangming = await demoUnit(t.dataSource, '1号楼2单元');
    compoundId = guangming.compound.id;
    unit2 = guangming.unit.id;
    unit1 = (await demoUnit(t.dataSource, '1号楼1单元')).unit.id;
    unit3 = (await demoUnit(t.dataSource, '2号楼1单元')).unit.id;
    const [xingfu] = await t.dataSource.query("SELECT c.id FROM compound c WHERE c.name = '幸福苑小区'");
    [{ id: xingfuUnit }] = await t.dataSource.query('SELECT id FROM unit WHERE compoundId = ? LIMIT 1', [xingfu.id]);
    [{ id: consultationId }] = await t.dataSource.query("SELECT id FROM consultation WHERE compoundId = ? AND kind = 'PLUMBING_APPLICATION'", [compoundId]);
    [{ id: designVoteId }] = await t.dataSource.query("SELECT id FROM consultation WHERE kind = 'DESIGN_VOTE'");
    const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 4);
    await t.dataSource.getRepository(StaffAccount).save({ id: randomUUID(), username: 'contractor-xingfu-works', displayName: '幸福苑施工队 孙经理', role: StaffRole.Contractor, scopeType: ScopeType.Compound, scopeId: xingfu.id, passwordHash });
    [contractor, committee, committee2, street, xingfuContractor] = await Promise.all(['contractor-demo', 'committee-demo', 'committee2-demo', 'street-demo', 'contractor-xingfu-works'].map((u) => staffToken(t, u)));
    await clearWorks(t.dataSource);
  }, 60_000);

  afterAll(() => t.close());

  const at = (days: number, hours = 0) => new Date(t.clock.now().getTime() + days * DAY + hours * 3600_000).toISOString();
  const body = (extra: Record<string, unknown> = {}) => ({ compoundId, consultationId, title: '1号楼上下水立管更换', steps: DEFAULT_WORK_STEPS, unitIds: [unit2], ...extra });
  const create = (extra: Record<string, unknown> = {}, token = contractor) => t.http.post('/api/work-plans').set(bearer(token)).send(body(extra));
  const addWindow = (planId: string, window: Record<string, unknown>, token = contractor) => t.http.post(`/api/work-plans/${planId}/windows`).set(bearer(token)).send(window);
  const window = (unitId: string, days: number, extra: Record<string, unknown> = {}) => ({ unitId, startsAt: at(days), endsAt: at(days, 8), capacity: 4, ...extra });
  const getPlan = async (planId: string, token = contractor): Promise<WorkPlanView> => (await t.http.get(`/api/work-plans/${planId}`).set(bearer(token)).expect(200)).body;
  const rows = async () => {
    const [{ plans }] = await t.dataSource.query('SELECT COUNT(*) AS plans FROM work_plan');
    const [{ units }] = await t.dataSource.query('SELECT COUNT(*) AS units FROM work_plan_unit');
    const [{ windows }] = await t.dataSource.query('SELECT COUNT(*) AS windows FROM work_window');
    return { plans: Number(plans), units: Number(units), windows: Number(windows) };
  };

  it('drafts a plan on the plumbing application, with trimmed texts, a normalised phone and its units’ household counts', async () => {
    const created = await create({ title: '  1号楼上下水立管更换  ', unitIds: [unit2, unit1], waterCut: ' 施工当天 8:00—18:00 全单元停水 ', temporaryWater: '', contactPhone: '010 6234 5678' }).expect(201);
    expect(created.body).toMatchObject({
      status: WorkPlanStatus.Draft,
      compoundId,
      consultationId,
      title: '1号楼上下水立管更换',
      steps: DEFAULT_WORK_STEPS,
      waterCut: '施工当天 8:00—18:00 全单元停水',
      temporaryWater: null,
      temporarySewage: null,
      contactPhone: '01062345678',
      // Building-then-unit order, whatever order they were sent in.
      units: [
        { unitId: unit1, label: '1号楼1单元', households: 12 },
        { unitId: unit2, label: '1号楼2单元', households: 12 },
      ],
      windows: [],
      publishedAt: null,
    });
    expect(await getPlan(created.body.id, street)).toEqual(created.body);
    // The committee drafts too; the street office only reads.
    await create({}, committee).expect(201);
    await create({}, street).expect(403);
  });

  it('adds windows per unit (listed by unit, then start, with what remains) and refuses bad ones with 400 WINDOW_INVALID', async () => {
    const plan = (await create({ unitIds: [unit1, unit2] }).expect(201)).body as WorkPlanView;
    const later = (await addWindow(plan.id, window(unit1, 6)).expect(201)).body;
    expect(later).toMatchObject({ unitId: unit1, unitLabel: '1号楼1单元', capacity: 4, booked: 0, remaining: 4, priority: false });
    const other = (await addWindow(plan.id, window(unit2, 4, { priority: true, capacity: 2 })).expect(201)).body;
    const earlier = (await addWindow(plan.id, window(unit1, 5)).expect(201)).body;
    const windows = (await getPlan(plan.id)).windows;
    expect(windows.map((w) => w.id)).toEqual([earlier.id, later.id, other.id]);
    expect(windows[2]).toMatchObject({ unitLabel: '1号楼2单元', priority: true, capacity: 2, remaining: 2 });

    const before = await rows();
    const refusals: Array<[Record<string, unknown>, string, RegExp]> = [
      [window(unit3, 5), 'WINDOW_INVALID', /不在本施工计划中/],
      [window(xingfuUnit, 5), 'WINDOW_INVALID', /不在本施工计划中/],
      [{ ...window(unit1, 5), endsAt: at(5, -1) }, 'WINDOW_INVALID', /结束时间须晚于开始时间/],
      [{ ...window(unit1, 5), endsAt: at(9) }, 'WINDOW_INVALID', /最长3天/],
      [window(unit1, 5, { capacity: 0 }), 'VALIDATION_FAILED', /1 到 100 之间的整数/],
      [window(unit1, 5, { capacity: 2.5 }), 'VALIDATION_FAILED', /整数/],
      [window(unit1, 5, { startsAt: '2026-12-10T08:00:00' }), 'VALIDATION_FAILED', /开始时间应为/],
      [window(unit1, 5, { priority: 'yes' }), 'VALIDATION_FAILED', /priority/],
      [{ ...window(unit1, 5), unitId: 'not-a-unit' }, 'VALIDATION_FAILED', /单元/],
    ];
    for (const [bad, code, message] of refusals) {
      const response = await addWindow(plan.id, bad).expect(400);
      expect(response.body).toMatchObject({ code, message: expect.stringMatching(message) });
      expect(response.body.message).toMatch(HAN);
    }
    expect(await rows()).toEqual(before);
  });

  it('keeps a unit to 30 windows', async () => {
    const plan = (await create().expect(201)).body as WorkPlanView;
    for (let i = 0; i < 30; i++) await addWindow(plan.id, window(unit2, 4 + i / 10)).expect(201);
    const response = await addWindow(plan.id, window(unit2, 8)).expect(400);
    expect(response.body).toMatchObject({ code: 'WINDOW_INVALID', message: '每个单元最多 30 个施工时段' });
  });

  it('edits a draft: a unit dropped takes its windows, a unit added starts with none', async () => {
    const plan = (await create({ unitIds: [unit1, unit2] }).expect(201)).body as WorkPlanView;
    await addWindow(plan.id, window(unit1, 5)).expect(201);
    await addWindow(plan.id, window(unit2, 5)).expect(201);
    const edited = await t.http
      .patch(`/api/work-plans/${plan.id}`)
      .set(bearer(committee))
      .send({ title: '立管更换（第二批）', unitIds: [unit2, unit3], steps: [{ title: '断水', description: '' }], temporarySewage: '小区东门设临时厕所', contactPhone: '' })
      .expect(200);
    expect(edited.body).toMatchObject({ title: '立管更换（第二批）', steps: [{ title: '断水', description: '' }], temporarySewage: '小区东门设临时厕所', contactPhone: null, status: 'DRAFT' });
    expect(edited.body.units.map((u: { label: string }) => u.label)).toEqual(['1号楼2单元', '2号楼1单元']);
    expect(edited.body.windows.map((w: { unitId: string }) => w.unitId)).toEqual([unit2]);
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM work_window WHERE workPlanId = ? AND unitId = ?', [plan.id, unit1]);
    expect(Number(n)).toBe(0);
    // An empty body changes nothing.
    expect((await t.http.patch(`/api/work-plans/${plan.id}`).set(bearer(contractor)).send({}).expect(200)).body).toEqual(edited.body);
    // Units of another compound: refused, nothing changed.
    const refused = await t.http.patch(`/api/work-plans/${plan.id}`).set(bearer(contractor)).send({ unitIds: [unit2, xingfuUnit] }).expect(400);
    expect(refused.body).toMatchObject({ code: 'WORK_PLAN_INVALID', message: '所选单元中有不属于本小区的单元' });
    expect(await getPlan(plan.id)).toEqual(edited.body);
  });

  it('refuses bad plans with 400 and a Chinese message, writing nothing', async () => {
    const before = await rows();
    const step = (title: string, description = '') => ({ title, description });
    const refusals: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ title: undefined }, 'VALIDATION_FAILED', /施工计划名称/],
      [{ title: '   ' }, 'VALIDATION_FAILED', /请填写施工计划名称/],
      [{ title: '立'.repeat(61) }, 'VALIDATION_FAILED', /1 到 60 个字/],
      [{ steps: [] }, 'VALIDATION_FAILED', /至少填写一个施工步骤/],
      [{ steps: Array.from({ length: 13 }, (_, i) => step(`第${i}步`)) }, 'VALIDATION_FAILED', /最多 12 个施工步骤/],
      [{ steps: [step('步'.repeat(21))] }, 'VALIDATION_FAILED', /1 到 20 个字/],
      [{ steps: [step('断水', '说'.repeat(201))] }, 'VALIDATION_FAILED', /最多 200 个字/],
      [{ steps: [[]] }, 'VALIDATION_FAILED', /对象/],
      [{ unitIds: [] }, 'VALIDATION_FAILED', /至少选择一个单元/],
      [{ unitIds: [unit2, unit2] }, 'VALIDATION_FAILED', /单元不能重复/],
      [{ unitIds: Array.from({ length: 201 }, () => randomUUID()) }, 'VALIDATION_FAILED', /最多 200 个单元/],
      [{ unitIds: [unit2, xingfuUnit] }, 'WORK_PLAN_INVALID', /不属于本小区/],
      [{ unitIds: [randomUUID()] }, 'WORK_PLAN_INVALID', /不属于本小区/],
      [{ consultationId: designVoteId }, 'WORK_PLAN_INVALID', /楼内上下水管线改造申请/],
      [{ consultationId: randomUUID() }, 'WORK_PLAN_INVALID', /楼内上下水管线改造申请/],
      [{ waterCut: '停'.repeat(201) }, 'VALIDATION_FAILED', /停水安排最多 200 个字/],
      [{ waterCut: null }, 'VALIDATION_FAILED', /不能为 null/],
      [{ contactPhone: '12345' }, 'WORK_PLAN_INVALID', /联系电话应为手机号或带区号的座机/],
      [{ status: 'PUBLISHED' }, 'VALIDATION_FAILED', /不接受字段“status”/],
    ];
    for (const [extra, code, message] of refusals) {
      const response = await create(extra).expect(400);
      expect(response.body).toMatchObject({ code, message: expect.stringMatching(message) });
      expect(response.body.message).toMatch(HAN);
    }
    expect(await rows()).toEqual(before);
  });

  it('lists the compound’s plans newest first with counts; compoundId is required', async () => {
    await clearWorks(t.dataSource);
    const older = (await create({ title: '第一批', unitIds: [unit1, unit2] }).expect(201)).body as WorkPlanView;
    await addWindow(older.id, window(unit1, 5, { capacity: 3 })).expect(201);
    await addWindow(older.id, window(unit2, 4)).expect(201);
    t.clock.advance(2000);
    const newer = (await create({ title: '第二批', unitIds: [unit3] }).expect(201)).body as WorkPlanView;
    const list = (await t.http.get(`/api/work-plans?compoundId=${compoundId}`).set(bearer(street)).expect(200)).body;
    expect(list).toEqual([
      { id: newer.id, title: '第二批', kind: 'PLUMBING', status: 'DRAFT', units: 1, windows: 0, booked: 0, households: 12, firstStartsAt: null, publishedAt: null },
      { id: older.id, title: '第一批', kind: 'PLUMBING', status: 'DRAFT', units: 2, windows: 2, booked: 0, households: 24, firstStartsAt: (await getPlan(older.id)).windows.find((w) => w.unitId === unit2)!.startsAt, publishedAt: null },
    ]);
    expect((await t.http.get('/api/work-plans').set(bearer(contractor)).expect(400)).body.message).toBe('请提供小区编号 compoundId');
    expect((await t.http.get('/api/work-plans?compoundId=abc').set(bearer(contractor)).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('hides a compound’s plans from staff of other places (404), and refuses the street office’s writes by role (403)', async () => {
    const plan = (await create().expect(201)).body as WorkPlanView;
    const added = (await addWindow(plan.id, window(unit2, 5)).expect(201)).body;
    for (const token of [xingfuContractor, committee2]) {
      await t.http.get(`/api/work-plans/${plan.id}`).set(bearer(token)).expect(404);
      await t.http.patch(`/api/work-plans/${plan.id}`).set(bearer(token)).send({ title: '改' }).expect(404);
      await t.http.delete(`/api/work-plans/${plan.id}`).set(bearer(token)).expect(404);
      await addWindow(plan.id, window(unit2, 6), token).expect(404);
      await t.http.delete(`/api/work-plans/${plan.id}/windows/${added.id}`).set(bearer(token)).expect(404);
      await t.http.post(`/api/work-plans/${plan.id}/publish`).set(bearer(token)).expect(404);
      await create({}, token).expect(404);
      await t.http.get(`/api/work-plans?compoundId=${compoundId}`).set(bearer(token)).expect(404);
    }
    await t.http.patch(`/api/work-plans/${plan.id}`).set(bearer(street)).send({ title: '改' }).expect(403);
    await t.http.post(`/api/work-plans/${plan.id}/publish`).set(bearer(street)).expect(403);
    await t.http.get(`/api/work-plans/${randomUUID()}`).set(bearer(contractor)).expect(404);
    expect((await t.http.get('/api/work-plans/not-a-uuid').set(bearer(contractor)).expect(404)).body.message).toBe('施工计划不存在或无权查看');
    await t.http.delete(`/api/work-plans/${plan.id}/windows/${randomUUID()}`).set(bearer(contractor)).expect(404);
    // Nothing changed by any of it.
    expect(await getPlan(plan.id)).toMatchObject({ title: plan.title, status: 'DRAFT', windows: [{ id: added.id }] });
  });

  it('removes a draft’s window, and discards a draft with its units and windows', async () => {
    const plan = (await create().expect(201)).body as WorkPlanView;
    const kept = (await addWindow(plan.id, window(unit2, 5)).expect(201)).body;
    const removed = (await addWindow(plan.id, window(unit2, 6)).expect(201)).body;
    expect((await t.http.delete(`/api/work-plans/${plan.id}/windows/${removed.id}`).set(bearer(contractor)).expect(200)).body).toEqual({ deleted: true });
    expect((await getPlan(plan.id)).windows.map((w) => w.id)).toEqual([kept.id]);
    expect((await t.http.delete(`/api/work-plans/${plan.id}`).set(bearer(committee)).expect(200)).body).toEqual({ deleted: true });
    await t.http.get(`/api/work-plans/${plan.id}`).set(bearer(contractor)).expect(404);
    for (const table of ['work_plan_unit', 'work_window']) {
      const [{ n }] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE workPlanId = ?`, [plan.id]);
      expect(Number(n)).toBe(0);
    }
  });

  it('after publishing: draft-only changes answer 409, a new window must give the notice period, and the unit counts as having works', async () => {
    await clearWorks(t.dataSource);
    const plan = (await create({ title: '1号楼2单元立管更换' }).expect(201)).body as WorkPlanView;
    const first = (await addWindow(plan.id, window(unit2, 4)).expect(201)).body;
    const draft = (await create({ unitIds: [unit1] }).expect(201)).body as WorkPlanView;
    const works = () => t.app.get(UnitWorksStatus).of(t.dataSource.manager, [unit1, unit2, unit3]);
    expect(await works()).toEqual(new Map());
    const published = (await t.http.post(`/api/work-plans/${plan.id}/publish`).set(bearer(contractor)).expect(200)).body;
    expect(published).toMatchObject({ status: 'PUBLISHED', publishedAt: expect.any(String), windows: [{ id: first.id }] });
    // Only the published plan's unit has works planned; a draft promises nothing.
    expect(await works()).toEqual(new Map([[unit2, { worksPlanned: true, acceptedAt: null }]]));
    expect(draft.status).toBe('DRAFT');

    const expect409 = async (request: Promise<{ body: { code: string; message: string } }>) => {
      const { body: answer } = await request;
      expect(answer.code).toBe('WORK_PLAN_NOT_DRAFT');
      expect(answer.message).toMatch(HAN);
    };
    await expect409(t.http.patch(`/api/work-plans/${plan.id}`).set(bearer(contractor)).send({ title: '改名' }).expect(409));
    await expect409(t.http.delete(`/api/work-plans/${plan.id}`).set(bearer(contractor)).expect(409));
    await expect409(t.http.delete(`/api/work-plans/${plan.id}/windows/${first.id}`).set(bearer(contractor)).expect(409));
    await expect409(t.http.post(`/api/work-plans/${plan.id}/publish`).set(bearer(contractor)).expect(409));

    const tooSoon = await addWindow(plan.id, window(unit2, 2)).expect(400);
    expect(tooSoon.body).toMatchObject({ code: 'WINDOW_INVALID', message: expect.stringMatching(/须提前3天告知住户：最早从\d+月\d+日（周.）\d\d:\d\d（北京时间）开始/) });
    const more = (await addWindow(plan.id, { ...window(unit2, 3), startsAt: at(3, 1), endsAt: at(3, 9) }).expect(201)).body;
    const after = await getPlan(plan.id);
    expect(after).toMatchObject({ title: '1号楼2单元立管更换', status: 'PUBLISHED' });
    expect(after.windows.map((w) => w.id)).toEqual([more.id, first.id]);
    const [entry] = await t.dataSource.query("SELECT payload FROM audit_entry WHERE chainKey = ? AND action = 'WORK_WINDOW_ADDED'", [`works:${plan.id}`]);
    expect(JSON.parse(entry.payload)).toMatchObject({ windowId: more.id, unitId: unit2, capacity: 4 });
  });
});
