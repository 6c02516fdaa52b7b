import type { INestApplicationContext } from '@nestjs/common';
import { ConsultationKind, DecisionRule, GroupBy } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { DomainEventType } from '../src/events/domain-event.entity.js';
import { recordEvent } from '../src/events/domain-events.js';
import { EVENT_MAX_ATTEMPTS } from '../src/events/domain-event.rules.js';
import { LOST_JOB_MS, OutboxRelay } from '../src/outbox/outbox-relay.js';
import { DomainEventHandler } from '../src/reminders/domain-event.handler.js';
import { Reminder, ReminderKind, ReminderStatus } from '../src/reminders/reminder.entity.js';
import { reachedNoticeKey } from '../src/reminders/reminder.rules.js';
import { apply, bindResident } from './support/consent.js';
import { compoundsAs, structureOf } from './support/demo-places.js';
import { drain, unfinished, settleDemoNotices } from './support/drain.js';
import { startFakePush, waitFor, type FakePush } from './support/fake-push.js';
import { OwnRedis } from './support/own-redis.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';
import { killed, outputLine, spawnWorker, startWorkers, WORKER_JS } from './support/workers.js';

const DAY = 24 * 3600 * 1000;
const REFUSE = { answer: 'REFUSE', signaturePng: undefined, acknowledgedDisclosureIds: [] };
type Unit = { id: string; households: Array<{ id: string }> };

