import { fromShanghai, InspectionTest, shanghaiDate, WorkPlanStatus } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import { AcceptanceReminderSweep } from '../src/acceptance/acceptance-reminder-sweep.js';
import { AcceptanceReminders } from '../src/acceptance/acceptance-reminders.js';
import { OutboxRelay } from '../src/outbox/outbox-relay.js';
import type { Household } from '../src/places/household.entity.js';
import { ReminderDailyCap } from '../src/reminders/reminder-daily-cap.entity.js';
import type { WorkPlan } from '../src/works/work-plan.entity.js';
import { acceptancePlan, inspect, passingPlumbing } from './support/acceptance-fixtures.js';
import { setAcceptanceState, type StateSpec } from './support/acceptance-state.js';
import { bindResident } from './support/consent.js';
import { drain, settleDemoNotices } from './support/drain.js';
import { fakePushEnv, startFakePush, waitFor, type FakePush } from './support/fake-push.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';
import { TEST_REDIS_URL } from './support/test-database.js';
import { clearWorks, demoUnit } from './support/works-fixtures.js';

const DAY = 24 * 3600 * 1000;
const AFTER_DAYS = 3;

interface ReminderRow {
  id: string;
  householdId: string;
  subjectId: string;
  consultationId: string;
  dedupeKey: string;
  title: string;
  body: string;
  status: string;
  sendAfter: Date;
  enqueuedAt: Date | null;
}

/**
 * ACCEPTANCE_DUE (design: helper C): once an inspection passed, the household is asked to accept
 * through the reminder channels (inbox at once, WeChat or SMS outside quiet hours), is not asked
 * again when the moment has passed (accepted, or sent back to the crew), and gets one follow-up
 * ACCEPTANCE_REMINDER_AFTER_DAYS later if still not accepted. Real relay, BullMQ on Redis, fake gateways.
 */
