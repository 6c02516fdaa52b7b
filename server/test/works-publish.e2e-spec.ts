import { DEFAULT_WORK_STEPS, fromShanghai, GroupState, LegalBasis, MeasureKind, NeedCode, shanghaiDate, workDayText, type WorkPlanProblem } from '@linyi/shared';
import { OutboxRelay } from '../src/outbox/outbox-relay.js';
import type { Household } from '../src/places/household.entity.js';
import { ReminderDeliveryHandler } from '../src/reminders/reminder-delivery.handler.js';
import { unitsOfPlans } from '../src/works/work-plan-facts.js';
import { WorkPlanPublisher } from '../src/works/work-plan-publish.service.js';
import { WorkPlan } from '../src/works/work-plan.entity.js';
import { WorkWindow } from '../src/works/work-window.entity.js';
import { apply, bindResident, groupsOf, openConsultation } from './support/consent.js';
import { drain, settleDemoNotices } from './support/drain.js';
import { fakePushEnv, startFakePush, waitFor, type FakePush } from './support/fake-push.js';
import { bearer, bootTestApp, residentToken, staffToken, type TestApp } from './support/test-app.js';
import { TEST_REDIS_URL } from './support/test-database.js';
import { clearWorks, demoUnit, insertPlan } from './support/works-fixtures.js';

const DAY = 24 * 3600 * 1000;
type Unit = { id: string; label: string; households: Household[] };

/**
 * Publishing a work plan (issue 10): refused with 409 WORK_PLAN_NOT_READY naming every unit and
 * reason at once (group not REACHED, households not screened or without a care plan, windows inside
 * the notice period, no window, a unit already in another published plan); once fixed, published and
 * announced to each household of the plan's units exactly once (inbox at once, SMS outside quiet hours).
 * Uses the demo's 光明里小区: 1号楼2单元 applied unanimously and is fully screened, 1号楼1单元 lacks one
 * application, five screenings and one care plan, 2号楼1单元 is neither.
 */
