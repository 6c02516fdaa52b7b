import { ConsultationKind, DEFAULT_WORK_STEPS, fromShanghai, GroupBy, shanghaiDate, PipelineGate, PipelineStage, type CompoundStructure, type PipelineView, type ResidentPipelineView, type StreetStatus } from '@linyi/shared';
import { extractText, getDocumentProxy } from 'unpdf';
import { WorksStartedSweep } from '../src/pipeline/works-started-sweep.js';
import { Household } from '../src/places/household.entity.js';
import { bindResident, consultationDraft } from './support/consent.js';
import { compoundsAs, households, structureOf } from './support/demo-places.js';
import { drain } from './support/drain.js';
import { fakePushEnv, startFakePush, type FakePush } from './support/fake-push.js';
import { closeRounds, decidedRound, freshCompound, movePipeline, pipelineOf } from './support/pipeline-fixtures.js';
import { setAcceptanceState } from './support/acceptance-state.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';
import { TEST_REDIS_URL } from './support/test-database.js';
import { insertPlan } from './support/works-fixtures.js';

const unmetOf = (body: { gates?: Array<{ gate: PipelineGate }> }) => (body.gates ?? []).map((g) => g.gate).sort();
const pdfText = async (bytes: Buffer) => String((await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text).replace(/\s+/g, '');

/**
 * The renovation pipeline (issue 14, API.md "The renovation pipeline") on real MariaDB and Redis:
 * street staff move a compound NONE → RESERVE → ANNUAL_PLAN → IN_WORKS → COMPLETED; the year's plan
 * waits for every gate and names each one missing; entering the reserve tells every household once,
 * late binders included; works follow the stage and never reach an excluded building.
 */
describe('renovation pipeline (MariaDB)', () => {
  let t: TestApp;
  let fake: FakePush;
  let committee: string, street: string, contractor: string;
  let place: CompoundStructure;
  let flats: string[];
  /** Bound to flats[0] before the compound enters the reserve. */
  let early: string;

  beforeAll(async () => {
    fake = await startFakePush();
    t = await bootTestApp(fakePushEnv(fake));
    // Ten tomorrow morning: out of quiet hours, and after the demo's own reminders (dated from now) are due.
    t.clock.set(fromShanghai(shanghaiDate(new Date(t.clock.now().getTime() + 24 * 3600_000)), '10:00'));
    [committee, street, contractor] = await Promise.all(['committee-demo', 'street-demo', 'contractor-demo'].map((u) => staffToken(t, u)));
    place = await freshCompound(t, committee, '流程测试小区');
    flats = households(place).map((h) => h.id);
    early = await bindResident(t, committee, flats[0], 'pipeline-early');
    await drain(t, TEST_REDIS_URL);
  }, 180_000);

  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  const noticeReminders = async (compoundId: string) =>
    (await t.dataSource.query("SELECT r.householdId FROM reminder r JOIN household h ON h.id = r.householdId WHERE r.kind = 'PLAN_NOTICE' AND h.compoundId = ?", [compoundId])) as Array<{ householdId: string }>;
  const inboxNotices = async (token: string) => ((await t.http.get('/api/me/inbox').set(bearer(token)).expect(200)).body as Array<{ id: string; kind: string; body: string; consultationId: string | null; readAt: string | null }>).filter((m) => m.kind === 'PLAN_NOTICE');
  const moveAudit = async (compoundId: string) =>
    ((await t.dataSource.query("SELECT actor, payload FROM audit_entry WHERE chainKey = ? AND action = 'PIPELINE_STAGE_MOVED' ORDER BY seq", [`compound:${compoundId}`])) as Array<{ actor: string; payload: string }>).map((r) => ({ actor: r.actor, ...JSON.parse(r.payload) }));

  it('shows each compound\'s stage and gates on the street dashboard', async () => {
    const [office] = (await t.http.get('/api/street-offices').set(bearer(street)).expect(200)).body as Array<{ id: string }>;
    const status = (await t.http.get(`/api/street-offices/${office.id}/status`).set(bearer(street)).expect(200)).body as StreetStatus;
    const compounds = status.communities.flatMap((c) => c.compounds);
    const stageOf = (name: string) => compounds.find((c) => c.name === name)!.pipeline;
    expect(stageOf('流程测试小区')).toMatchObject({ stage: PipelineStage.None, since: null, excludedBuildings: [] });
    expect(stageOf('光明里小区')).toMatchObject({ stage: PipelineStage.AnnualPlan, excludedBuildings: [] });
    expect(stageOf('光明里小区').gates.every((g) => g.met)).toBe(true);
    expect(stageOf('红星小区').stage).toBe(PipelineStage.Reserve);
    expect(stageOf('红星小区').gates.filter((g) => !g.met).map((g) => g.gate).sort()).toEqual([PipelineGate.FundPledge, PipelineGate.OwnersOrganisation, PipelineGate.PropertyServiceAgreement, PipelineGate.IllegalStructuresCleared].sort());
    expect(stageOf('幸福苑小区').excludedBuildings.map((b) => b.name)).toEqual(['2号楼']);
  });

  it('starts at NONE, refuses the year\'s plan straight away, and lets only street staff move it', async () => {
    expect(await pipelineOf(t, street, place.id)).toMatchObject({ stage: PipelineStage.None, since: null, notice: null, nextStages: [PipelineStage.Reserve], moves: [] });
    expect((await movePipeline(t, street, place.id, PipelineStage.AnnualPlan).expect(409)).body.code).toBe('PIPELINE_MOVE_NOT_ALLOWED');
    await movePipeline(t, committee, place.id, PipelineStage.Reserve).expect(403);
    await movePipeline(t, contractor, place.id, PipelineStage.Reserve).expect(403);
    expect((await t.http.get(`/api/compounds/${place.id}/pipeline/notice.pdf`).set(bearer(street)).expect(404)).body.code).toBe('PLAN_NOTICE_NOT_ISSUED');
    expect(await noticeReminders(place.id)).toEqual([]);
  });

  it('enters the reserve once when street staff press at the same moment, and tells every household once, through the channels', async () => {
    const smsBefore = fake.sms.length;
    const answers = await Promise.all(Array.from({ length: 6 }, () => movePipeline(t, street, place.id, PipelineStage.Reserve, '区住建委批复列入储备项目')));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    expect(answers.filter((r) => r.status === 409).every((r) => r.body.code === 'PIPELINE_SAME_STAGE')).toBe(true);
    const reminders = await noticeReminders(place.id);
    expect(reminders.map((r) => r.householdId).sort()).toEqual([...flats].sort());
    await drain(t, TEST_REDIS_URL);
    // Every household has a roster phone: one SMS each, naming the compound.
    const sent = fake.sms.slice(smsBefore).filter((m) => m.text.includes('流程测试小区'));
    expect(sent).toHaveLength(flats.length);
    expect(new Set(sent.map((m) => m.phone)).size).toBe(flats.length);
    const view = await pipelineOf(t, street, place.id);
    expect(view).toMatchObject({ stage: PipelineStage.Reserve, moves: [{ from: PipelineStage.None, to: PipelineStage.Reserve, note: '区住建委批复列入储备项目', by: '和平里街道 张科长' }] });
    expect(view.notice!.body).toContain('建议您近期暂缓户内装修');
    expect(await moveAudit(place.id)).toEqual([{ actor: expect.stringMatching(/^staff:/), from: 'NONE', to: 'RESERVE', note: '区住建委批复列入储备项目' }]);
  });

  it('puts the notice in the inbox of a resident bound before and of one bound after, and nobody outside the compound', async () => {
    const [before] = await inboxNotices(early);
    expect(before).toMatchObject({ consultationId: null });
    expect(before.body).toContain('流程测试小区');
    const late = await bindResident(t, committee, flats[1], 'pipeline-late');
    const [after] = await inboxNotices(late);
    // The same notice, dated when it was issued, unread.
    expect({ ...after, id: before.id }).toEqual({ ...before, readAt: null });
    const guangming = (await compoundsAs(t, committee)).find((c) => c.name === '光明里小区')!.id;
    const outsider = await bindResident(t, committee, households(await structureOf(t, committee, guangming))[170].id, 'pipeline-outsider');
    expect((await inboxNotices(outsider)).filter((m) => m.body.includes('流程测试小区'))).toEqual([]);
    // The outsider's own compound told its households too: that one it sees, being bound there now.
    expect((await inboxNotices(outsider)).filter((m) => m.body.includes('光明里小区'))).toHaveLength(1);
  });

  it('shows a resident of the compound the stage and the notice only, and prints the notice for them; others get 404', async () => {
    const mine = (await t.http.get(`/api/compounds/${place.id}/pipeline`).set(bearer(early)).expect(200)).body as ResidentPipelineView;
    expect(Object.keys(mine).sort()).toEqual(['compoundId', 'compoundName', 'notice', 'since', 'stage']);
    expect(mine.stage).toBe(PipelineStage.Reserve);
    const pdf = await t.http.get(`/api/compounds/${place.id}/pipeline/notice.pdf`).set(bearer(early)).buffer(true).parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.body as Buffer);
    expect(text).toContain('小区改造计划提前告知');
    expect(text).toContain('流程测试小区');
    expect(text).toContain(mine.notice!.sha256);
    const xingfu = (await compoundsAs(t, committee)).find((c) => c.name === '幸福苑小区')!.id;
    await t.http.get(`/api/compounds/${xingfu}/pipeline`).set(bearer(early)).expect(404);
    await t.http.get(`/api/compounds/${xingfu}/pipeline/notice.pdf`).set(bearer(early)).expect(404);
  });

  it('refuses the year\'s plan naming every unmet gate, changing nothing, until each is met; then moves and audits the move', async () => {
    const refused = async () => {
      const response = await movePipeline(t, street, place.id, PipelineStage.AnnualPlan).expect(409);
      expect(response.body.code).toBe('PIPELINE_GATES_UNMET');
      return response.body;
    };
    const first = await refused();
    expect(unmetOf(first)).toEqual([PipelineGate.OwnersOrganisation, PipelineGate.PropertyServiceAgreement, PipelineGate.IllegalStructuresCleared].sort());
    expect(first.message).toContain('业主组织已成立');

    await t.http.put(`/api/compounds/${place.id}/owners-organisation`).set(bearer(street)).send({ kind: 'OWNERS_COMMITTEE', name: '流程测试小区业主委员会', formedOn: '2026-06-01' }).expect(200);
    await t.http.put(`/api/compounds/${place.id}/gates/ILLEGAL_STRUCTURES_CLEARED`).set(bearer(street)).send({ met: true, note: '护栏已拆除' }).expect(200);
    await decidedRound(t, committee, place, { kind: ConsultationKind.PropertyServiceAgreement, agree: flats.slice(0, 6) });
    const open = await refused();
    expect(unmetOf(open)).toEqual([PipelineGate.PropertyServiceAgreement]);
    expect(open.gates[0].detail).toContain('正在征询');

    await closeRounds(t);
    await t.http.put(`/api/compounds/${place.id}/gates/ILLEGAL_STRUCTURES_CLEARED`).set(bearer(street)).send({ met: false, note: '2号楼楼顶违建未拆' }).expect(200);
    expect(unmetOf(await refused())).toEqual([PipelineGate.IllegalStructuresCleared]);

    await t.http.put(`/api/compounds/${place.id}/gates/ILLEGAL_STRUCTURES_CLEARED`).set(bearer(street)).send({ met: true, note: '2号楼楼顶违建已拆除' }).expect(200);
    await t.http.put(`/api/compounds/${place.id}/gates/FUND_PLEDGE`).set(bearer(street)).send({ required: true, note: '维修资金不足' }).expect(200);
    const pledge = await refused();
    expect(unmetOf(pledge)).toEqual([PipelineGate.FundPledge]);
    expect((await pipelineOf(t, street, place.id)).stage).toBe(PipelineStage.Reserve);
    expect(await moveAudit(place.id)).toHaveLength(1);

    await decidedRound(t, committee, place, { kind: ConsultationKind.FundPledge, rule: undefined, agree: flats.slice(0, 7) });
    await closeRounds(t);
    // Four street staff at once, on a row that exists by now: the row lock lets one move it.
    const answers = await Promise.all(Array.from({ length: 4 }, () => movePipeline(t, street, place.id, PipelineStage.AnnualPlan, '条件齐备')));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const moved = answers.find((r) => r.status === 200)!.body as PipelineView;
    expect(moved.gates.every((g) => g.met)).toBe(true);
    expect(moved).toMatchObject({ stage: PipelineStage.AnnualPlan, since: moved.moves.at(-1)!.at, nextStages: [PipelineStage.InWorks, PipelineStage.Reserve] });
    expect((await moveAudit(place.id)).slice(1)).toEqual([{ actor: expect.stringMatching(/^staff:/), from: 'RESERVE', to: 'ANNUAL_PLAN', note: '条件齐备' }]);
  });

  it('refuses gates that follow records when set by hand, and unknown gates, readably', async () => {
    expect((await t.http.put(`/api/compounds/${place.id}/gates/PROPERTY_SERVICE_AGREEMENT`).set(bearer(street)).send({ met: true, note: '已通过' }).expect(400)).body.message).toContain('征询的结果决定');
    expect((await t.http.put(`/api/compounds/${place.id}/gates/FUND_PLEDGE`).set(bearer(street)).send({ met: true, note: '已承诺' }).expect(400)).body.code).toBe('GATE_NOT_RECORDED_BY_HAND');
    await t.http.put(`/api/compounds/${place.id}/gates/NO_SUCH_GATE`).set(bearer(street)).send({ met: true, note: 'x' }).expect(404);
    expect((await t.http.put(`/api/compounds/${place.id}/owners-organisation`).set(bearer(street)).send({ kind: 'OWNERS_COMMITTEE', name: '业委会', formedOn: '2026-02-30' }).expect(400)).body.message).toContain('成立日期');
    const tomorrow = shanghaiDate(new Date(t.clock.now().getTime() + 24 * 3600_000));
    expect((await t.http.put(`/api/compounds/${place.id}/owners-organisation`).set(bearer(street)).send({ kind: 'OWNERS_COMMITTEE', name: '业委会', formedOn: tomorrow }).expect(400)).body.message).toBe('成立日期不能晚于今天');
    expect((await pipelineOf(t, street, place.id)).ownersOrganisation).toMatchObject({ name: '流程测试小区业主委员会' });
  });

  it('lists a building whose window-guard consent failed as excluded, and refuses works there; allows them elsewhere', async () => {
    const [building1, building2] = place.buildings;
    const guard = await decidedRound(t, committee, place, {
      kind: ConsultationKind.WindowGuardConsent,
      groupBy: GroupBy.Building,
      unitIds: place.buildings.map((b) => b.units[0].id),
      agree: [...building1.units[0].households.map((h) => h.id), building2.units[0].households[0].id],
      refuse: building2.units[0].households.slice(1, 3).map((h) => h.id),
    });
    await closeRounds(t);
    const view = await pipelineOf(t, committee, place.id);
    expect(view.excludedBuildings).toEqual([{ buildingId: building2.id, name: building2.name, consultationId: guard, reason: expect.stringContaining('不列入年度改造计划') }]);
    const plumbing = (await t.http.post('/api/consultations').set(bearer(committee)).send(consultationDraft(t, { compoundId: place.id })).expect(201)).body.id as string;
    const plan = (unitId: string) => t.http.post('/api/work-plans').set(bearer(committee)).send({ compoundId: place.id, consultationId: plumbing, title: '上下水立管更换', steps: DEFAULT_WORK_STEPS, unitIds: [unitId] });
    const refused = await plan(building2.units[0].id).expect(409);
    expect(refused.body).toMatchObject({ code: 'BUILDING_EXCLUDED', excludedBuildings: [{ buildingId: building2.id }] });
    expect(refused.body.message).toContain('2号楼');
    await plan(building1.units[0].id).expect(201);
  });

  it('refuses a work plan while the compound is only in the reserve', async () => {
    const hongxing = (await compoundsAs(t, street)).find((c) => c.name === '红星小区')!.id;
    expect((await pipelineOf(t, street, hongxing)).stage).toBe(PipelineStage.Reserve);
    const committee2 = await staffToken(t, 'committee2-demo');
    const plumbing = (await t.http.post('/api/consultations').set(bearer(committee2)).send(consultationDraft(t, { compoundId: hongxing })).expect(201)).body.id as string;
    const unitId = (await structureOf(t, committee2, hongxing)).buildings[0].units[0].id;
    const refused = await t.http.post('/api/work-plans').set(bearer(committee2)).send({ compoundId: hongxing, consultationId: plumbing, title: '上下水立管更换', steps: DEFAULT_WORK_STEPS, unitIds: [unitId] }).expect(409);
    expect(refused.body.code).toBe('PIPELINE_NOT_IN_PLAN');
    expect(refused.body.message).toContain('列入年度计划后才能制定施工计划');
  });

  it('moves to IN_WORKS when the first window begins, offers COMPLETED only once every unit is accepted', async () => {
    const unit = place.buildings[0].units[0];
    expect((await movePipeline(t, street, place.id, PipelineStage.InWorks).expect(409)).body.code).toBe('PIPELINE_NO_WORKS');
    const { plan } = await insertPlan(t.dataSource, { compoundId: place.id, unitIds: [unit.id], windows: [{ unitId: unit.id, inDays: 2, capacity: 4 }], now: t.clock.now() });
    expect((await movePipeline(t, street, place.id, PipelineStage.Reserve).expect(409)).body.code).toBe('PIPELINE_WORKS_PUBLISHED');
    const sweep = t.app.get(WorksStartedSweep);
    await sweep.run();
    expect((await pipelineOf(t, street, place.id)).stage).toBe(PipelineStage.AnnualPlan);
    t.clock.set(new Date(t.clock.now().getTime() + 2 * 24 * 3600_000 + 60_000));
    await Promise.all([sweep.run(), sweep.run()]);
    const working = await pipelineOf(t, street, place.id);
    expect(working.moves.filter((m) => m.to === PipelineStage.InWorks)).toHaveLength(1);
    expect(working).toMatchObject({ stage: PipelineStage.InWorks, completion: { units: 1, acceptedUnits: 0, offered: false } });
    expect(working.moves.at(-1)).toMatchObject({ from: PipelineStage.AnnualPlan, to: PipelineStage.InWorks, by: '系统（施工开始）' });
    expect((await moveAudit(place.id)).at(-1)).toMatchObject({ actor: 'system:works', to: 'IN_WORKS' });
    expect((await movePipeline(t, street, place.id, PipelineStage.Completed).expect(409)).body).toMatchObject({ code: 'PIPELINE_WORKS_NOT_ACCEPTED' });

    const flatsOfUnit = await t.dataSource.getRepository(Household).find({ where: { unitId: unit.id }, order: { room: 'ASC' } });
    for (const household of flatsOfUnit.slice(0, -1)) await setAcceptanceState(t, plan.id, household, { step: 'accepted', passedAt: t.clock.now(), at: t.clock.now() });
    expect((await pipelineOf(t, street, place.id)).completion).toEqual({ units: 1, acceptedUnits: 0, offered: false });
    await setAcceptanceState(t, plan.id, flatsOfUnit.at(-1)!, { step: 'accepted', passedAt: t.clock.now(), at: t.clock.now() });
    expect((await pipelineOf(t, committee, place.id)).completion).toEqual({ units: 1, acceptedUnits: 1, offered: true });
    expect((await movePipeline(t, street, place.id, PipelineStage.Completed, '分户验收全部完成').expect(200)).body).toMatchObject({ stage: PipelineStage.Completed, nextStages: [] });
  });

});
