import {
  assistanceNoteProblem,
  contactPhoneProblem,
  shanghaiClock,
  shanghaiDate,
  WorkProblemReason,
  type AcceptanceProgressView,
  type ComplaintView,
  type CompoundBoards,
  type CrewList,
  type GroupView,
  type HouseholdAcceptanceView,
  type MyPublicity,
  type MySurvey,
  type MyWorkPlan,
  type OwnerSupervisorView,
  type PublicityView,
  type RefusalNoticeView,
  type RepairView,
  type StreetComplaintsRow,
  type SupervisionPlan,
  type SurveyResults,
  type SurveyView,
  type WarrantyView,
  type WorkPlanProblem,
  type WorkPlanSummary,
  type WorkPlanView,
} from '@linyi/shared';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DEMO_ACCEPTANCE_OPENID, DEMO_ACCEPTANCE_ROOM, DEMO_ACCEPTANCE_STORY, DEMO_DEFECT, DEMO_REPAIR_ACCEPTED, DEMO_REPAIR_OPEN, DEMO_SUPERVISOR_OPENID, DEMO_WARRANTY_OPENID, DEMO_WARRANTY_ROOM } from '../src/demo/demo-acceptance.js';
import { DEMO_BOARDS, DEMO_OPEN_COMPLAINT, DEMO_REPLIED_COMPLAINT } from '../src/demo/demo-boards.js';
import { DEMO_FINAL_TITLE, DEMO_OBJECTOR_FLAT, DEMO_OBJECTOR_OPENID, DEMO_PRELIMINARY_TITLE, DEMO_REFUSAL_FLAT, DEMO_REFUSAL_OPENID } from '../src/demo/demo-closed-rounds.js';
import { DEMO_OBJECTIONS } from '../src/demo/demo-publicity.js';
import { DEMO_NEEDS_SURVEY, DEMO_SATISFACTION_SURVEY } from '../src/demo/demo-surveys.js';
import { DEMO_CARE_WATER_OPENID, DEMO_SCREENING_SECRETS } from '../src/demo/demo-screenings.js';
import { DEMO_DRAFT_PLAN_TITLE, DEMO_PUBLISHED_PLAN_TITLE, DEMO_WORKS_BOOKER_OPENID } from '../src/demo/demo-works.js';
import { loadConfig } from '../src/config/app-config.js';
import { createApp } from '../src/create-app.js';
import { DomainEvent } from '../src/events/domain-event.entity.js';
import { waitFor } from './support/fake-push.js';
import { withSqliteDemo } from './support/sqlite-demo.js';
import { bearer, bootTestApp, residentToken, staffToken, type TestApp } from './support/test-app.js';

const DAY = 24 * 3600 * 1000;
/** Days from today to `instant`, both as Beijing calendar days. */
const daysAhead = (instant: string) => Math.round((Date.parse(shanghaiDate(instant)) - Date.parse(shanghaiDate(Date.now()))) / DAY);