describe('publishing work plans', () => {
  let t: TestApp;
  let fake: FakePush;
  let contractor: string;
  let committee: string;
  let compoundId: string;
  let demoConsultation: string;
  let A: Unit;
  let B: Unit;
  let C: Unit;
  /** Owners bound to each household of 1号楼1单元, to apply in fresh plumbing rounds. */
  let ownersOfA: string[];

  beforeAll(async () => {
    fake = await startFakePush();
    t = await bootTestApp(fakePushEnv(fake));
    [contractor, committee] = await Promise.all(['contractor-demo', 'committee-demo'].map((u) => staffToken(t, u)));
    const unitOf = async (label: string): Promise<Unit> => {
      const { compound, unit, households } = await demoUnit(t.dataSource, label);
      compoundId = compound.id;
      return { id: unit.id, label, households };
    };
    [A, B, C] = [await unitOf('1号楼1单元'), await unitOf('1号楼2单元'), await unitOf('2号楼1单元')];
    [{ id: demoConsultation }] = await t.dataSource.query("SELECT id FROM consultation WHERE compoundId = ? AND kind = 'PLUMBING_APPLICATION'", [compoundId]);
    await settleDemoNotices(t);
    ownersOfA = [];
    for (const [i, household] of A.households.entries()) ownersOfA.push(await bindResident(t, committee, household.id, `works-pub-a-${i}`));
  }, 90_000);

  // Each test starts from no plans at all (the demo's too), whatever an earlier one left.
  beforeEach(() => clearWorks(t.dataSource));

  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  const at = (days: number, hours = 0) => new Date(t.clock.now().getTime() + days * DAY + hours * 3600_000).toISOString();
  const windowAt = (unitId: string, days: number) => ({ unitId, startsAt: at(days), endsAt: at(days, 9), capacity: 4 });
  const addWindow = async (planId: string, unitId: string, days: number) =>
    (await t.http.post(`/api/work-plans/${planId}/windows`).set(bearer(contractor)).send(windowAt(unitId, days)).expect(201)).body.id as string;
  /** A draft through the API, with a window `days` ahead for each [unitId, days]. */
  async function draft(consultationId: string, units: Unit[], windows: Array<[Unit, number]>, title = '上下水立管更换') {
    const plan = await t.http.post('/api/work-plans').set(bearer(contractor)).send({ compoundId, consultationId, title, steps: DEFAULT_WORK_STEPS, unitIds: units.map((u) => u.id), waterCut: '施工当天 8:00—18:00 全单元停水' }).expect(201);
    for (const [unit, days] of windows) await addWindow(plan.body.id, unit.id, days);
    return plan.body.id as string;
  }
  const publish = (planId: string, token = contractor) => t.http.post(`/api/work-plans/${planId}/publish`).set(bearer(token));
  /** The 409's problems as [unit label, code]; the plan must still be a draft. */
  async function refusal(planId: string): Promise<Array<[string, string]>> {
    const response = await publish(planId).expect(409);
    expect(response.body).toMatchObject({ code: 'WORK_PLAN_NOT_READY', message: expect.stringMatching(/暂不能发布/) });
    return (response.body.problems as WorkPlanProblem[]).map((p) => [p.label, p.code]);
  }
  const reasonsOf = async (planId: string) => ((await publish(planId).expect(409)).body.problems as WorkPlanProblem[]).map((p) => p.reason);
  const count = async (sql: string, params: unknown[]) => Number((await t.dataSource.query(sql, params))[0].n);
  const screen = (householdId: string, body: object) => t.http.put(`/api/households/${householdId}/screening`).set(bearer(committee)).send(body).expect(200);
  const carePlan = (householdId: string) =>
    t.http.put(`/api/households/${householdId}/care-plan`).set(bearer(committee)).send({ measures: [{ kind: MeasureKind.Helper, description: '施工当天社区志愿者陪同' }], assistanceNote: '施工前一天先打电话' }).expect(200);
  const room = (unit: Unit, name: string) => unit.households.find((h) => h.room === name)!;
  const announced = (planId: string) => t.dataSource.query("SELECT householdId, dedupeKey, status, sendAfter, enqueuedAt FROM reminder WHERE kind = 'WORKS_ANNOUNCED' AND subjectId = ? ORDER BY householdId", [planId]);
  const smsAbout = (title: string) => fake.smsRequests.filter((m) => m.text.includes(`“${title}”`));

  it('refuses with every problem of every unit listed at once, and writes nothing', async () => {
    // 2号楼1单元 is already in another published plan of the same application.
    const other = await insertPlan(t.dataSource, { compoundId, unitIds: [C.id], windows: [], now: t.clock.now(), consultationId: demoConsultation });
    const planId = await draft(demoConsultation, [C, B, A], [[A, 5], [B, 1]]);
    expect(await refusal(planId)).toEqual([
      ['1号楼1单元', 'GROUP_NOT_REACHED'],
      ['1号楼1单元', 'NOT_SCREENED'],
      ['1号楼1单元', 'NEEDS_CARE_PLAN'],
      ['1号楼2单元', 'NOTICE_TOO_SHORT'],
      ['2号楼1单元', 'GROUP_NOT_REACHED'],
      ['2号楼1单元', 'NOT_SCREENED'],
      ['2号楼1单元', 'NO_WINDOW'],
      ['2号楼1单元', 'ALREADY_PLANNED'],
    ]);
    expect(await reasonsOf(planId)).toEqual([
      '本单元尚未全部住户提交书面申请，不能入户施工',
      '402、501、502、601、602尚未完成特殊需求排查',
      // A count, never the room: which household needs care is health information.
      '有1户需要照顾，尚未制定照顾方案，请在“特殊需求排查”中处理',
      '有1个时段距今不足3天，须提前3天告知住户',
      '本单元尚未全部住户提交书面申请，不能入户施工',
      '101、102、201、202、301、302等12户尚未完成特殊需求排查',
      '本单元还没有施工时段',
      `本单元已在已发布的施工计划“${other.plan.title}”中`,
    ]);
    const plan = (await t.http.get(`/api/work-plans/${planId}`).set(bearer(contractor)).expect(200)).body;
    expect(plan).toMatchObject({ status: 'DRAFT', publishedAt: null });
    expect(await count('SELECT COUNT(*) AS n FROM work_plan_unit WHERE workPlanId = ? AND publishedKey IS NOT NULL', [planId])).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM reminder WHERE subjectId = ?', [planId])).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM audit_entry WHERE chainKey = ?', [`works:${planId}`])).toBe(0);
  });

  it('refuses for each reason on its own, and publishes once that is fixed', async () => {
    // No window, then a window inside the notice period, then one that gives it.
    const first = await draft(demoConsultation, [B], [], '第一批立管更换');
    expect(await refusal(first)).toEqual([['1号楼2单元', 'NO_WINDOW']]);
    const soon = await addWindow(first, B.id, 2.9);
    expect(await refusal(first)).toEqual([['1号楼2单元', 'NOTICE_TOO_SHORT']]);
    await t.http.delete(`/api/work-plans/${first}/windows/${soon}`).set(bearer(contractor)).expect(200);
    await addWindow(first, B.id, 3.1);
    expect((await publish(first).expect(200)).body).toMatchObject({ status: 'PUBLISHED' });

    // The same unit in a second plan of the same application.
    const second = await draft(demoConsultation, [B], [[B, 5]]);
    expect(await refusal(second)).toEqual([['1号楼2单元', 'ALREADY_PLANNED']]);
    expect(await reasonsOf(second)).toEqual(['本单元已在已发布的施工计划“第一批立管更换”中']);

    // A fresh application for 1号楼1单元: not reached until its last household applies; then screenings and care plans.
    const round = (await openConsultation(t, committee, { compoundId, unitIds: [A.id] })).id;
    const third = await draft(round, [A], [[A, 5]]);
    expect(await refusal(third)).toEqual([['1号楼1单元', 'GROUP_NOT_REACHED'], ['1号楼1单元', 'NOT_SCREENED'], ['1号楼1单元', 'NEEDS_CARE_PLAN']]);
    for (const [i, household] of A.households.entries()) await apply(t, ownersOfA[i], round, household.id).expect(200);
    expect((await groupsOf(t, committee, round))[0].state).toBe(GroupState.Reached);
    expect(await refusal(third)).toEqual([['1号楼1单元', 'NOT_SCREENED'], ['1号楼1单元', 'NEEDS_CARE_PLAN']]);
    await carePlan(room(A, '401').id);
    expect(await refusal(third)).toEqual([['1号楼1单元', 'NOT_SCREENED']]);
    for (const name of ['402', '501', '502', '601']) await screen(room(A, name).id, { needsCare: false });
    // The last one needs care and has no plan yet.
    await screen(room(A, '602').id, { needsCare: true, needs: [NeedCode.Mobility], note: '腿脚不便', legalBasis: LegalBasis.StatutoryDuty });
    expect(await refusal(third)).toEqual([['1号楼1单元', 'NEEDS_CARE_PLAN']]);
    await carePlan(room(A, '602').id);
    expect((await publish(third).expect(200)).body).toMatchObject({ status: 'PUBLISHED' });

    // Another fresh application, the unit now fully screened: only unanimity is missing, to the last household.
    const again = (await openConsultation(t, committee, { compoundId, unitIds: [A.id] })).id;
    const fourth = await draft(again, [A], [[A, 6]]);
    for (const [i, household] of A.households.slice(0, -1).entries()) await apply(t, ownersOfA[i], again, household.id).expect(200);
    expect(await refusal(fourth)).toEqual([['1号楼1单元', 'GROUP_NOT_REACHED']]);
    await apply(t, ownersOfA[A.households.length - 1], again, A.households.at(-1)!.id).expect(200);
    expect((await publish(fourth).expect(200)).body).toMatchObject({ status: 'PUBLISHED' });
  }, 120_000);

  it('announces to each household of the plan’s units exactly once, and to nobody else', async () => {
    // Published in the daytime, whenever the suite runs: at night the SMS would wait for 08:00.
    const real = new Date();
    // What earlier tests published at night waits for 08:00 and would keep `drain` waiting: not what this test counts.
    await settleDemoNotices(t);
    t.clock.set(lastBeijingMorning(real));
    try {
      await announcesOnce();
    } finally {
      t.clock.set(real);
    }
  });

  async function announcesOnce() {
    const title = '1号楼2单元立管更换（通知）';
    const planId = await draft(demoConsultation, [B], [[B, 5], [B, 4]], title);
    const published = (await publish(planId).expect(200)).body;
    const firstStart = published.windows[0].startsAt;

    const reminders = await announced(planId);
    expect(reminders.map((r: { householdId: string }) => r.householdId)).toEqual(B.households.map((h) => h.id).sort());
    expect(new Set(reminders.map((r: { dedupeKey: string }) => r.dedupeKey)).size).toBe(B.households.length);
    // The resident of 301 finds it in the inbox at once, with the unit, the first day and the steps.
    const water = await residentToken(t, 'demo-care-water');
    const inboxOf = async (token: string) => ((await t.http.get('/api/me/inbox').set(bearer(token)).expect(200)).body as Array<{ kind: string; title: string; body: string }>).filter((m) => m.body.includes(`“${title}”`));
    const [notice, ...more] = await inboxOf(water);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ kind: 'WORKS_ANNOUNCED', title: '入户施工通知' });
    expect(notice.body).toContain(`1号楼2单元将于${workDayText(firstStart)}`);
    expect(notice.body).toContain('1.断水 → 2.拆除旧立管');
    expect(notice.body).toContain('停水：施工当天 8:00—18:00 全单元停水');
    // Every member of those households has exactly one entry; a household of another unit has none.
    const entries = await t.dataSource.query('SELECT m.recipientKey, COUNT(*) AS n FROM inbox_message m JOIN reminder r ON r.id = m.reminderId WHERE r.subjectId = ? GROUP BY m.recipientKey', [planId]);
    const members = await t.dataSource.query(`SELECT residentId FROM household_member WHERE householdId IN (${B.households.map(() => '?').join(',')})`, B.households.map((h) => h.id));
    expect(entries.map((e: { recipientKey: string }) => e.recipientKey).sort()).toEqual(members.map((m: { residentId: string }) => `resident:${m.residentId}`).sort());
    expect(entries.every((e: { n: number | string }) => Number(e.n) === 1)).toBe(true);
    expect(await inboxOf(ownersOfA[0])).toEqual([]);

    // Publishing again changes nothing.
    expect((await publish(planId).expect(409)).body.code).toBe('WORK_PLAN_NOT_DRAFT');
    expect(await announced(planId)).toEqual(reminders);

    // A replay of the announcement (as a retried job would) tells nobody twice: the dedupe key names plan and household.
    const publisher = t.app.get(WorkPlanPublisher);
    const replayed = await t.dataSource.transaction(async (manager) => {
      const plan = await manager.findOneByOrFail(WorkPlan, { id: planId });
      const units = (await unitsOfPlans(manager, [planId])).get(planId)!;
      return publisher.announce(manager, plan, units, await manager.findBy(WorkWindow, { workPlanId: planId }), t.clock.stamp());
    });
    expect(replayed).toBe(0);
    expect(await announced(planId)).toEqual(reminders);
    expect(await count('SELECT COUNT(*) AS n FROM inbox_message m JOIN reminder r ON r.id = m.reminderId WHERE r.subjectId = ?', [planId])).toBe(members.length);

    // Delivered: one SMS to each household's roster phone, and to no other phone.
    await drain(t, TEST_REDIS_URL);
    const phones = B.households.map((h) => h.phone!).sort();
    expect(smsAbout(title).map((m) => m.phone).sort()).toEqual(phones);
    // Running the relay and the delivery again sends nothing more.
    await t.app.get(OutboxRelay).runOnce();
    await t.app.get(ReminderDeliveryHandler).deliver((await t.dataSource.query('SELECT id FROM reminder WHERE subjectId = ?', [planId])).map((r: { id: string }) => r.id));
    await drain(t, TEST_REDIS_URL);
    expect(smsAbout(title).map((m) => m.phone).sort()).toEqual(phones);
  }

  it('publishing at 22:00 Beijing time: the inbox entry at once, the push left for 08:00', async () => {
    const real = new Date();
    const evening = fromShanghai(shanghaiDate(real), '22:00');
    t.clock.set(evening);
    try {
      const title = '1号楼2单元立管更换（夜间发布）';
      const planId = await draft(demoConsultation, [B], [[B, 4]], title);
      await publish(planId).expect(200);
      const water = await residentToken(t, 'demo-care-water');
      const inbox = (await t.http.get('/api/me/inbox').set(bearer(water)).expect(200)).body as Array<{ kind: string; body: string }>;
      expect(inbox.filter((m) => m.kind === 'WORKS_ANNOUNCED' && m.body.includes(`“${title}”`))).toHaveLength(1);
      const morning = fromShanghai(shanghaiDate(evening.getTime() + DAY), '08:00');
      const reminders = await announced(planId);
      expect(reminders.map((r: { sendAfter: Date }) => new Date(r.sendAfter).toISOString())).toEqual(Array(B.households.length).fill(morning.toISOString()));
      await t.app.get(OutboxRelay).runOnce();
      // Not handed to the queue before 08:00, so no worker can send it tonight.
      expect((await announced(planId)).every((r: { status: string; enqueuedAt: Date | null }) => r.status === 'SCHEDULED' && r.enqueuedAt === null)).toBe(true);
      expect(smsAbout(title)).toEqual([]);
      t.clock.set(new Date(morning.getTime() + 60_000));
      await waitFor(async () => {
        await t.app.get(OutboxRelay).runOnce();
        return smsAbout(title).length >= B.households.length;
      }, 'the morning SMS');
      expect(smsAbout(title).map((m) => m.phone).sort()).toEqual(B.households.map((h) => h.phone!).sort());
    } finally {
      t.clock.set(real);
    }
  });

  it('two plans sharing a unit published at once: exactly one succeeds, the other is told the unit is taken', async () => {
    for (let round = 0; round < 6; round++) {
      const plans = [await draft(demoConsultation, [B], [[B, 4]], `并发计划甲${round}`), await draft(demoConsultation, [B], [[B, 5]], `并发计划乙${round}`)];
      const answers = await Promise.all(plans.map((planId) => publish(planId)));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const loser = answers.findIndex((a) => a.status === 409);
      expect(answers[loser].body).toMatchObject({ code: 'WORK_PLAN_NOT_READY', problems: [{ unitId: B.id, label: '1号楼2单元', code: 'ALREADY_PLANNED' }] });
      const [winnerId, loserId] = [plans[1 - loser], plans[loser]];
      const statuses = await t.dataSource.query(`SELECT id, status FROM work_plan WHERE id IN (?, ?)`, plans);
      expect(Object.fromEntries(statuses.map((s: { id: string; status: string }) => [s.id, s.status]))).toEqual({ [winnerId]: 'PUBLISHED', [loserId]: 'DRAFT' });
      // The loser's transaction left nothing behind: no key, no announcement, no audit entry.
      expect(await count('SELECT COUNT(*) AS n FROM work_plan_unit WHERE workPlanId = ? AND publishedKey IS NOT NULL', [loserId])).toBe(0);
      expect(await count('SELECT COUNT(*) AS n FROM reminder WHERE subjectId = ?', [loserId])).toBe(0);
      expect(await count('SELECT COUNT(*) AS n FROM audit_entry WHERE chainKey = ?', [`works:${loserId}`])).toBe(0);
      expect((await announced(winnerId)).length).toBe(B.households.length);
      await clearWorks(t.dataSource);
    }
  }, 60_000);
});

/** The latest 10:00 Beijing time not after `now`: a moment outside quiet hours, in the past so nothing waits for it. */
function lastBeijingMorning(now: Date): Date {
  const today = fromShanghai(shanghaiDate(now), '10:00');
  return today.getTime() <= now.getTime() ? today : new Date(today.getTime() - DAY);
}