describe('outbox events are done only when handled (Redis losing jobs, processes dying)', () => {
  let redis: OwnRedis;
  let fake: FakePush;
  let t: TestApp;
  let committee: string;
  let compoundId: string;
  let units: Unit[];
  let workers: INestApplicationContext | null = null;
  const env = () => ({ AUTH_DEV_LOGIN: '1', REDIS_URL: redis.url, SMS_GATEWAY_URL: fake.smsUrl, QUEUE_LOCK_MS: '1500', QUEUE_BACKOFF_MS: '20' });
  const relay = () => t.app.get(OutboxRelay);

  beforeAll(async () => {
    redis = new OwnRedis(6392);
    await redis.start();
    fake = await startFakePush();
    t = await bootTestApp(env());
    committee = await staffToken(t, 'committee-demo');
    compoundId = (await compoundsAs(t, committee)).find((c) => c.name === '幸福苑小区')!.id;
    units = (await structureOf(t, committee, compoundId)).buildings.slice(0, 4).flatMap((b) => b.units);
    await settleDemoNotices(t);
  });

  afterEach(async () => {
    await workers?.close();
    workers = null;
    fake.releaseHeldSms();
  });

  afterAll(async () => {
    await t.close();
    await fake.close();
    await redis.stop();
  });

  /** A plumbing round on these units, quiet hours off (worker clocks never defer it), titled so its SMS can be told apart. */
  async function openRound(title: string, unitIds: string[]) {
    const now = Date.now();
    const draft = await t.http
      .post('/api/consultations')
      .set(bearer(committee))
      .send({ compoundId, kind: ConsultationKind.PlumbingApplication, title, body: '请申请', rule: DecisionRule.Unanimous, groupBy: GroupBy.Unit, unitIds, opensAt: new Date(now - 60_000).toISOString(), deadline: new Date(now + 10 * DAY).toISOString() })
      .expect(201);
    await t.http.put(`/api/consultations/${draft.body.id}/reminder-policy`).set(bearer(committee)).send({ onOpen: false, quietStart: '00:00', quietEnd: '00:00' }).expect(200);
    await t.http.post(`/api/consultations/${draft.body.id}/publish`).set(bearer(committee)).expect(200);
    return draft.body.id as string;
  }

  const owners = (unit: Unit, tag: string) => Promise.all(unit.households.map((h, i) => bindResident(t, committee, h.id, `${tag}-${i}`)));
  const allAgree = async (consultationId: string, unit: Unit, tokens: string[]) => {
    for (const [i, h] of unit.households.entries()) await apply(t, tokens[i], consultationId, h.id).expect(200);
  };
  const reachedEvents = (consultationId: string) =>
    t.dataSource.query("SELECT id, enqueuedAt, handledAt, generation, payload FROM domain_event WHERE type = 'GROUP_STATE_CHANGED' AND payload LIKE ? ORDER BY id", [`%${consultationId}%`]);
  const reachedInboxEntries = async (consultationId: string) =>
    Number((await t.dataSource.query("SELECT COUNT(*) AS n FROM inbox_message WHERE consultationId = ? AND kind = 'GROUP_REACHED'", [consultationId]))[0].n);
  const groupRowOf = async (consultationId: string, unitId: string) => (await t.dataSource.query('SELECT id FROM consultation_group WHERE consultationId = ? AND placeId = ?', [consultationId, unitId]))[0].id as string;

  /** Exactly one "reached" SMS request per household of these units (counting every request the gateway got), and one inbox entry per resident. */
  async function expectReachedOnce(consultationId: string, title: string, unitsAndTokens: Array<[Unit, string[]]>) {
    const households = unitsAndTokens.flatMap(([unit]) => unit.households);
    const phones = await Promise.all(households.map(async (h) => (await t.dataSource.query('SELECT phone FROM household WHERE id = ?', [h.id]))[0].phone as string));
    const reachedSms = fake.smsRequests.filter((m) => m.text.includes(title) && m.text.includes('已达成一致'));
    expect(phones.map((phone) => reachedSms.filter((m) => m.phone === phone).length)).toEqual(phones.map(() => 1));
    expect(reachedSms).toHaveLength(households.length);
    for (const token of unitsAndTokens.flatMap(([, tokens]) => tokens)) {
      const inbox = (await t.http.get('/api/me/inbox').set(bearer(token)).expect(200)).body as Array<{ kind: string; consultationId: string }>;
      expect(inbox.filter((m) => m.kind === 'GROUP_REACHED' && m.consultationId === consultationId)).toHaveLength(1);
    }
    const [{ sent }] = await t.dataSource.query("SELECT COUNT(*) AS sent FROM reminder_delivery d JOIN reminder r ON r.id = d.reminderId WHERE r.consultationId = ? AND r.kind = 'GROUP_REACHED' AND d.result = 'SENT'", [consultationId]);
    expect(Number(sent)).toBe(households.length);
  }

  it('queues a REACHED event again when Redis lost its job, once the lease is over: every household hears once', async () => {
    const [unit] = units;
    const title = '任务丢失后重发';
    const consultationId = await openRound(title, [unit.id]);
    const tokens = await owners(unit, 'lost');
    await allAgree(consultationId, unit, tokens);
    await relay().runOnce();
    const [queued] = await reachedEvents(consultationId);
    expect(queued).toMatchObject({ handledAt: null, generation: 0 });
    expect(queued.enqueuedAt).not.toBeNull();
    await redis.stop();
    await redis.start(); // empty: the job is gone before any worker took it
    workers = await startWorkers(t, env());
    await relay().runOnce();
    expect((await reachedEvents(consultationId))[0]).toMatchObject({ handledAt: null, generation: 0 }); // still within its lease
    t.clock.advance(LOST_JOB_MS + 60_000);
    try {
      await drain(t, redis.url);
    } finally {
      t.clock.set(new Date());
    }
    const [handled] = await reachedEvents(consultationId);
    expect(handled.generation).toBe(1);
    expect(handled.handledAt).not.toBeNull();
    await expectReachedOnce(consultationId, title, [[unit, tokens]]);
  }, 90_000);

  it('handles every event and reminder exactly once when Redis is killed with jobs in flight and comes back empty', async () => {
    const [, sending, planning] = units;
    const title = '任务进行中断电';
    const consultationId = await openRound(title, [sending.id, planning.id]);
    const sendingTokens = await owners(sending, 'flight-send');
    const planningTokens = await owners(planning, 'flight-plan');
    workers = await startWorkers(t, env());
    // A delivery job in flight: the gateway holds the 12 SMS requests open.
    fake.holdAllSms = true;
    await allAgree(consultationId, sending, sendingTokens);
    await waitFor(async () => {
      await relay().runOnce();
      return fake.smsRequests.filter((m) => m.text.includes(title)).length === 12;
    }, 'the 12 SMS of the first unit to be in flight', 30_000);
    // An event job in flight: its planning waits on a row lock this test holds (a dedupe key it is about to insert).
    const blocker = t.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    try {
      await blocker.manager.insert(Reminder, {
        id: '00000000-0000-4000-8000-000000000001', dedupeKey: reachedNoticeKey(consultationId, await groupRowOf(consultationId, planning.id), planning.households[0].id),
        kind: ReminderKind.GroupReached, consultationId, householdId: planning.households[0].id, staffId: null, title: 'x', body: 'x', status: ReminderStatus.Scheduled,
        sendAfter: new Date(), enqueuedAt: null, generation: 0, attempts: 0, claimToken: null, claimedAt: null, channel: null, sentAt: null, lastError: null, createdByStaffId: null, createdAt: new Date(),
      });
      await allAgree(consultationId, planning, planningTokens);
      await relay().runOnce();
      await waitFor(async () => {
        const [{ n }] = await t.dataSource.query("SELECT COUNT(*) AS n FROM information_schema.INNODB_TRX x JOIN information_schema.PROCESSLIST p ON p.ID = x.trx_mysql_thread_id WHERE x.trx_state = 'LOCK WAIT' AND p.DB = DATABASE()");
        return Number(n) > 0;
      }, 'the REACHED event to be mid-planning');
      await waitFor(async () => (await unfinished(t)).events === 1, 'every other event to be handled');
      await redis.stop();
      await redis.start(); // empty: neither job exists any more, both are still running
    } finally {
      await blocker.rollbackTransaction();
      await blocker.release();
    }
    expect(fake.releaseHeldSms()).toBe(12);
    await drain(t, redis.url); // no lease passes: both in-flight jobs finished their work in the database
    expect((await reachedEvents(consultationId)).map((e: { generation: number; handledAt: unknown }) => [e.generation, e.handledAt !== null])).toEqual([[0, true], [0, true]]);
    await expectReachedOnce(consultationId, title, [[sending, sendingTokens], [planning, planningTokens]]);
  }, 120_000);

  it('relays events whose relay process was killed before it could queue them, once', async () => {
    expect(existsSync(WORKER_JS)).toBe(true); // built by `npm run build -w server` (CI builds before testing)
    const unit = units[3];
    const title = '中继进程被杀';
    const consultationId = await openRound(title, [unit.id]);
    const tokens = await owners(unit, 'killed');
    await redis.stop();
    await allAgree(consultationId, unit, tokens); // committed with their outbox events; nothing queued yet
    const first = spawnWorker(t, env(), { OUTBOX_POLL_MS: '50', LOG_LEVEL: 'warn' });
    try {
      await outputLine(first, 'relay pass stopped'); // it read the events and failed to queue them
    } finally {
      await killed(first);
    }
    expect((await reachedEvents(consultationId))[0]).toMatchObject({ enqueuedAt: null, handledAt: null });
    await redis.start();
    const second = spawnWorker(t, env(), { OUTBOX_POLL_MS: '50' });
    try {
      await drain(t, redis.url, { runRelay: false }); // the second process relays and handles everything
    } finally {
      await killed(second, 'SIGTERM');
    }
    expect(await unfinished(t)).toEqual({ events: 0, reminders: 0 });
    await expectReachedOnce(consultationId, title, [[unit, tokens]]);
  }, 90_000);

  it('tells residents once when their unit goes REACHED → PENDING → REACHED', async () => {
    const unit = units[4];
    const title = '反复达成只通知一次';
    const consultationId = await openRound(title, [unit.id]);
    const tokens = await owners(unit, 'flip');
    workers = await startWorkers(t, env());
    await allAgree(consultationId, unit, tokens);
    await drain(t, redis.url);
    await apply(t, tokens[0], consultationId, unit.households[0].id, REFUSE).expect(200);
    await apply(t, tokens[0], consultationId, unit.households[0].id).expect(200);
    await drain(t, redis.url);
    expect((await reachedEvents(consultationId)).map((e: { payload: string }) => JSON.parse(e.payload).to)).toEqual(['REACHED', 'PENDING', 'REACHED']);
    await expectReachedOnce(consultationId, title, [[unit, tokens]]);
  }, 90_000);

  it('skips a REACHED notice when the unit dropped back before it went out, and sends it once when the unit reaches again', async () => {
    const unit = units[5];
    const title = '达成后撤回';
    const consultationId = await openRound(title, [unit.id]);
    const tokens = await owners(unit, 'drop');
    workers = await startWorkers(t, env());
    await allAgree(consultationId, unit, tokens);
    // The event is handled (as its job would), so its reminders are planned but not yet queued.
    await t.app.get(DomainEventHandler).handle((await reachedEvents(consultationId))[0].id);
    expect(await t.dataSource.query("SELECT status, enqueuedAt FROM reminder WHERE consultationId = ? AND kind = 'GROUP_REACHED'", [consultationId])).toEqual(Array(12).fill({ status: 'SCHEDULED', enqueuedAt: null }));
    expect(await reachedInboxEntries(consultationId)).toBe(12); // in the inbox at once, one per bound resident
    await apply(t, tokens[0], consultationId, unit.households[0].id, REFUSE).expect(200);
    await drain(t, redis.url);
    const reminders = await t.dataSource.query("SELECT r.status, d.detail FROM reminder r JOIN reminder_delivery d ON d.reminderId = r.id WHERE r.consultationId = ? AND r.kind = 'GROUP_REACHED'", [consultationId]);
    expect(reminders).toEqual(Array(12).fill({ status: 'SKIPPED', detail: 'group no longer reached' }));
    expect(fake.smsRequests.filter((m) => m.text.includes(title))).toHaveLength(0);
    // Nor does the inbox still say "reached".
    expect(await reachedInboxEntries(consultationId)).toBe(0);
    for (const token of tokens) expect(((await t.http.get('/api/me/inbox').set(bearer(token)).expect(200)).body as Array<{ consultationId: string }>).filter((m) => m.consultationId === consultationId)).toEqual([]);
    await apply(t, tokens[0], consultationId, unit.households[0].id).expect(200);
    await drain(t, redis.url);
    await expectReachedOnce(consultationId, title, [[unit, tokens]]);
    expect(await reachedInboxEntries(consultationId)).toBe(12);
  }, 90_000);

  const eventRow = async (id: number) =>
    (await t.dataSource.query('SELECT generation, enqueuedAt, handledAt, claimToken, attempts, deadAt, lastError FROM domain_event WHERE id = ?', [id]))[0];
  const newEvent = async (type: DomainEventType, payload: Record<string, unknown>) => {
    await recordEvent(t.dataSource.manager, type, randomUUID(), payload, new Date());
    return Number((await t.dataSource.query('SELECT MAX(id) AS id FROM domain_event'))[0].id);
  };

  it('parks an event whose handling always fails after EVENT_MAX_ATTEMPTS attempts, and never queues it again', async () => {
    const handler = t.app.get(DomainEventHandler);
    // Opening a consultation that does not exist: findOneByOrFail throws on every attempt.
    const poison = await newEvent(DomainEventType.ConsultationOpened, { consultationId: randomUUID() });
    await relay().runOnce();
    for (let attempt = 1; attempt < EVENT_MAX_ATTEMPTS; attempt++) await expect(handler.handle(poison)).rejects.toThrow();
    expect(await eventRow(poison)).toMatchObject({ attempts: EVENT_MAX_ATTEMPTS - 1, deadAt: null, handledAt: null, claimToken: null });
    await handler.handle(poison); // the last attempt fails too: parked, and the job ends
    const dead = await eventRow(poison);
    expect(dead).toMatchObject({ attempts: EVENT_MAX_ATTEMPTS, handledAt: null, claimToken: null, generation: 0 });
    expect(dead.deadAt).not.toBeNull();
    expect(dead.lastError).toMatch(/EntityNotFound|Could not find/);
    // An event whose every attempt died with its worker (nothing recorded a failure) is parked at the next claim.
    const crasher = await newEvent(DomainEventType.ConsultationClosed, {});
    await relay().runOnce();
    await t.dataSource.query('UPDATE domain_event SET attempts = ? WHERE id = ?', [EVENT_MAX_ATTEMPTS, crasher]);
    await handler.handle(crasher);
    expect(await eventRow(crasher)).toMatchObject({ attempts: EVENT_MAX_ATTEMPTS + 1, handledAt: null, lastError: 'handling never finished (worker died each time)' });
    // Past the lease, the lost-job sweep leaves both alone, and another claim does nothing.
    t.clock.advance(LOST_JOB_MS + 60_000);
    try {
      await relay().runOnce();
    } finally {
      t.clock.set(new Date());
    }
    expect(await eventRow(poison)).toEqual(dead);
    expect((await eventRow(crasher)).generation).toBe(0);
    await handler.handle(poison);
    expect(await eventRow(poison)).toEqual(dead);
    // Dead is final: the workers take the leftover jobs and the deployment counts as drained.
    workers = await startWorkers(t, env());
    await drain(t, redis.url);
    expect(await eventRow(poison)).toEqual(dead);
  }, 60_000);

  it('looks for lost jobs at most once a minute per relay, on its clock, and queues a lost event again by its generation', async () => {
    const event = await newEvent(DomainEventType.ConsultationClosed, {});
    const loseIt = async () => t.dataSource.query('UPDATE domain_event SET enqueuedAt = ? WHERE id = ?', [new Date(t.clock.now().getTime() - LOST_JOB_MS - 1_000), event]);
    try {
      await relay().runOnce();
      expect(await eventRow(event)).toMatchObject({ generation: 0, handledAt: null });
      t.clock.advance(LOST_JOB_MS + 60_000);
      await relay().runOnce(); // a minute and more since the last sweep: it runs, and the event is queued again
      expect((await eventRow(event)).generation).toBe(1);
      await loseIt();
      t.clock.advance(30_000);
      await relay().runOnce(); // within the minute: no sweep, however lost the job
      expect((await eventRow(event)).generation).toBe(1);
      t.clock.advance(30_000);
      await relay().runOnce();
      expect((await eventRow(event)).generation).toBe(2);
      // A reminder whose delivery job was lost comes back the same way.
      const unit = units[units.length - 1];
      const consultationId = await openRound('丢失的提醒', [unit.id]);
      const householdId = unit.households[0].id;
      const reminderId = randomUUID();
      await t.dataSource.getRepository(Reminder).insert({
        id: reminderId, dedupeKey: `lost:${reminderId}`, kind: ReminderKind.ManualNudge, consultationId, householdId, staffId: null, title: '丢失的提醒', body: 'x', status: ReminderStatus.Scheduled,
        sendAfter: t.clock.stamp(), enqueuedAt: new Date(t.clock.now().getTime() - LOST_JOB_MS - 1_000), generation: 0, attempts: 0, claimToken: null, claimedAt: null, channel: null, sentAt: null, lastError: null, createdByStaffId: null, createdAt: t.clock.stamp(),
      });
      t.clock.advance(60_000);
      await relay().runOnce();
      expect((await t.dataSource.query('SELECT generation, enqueuedAt FROM reminder WHERE id = ?', [reminderId]))[0].generation).toBe(1);
    } finally {
      t.clock.set(new Date());
    }
    workers = await startWorkers(t, env());
    await drain(t, redis.url);
    expect((await eventRow(event)).handledAt).not.toBeNull();
  }, 60_000);
});