/** The demo round is dated days back; the app's own timers, running meanwhile, must still see the true time. */
describe('seeding the demo while the timers run', () => {
  let t: TestApp;
  let bootedAt: number;

  beforeAll(async () => {
    // Stamps are whole seconds: compare with the boot time rounded down.
    bootedAt = Math.floor(Date.now() / 1000) * 1000;
    t = await bootTestApp({ RUN_WORKERS: '1', OUTBOX_POLL_MS: '20', AUDIT_CHECKPOINT_MS: '50', SEED_DEMO: '1', AUTH_DEV_LOGIN: '1' });
  });

  afterAll(() => t.close());

  it('signs every audit checkpoint with the time it was taken, never the demo’s past', async () => {
    await waitFor(async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_checkpoint'))[0].n) > 0, 'a checkpoint');
    const checkpoints: Array<{ seq: number; createdAt: Date }> = await t.dataSource.query('SELECT seq, createdAt FROM audit_checkpoint ORDER BY seq');
    for (const checkpoint of checkpoints) expect({ seq: checkpoint.seq, createdAt: new Date(checkpoint.createdAt).getTime() >= bootedAt }).toEqual({ seq: checkpoint.seq, createdAt: true });
  });

  it('queues each seeded event once: the lost-job sweep never mistakes a fresh one for a lost one', async () => {
    const events = t.dataSource.getRepository(DomainEvent);
    await waitFor(async () => (await events.count()) > 0 && (await events.createQueryBuilder('e').where('e.handledAt IS NULL').getCount()) === 0, 'the seeded events handled');
    // A sweep that ran on the moved clock would have queued them again (generation 1).
    const requeued = await events.createQueryBuilder('e').where('e.generation > 0 OR e.attempts > 1 OR e.enqueuedAt < :booted', { booted: new Date(bootedAt) }).getMany();
    expect(requeued.map((e) => ({ id: e.id, type: e.type, generation: e.generation, attempts: e.attempts, enqueuedAt: e.enqueuedAt }))).toEqual([]);
  });

  it('still dates the demo answers over several past days, and the app’s clock is where it was', async () => {
    const [{ days }] = await t.dataSource.query('SELECT COUNT(DISTINCT DATE(answeredAt)) AS days FROM household_response');
    expect(Number(days)).toBeGreaterThanOrEqual(5);
    expect(Math.abs(t.clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('screens 1号楼2单元 fully and 1号楼1单元 in part, in the past, with plans a crew may read', async () => {
    const units: Array<{ unit: string; screened: number; needsCare: number; withPlan: number; byStreet: number }> = await t.dataSource.query(`
      SELECT CONCAT(b.name, u.name) AS unit, COUNT(*) AS screened, SUM(s.status = 'NEEDS_CARE') AS needsCare, COUNT(p.id) AS withPlan, SUM(a.username = 'street-demo') AS byStreet
      FROM household_screening s JOIN unit u ON u.id = s.unitId JOIN building b ON b.id = u.buildingId
      JOIN compound c ON c.id = s.compoundId JOIN staff_account a ON a.id = s.screenedBy LEFT JOIN care_plan p ON p.householdId = s.householdId
      WHERE c.name = '光明里小区' GROUP BY b.name, u.name ORDER BY unit`);
    expect(units.map((u) => ({ unit: u.unit, screened: Number(u.screened), needsCare: Number(u.needsCare), withPlan: Number(u.withPlan), byStreet: Number(u.byStreet) }))).toEqual([
      { unit: '1号楼1单元', screened: 7, needsCare: 2, withPlan: 1, byStreet: 1 },
      { unit: '1号楼2单元', screened: 12, needsCare: 2, withPlan: 2, byStreet: 2 },
    ]);
    const cared: Array<{ label: string; needs: string; legalBasis: string; consentKind: string | null }> = await t.dataSource.query(
      "SELECT h.label, s.needs, s.legalBasis, s.consentKind FROM household_screening s JOIN household h ON h.id = s.householdId WHERE s.status = 'NEEDS_CARE' ORDER BY h.label",
    );
    expect(cared).toEqual([
      { label: '1号楼1单元202', needs: 'INFANT', legalBasis: 'SEPARATE_CONSENT', consentKind: 'SCAN' },
      { label: '1号楼1单元401', needs: 'HEARING', legalBasis: 'STATUTORY_DUTY', consentKind: null },
      { label: '1号楼2单元301', needs: 'MEDICAL_WATER', legalBasis: 'SEPARATE_CONSENT', consentKind: 'ONLINE' },
      { label: '1号楼2单元502', needs: 'ELDERLY_ALONE,MOBILITY', legalBasis: 'STATUTORY_DUTY', consentKind: null },
    ]);
    // The online consent is the water household's own resident's.
    const [consent] = await t.dataSource.query('SELECT r.openid FROM screening_consent c JOIN resident r ON r.id = c.residentId');
    expect(consent.openid).toBe(DEMO_CARE_WATER_OPENID);

    const notes: Array<{ assistanceNote: string }> = await t.dataSource.query('SELECT assistanceNote FROM care_plan');
    expect(notes).toHaveLength(3);
    expect(notes.map((n) => ({ note: n.assistanceNote, problem: assistanceNoteProblem(n.assistanceNote) }))).toEqual(notes.map((n) => ({ note: n.assistanceNote, problem: null })));

    // Dated days back; every screening and plan saved answers with the record, so it is logged as a view too.
    const [{ latest }] = await t.dataSource.query('SELECT GREATEST(MAX(s.screenedAt), MAX(p.updatedAt)) AS latest FROM household_screening s, care_plan p');
    expect(new Date(latest).getTime()).toBeLessThan(bootedAt - 24 * 3600 * 1000);
    const reads: Array<{ username: string; action: string; n: number | string }> = await t.dataSource.query(
      'SELECT a.username, l.action, COUNT(*) AS n FROM sensitive_access_log l JOIN staff_account a ON a.id = l.staffId GROUP BY a.username, l.action ORDER BY a.username',
    );
    // committee-demo: 16 screenings + 3 care plans + 2 reads; street-demo: its 3 screenings.
    expect(reads.map((r) => ({ ...r, n: Number(r.n) }))).toEqual([
      { username: 'committee-demo', action: 'VIEW_SCREENING', n: 21 },
      { username: 'street-demo', action: 'VIEW_SCREENING', n: 3 },
    ]);
  });
});

/** The works demo: a plan residents can book now, with bookings, and a draft that shows every kind of problem. */
describe('the works demo', () => {
  let t: TestApp;
  let contractor: string;
  let plans: WorkPlanSummary[];

  beforeAll(async () => {
    t = await bootTestApp({ SEED_DEMO: '1', AUTH_DEV_LOGIN: '1' });
    contractor = await staffToken(t, 'contractor-demo');
    const compounds: Array<{ id: string; name: string }> = (await t.http.get('/api/compounds').set(bearer(contractor)).expect(200)).body;
    plans = (await t.http.get('/api/work-plans').query({ compoundId: compounds.find((c) => c.name === '光明里小区')!.id }).set(bearer(contractor)).expect(200)).body;
  });

  afterAll(() => t.close());

  const planNamed = (title: string) => plans.find((p) => p.title === title)!;

  it('publishes 1号楼2单元’s plan with three windows four to six days ahead, six households booked, the care households in the priority window', async () => {
    expect(plans.map((p) => ({ title: p.title, status: p.status }))).toEqual(
      expect.arrayContaining([
        { title: DEMO_PUBLISHED_PLAN_TITLE, status: 'PUBLISHED' },
        { title: DEMO_DRAFT_PLAN_TITLE, status: 'DRAFT' },
      ]),
    );
    expect(plans).toHaveLength(2);
    const plan: WorkPlanView = (await t.http.get(`/api/work-plans/${planNamed(DEMO_PUBLISHED_PLAN_TITLE).id}`).set(bearer(contractor)).expect(200)).body;
    expect(plan.units.map((u) => u.label)).toEqual(['1号楼2单元']);
    expect(plan.steps.map((s) => s.title)).toEqual(['断水', '拆除旧立管', '安装新立管', '通球试验', '管根防水', '恢复面层']);
    expect({ waterCut: Boolean(plan.waterCut), temporaryWater: Boolean(plan.temporaryWater), temporarySewage: Boolean(plan.temporarySewage), contactPhone: plan.contactPhone }).toEqual({ waterCut: true, temporaryWater: true, temporarySewage: true, contactPhone: '010-64007788' });
    expect(plan.windows.map((w) => ({ days: daysAhead(w.startsAt), from: shanghaiClock(w.startsAt), to: shanghaiClock(w.endsAt), capacity: w.capacity, booked: w.booked, priority: w.priority }))).toEqual([
      { days: 4, from: '08:30', to: '17:30', capacity: 4, booked: 2, priority: true },
      { days: 5, from: '08:30', to: '17:30', capacity: 4, booked: 2, priority: false },
      { days: 6, from: '08:30', to: '17:30', capacity: 4, booked: 2, priority: false },
    ]);

    const crew: CrewList = (await t.http.get(`/api/work-plans/${plan.id}/bookings`).set(bearer(contractor)).expect(200)).body;
    expect(crew.windows.map((w) => w.households.map((h) => h.label))).toEqual([
      ['1号楼2单元301', '1号楼2单元502'],
      ['1号楼2单元101', '1号楼2单元201'],
      ['1号楼2单元102', '1号楼2单元401'],
    ]);
    expect(crew.windows[0].households.map((h) => h.assistanceNote)).toEqual([DEMO_SCREENING_SECRETS.waterAssistance, DEMO_SCREENING_SECRETS.elderlyAssistance]);
    expect(crew.unbooked.map((h) => h.label)).toEqual(['202', '302', '402', '501', '601', '602'].map((room) => `1号楼2单元${room}`));

    // 301 booked herself; the committee booked for 502, 201 and 401.
    const bookers: Array<{ label: string; openid: string | null; username: string | null }> = await t.dataSource.query(`
      SELECT h.label, r.openid, a.username FROM work_booking k JOIN household h ON h.id = k.householdId
      LEFT JOIN resident r ON r.id = k.bookedByResidentId LEFT JOIN staff_account a ON a.id = k.bookedByStaffId ORDER BY h.label`);
    expect(bookers.filter((b) => b.username === 'committee-demo').map((b) => b.label)).toEqual(['1号楼2单元201', '1号楼2单元401', '1号楼2单元502']);
    expect(bookers.find((b) => b.label === '1号楼2单元301')?.openid).toBe(DEMO_CARE_WATER_OPENID);
  });

  it('announced the works once to every household of 1号楼2单元, and to nobody else', async () => {
    const announced: Array<{ label: string; n: number | string }> = await t.dataSource.query(
      "SELECT h.label, COUNT(*) AS n FROM reminder r JOIN household h ON h.id = r.householdId WHERE r.kind = 'WORKS_ANNOUNCED' GROUP BY h.label ORDER BY h.label",
    );
    const unit = ['101', '102', '201', '202', '301', '302', '401', '402', '501', '502', '601', '602'].map((room) => `1号楼2单元${room}`);
    expect(announced.map((a) => ({ label: a.label, n: Number(a.n) }))).toEqual(unit.map((label) => ({ label, n: 1 })));
  });

  it('binds demo-works-booker to 602, which has not booked: the windows it may book, the priority one held', async () => {
    const token = await residentToken(t, DEMO_WORKS_BOOKER_OPENID);
    const mine: MyWorkPlan[] = (await t.http.get('/api/me/work-windows').set(bearer(token)).expect(200)).body;
    expect(mine.map((p) => ({ household: p.householdLabel, title: p.title, booking: p.booking }))).toEqual([{ household: '1号楼2单元602', title: DEMO_PUBLISHED_PLAN_TITLE, booking: null }]);
    expect(mine[0].windows.map((w) => ({ remaining: w.remaining, priority: w.priority, bookable: w.bookable }))).toEqual([
      { remaining: 2, priority: true, bookable: false },
      { remaining: 2, priority: false, bookable: true },
      { remaining: 2, priority: false, bookable: true },
    ]);
  });

  it('keeps the other units’ plan a draft whose publishing names every problem, and changes nothing by refusing', async () => {
    const draft = planNamed(DEMO_DRAFT_PLAN_TITLE);
    expect({ units: draft.units, windows: draft.windows, booked: draft.booked }).toEqual({ units: 2, windows: 4, booked: 0 });
    const refused = await t.http.post(`/api/work-plans/${draft.id}/publish`).set(bearer(contractor)).expect(409);
    expect(refused.body.code).toBe('WORK_PLAN_NOT_READY');
    const problems: WorkPlanProblem[] = refused.body.problems;
    expect(problems.map((p) => `${p.label} ${p.code}`)).toEqual([
      `1号楼1单元 ${WorkProblemReason.GroupNotReached}`,
      `1号楼1单元 ${WorkProblemReason.NotScreened}`,
      `1号楼1单元 ${WorkProblemReason.NeedsCarePlan}`,
      `2号楼1单元 ${WorkProblemReason.GroupNotReached}`,
      `2号楼1单元 ${WorkProblemReason.NotScreened}`,
    ]);
    expect((await t.http.get(`/api/work-plans/${draft.id}`).set(bearer(contractor)).expect(200)).body.status).toBe('DRAFT');
  });
});

/** The acceptance demo (demo-acceptance.ts): every status of 1号楼2单元, a restarted warranty, an open repair, the supervisors. */
describe('the acceptance demo', () => {
  let t: TestApp;
  let committee: string;
  let planId: string;
  let progress: AcceptanceProgressView;
  const story = DEMO_ACCEPTANCE_STORY;
  const label = (room: string) => `1号楼2单元${room}`;

  beforeAll(async () => {
    t = await bootTestApp({ SEED_DEMO: '1', AUTH_DEV_LOGIN: '1' });
    committee = await staffToken(t, 'committee-demo');
    const [plan] = await t.dataSource.query('SELECT id FROM work_plan WHERE title = ?', [DEMO_PUBLISHED_PLAN_TITLE]);
    planId = plan.id;
    progress = (await t.http.get(`/api/work-plans/${planId}/acceptance`).set(bearer(committee)).expect(200)).body;
  });

  afterAll(() => t.close());

  const household = (room: string) => progress.units[0].list.find((h) => h.label === label(room))!;
  const acceptanceOf = async (token: string, room: string): Promise<HouseholdAcceptanceView> =>
    (await t.http.get(`/api/households/${household(room).householdId}/acceptance`).query({ workPlanId: planId }).set(bearer(token)).expect(200)).body;

  it('shows 1号楼2单元 with five households accepted, one in rework, one waiting for its resident, one failed and four not inspected', () => {
    const unit = progress.units[0];
    expect({ label: unit.label, households: unit.households, inspected: unit.inspected, passed: unit.passed, accepted: unit.accepted, rework: unit.rework, complete: unit.complete }).toEqual({
      label: '1号楼2单元',
      households: 12,
      inspected: 8,
      passed: 6,
      accepted: 5,
      rework: 1,
      complete: false,
    });
    const byStatus = (status: string) => unit.list.filter((h) => h.status === status && h.inspected).map((h) => h.label).sort();
    expect(byStatus('ACCEPTED')).toEqual([...story.acceptedOnline, ...story.acceptedOnPaper].map(label).sort());
    expect(byStatus('REWORK')).toEqual(story.rework.map(label));
    // The chase list: passed, not accepted.
    expect(unit.list.filter((h) => h.passedAt && !h.acceptedAt).map((h) => h.label)).toEqual(story.passedNotAccepted.map(label));
    expect(unit.list.filter((h) => !h.inspected).map((h) => h.label)).toEqual(['201', '301', '601', '602'].map(label));
  });

  it('records 501’s inspection without the closed-water test as not passed, and 202’s defect', async () => {
    const failed = await acceptanceOf(committee, story.failed[0]);
    expect({ status: failed.status, passed: failed.passed, canAccept: failed.canAccept, missing: failed.inspections[0].missing }).toEqual({ status: 'PENDING', passed: false, canAccept: false, missing: ['NO_LEAK'] });
    const rework = await acceptanceOf(committee, story.rework[0]);
    expect({ status: rework.status, canAccept: rework.canAccept, decision: rework.records[0].decision, defects: rework.records[0].defects.map((d) => ({ description: d.description, photo: Boolean(d.photoSha256) })) }).toEqual({
      status: 'REWORK',
      canAccept: false,
      decision: 'REJECT',
      defects: [{ description: DEMO_DEFECT, photo: true }],
    });
  });

  it('shows the results with values and photos, the paper acceptance of 502 by the committee, and the supervisor’s sign-off on 101', async () => {
    const paper = await acceptanceOf(committee, '502');
    expect(paper.records.map((r) => ({ decision: r.decision, channel: r.channel, signedBy: r.signedBy, scan: Boolean(r.paperScanSha256), signature: r.signatureSha256 }))).toEqual([
      { decision: 'ACCEPT', channel: 'PAPER', signedBy: '居委会 光明社区 李主任 录入纸质验收单', scan: true, signature: null },
    ]);
    expect(paper.inspections[0].results.map((r) => ({ test: r.test, passed: r.passed, value: Boolean(r.value), photo: Boolean(r.photoSha256) }))).toEqual(
      ['BALL_PASS', 'NO_LEAK', 'WATER_PRESSURE'].map((test) => ({ test, passed: true, value: true, photo: true })),
    );
    const scan = await t.http.get(`/api/households/${household('502').householdId}/acceptance/photos/${paper.records[0].paperScanSha256}`).set(bearer(committee)).buffer(true).expect(200);
    expect(scan.headers['content-type']).toContain('image/png');

    const signed = await acceptanceOf(committee, story.signedOff);
    expect(signed.records[0].signOffs.map((s) => s.supervisorName)).toHaveLength(1);
    const [compound] = await t.dataSource.query("SELECT id FROM compound WHERE name = '光明里小区'");
    const supervisors: OwnerSupervisorView[] = (await t.http.get(`/api/compounds/${compound.id}/owner-supervisors`).set(bearer(committee)).expect(200)).body;
    expect(supervisors.map((s) => s.label)).toEqual(['1号楼1单元101', '2号楼1单元101']);
    expect(signed.records[0].signOffs[0].supervisorName).toBe(supervisors[0].name);
    const supervision: SupervisionPlan[] = (await t.http.get('/api/me/supervision').set(bearer(await residentToken(t, DEMO_SUPERVISOR_OPENID))).expect(200)).body;
    const signable = supervision.find((p) => p.workPlanId === planId)!;
    expect(signable.households.filter((h) => h.signedOff).map((h) => h.label)).toEqual([label(story.signedOff)]);
    expect(signable.households.filter((h) => h.status === 'ACCEPTED').map((h) => h.label).sort()).toEqual([...story.acceptedOnline, ...story.acceptedOnPaper].map(label).sort());
  });

  it('lets demo-acceptance (302) accept now, from its works page, and tells it so in the inbox', async () => {
    const token = await residentToken(t, DEMO_ACCEPTANCE_OPENID);
    const mine: MyWorkPlan[] = (await t.http.get('/api/me/work-windows').set(bearer(token)).expect(200)).body;
    expect(mine.map((p) => ({ household: p.householdLabel, acceptance: p.acceptance }))).toEqual([{ household: label(DEMO_ACCEPTANCE_ROOM), acceptance: { status: 'PENDING', inspected: true, canAccept: true } }]);
    const view = await acceptanceOf(token, DEMO_ACCEPTANCE_ROOM);
    expect({ canAccept: view.canAccept, inspector: view.inspections[0].inspectorName }).toEqual({ canAccept: true, inspector: '光明里施工队 赵经理' });
    const due: Array<{ label: string }> = await t.dataSource.query("SELECT h.label FROM reminder r JOIN household h ON h.id = r.householdId WHERE r.kind = 'ACCEPTANCE_DUE' ORDER BY h.label");
    expect(due.map((r) => r.label)).toContain(label(DEMO_ACCEPTANCE_ROOM));
    const inbox: Array<{ kind: string }> = (await t.http.get('/api/me/inbox').set(bearer(token)).expect(200)).body;
    expect(inbox.map((m) => m.kind)).toContain('ACCEPTANCE_DUE');
  });

  it('restarted 401’s waterproofing on the repair’s acceptance (notice version 2, version 1 kept), and leaves 402’s repair open', async () => {
    const token = await residentToken(t, DEMO_WARRANTY_OPENID);
    const householdId = household(DEMO_WARRANTY_ROOM).householdId;
    const warranty: WarrantyView = (await t.http.get(`/api/households/${householdId}/warranty`).set(bearer(token)).expect(200)).body;
    const repairs: RepairView[] = (await t.http.get(`/api/households/${householdId}/repairs`).set(bearer(token)).expect(200)).body;
    expect(repairs.map((r) => ({ part: r.part, status: r.status, underWarranty: r.underWarranty, description: r.description }))).toEqual([{ ...DEMO_REPAIR_ACCEPTED, status: 'ACCEPTED', underWarranty: true }]);
    expect({ version: warranty.version, history: warranty.history.map((h) => `${h.version} ${h.reason}`) }).toEqual({ version: 2, history: ['2 REPAIR', '1 ACCEPTANCE'] });
    const today = shanghaiDate(t.clock.now());
    expect(warranty.items.map((i) => ({ part: i.part, years: i.years, startsOn: i.startsOn, restarted: i.restartedByRepairId }))).toEqual([
      { part: 'PIPES', years: 2, startsOn: today, restarted: null },
      { part: 'WATERPROOFING', years: 5, startsOn: today, restarted: repairs[0].id },
      { part: 'FINISHES', years: 2, startsOn: today, restarted: null },
    ]);
    const first: WarrantyView = (await t.http.get(`/api/households/${householdId}/warranty`).query({ version: 1 }).set(bearer(token)).expect(200)).body;
    expect(first.items.map((i) => i.restartedByRepairId)).toEqual([null, null, null]);

    const contractor = await staffToken(t, 'contractor-demo');
    const open: RepairView[] = (await t.http.get(`/api/work-plans/${planId}/repairs`).set(bearer(contractor)).expect(200)).body;
    expect(open.map((r) => ({ label: r.label, part: r.part, status: r.status }))).toEqual([
      { label: label(story.repairOpen), part: DEMO_REPAIR_OPEN.part, status: 'OPEN' },
      { label: label(story.repairAccepted), part: DEMO_REPAIR_ACCEPTED.part, status: 'ACCEPTED' },
    ]);
  });

  it('keeps the works demo as it was: 301 and 602 neither inspected nor changed', async () => {
    const careWater: MyWorkPlan[] = (await t.http.get('/api/me/work-windows').set(bearer(await residentToken(t, DEMO_CARE_WATER_OPENID))).expect(200)).body;
    expect(careWater.map((p) => ({ booked: Boolean(p.booking), acceptance: p.acceptance }))).toEqual([{ booked: true, acceptance: null }]);
    const booker: MyWorkPlan[] = (await t.http.get('/api/me/work-windows').set(bearer(await residentToken(t, DEMO_WORKS_BOOKER_OPENID))).expect(200)).body;
    expect(booker.map((p) => ({ booked: Boolean(p.booking), acceptance: p.acceptance }))).toEqual([{ booked: false, acceptance: null }]);
  });
});

describe('the works demo on embedded SQLite', () => {
  it('seeds the published plan with its bookings and the draft, and serves the crew list and the notice', async () => {
    await withSqliteDemo(async ({ http, auth, guangmingId }) => {
      const plans: WorkPlanSummary[] = (await http.get('/api/work-plans').query({ compoundId: guangmingId }).set(auth).expect(200)).body;
      expect(plans.map((p) => ({ title: p.title, status: p.status, booked: p.booked })).sort((a, b) => a.title.localeCompare(b.title))).toEqual(
        [
          { title: DEMO_PUBLISHED_PLAN_TITLE, status: 'PUBLISHED', booked: 6 },
          { title: DEMO_DRAFT_PLAN_TITLE, status: 'DRAFT', booked: 0 },
        ].sort((a, b) => a.title.localeCompare(b.title)),
      );
      const published = plans.find((p) => p.status === 'PUBLISHED')!;
      const crew: CrewList = (await http.get(`/api/work-plans/${published.id}/bookings`).set(auth).expect(200)).body;
      expect(crew.windows.map((w) => w.households.length)).toEqual([2, 2, 2]);
      const plan: WorkPlanView = (await http.get(`/api/work-plans/${published.id}`).set(auth).expect(200)).body;
      const notice = await http.get(`/api/work-plans/${published.id}/notice.pdf`).query({ unitId: plan.units[0].unitId }).set(auth).buffer(true).expect(200);
      expect(notice.headers['content-type']).toContain('application/pdf');
    });
  });
});

/** `npm start` on a laptop, twice on the same data directory: the acceptance demo is there once, through the real services on SQLite. */
describe('the acceptance demo on embedded SQLite, restarted', () => {
  it('seeds the acceptance story once and leaves it alone on the next start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'linyi-sqlite-acceptance-'));
    const counts = async () => {
      const app = await createApp(loadConfig({ DATA_DIR: dataDir, SEED_DEMO: '1', LOG_LEVEL: 'silent', H5_DIR: join(dataDir, 'none') }));
      try {
        const dataSource = app.get(DataSource);
        const tables = ['household_acceptance', 'work_inspection', 'acceptance_record', 'acceptance_sign_off', 'owner_supervisor', 'warranty_notice', 'warranty_repair'];
        const rows = Object.fromEntries(await Promise.all(tables.map(async (table) => [table, Number((await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n)] as const)));
        const statuses: Array<{ status: string; n: number | string }> = await dataSource.query('SELECT status, COUNT(*) AS n FROM household_acceptance GROUP BY status ORDER BY status');
        return { rows, statuses: statuses.map((s) => `${s.status} ${Number(s.n)}`) };
      } finally {
        await app.close();
      }
    };
    const first = await counts();
    expect(first.statuses).toEqual(['ACCEPTED 5', 'PENDING 2', 'REWORK 1']);
    // 401: acceptance then the repair; the others one each.
    expect(first.rows.warranty_notice).toBe(6);
    expect(await counts()).toEqual(first);
  });
});


/** The publicity demo (demo-closed-rounds.ts, demo-publicity.ts): 幸福苑小区's two closed rounds, 光明里小区's boards, complaints and surveys. */
describe('the publicity demo', () => {
  let t: TestApp;
  let committee: string;
  let consultations: Array<{ id: string; title: string; status: string; kind: string }>;

  beforeAll(async () => {
    t = await bootTestApp({ SEED_DEMO: '1', AUTH_DEV_LOGIN: '1' });
    committee = await staffToken(t, 'committee-demo');
    const [xingfu] = await t.dataSource.query("SELECT id FROM compound WHERE name = '幸福苑小区'");
    consultations = (await t.http.get('/api/consultations').query({ compoundId: xingfu.id }).set(bearer(committee)).expect(200)).body;
  });

  afterAll(() => t.close());

  const guangmingId = async () => (await t.dataSource.query("SELECT id FROM compound WHERE name = '光明里小区'"))[0].id as string;
  const consultationTitled = (title: string) => consultations.find((c) => c.title === title)!;

  it('closed 幸福苑小区’s two rounds in the past, each counted per unit', async () => {
    expect([DEMO_FINAL_TITLE, DEMO_PRELIMINARY_TITLE].map((title) => consultationTitled(title)?.status)).toEqual(['CLOSED', 'CLOSED']);
    const groupsOf = async (title: string) => ((await t.http.get(`/api/consultations/${consultationTitled(title).id}/groups`).set(bearer(committee)).expect(200)).body as GroupView[]).map((g) => `${g.label} ${g.state}`);
    expect(await groupsOf(DEMO_FINAL_TITLE)).toEqual(['1号楼1单元 REACHED', '1号楼2单元 FAILED']);
    expect(await groupsOf(DEMO_PRELIMINARY_TITLE)).toEqual(['3号楼1单元 REACHED', '4号楼1单元 FAILED']);
    const [closed] = await t.dataSource.query('SELECT closedAt FROM consultation WHERE title = ?', [DEMO_FINAL_TITLE]);
    expect(Date.now() - new Date(closed.closedAt).getTime()).toBeGreaterThan(19 * DAY);
  });

  it('published 1号楼’s final result after its objection was answered, and the elevator consultation’s preliminary result yesterday with the window open six more days', async () => {
    const final: PublicityView = (await t.http.get(`/api/consultations/${consultationTitled(DEMO_FINAL_TITLE).id}/publicity`).set(bearer(committee)).expect(200)).body;
    expect({ stage: final.stage, windowOpen: final.windowOpen, open: final.openObjections, hash: final.snapshotSha256?.length }).toEqual({ stage: 'FINAL', windowOpen: false, open: 0, hash: 64 });
    expect(final.groups.map((g) => `${g.label} ${g.state} ${g.agreed}/${g.households}`)).toEqual(['1号楼1单元 REACHED 12/12', '1号楼2单元 FAILED 5/12']);
    expect(final.objections.map((o) => ({ entry: o.householdLabel, by: o.filedByHouseholdLabel, status: o.status, upheld: o.upheld }))).toEqual([
      { entry: DEMO_REFUSAL_FLAT.join(''), by: DEMO_OBJECTIONS.final.filer.join(''), status: 'RESOLVED', upheld: false },
    ]);

    const preliminary: PublicityView = (await t.http.get(`/api/consultations/${consultationTitled(DEMO_PRELIMINARY_TITLE).id}/publicity`).set(bearer(committee)).expect(200)).body;
    expect({ stage: preliminary.stage, windowOpen: preliminary.windowOpen, days: preliminary.objectionDays, closesIn: daysAhead(preliminary.objectionClosesAt!), open: preliminary.openObjections }).toEqual({ stage: 'PRELIMINARY', windowOpen: true, days: 7, closesIn: 6, open: 1 });
    expect(preliminary.groups.map((g) => `${g.label} ${g.state} ${g.agreed}/${g.refused}/${g.noAnswer}`)).toEqual(['3号楼1单元 REACHED 10/1/1', '4号楼1单元 FAILED 3/6/3']);
    expect(preliminary.groups.every((g) => g.areaM2.total > 0 && g.areaM2.agreed > 0)).toBe(true);
    expect(preliminary.objections.map((o) => ({ entry: o.householdLabel, status: o.status, answered: Boolean(o.resolution) })).sort((a, b) => a.entry.localeCompare(b.entry))).toEqual([
      { entry: DEMO_OBJECTIONS.answered.filer.join(''), status: 'RESOLVED', answered: true },
      { entry: DEMO_OBJECTOR_FLAT.join(''), status: 'OPEN', answered: false },
    ]);
    // While an objection is open and the window runs, the final result is refused.
    expect((await t.http.post(`/api/consultations/${preliminary.consultationId}/final-result`).set(bearer(committee)).expect(409)).body.code).toBe('OBJECTION_WINDOW_OPEN');

    // demo-objector sees the board and its own objection only.
    const objector = await residentToken(t, DEMO_OBJECTOR_OPENID);
    const mine: PublicityView = (await t.http.get(`/api/consultations/${preliminary.consultationId}/publicity`).set(bearer(objector)).expect(200)).body;
    expect(mine.objections.map((o) => ({ text: o.text, mine: o.mine, status: o.status }))).toEqual([{ text: DEMO_OBJECTIONS.open.text, mine: true, status: 'OPEN' }]);
    const listed: MyPublicity[] = (await t.http.get('/api/me/publicity').set(bearer(objector)).expect(200)).body;
    expect(listed.map((p) => `${p.title} ${p.stage} ${p.windowOpen}`).sort()).toEqual([`${DEMO_FINAL_TITLE} FINAL false`, `${DEMO_PRELIMINARY_TITLE} PRELIMINARY true`].sort());
  });

  it('stored 1号楼2单元601’s final-refusal notice after three visits and put it in its inbox, with both results announced', async () => {
    const token = await residentToken(t, DEMO_REFUSAL_OPENID);
    const [household] = await t.dataSource.query('SELECT h.id FROM household h JOIN compound c ON c.id = h.compoundId WHERE c.name = ? AND h.label = ?', ['幸福苑小区', DEMO_REFUSAL_FLAT.join('')]);
    const notice: RefusalNoticeView = (await t.http.get(`/api/consultations/${consultationTitled(DEMO_FINAL_TITLE).id}/households/${household.id}/refusal-notice`).set(bearer(token)).expect(200)).body;
    expect({ visits: notice.visits, label: notice.householdLabel, daysAgo: -daysAhead(notice.issuedAt) }).toEqual({ visits: 3, label: DEMO_REFUSAL_FLAT.join(''), daysAgo: 24 });
    expect(notice.text).toContain('3 次上门沟通');
    const inbox: Array<{ kind: string; body: string }> = (await t.http.get('/api/me/inbox').set(bearer(token)).expect(200)).body;
    expect(inbox.find((m) => m.kind === 'REFUSAL_NOTICE')?.body).toBe(notice.text);
    expect(inbox.map((m) => m.kind)).toEqual(expect.arrayContaining(['REFUSAL_NOTICE', 'PRELIMINARY_RESULT', 'FINAL_RESULT']));
    const told: Array<{ kind: string; n: number | string }> = await t.dataSource.query("SELECT kind, COUNT(*) AS n FROM reminder WHERE kind IN ('PRELIMINARY_RESULT', 'FINAL_RESULT', 'REFUSAL_NOTICE') GROUP BY kind ORDER BY kind");
    // 1号楼's two units (24 households) twice, 3号楼1单元 and 4号楼1单元 (24) once; the notice to 601's one resident.
    expect(told.map((r) => `${r.kind} ${Number(r.n)}`)).toEqual(['FINAL_RESULT 24', 'PRELIMINARY_RESULT 48', 'REFUSAL_NOTICE 1']);
  });

  it('posts 光明里小区’s boards: materials with maker and test report, the parties with phones, the complaint phone and the two supervisors', async () => {
    const boards: CompoundBoards = (await t.http.get(`/api/compounds/${await guangmingId()}/boards`).set(bearer(committee)).expect(200)).body;
    expect({ materials: boards.materials, parties: boards.parties, complaintPhone: boards.complaintPhone }).toEqual(DEMO_BOARDS);
    expect(boards.materials.every((m) => m.maker && m.testReport)).toBe(true);
    expect([boards.complaintPhone, ...boards.parties.map((p) => p.phone)].map((phone) => (phone ? contactPhoneProblem(phone) : 'none'))).toEqual(Array(boards.parties.length + 1).fill(null));
    expect(boards.supervisors).toHaveLength(2);
    // A resident of the compound reads the same boards.
    const resident: CompoundBoards = (await t.http.get(`/api/compounds/${await guangmingId()}/boards`).set(bearer(await residentToken(t, DEMO_WORKS_BOOKER_OPENID))).expect(200)).body;
    expect(resident.supervisors.map((s) => s.name)).toEqual(boards.supervisors.map((s) => s.name));
  });

  it('has two complaints in 光明里小区: the open one first, five days old with its photo, then the answered one', async () => {
    const list: ComplaintView[] = (await t.http.get(`/api/compounds/${await guangmingId()}/complaints`).set(bearer(committee)).expect(200)).body;
    expect(list.map((c) => ({ label: c.householdLabel, status: c.status, photo: c.hasPhoto, replied: Boolean(c.reply), days: -daysAhead(c.createdAt) }))).toEqual([
      { label: DEMO_OPEN_COMPLAINT.room.join(''), status: 'OPEN', photo: true, replied: false, days: DEMO_OPEN_COMPLAINT.daysAgo },
      { label: DEMO_REPLIED_COMPLAINT.room.join(''), status: 'REPLIED', photo: false, replied: true, days: DEMO_REPLIED_COMPLAINT.daysAgo },
    ]);
    const street = await staffToken(t, 'street-demo');
    const [office] = (await t.http.get('/api/street-offices').set(bearer(street)).expect(200)).body;
    const rows: StreetComplaintsRow[] = (await t.http.get(`/api/street-offices/${office.id}/complaints`).set(bearer(street)).expect(200)).body;
    expect(rows.find((r) => r.compoundName === '光明里小区')).toMatchObject({ open: 1, oldestOpenDays: DEMO_OPEN_COMPLAINT.daysAgo });
  });

  it('has 光明里小区’s needs survey (named, closed, 16 answers) and its anonymous satisfaction survey (open, 5 answers so far)', async () => {
    const surveys: SurveyView[] = (await t.http.get(`/api/compounds/${await guangmingId()}/surveys`).set(bearer(committee)).expect(200)).body;
    expect(surveys.map((s) => ({ title: s.title, purpose: s.purpose, anonymous: s.anonymous, status: s.status }))).toEqual([
      { title: DEMO_SATISFACTION_SURVEY.title, purpose: 'SATISFACTION_SURVEY', anonymous: true, status: 'OPEN' },
      { title: DEMO_NEEDS_SURVEY.title, purpose: 'NEEDS_SURVEY', anonymous: false, status: 'CLOSED' },
    ]);
    const results = async (survey: SurveyView): Promise<SurveyResults> => (await t.http.get(`/api/surveys/${survey.id}/results`).set(bearer(committee)).expect(200)).body;
    const needs = await results(surveys[1]);
    expect(needs.respondents).toBe(16);
    expect(needs.questions[0].choices?.find((c) => c.choiceId === 'pipes')?.count).toBe(9);
    expect(needs.questions[3].texts?.every((x) => x.householdLabel)).toBe(true);
    const satisfaction = await results(surveys[0]);
    // Anonymous and open: how many answered, and nothing of what they said until it closes.
    expect({ respondents: satisfaction.respondents, withheld: satisfaction.withheld, questions: satisfaction.questions }).toEqual({ respondents: 5, withheld: true, questions: [] });
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM survey_answer WHERE surveyId = ? AND householdId IS NULL', [surveys[0].id]);
    expect(Number(n)).toBe(5);
    // demo-acceptance (302) has not answered it yet: it may.
    const open: MySurvey[] = (await t.http.get('/api/me/surveys').set(bearer(await residentToken(t, DEMO_ACCEPTANCE_OPENID))).expect(200)).body;
    expect(open.map((m) => ({ title: m.survey.title, answered: m.answered }))).toEqual(expect.arrayContaining([{ title: DEMO_SATISFACTION_SURVEY.title, answered: false }]));
  });
});

describe('the publicity demo on embedded SQLite', () => {
  it('seeds both closed rounds with their publicity, the refusal notice, the boards, the complaints and the surveys', async () => {
    await withSqliteDemo(async ({ http, auth, guangmingId }) => {
      const compounds: Array<{ id: string; name: string }> = (await http.get('/api/compounds').set(auth).expect(200)).body;
      const xingfu = compounds.find((c) => c.name === '幸福苑小区')!;
      const consultations: Array<{ id: string; title: string }> = (await http.get('/api/consultations').query({ compoundId: xingfu.id }).set(auth).expect(200)).body;
      const stageOf = async (title: string) => {
        const view: PublicityView = (await http.get(`/api/consultations/${consultations.find((c) => c.title === title)!.id}/publicity`).set(auth).expect(200)).body;
        return `${view.stage} ${view.windowOpen} ${view.objections.length}`;
      };
      expect([await stageOf(DEMO_FINAL_TITLE), await stageOf(DEMO_PRELIMINARY_TITLE)]).toEqual(['FINAL false 1', 'PRELIMINARY true 2']);
      const notice = await http.get(`/api/consultations/${consultations.find((c) => c.title === DEMO_FINAL_TITLE)!.id}/result-notice.pdf`).set(auth).buffer(true).expect(200);
      expect(notice.headers['content-type']).toContain('application/pdf');
      const boards: CompoundBoards = (await http.get(`/api/compounds/${guangmingId}/boards`).set(auth).expect(200)).body;
      expect(boards.materials).toEqual(DEMO_BOARDS.materials);
      const complaints: ComplaintView[] = (await http.get(`/api/compounds/${guangmingId}/complaints`).set(auth).expect(200)).body;
      expect(complaints.map((c) => c.status)).toEqual(['OPEN', 'REPLIED']);
      const surveys: SurveyView[] = (await http.get(`/api/compounds/${guangmingId}/surveys`).set(auth).expect(200)).body;
      expect(surveys.map((s) => s.status)).toEqual(['OPEN', 'CLOSED']);
    });
  });
});
