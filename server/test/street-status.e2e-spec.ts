import { GroupState, type StreetStatus } from '@linyi/shared';
import { ConsultationScheduler } from '../src/consultations/consultation-scheduler.js';
import { apply, bindResident, groupsOf, openConsultation } from './support/consent.js';
import { compoundsAs, structureOf } from './support/demo-places.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';

describe('street-office status and the deadline', () => {
  let t: TestApp;
  let street: string;
  let committee: string;
  let streetOfficeId: string;

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    street = await staffToken(t, 'street-demo');
    committee = await staffToken(t, 'committee-demo');
    streetOfficeId = (await t.http.post('/api/auth/staff/login').send({ username: 'street-demo', password: 'linyi-demo' })).body.staff.scope.id;
  });

  afterAll(() => t.close());

  const status = async (): Promise<StreetStatus> => (await t.http.get(`/api/street-offices/${streetOfficeId}/status`).set(bearer(street)).expect(200)).body;
  const find = (s: StreetStatus, consultationId: string) => s.communities.flatMap((c) => c.compounds.flatMap((p) => p.consultations)).find((c) => c.id === consultationId);

  it('shows every community, compound and open consultation with the demo’s counts', async () => {
    const s = await status();
    expect(s.communities.map((c) => [c.name, c.compounds.map((p) => p.name)])).toEqual([
      ['光明社区', ['光明里小区', '幸福苑小区']],
      ['红星社区', ['红星小区']],
    ]);
    const plumbing = s.communities[0].compounds[0].consultations[0];
    // Demo: 1号楼2单元 reached (12), 1号楼1单元 11 applied, 2号楼1单元 6 applied and 1 refusal.
    expect(plumbing).toMatchObject({ kind: 'PLUMBING_APPLICATION', groups: { total: 15, reached: 1, failed: 0, pending: 14 }, households: { answered: 30, total: 180 } });
  });

  it('follows answers live and agrees with the groups', async () => {
    const compoundId = (await compoundsAs(t, committee)).find((c) => c.name === '幸福苑小区')!.id;
    const unit = (await structureOf(t, committee, compoundId)).buildings[7].units[1];
    const consultation = await openConsultation(t, committee, { compoundId, unitIds: [unit.id] });
    expect(find(await status(), consultation.id)).toMatchObject({ groups: { total: 1, reached: 0, pending: 1 }, households: { answered: 0, total: 12 } });
    for (const [i, household] of unit.households.entries()) {
      await apply(t, await bindResident(t, committee, household.id, `status-${i}`), consultation.id, household.id).expect(200);
    }
    expect(find(await status(), consultation.id)).toMatchObject({ groups: { total: 1, reached: 1, pending: 0 }, households: { answered: 12, total: 12 } });
  });

  it('closes at the deadline: pending units fail, nothing more is accepted, and it leaves the open list', async () => {
    const compoundId = (await compoundsAs(t, committee)).find((c) => c.name === '光明里小区')!.id;
    const unit = (await structureOf(t, committee, compoundId)).buildings[2].units[1];
    const consultation = await openConsultation(t, committee, { compoundId, unitIds: [unit.id] });
    const owner = await bindResident(t, committee, unit.households[0].id, 'deadline-owner');
    await apply(t, owner, consultation.id, unit.households[0].id).expect(200);
    t.clock.advance(15 * 24 * 3600 * 1000);
    const swept = await t.app.get(ConsultationScheduler).sweep();
    expect(swept.closed).toBeGreaterThanOrEqual(1);
    const [group] = await groupsOf(t, committee, consultation.id);
    expect(group).toMatchObject({ state: GroupState.Failed, reason: expect.stringContaining('截止时仍有 11 户未同意') });
    const closed = (await t.http.get(`/api/consultations/${consultation.id}`).set(bearer(committee)).expect(200)).body;
    expect(closed).toMatchObject({ status: 'CLOSED', closedAt: expect.any(String) });
    await apply(t, owner, consultation.id, unit.households[0].id, { answer: 'REFUSE', signaturePng: undefined }).expect(409);
    expect(find(await status(), consultation.id)).toBeUndefined();
    const events = await t.dataSource.query("SELECT COUNT(*) AS n FROM domain_event WHERE type = 'CONSULTATION_CLOSED' AND subjectId = ?", [consultation.id]);
    expect(Number(events[0].n)).toBe(1);
    expect((await t.app.get(ConsultationScheduler).sweep()).closed).toBe(0);
  });

  it('is for street staff of that street only', async () => {
    await t.http.get(`/api/street-offices/${streetOfficeId}/status`).set(bearer(committee)).expect(403);
    await t.http.get('/api/street-offices/00000000-0000-4000-8000-000000000000/status').set(bearer(street)).expect(404);
  });
});
