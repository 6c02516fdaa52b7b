import { fromShanghai, shanghaiDate, windowSpanText, WorkPlanStatus } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import { OutboxRelay } from '../src/outbox/outbox-relay.js';
import type { Household } from '../src/places/household.entity.js';
import { ReminderDailyCap } from '../src/reminders/reminder-daily-cap.entity.js';
import { WorkBooking } from '../src/works/work-booking.entity.js';
import { WorkWindow } from '../src/works/work-window.entity.js';
import { WorksReminderSweep } from '../src/works/works-reminder-sweep.js';
import { bindResident } from './support/consent.js';
import { drain, settleDemoNotices } from './support/drain.js';
import { fakePushEnv, startFakePush, waitFor, type FakePush } from './support/fake-push.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';
import { TEST_REDIS_URL } from './support/test-database.js';
import { clearWorks, demoUnit, insertPlan, type WindowSpec } from './support/works-fixtures.js';

const DAY = 24 * 3600 * 1000;
const TOMORROW_TITLE = '明天入户施工';
const BOOKING_TITLE = '请预约入户施工时段';

interface ReminderRow {
  id: string;
  kind: string;
  householdId: string;
  subjectId: string | null;
  dedupeKey: string;
  status: string;
  sendAfter: Date;
  enqueuedAt: Date | null;
}

/**
 * The works reminders (API.md "In-home works and booking"; design: WorksReminderSweep and the
 * send-time re-checks): the day before a window each booked household is told once, pushes wait
 * out quiet hours, a move or a cancellation stops it; booking reminders go to unbooked households
 * only, stop once they book, stop after the last cut-off and count toward the daily cap.
 * Delivery runs through the real outbox relay, BullMQ on Redis and fake WeChat and SMS gateways.
 */
