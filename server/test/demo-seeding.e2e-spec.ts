import { assistanceNoteProblem } from '@linyi/shared';
import { DEMO_CARE_WATER_OPENID } from '../src/demo/demo-screenings.js';
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
