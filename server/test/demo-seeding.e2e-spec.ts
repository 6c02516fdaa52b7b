import { DomainEvent } from '../src/events/domain-event.entity.js';
import { waitFor } from './support/fake-push.js';
import { bootTestApp, type TestApp } from './support/test-app.js';

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
});