describe('acceptance reminders (BullMQ on Redis, fake WeChat and SMS)', () => {
  let t: TestApp;
  let fake: FakePush;
  let committee: string;
  let contractor: string;
  let compoundId: string;
  let consultationId: string;
  let households: Household[];
  let day0 = '';
  let nextDay = 30;

  beforeAll(async () => {
    fake = await startFakePush();
    t = await bootTestApp(fakePushEnv(fake, { ACCEPTANCE_REMINDER_AFTER_DAYS: String(AFTER_DAYS) }));
    committee = await staffToken(t, 'committee-demo');
    contractor = await staffToken(t, 'contractor-demo');
    const unit = await demoUnit(t.dataSource, '1号楼1单元');
    compoundId = unit.compound.id;
    households = unit.households;
    // The demo's plumbing application: acceptance reminders are filed under it and follow its reminder policy.
    [{ id: consultationId }] = await t.dataSource.query("SELECT id FROM consultation WHERE compoundId = ? AND kind = 'PLUMBING_APPLICATION'", [compoundId]);
    await t.http.put(`/api/consultations/${consultationId}/reminder-policy`).set(bearer(committee)).send({ quietStart: '21:00', quietEnd: '08:00' }).expect(200);
    await settleDemoNotices(t);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  beforeEach(async () => {
    await clearWorks(t.dataSource);
    day0 = shanghaiDate(Date.now() + nextDay * DAY);
    nextDay += 10;
  });

  /** `hhmm` in Beijing on the `days`-th day after the test's day 0. */
  const at = (days: number, hhmm: string) => fromShanghai(shanghaiDate(fromShanghai(day0, '12:00').getTime() + days * DAY), hhmm);
  const room = (r: string) => households.find((h) => h.room === r)!;
  const plan = (status = WorkPlanStatus.Published) => acceptancePlan(t, compoundId, [households[0].unitId], { consultationId, now: at(0, '08:00'), status });
  const sweep = () => t.app.get(AcceptanceReminderSweep).run();

  /** The state a passing inspection leaves, and the reminder the inspection's transaction plans with it. */
  async function passed(p: WorkPlan, household: Household, when: Date) {
    t.clock.set(when);
    await setAcceptanceState(t, p.id, household, { step: 'passed', at: t.clock.stamp() });
    await t.dataSource.transaction((manager) =>
      t.app.get(AcceptanceReminders).onInspectionPassed(manager, { householdId: household.id, workPlanId: p.id, compoundId, consultationId, at: t.clock.stamp() }),
    );
  }
  const moveTo = (p: WorkPlan, household: Household, spec: StateSpec) => setAcceptanceState(t, p.id, household, spec);

  const reminders = async (p: WorkPlan, household?: Household): Promise<ReminderRow[]> =>
    t.dataSource.query(
      `SELECT id, householdId, subjectId, consultationId, dedupeKey, title, body, status, sendAfter, enqueuedAt FROM reminder WHERE kind = 'ACCEPTANCE_DUE' AND subjectId = ?${household ? ' AND householdId = ?' : ''} ORDER BY dedupeKey`,
      household ? [p.id, household.id] : [p.id],
    );
  const smsFor = async (rows: ReminderRow[]) => fake.smsRequests.filter((m) => rows.some((r) => r.id === m.idempotencyKey));
  const skipDetail = async (reminderId: string) => (await t.dataSource.query("SELECT detail FROM reminder_delivery WHERE reminderId = ? AND result = 'SKIPPED'", [reminderId]))[0]?.detail;
  const inbox = async (token: string) => ((await t.http.get('/api/me/inbox').set(bearer(token)).expect(200)).body as Array<{ kind: string; title: string; consultationId: string }>).filter((m) => m.kind === 'ACCEPTANCE_DUE');

  it('asks the household to accept once the inspection passed: in the inbox at once, pushed by SMS, filed under the plan and its application, once', async () => {
    const p = await plan();
    const h = room('101');
    const resident = await bindResident(t, committee, h.id, 'acceptance-due-sms');
    await passed(p, h, at(1, '10:00'));
    const [row] = await reminders(p, h);
    expect(row).toMatchObject({ subjectId: p.id, consultationId, status: 'SCHEDULED', title: '入户施工已检测合格，请验收' });
    expect(row.body).toContain(p.title);
    expect(row.body).toContain('签字验收');
    expect(await inbox(resident)).toEqual([expect.objectContaining({ title: row.title, consultationId })]);
    // The same passing inspection told again (a retried transaction): nobody hears it twice.
    await t.dataSource.transaction((manager) => t.app.get(AcceptanceReminders).onInspectionPassed(manager, { householdId: h.id, workPlanId: p.id, compoundId, consultationId, at: t.clock.stamp() }));
    expect(await reminders(p, h)).toHaveLength(1);
    await drain(t, TEST_REDIS_URL);
    expect((await reminders(p, h))[0].status).toBe('SENT');
    const sms = await smsFor(await reminders(p, h));
    expect(sms).toHaveLength(1);
    expect(sms[0].phone).toBe(h.phone);
    expect(sms[0].text).toContain('检测合格');
    expect(await reminders(p, room('102'))).toEqual([]);
  });

  it('by WeChat the template’s time field is empty, not the application’s deadline', async () => {
    const p = await plan();
    const h = room('102');
    const resident = await bindResident(t, committee, h.id, 'acceptance-due-wx');
    await t.http.post('/api/me/subscriptions').set(bearer(resident)).send({ results: { 'tmpl-remind': 'accept' } }).expect(201);
    await passed(p, h, at(1, '10:00'));
    await drain(t, TEST_REDIS_URL);
    const pushed = fake.wechatSends.filter((m) => m.touser === 'acceptance-due-wx');
    expect(pushed).toHaveLength(1);
    expect(pushed[0].data.thing1.value).toBe('入户施工已检测合格，请验收');
    expect(pushed[0].data.time3.value).toBe('—');
    expect(await smsFor(await reminders(p, h))).toEqual([]);
  });

  it('waits out quiet hours: in the inbox at once, the push at 08:00', async () => {
    const p = await plan();
    const h = room('201');
    const resident = await bindResident(t, committee, h.id, 'acceptance-due-night');
    await passed(p, h, at(1, '22:30'));
    const [row] = await reminders(p, h);
    expect(new Date(row.sendAfter)).toEqual(at(2, '08:00'));
    expect(await inbox(resident)).toHaveLength(1);
    await t.app.get(OutboxRelay).runOnce();
    expect((await reminders(p, h))[0]).toMatchObject({ status: 'SCHEDULED', enqueuedAt: null });
    t.clock.set(at(2, '08:01'));
    await waitFor(async () => {
      await t.app.get(OutboxRelay).runOnce();
      return (await smsFor(await reminders(p, h))).length > 0;
    }, 'the morning SMS');
    await drain(t, TEST_REDIS_URL);
    expect((await reminders(p, h))[0].status).toBe('SENT');
  });

  it('is not sent when, by the time it would go out, the household has accepted or sent the works back to the crew', async () => {
    const p = await plan();
    const [accepter, rejecter] = [room('202'), room('301')];
    await passed(p, accepter, at(1, '22:10'));
    await passed(p, rejecter, at(1, '22:20'));
    // Overnight (the pushes wait for 08:00) one accepts on paper, the other rejects.
    await moveTo(p, accepter, { step: 'accepted', passedAt: at(1, '22:10'), at: at(1, '23:00') });
    await moveTo(p, rejecter, { step: 'rework', at: at(1, '23:00') });
    t.clock.set(at(2, '08:01'));
    await drain(t, TEST_REDIS_URL);
    const [accepted] = await reminders(p, accepter);
    const [rejected] = await reminders(p, rejecter);
    expect(accepted.status).toBe('SKIPPED');
    expect(await skipDetail(accepted.id)).toBe('already accepted');
    expect(rejected.status).toBe('SKIPPED');
    expect(await skipDetail(rejected.id)).toBe('no passing inspection to accept');
    expect(await smsFor([accepted, rejected])).toEqual([]);
  });

  describe('the follow-up', () => {
    it('goes once, ACCEPTANCE_REMINDER_AFTER_DAYS after the passing inspection, to those still not accepted', async () => {
      const p = await plan();
      const [waiting, accepter, rejecter, failed] = [room('302'), room('401'), room('402'), room('501')];
      for (const h of [waiting, accepter, rejecter, failed]) await passed(p, h, at(1, '10:00'));
      await moveTo(p, accepter, { step: 'accepted', passedAt: at(1, '10:00'), at: at(2, '10:00') });
      await moveTo(p, rejecter, { step: 'rework', at: at(2, '10:00') });
      await moveTo(p, failed, { step: 'failed', at: at(2, '10:00') });
      await drain(t, TEST_REDIS_URL);

      t.clock.set(new Date(at(1, '10:00').getTime() + AFTER_DAYS * DAY - 60_000));
      expect(await sweep()).toEqual({ planned: 0 });
      t.clock.set(new Date(at(1, '10:00').getTime() + AFTER_DAYS * DAY));
      expect(await sweep()).toEqual({ planned: 1 });
      expect(await sweep()).toEqual({ planned: 0 });
      const rows = await reminders(p, waiting);
      expect(rows.map((r) => r.dedupeKey.split(':')[0]).sort()).toEqual(['accept', 'accept-again']);
      const again = rows.find((r) => r.dedupeKey.startsWith('accept-again'))!;
      expect(again.title).toBe('请验收入户施工');
      expect(again.body).toContain('尚未验收');
      for (const h of [accepter, rejecter, failed]) expect((await reminders(p, h)).filter((r) => r.dedupeKey.startsWith('accept-again'))).toEqual([]);
      await drain(t, TEST_REDIS_URL);
      expect(await smsFor([again])).toHaveLength(1);
      // Days later, still not accepted: the committee chases now, no third message.
      t.clock.set(at(10, '10:00'));
      expect(await sweep()).toEqual({ planned: 0 });
    });

    it('counts toward the daily cap: a household already reminded today about the application hears it the next day', async () => {
      const p = await plan();
      const h = room('502');
      await passed(p, h, at(1, '10:00'));
      await drain(t, TEST_REDIS_URL);
      t.clock.set(at(1 + AFTER_DAYS, '10:00'));
      await t.dataSource.getRepository(ReminderDailyCap).insert({ consultationId, householdId: h.id, day: shanghaiDate(t.clock.now()), reminderId: randomUUID() });
      expect(await sweep()).toEqual({ planned: 0 });
      t.clock.set(at(2 + AFTER_DAYS, '10:00'));
      expect(await sweep()).toEqual({ planned: 1 });
      await drain(t, TEST_REDIS_URL);
    });

    it('plans nothing for a draft plan', async () => {
      const draft = await plan(WorkPlanStatus.Draft);
      await moveTo(draft, room('601'), { step: 'passed', at: at(1, '10:00') });
      t.clock.set(at(1 + AFTER_DAYS, '11:00'));
      expect(await sweep()).toEqual({ planned: 0 });
    });
  });

  it('is planned by the real inspection route when it passes, and not when it fails', async () => {
    const p = await plan();
    const [good, bad] = [room('601'), room('602')];
    t.clock.set(at(1, '10:00'));
    await inspect(t, contractor, good.id, p.id, passingPlumbing()).expect(201);
    await inspect(t, contractor, bad.id, p.id, [{ test: InspectionTest.BallPass, passed: true }]).expect(201);
    expect((await reminders(p, good)).map((r) => r.status)).toEqual(['SCHEDULED']);
    expect(await reminders(p, bad)).toEqual([]);
    await drain(t, TEST_REDIS_URL);
    expect((await reminders(p, good))[0].status).toBe('SENT');
  });
});