describe('works reminders (BullMQ on Redis, fake WeChat and SMS)', () => {
  let t: TestApp;
  let fake: FakePush;
  let committee: string;
  let compoundId: string;
  let consultationId: string;
  let unit2: { id: string; households: Household[] };
  let unit1: { id: string; households: Household[] };
  /** The day the current test's plan is published on (a fresh day per test, so daily caps never meet). */
  let day0 = '';
  let nextDay = 20;

  beforeAll(async () => {
    fake = await startFakePush();
    t = await bootTestApp(fakePushEnv(fake));
    committee = await staffToken(t, 'committee-demo');
    const two = await demoUnit(t.dataSource, '1号楼2单元');
    const one = await demoUnit(t.dataSource, '1号楼1单元');
    compoundId = two.compound.id;
    unit2 = { id: two.unit.id, households: two.households };
    unit1 = { id: one.unit.id, households: one.households };
    // The demo's plumbing application: works reminders are filed under it and follow its reminder policy.
    [{ id: consultationId }] = await t.dataSource.query("SELECT id FROM consultation WHERE compoundId = ? AND kind = 'PLUMBING_APPLICATION'", [compoundId]);
    await t.http.put(`/api/consultations/${consultationId}/reminder-policy`).set(bearer(committee)).send({ quietStart: '21:00', quietEnd: '08:00' }).expect(200);
    await settleDemoNotices(t);
  }, 60_000);

  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  beforeEach(async () => {
    await clearWorks(t.dataSource);
    day0 = shanghaiDate(Date.now() + nextDay * DAY);
    nextDay += 10;
  });

  /** `hhmm` in Beijing on the `days`-th day after the test's day 0. */
  const at = (days: number, hhmm: string) => fromShanghai(shanghaiDate(fromShanghai(day0, '12:00').getTime() + days * DAY), hhmm);
  const sweep = () => t.app.get(WorksReminderSweep).run();
  const relay = () => t.app.get(OutboxRelay);
  const room = (households: Household[], r: string) => households.find((h) => h.room === r)!;

  /** A plan published at 08:30 on day 0, windows of 08:30–17:30 `inDays` later, filed under the demo's plumbing application. */
  const plan = (windows: Array<WindowSpec & { unitId?: string }>, unitIds = [unit2.id], status = WorkPlanStatus.Published) =>
    insertPlan(t.dataSource, { compoundId, consultationId, unitIds, status, now: at(0, '08:30'), windows: windows.map((w) => ({ unitId: unit2.id, hours: 9, ...w })) });

  async function book(window: WorkWindow, household: Household) {
    const now = t.clock.stamp();
    await t.dataSource.getRepository(WorkBooking).insert({ id: randomUUID(), workPlanId: window.workPlanId, householdId: household.id, unitId: household.unitId, windowId: window.id, contactPhone: null, bookedByResidentId: null, bookedByStaffId: null, bookedAt: now, updatedAt: now });
    await t.dataSource.getRepository(WorkWindow).increment({ id: window.id }, 'booked', 1);
  }
  async function move(from: WorkWindow, to: WorkWindow, household: Household) {
    await t.dataSource.getRepository(WorkBooking).update({ workPlanId: from.workPlanId, householdId: household.id }, { windowId: to.id });
    await t.dataSource.getRepository(WorkWindow).decrement({ id: from.id }, 'booked', 1);
    await t.dataSource.getRepository(WorkWindow).increment({ id: to.id }, 'booked', 1);
  }
  async function cancel(window: WorkWindow, household: Household) {
    await t.dataSource.getRepository(WorkBooking).delete({ workPlanId: window.workPlanId, householdId: household.id });
    await t.dataSource.getRepository(WorkWindow).decrement({ id: window.id }, 'booked', 1);
  }

  /** The reminders of this kind about this window or plan. */
  const remindersAbout = async (kind: string, subjectId: string): Promise<ReminderRow[]> =>
    t.dataSource.query('SELECT id, kind, householdId, subjectId, dedupeKey, status, sendAfter, enqueuedAt FROM reminder WHERE kind = ? AND subjectId = ? ORDER BY householdId', [kind, subjectId]);
  const of = (rows: ReminderRow[], household: Household) => rows.filter((r) => r.householdId === household.id);
  const skipDetail = async (reminderId: string) => (await t.dataSource.query("SELECT detail FROM reminder_delivery WHERE reminderId = ? AND result = 'SKIPPED'", [reminderId]))[0]?.detail;
  /** SMS requests the gateway received for this household's reminders of this kind about this window or plan. */
  const smsAbout = async (kind: string, subjectId: string, household: Household) => {
    const ids = new Set(of(await remindersAbout(kind, subjectId), household).map((r) => r.id));
    return fake.smsRequests.filter((m) => ids.has(m.idempotencyKey));
  };
  const inboxKinds = async (token: string) => ((await t.http.get('/api/me/inbox').set(bearer(token)).expect(200)).body as Array<{ kind: string }>).map((m) => m.kind);

  describe('the day before (WORK_TOMORROW)', () => {
    it('tells each booked household once, from 10:00 the day before, with the window in Beijing time', async () => {
      const { windows: [window] } = await plan([{ inDays: 2, capacity: 4 }]);
      const [h101, h102, h201] = ['101', '102', '201'].map((r) => room(unit2.households, r));
      await book(window, h101);
      await book(window, h102);
      // 101 has granted a WeChat message: the template's time is the window's start.
      const wechat = await bindResident(t, committee, h101.id, 'works-tomorrow-wx');
      await t.http.post('/api/me/subscriptions').set(bearer(wechat)).send({ results: { 'tmpl-remind': 'accept' } }).expect(201);

      t.clock.set(at(1, '09:59'));
      await sweep();
      expect(await remindersAbout('WORK_TOMORROW', window.id)).toEqual([]);

      t.clock.set(at(1, '10:05'));
      await sweep();
      await sweep();
      await drain(t, TEST_REDIS_URL);
      await sweep();
      await drain(t, TEST_REDIS_URL);

      const rows = await remindersAbout('WORK_TOMORROW', window.id);
      expect(rows.map((r) => `${r.householdId} ${r.status}`).sort()).toEqual([h101, h102].map((h) => `${h.id} SENT`).sort());
      expect(of(rows, h201)).toEqual([]);
      const sentRows = await t.dataSource.query("SELECT reminderId FROM reminder_delivery WHERE result = 'SENT' AND reminderId IN (?)", [rows.map((r) => r.id)]);
      expect(sentRows).toHaveLength(2);
      const sms = await smsAbout('WORK_TOMORROW', window.id, h102);
      expect(sms).toHaveLength(1);
      expect(sms[0].text).toContain(windowSpanText(window.startsAt, window.endsAt));
      expect(await smsAbout('WORK_TOMORROW', window.id, h101)).toEqual([]);
      const pushed = fake.wechatSends.filter((m) => m.touser === 'works-tomorrow-wx');
      expect(pushed).toHaveLength(1);
      expect(pushed[0].data.thing1.value).toBe(TOMORROW_TITLE);
      expect(pushed[0].data.time3.value).toBe(window.startsAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }));
    });

    it('waits out quiet hours: in the inbox at once, the push at 08:00', async () => {
      const { windows: [window] } = await plan([{ inDays: 2, capacity: 4 }]);
      const h202 = room(unit2.households, '202');
      await book(window, h202);
      const resident = await bindResident(t, committee, h202.id, 'works-tomorrow-night');
      t.clock.set(at(1, '22:30'));
      await sweep();
      const [reminder] = await remindersAbout('WORK_TOMORROW', window.id);
      expect(new Date(reminder.sendAfter)).toEqual(at(2, '08:00'));
      expect(await inboxKinds(resident)).toContain('WORK_TOMORROW');
      await relay().runOnce();
      // Not on the queue before 08:00, so no worker can send it tonight.
      expect((await remindersAbout('WORK_TOMORROW', window.id))[0]).toMatchObject({ status: 'SCHEDULED', enqueuedAt: null });
      expect(await smsAbout('WORK_TOMORROW', window.id, h202)).toEqual([]);
      t.clock.set(at(2, '08:01'));
      await waitFor(async () => {
        await relay().runOnce();
        return (await smsAbout('WORK_TOMORROW', window.id, h202)).length > 0;
      }, 'the morning SMS');
      await drain(t, TEST_REDIS_URL);
      expect(await smsAbout('WORK_TOMORROW', window.id, h202)).toHaveLength(1);
      expect((await remindersAbout('WORK_TOMORROW', window.id))[0].status).toBe('SENT');
    });

    it('is not sent when the household moved or cancelled its booking meanwhile, and follows it to its new window', async () => {
      const { windows: [first, second] } = await plan([{ inDays: 2, capacity: 4 }, { inDays: 3, capacity: 4 }]);
      const [mover, canceller, stayer] = ['401', '402', '501'].map((r) => room(unit2.households, r));
      for (const h of [mover, canceller, stayer]) await book(first, h);
      const moverResident = await bindResident(t, committee, mover.id, 'works-tomorrow-mover');
      t.clock.set(at(1, '10:05'));
      await sweep();
      expect(await remindersAbout('WORK_TOMORROW', first.id)).toHaveLength(3);
      expect(await inboxKinds(moverResident)).toContain('WORK_TOMORROW');
      await move(first, second, mover);
      await cancel(first, canceller);
      await drain(t, TEST_REDIS_URL);

      const rows = await remindersAbout('WORK_TOMORROW', first.id);
      for (const h of [mover, canceller]) {
        const [row] = of(rows, h);
        expect(row.status).toBe('SKIPPED');
        expect(await skipDetail(row.id)).toBe('booking moved or cancelled');
        expect(await smsAbout('WORK_TOMORROW', first.id, h)).toEqual([]);
      }
      expect(of(rows, stayer)[0].status).toBe('SENT');
      expect(await smsAbout('WORK_TOMORROW', first.id, stayer)).toHaveLength(1);
      // "We come tomorrow" is no longer true: it leaves the inbox too.
      expect(await inboxKinds(moverResident)).not.toContain('WORK_TOMORROW');

      t.clock.set(at(2, '10:05'));
      await sweep();
      await drain(t, TEST_REDIS_URL);
      expect((await remindersAbout('WORK_TOMORROW', second.id)).map((r) => [r.householdId, r.status])).toEqual([[mover.id, 'SENT']]);
      expect(await smsAbout('WORK_TOMORROW', second.id, mover)).toHaveLength(1);
      expect(await smsAbout('WORK_TOMORROW', second.id, canceller)).toEqual([]);
    });
  });

  describe('booking reminders (BOOKING_REMINDER)', () => {
    it('go to unbooked households only, after the first wait and a day before booking closes, and not once they book', async () => {
      // Windows on days 5 and 6: booking can last be done on day 5 at 08:30 (24 h before the last window).
      const { plan: p, windows: [first] } = await plan([{ inDays: 5, capacity: 4 }, { inDays: 6, capacity: 4 }]);
      const [h101, h102, h201] = ['101', '102', '201'].map((r) => room(unit2.households, r));
      await book(first, h101);
      await book(first, h102);
      const unbooked = unit2.households.filter((h) => h.id !== h101.id && h.id !== h102.id);

      t.clock.set(at(1, '09:00'));
      await sweep();
      expect(await remindersAbout('BOOKING_REMINDER', p.id)).toEqual([]);

      // 48 hours after publishing: the first reminder.
      t.clock.set(at(2, '09:00'));
      await sweep();
      const firsts = await remindersAbout('BOOKING_REMINDER', p.id);
      expect(firsts.map((r) => r.householdId).sort()).toEqual(unbooked.map((h) => h.id).sort());
      expect(firsts.every((r) => r.dedupeKey.endsWith(':first'))).toBe(true);
      // 201 books before its reminder goes out.
      await book(first, h201);
      await drain(t, TEST_REDIS_URL);
      const [skipped] = of(await remindersAbout('BOOKING_REMINDER', p.id), h201);
      expect(skipped.status).toBe('SKIPPED');
      expect(await skipDetail(skipped.id)).toBe('already booked');
      expect(await smsAbout('BOOKING_REMINDER', p.id, h201)).toEqual([]);
      const others = unbooked.filter((h) => h.id !== h201.id);
      for (const h of others) expect(of(await remindersAbout('BOOKING_REMINDER', p.id), h)[0].status).toBe('SENT');
      expect(await smsAbout('BOOKING_REMINDER', p.id, others[0])).toHaveLength(1);
      expect((await smsAbout('BOOKING_REMINDER', p.id, others[0]))[0].text).toContain(p.title);

      await sweep();
      expect(await remindersAbout('BOOKING_REMINDER', p.id)).toHaveLength(unbooked.length);

      // A day before booking closes: the last reminder, to those still unbooked.
      t.clock.set(at(4, '09:00'));
      await sweep();
      const lasts = (await remindersAbout('BOOKING_REMINDER', p.id)).filter((r) => r.dedupeKey.endsWith(':last'));
      expect(lasts.map((r) => r.householdId).sort()).toEqual(others.map((h) => h.id).sort());
      await drain(t, TEST_REDIS_URL);

      // After the last cut-off nothing more is planned.
      t.clock.set(at(5, '09:00'));
      expect(await sweep()).toEqual({ planned: 0 });
    });

    it('are not planned once every window a unit could book has closed or is full', async () => {
      // 1号楼2单元's only window closes (24 h before it) on day 0; 1号楼1单元's only window is full.
      const { plan: p, windows: [, full] } = await plan([{ inDays: 1, capacity: 4 }, { unitId: unit1.id, inDays: 6, capacity: 1 }], [unit2.id, unit1.id]);
      await book(full, unit1.households[0]);
      t.clock.set(at(2, '09:00'));
      await sweep();
      expect(await remindersAbout('BOOKING_REMINDER', p.id)).toEqual([]);
      // A window with room again: 1号楼1单元's unbooked are reminded, 1号楼2单元 still not.
      await t.dataSource.getRepository(WorkWindow).update({ id: full.id }, { capacity: 2 });
      await sweep();
      const rows = await remindersAbout('BOOKING_REMINDER', p.id);
      expect(rows.map((r) => r.householdId).sort()).toEqual(unit1.households.slice(1).map((h) => h.id).sort());
      await drain(t, TEST_REDIS_URL);
    });

    it('count toward the daily cap: a household already reminded today about the application waits until tomorrow', async () => {
      const { plan: p } = await plan([{ inDays: 5, capacity: 4 }]);
      const h301 = room(unit2.households, '301');
      t.clock.set(at(2, '09:00'));
      await t.dataSource.getRepository(ReminderDailyCap).insert({ consultationId, householdId: h301.id, day: shanghaiDate(t.clock.now()), reminderId: randomUUID() });
      await sweep();
      const rows = await remindersAbout('BOOKING_REMINDER', p.id);
      expect(rows).toHaveLength(unit2.households.length - 1);
      expect(of(rows, h301)).toEqual([]);
      // Each one holds that household's cap for the day.
      const caps = await t.dataSource.query('SELECT reminderId FROM reminder_daily_cap WHERE reminderId IN (?)', [rows.map((r) => r.id)]);
      expect(caps).toHaveLength(rows.length);
      t.clock.set(at(3, '09:00'));
      await sweep();
      expect(of(await remindersAbout('BOOKING_REMINDER', p.id), h301)).toHaveLength(1);
      await drain(t, TEST_REDIS_URL);
    });
  });

  it('plans nothing for a draft plan', async () => {
    const { plan: draft, windows: [window] } = await plan([{ inDays: 2, capacity: 4 }, { inDays: 5, capacity: 4 }], [unit2.id], WorkPlanStatus.Draft);
    await book(window, room(unit2.households, '101'));
    t.clock.set(at(1, '10:05'));
    await sweep();
    expect(await remindersAbout('WORK_TOMORROW', window.id)).toEqual([]);
    t.clock.set(at(2, '09:00'));
    await sweep();
    expect(await remindersAbout('BOOKING_REMINDER', draft.id)).toEqual([]);
  });
});
