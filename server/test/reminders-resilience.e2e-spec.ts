import type { INestApplicationContext } from '@nestjs/common';
import { ConsultationKind, DecisionRule, GroupBy } from '@linyi/shared';
import { existsSync } from 'node:fs';
import { OutboxRelay } from '../src/outbox/outbox-relay.js';
import { apply, bindResident } from './support/consent.js';
import { compoundsAs, structureOf } from './support/demo-places.js';
import { drain, settleDemoNotices } from './support/drain.js';
import { startFakePush, waitFor, type FakePush } from './support/fake-push.js';
import { OwnRedis } from './support/own-redis.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';
import { spawnWorker, startWorkers as startWorkersOf, WORKER_JS } from './support/workers.js';

const DAY = 24 * 3600 * 1000;

describe('reminders survive Redis outages and dying workers', () => {
  let redis: OwnRedis;
  let fake: FakePush;
  let t: TestApp;
  let committee: string;
  let compoundId: string;
  let units: Array<{ id: string; households: Array<{ id: string }> }>;
  const env = () => ({
    AUTH_DEV_LOGIN: '1',
    REDIS_URL: redis.url,
    SMS_GATEWAY_URL: fake.smsUrl,
    QUEUE_LOCK_MS: '1500',
    QUEUE_BACKOFF_MS: '20',
  });

  beforeAll(async () => {
    redis = new OwnRedis(6391);
    await redis.start();
    fake = await startFakePush();
    t = await bootTestApp(env());
    committee = await staffToken(t, 'committee-demo');
    compoundId = (await compoundsAs(t, committee)).find((c) => c.name === '幸福苑小区')!.id;
    units = (await structureOf(t, committee, compoundId)).buildings[5].units;
    await settleDemoNotices(t);
  });

  afterAll(async () => {
    await t.close();
    await fake.close();
    await redis.stop();
  });

  const startWorkers = () => startWorkersOf(t, env());

  /** A plumbing round on one unit with quiet hours off, so the wall clock of a worker process never defers it. */
  async function openRound(unitId: string, policy: Record<string, unknown>) {
    const now = Date.now();
    const draft = await t.http
      .post('/api/consultations')
      .set(bearer(committee))
      .send({ compoundId, kind: ConsultationKind.PlumbingApplication, title: '管线改造申请', body: '请申请', rule: DecisionRule.Unanimous, groupBy: GroupBy.Unit, unitIds: [unitId], opensAt: new Date(now - 60_000).toISOString(), deadline: new Date(now + 10 * DAY).toISOString() })
      .expect(201);
    await t.http.put(`/api/consultations/${draft.body.id}/reminder-policy`).set(bearer(committee)).send({ onOpen: false, quietStart: '00:00', quietEnd: '00:00', ...policy }).expect(200);
    await t.http.post(`/api/consultations/${draft.body.id}/publish`).set(bearer(committee)).expect(200);
    return draft.body.id as string;
  }

  it('takes answers while Redis is down and delivers every notice once when it is back', async () => {
    const unit = units[0];
    const consultationId = await openRound(unit.id, { notifyOnReached: true });
    const owners = await Promise.all(unit.households.map((h, i) => bindResident(t, committee, h.id, `outage-${i}`)));
    await redis.stop();
    const answers = await Promise.all(unit.households.map((h, i) => apply(t, owners[i], consultationId, h.id)));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    expect(answers.filter((a) => a.body.groupState === 'REACHED')).toHaveLength(1);
    await expect(t.app.get(OutboxRelay).runOnce()).rejects.toThrow();
    const [{ waiting }] = await t.dataSource.query("SELECT COUNT(*) AS waiting FROM domain_event WHERE enqueuedAt IS NULL AND handledAt IS NULL AND type = 'GROUP_STATE_CHANGED'");
    expect(Number(waiting)).toBe(1);
    await redis.start();
    const workers = await startWorkers();
    try {
      await expectNoticesOnce(consultationId, unit.households);
    } finally {
      await workers.close();
    }
  }, 60_000);

  async function expectNoticesOnce(consultationId: string, households: Array<{ id: string }>) {
    await drain(t, redis.url);
    // Every request the gateway received counts: one per household's phone, none twice.
    const phones = await Promise.all(households.map(async (h) => (await t.dataSource.query('SELECT phone FROM household WHERE id = ?', [h.id]))[0].phone as string));
    expect(phones.map((phone) => fake.smsRequests.filter((m) => m.phone === phone && m.text.includes('已达成一致')).length)).toEqual(Array(12).fill(1));
    expect(fake.smsRequests.filter((m) => m.text.includes('已达成一致'))).toHaveLength(12);
    const [{ sent }] = await t.dataSource.query("SELECT COUNT(*) AS sent FROM reminder_delivery d JOIN reminder r ON r.id = d.reminderId WHERE r.consultationId = ? AND d.result = 'SENT'", [consultationId]);
    expect(Number(sent)).toBe(12);
  }

  it('sends once when a worker dies in the middle of a send and another takes the job over', async () => {
    expect(existsSync(WORKER_JS)).toBe(true); // built by `npm run build -w server` (npm test does it first)
    const consultationId = await openRound(units[1].id, {});
    const household = units[1].households[0];
    const first = spawnWorker(t, env());
    let second: INestApplicationContext | null = null;
    try {
      fake.holdNextSms = true;
      await t.http.post(`/api/households/${household.id}/nudge`).set(bearer(committee)).send({ consultationId }).expect(201);
      await t.app.get(OutboxRelay).runOnce();
      await waitFor(() => fake.heldSms === 1, 'the first worker to start sending', 20_000);
      first.kill('SIGKILL');
      second = await startWorkers();
      const [{ id: reminderId }] = await t.dataSource.query('SELECT id FROM reminder WHERE householdId = ? AND consultationId = ?', [household.id, consultationId]);
      await waitFor(async () => (await t.dataSource.query('SELECT status FROM reminder WHERE id = ?', [reminderId]))[0].status === 'SENT', 'the second worker to finish the job', 30_000);
      await drain(t, redis.url);
      // Two requests: the one the dead worker left unanswered and the second worker's; the idempotency key makes them one SMS.
      expect(fake.smsRequestsFor({ idempotencyKey: reminderId })).toBe(2);
      expect(fake.sms.filter((m) => m.idempotencyKey === reminderId)).toHaveLength(1);
      const deliveries = await t.dataSource.query("SELECT result FROM reminder_delivery WHERE reminderId = ? AND result = 'SENT'", [reminderId]);
      expect(deliveries).toHaveLength(1);
    } finally {
      first.kill('SIGKILL');
      await second?.close();
    }
  }, 60_000);
});
