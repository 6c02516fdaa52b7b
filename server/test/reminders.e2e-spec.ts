import { ConsultationKind, DecisionRule, GroupBy } from '@linyi/shared';
import { OutboxRelay } from '../src/outbox/outbox-relay.js';
import { ReminderSweep } from '../src/reminders/reminder-sweep.js';
import { apply, bindResident } from './support/consent.js';
import { compoundsAs, structureOf } from './support/demo-places.js';
import { fakePushEnv, startFakePush, waitFor, type FakePush } from './support/fake-push.js';
import { drain, settleDemoNotices } from './support/drain.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';
import { TEST_REDIS_URL } from './support/test-database.js';

const shanghai = (iso: string) => new Date(`${iso}+08:00`);
const DAY = 24 * 3600 * 1000;

describe('reminders (BullMQ on Redis, fake WeChat and SMS)', () => {
  let t: TestApp;
  let fake: FakePush;
  let committee: string;
  let compoundId: string;
  let buildings: Array<{ units: Array<{ id: string; households: Array<{ id: string; label: string }> }> }>;

  beforeAll(async () => {
    fake = await startFakePush();
    t = await bootTestApp(fakePushEnv(fake, { REMINDER_MAX_ATTEMPTS: '3' }));
    t.clock.set(shanghai('2026-12-01T10:00:00'));
    committee = await staffToken(t, 'committee-demo');
    compoundId = (await compoundsAs(t, committee)).find((c) => c.name === '光明里小区')!.id;
    buildings = (await structureOf(t, committee, compoundId)).buildings;
    await settleDemoNotices(t);
  });

  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  const relay = () => t.app.get(OutboxRelay);
  const pumpUntil = (condition: () => Promise<boolean> | boolean, what: string) =>
    waitFor(async () => {
      await relay().runOnce();
      return condition();
    }, what);
  const phoneOf = async (householdId: string) => (await t.dataSource.query('SELECT phone FROM household WHERE id = ?', [householdId]))[0].phone as string;
  // A consultation's reminders: the demo's plan notice (about the compound, no consultation) is not one of them.
  const remindersOf = async (householdId: string) => t.dataSource.query('SELECT id, kind, status, channel, sendAfter, enqueuedAt, lastError FROM reminder WHERE householdId = ? AND consultationId IS NOT NULL ORDER BY createdAt', [householdId]);

  /** A plumbing round on one unit, deadline 2 days away, with the given policy. */
  async function openRound(unitId: string, policy: Record<string, unknown> = {}) {
    const now = t.clock.now().getTime();
    const draft = await t.http
      .post('/api/consultations')
      .set(bearer(committee))
      .send({ compoundId, kind: ConsultationKind.PlumbingApplication, title: '楼内管线改造申请', body: '请申请', rule: DecisionRule.Unanimous, groupBy: GroupBy.Unit, unitIds: [unitId], opensAt: new Date(now - 60_000).toISOString(), deadline: new Date(now + 2 * DAY).toISOString() })
      .expect(201);
    await t.http.put(`/api/consultations/${draft.body.id}/reminder-policy`).set(bearer(committee)).send({ onOpen: false, ...policy }).expect(200);
    await t.http.post(`/api/consultations/${draft.body.id}/publish`).set(bearer(committee)).expect(200);
    return draft.body.id as string;
  }

  const nudge = (householdId: string, consultationId: string) => t.http.post(`/api/households/${householdId}/nudge`).set(bearer(committee)).send({ consultationId });

  it('reminds exactly the households that have not answered, once, by SMS and in the inbox', async () => {
    const unit = buildings[2].units[0];
    const consultationId = await openRound(unit.id);
    const answered = unit.households.slice(0, 4);
    for (const [i, h] of answered.entries()) await apply(t, await bindResident(t, committee, h.id, `rem-answer-${i}`), consultationId, h.id).expect(200);
    const missingResident = await bindResident(t, committee, unit.households[4].id, 'rem-missing');
    const before = fake.sms.length;
    expect((await t.app.get(ReminderSweep).run()).planned).toBeGreaterThanOrEqual(8);
    const missingPhones = await Promise.all(unit.households.slice(4).map((h) => phoneOf(h.id)));
    await pumpUntil(() => fake.sms.length - before >= 8, '8 reminder SMS');
    const sent = fake.sms.slice(before);
    expect(sent.map((m) => m.phone).sort()).toEqual(missingPhones.sort());
    expect(sent[0].text).toContain('截止');
    await t.app.get(ReminderSweep).run();
    // Every event handled, every reminder final, the queues empty: nothing more can be sent, so the count is final.
    await drain(t, TEST_REDIS_URL);
    expect(fake.sms.length - before).toBe(8);
    const inbox = (await t.http.get('/api/me/inbox').set(bearer(missingResident)).expect(200)).body;
    expect(inbox[0]).toMatchObject({ kind: 'DEADLINE_REMINDER', consultationId, readAt: null });
    // Unread besides: the compound's plan notice, issued before this resident bound (a late binder still gets it).
    expect(inbox.filter((m: { readAt: string | null }) => !m.readAt).map((m: { kind: string }) => m.kind)).toEqual(['DEADLINE_REMINDER', 'PLAN_NOTICE']);
    expect((await t.http.get('/api/me/inbox/unread-count').set(bearer(missingResident)).expect(200)).body.unread).toBe(2);
  });

  it('checks again at send time: a household that answered in between is not reminded', async () => {
    const unit = buildings[2].units[1];
    const consultationId = await openRound(unit.id);
    const household = unit.households[0];
    const owner = await bindResident(t, committee, household.id, 'rem-late-answer');
    await nudge(household.id, consultationId).expect(201);
    await apply(t, owner, consultationId, household.id).expect(200);
    await pumpUntil(async () => (await remindersOf(household.id))[0].status !== 'SCHEDULED', 'the nudge to settle');
    expect((await remindersOf(household.id))[0]).toMatchObject({ status: 'SKIPPED' });
    expect(fake.sms.map((m) => m.phone)).not.toContain(await phoneOf(household.id));
  });

  it('defers pushes in quiet hours (the inbox entry appears at once) and never drops them', async () => {
    const unit = buildings[3].units[0];
    const consultationId = await openRound(unit.id);
    const household = unit.households[0];
    const resident = await bindResident(t, committee, household.id, 'rem-night');
    t.clock.set(shanghai('2026-12-01T22:30:00'));
    try {
      await nudge(household.id, consultationId).expect(201);
      expect((await t.http.get('/api/me/inbox').set(bearer(resident)).expect(200)).body[0]).toMatchObject({ kind: 'MANUAL_NUDGE' });
      const [reminder] = await remindersOf(household.id);
      expect(new Date(reminder.sendAfter)).toEqual(shanghai('2026-12-02T08:00:00'));
      await relay().runOnce();
      // Not handed to the queue before 08:00, so no worker can send it tonight.
      expect((await remindersOf(household.id))[0]).toMatchObject({ status: 'SCHEDULED', enqueuedAt: null });
      expect(fake.sms.map((m) => m.phone)).not.toContain(await phoneOf(household.id));
      t.clock.set(shanghai('2026-12-02T08:01:00'));
      const phone = await phoneOf(household.id);
      await pumpUntil(() => fake.sms.some((m) => m.phone === phone), 'the morning SMS');
    } finally {
      t.clock.set(shanghai('2026-12-01T10:00:00'));
    }
  });

  it('sends a household at most one reminder per consultation per day', async () => {
    const unit = buildings[3].units[1];
    const consultationId = await openRound(unit.id);
    const household = unit.households[0];
    await nudge(household.id, consultationId).expect(201);
    const again = await nudge(household.id, consultationId).expect(409);
    expect(again.body.message).toContain('今天已经提醒过');
    await t.app.get(ReminderSweep).run();
    expect((await remindersOf(household.id)).map((r: { kind: string }) => r.kind)).toEqual(['MANUAL_NUDGE']);
    t.clock.set(shanghai('2026-12-02T10:00:00'));
    try {
      await nudge(household.id, consultationId).expect(201);
    } finally {
      t.clock.set(shanghai('2026-12-01T10:00:00'));
    }
  });

  it('uses WeChat only with a subscription grant (one message per grant), SMS otherwise; one access token for many sends', async () => {
    const unit = buildings[4].units[0];
    const consultationId = await openRound(unit.id);
    t.clock.advance(3 * 3600 * 1000); // any cached access token has expired by now
    const tokensBefore = fake.tokenCalls;
    const residents = await Promise.all(unit.households.slice(0, 5).map((h, i) => bindResident(t, committee, h.id, `rem-wx-${i}`)));
    for (const token of residents) {
      expect((await t.http.post('/api/me/subscriptions').set(bearer(token)).send({ results: { 'tmpl-remind': 'accept', other: 'reject' } }).expect(201)).body).toEqual({ granted: 1 });
    }
    const noGrant = unit.households[5];
    await bindResident(t, committee, noGrant.id, 'rem-no-grant');
    const wechatBefore = fake.wechatSends.length;
    for (const h of [...unit.households.slice(0, 5), noGrant]) await nudge(h.id, consultationId).expect(201);
    const phone = await phoneOf(noGrant.id);
    await pumpUntil(() => fake.wechatSends.length - wechatBefore >= 5 && fake.sms.some((m) => m.phone === phone), 'five WeChat messages and one SMS');
    const sent = fake.wechatSends.slice(wechatBefore);
    expect(new Set(sent.map((m) => m.touser))).toEqual(new Set(['rem-wx-0', 'rem-wx-1', 'rem-wx-2', 'rem-wx-3', 'rem-wx-4']));
    expect(sent[0]).toMatchObject({ template_id: 'tmpl-remind', data: { thing1: { value: expect.any(String) } } });
    expect(fake.tokenCalls - tokensBefore).toBe(1);
    const [{ unused }] = await t.dataSource.query("SELECT COUNT(*) AS unused FROM subscription_grant WHERE templateId = 'tmpl-remind' AND usedAt IS NULL AND residentId IN (SELECT id FROM resident WHERE openid LIKE 'rem-wx-%')");
    expect(Number(unused)).toBe(0);
    // The token expires: the next send fetches a new one, once.
    t.clock.advance(2 * 3600 * 1000);
    await t.http.post('/api/me/subscriptions').set(bearer(residents[0])).send({ results: { 'tmpl-remind': 'accept' } }).expect(201);
    t.clock.set(shanghai('2026-12-02T10:00:00'));
    try {
      await nudge(unit.households[0].id, consultationId).expect(201);
      await pumpUntil(() => fake.wechatSends.length - wechatBefore >= 6, 'a sixth WeChat message');
      expect(fake.tokenCalls - tokensBefore).toBe(2);
    } finally {
      t.clock.set(shanghai('2026-12-01T10:00:00'));
    }
  });

  it('retries a WeChat error, then lists the reminder as dead for committee staff, who can send it again', async () => {
    const unit = buildings[4].units[1];
    const consultationId = await openRound(unit.id);
    const household = unit.households[0];
    const resident = await bindResident(t, committee, household.id, 'rem-refuses');
    await t.http.post('/api/me/subscriptions').set(bearer(resident)).send({ results: { 'tmpl-remind': 'accept' } }).expect(201);
    fake.failingOpenids.add('rem-refuses');
    await nudge(household.id, consultationId).expect(201);
    await pumpUntil(async () => (await remindersOf(household.id))[0].status === 'DEAD', 'the reminder to be dead-lettered');
    const [reminder] = await remindersOf(household.id);
    const deliveries = await t.dataSource.query('SELECT channel, result FROM reminder_delivery WHERE reminderId = ?', [reminder.id]);
    expect(deliveries).toEqual(Array(3).fill({ channel: 'WECHAT', result: 'FAILED' }));
    const dead = (await t.http.get(`/api/consultations/${consultationId}/reminders?status=DEAD`).set(bearer(committee)).expect(200)).body;
    expect(dead.counts.DEAD).toBe(1);
    expect(dead.reminders).toEqual([expect.objectContaining({ id: reminder.id, householdLabel: household.label, lastError: expect.stringContaining('43101') })]);
    fake.failingOpenids.delete('rem-refuses');
    await t.http.post(`/api/consultations/${consultationId}/reminders/${reminder.id}/retry`).set(bearer(committee)).expect(200);
    await pumpUntil(async () => (await remindersOf(household.id))[0].status === 'SENT', 'the retried reminder');
    expect(fake.wechatSends.filter((m) => m.touser === 'rem-refuses')).toHaveLength(1);
  });

  it('pauses and resumes a consultation’s reminders', async () => {
    const unit = buildings[1].units[2];
    const consultationId = await openRound(unit.id);
    const planned = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM reminder WHERE consultationId = ? AND householdId IS NOT NULL', [consultationId]))[0].n);
    await t.http.post(`/api/consultations/${consultationId}/reminders/pause`).set(bearer(committee)).expect(200);
    await t.app.get(ReminderSweep).run();
    expect(await planned()).toBe(0);
    await t.http.post(`/api/consultations/${consultationId}/reminders/resume`).set(bearer(committee)).expect(200);
    await t.app.get(ReminderSweep).run();
    expect(await planned()).toBe(12);
    const overview = (await t.http.get(`/api/consultations/${consultationId}/reminders`).set(bearer(committee)).expect(200)).body;
    // 12 households, and the committee's daily digest.
    expect(overview).toMatchObject({ policy: { paused: false, daysBefore: [3, 1], quietStart: '21:00' }, counts: { SCHEDULED: 13 } });
    expect(overview.reminders.filter((r: { kind: string }) => r.kind === 'DAILY_DIGEST')).toHaveLength(1);
    await t.http.get(`/api/consultations/${consultationId}/reminders`).set(bearer(await staffToken(t, 'committee2-demo'))).expect(404);
    expect((await t.http.put(`/api/consultations/${consultationId}/reminder-policy`).set(bearer(committee)).send({ quietStart: '25:00' }).expect(400)).body.message).toContain('HH:MM');
  });
});
