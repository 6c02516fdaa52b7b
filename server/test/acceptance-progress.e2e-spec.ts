import { LegalBasis, NeedCode, ScreeningStatus, WorkPlanStatus, type AcceptanceProgressUnit, type AcceptanceProgressView } from '@linyi/shared';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Household } from '../src/places/household.entity.js';
import { HouseholdScreening } from '../src/special-needs/household-screening.entity.js';
import { ScreeningRetentionService } from '../src/special-needs/screening-retention.service.js';
import { UnitWorksStatus } from '../src/special-needs/unit-works-status.js';
import { acceptancePlan, acceptOnline, contractorOf, inspect, passingPlumbing } from './support/acceptance-fixtures.js';
import { setAcceptanceState } from './support/acceptance-state.js';
import { bindResident } from './support/consent.js';
import { bearer, bootTestApp, residentToken, staffToken, type TestApp } from './support/test-app.js';
import { clearWorks, demoUnit } from './support/works-fixtures.js';

const DAY = 86_400_000;
const RETENTION_DAYS = 5;
const HOUSEHOLD_KEYS = ['acceptedAt', 'householdId', 'inspected', 'label', 'passed', 'passedAt', 'status'];

/**
 * Acceptance progress (design: helper C): `GET /api/work-plans/{id}/acceptance` per unit and
 * household, for committee, street and contractor of the place, and the unit status that special-
 * needs retention reads. State rows are written straight to the table where the flow itself is not
 * under test; the last test walks the real inspection and acceptance routes.
 */
describe('acceptance progress and unit status', () => {
  let t: TestApp;
  let committee: string;
  let street: string;
  let contractor: string;
  let compoundId: string;
  let unit1: { id: string; households: Household[] };
  let unit3: { id: string; households: Household[] };
  const now = new Date('2027-04-01T02:00:00.000Z');
  const at = (days: number) => new Date(now.getTime() + days * DAY);

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1', SCREENING_RETENTION_DAYS: String(RETENTION_DAYS), SCREENING_RETENTION_SWEEP_MS: '0' });
    [committee, street, contractor] = await Promise.all(['committee-demo', 'street-demo', 'contractor-demo'].map((u) => staffToken(t, u)));
    const one = await demoUnit(t.dataSource, '1号楼1单元');
    const three = await demoUnit(t.dataSource, '1号楼3单元');
    compoundId = one.compound.id;
    unit1 = { id: one.unit.id, households: one.households };
    unit3 = { id: three.unit.id, households: three.households };
    t.clock.set(now);
  });
  afterAll(() => t?.close());
  beforeEach(() => clearWorks(t.dataSource));

  /** A published plan of 1号楼3单元 and 1号楼1单元 (given in that order: the view sorts them). */
  const plan = (status = WorkPlanStatus.Published, unitIds = [unit3.id, unit1.id]) => acceptancePlan(t, compoundId, unitIds, { now, status });
  const progress = async (planId: string, token = committee): Promise<AcceptanceProgressView> => (await t.http.get(`/api/work-plans/${planId}/acceptance`).set(bearer(token)).expect(200)).body;
  const unitOf = (view: AcceptanceProgressView, unitId: string) => view.units.find((u) => u.unitId === unitId)!;
  const line = (unit: AcceptanceProgressUnit, household: Household) => unit.list.find((h) => h.householdId === household.id)!;
  const room = (households: Household[], r: string) => households.find((h) => h.room === r)!;

  it('lists every household of every unit in building, unit and room order; without a state row, PENDING and not inspected; labels only', async () => {
    const p = await plan();
    const view = await progress(p.id);
    expect(view).toMatchObject({ workPlanId: p.id, title: p.title, kind: 'PLUMBING' });
    expect(view.units.map((u) => u.label)).toEqual(['1号楼1单元', '1号楼3单元']);
    const [first] = view.units;
    expect(first.list.map((h) => h.householdId)).toEqual(unit1.households.map((h) => h.id));
    expect(first).toMatchObject({ households: 12, inspected: 0, passed: 0, accepted: 0, rework: 0, complete: false, completedAt: null });
    for (const h of first.list) {
      expect(Object.keys(h).sort()).toEqual(HOUSEHOLD_KEYS);
      expect(h).toMatchObject({ inspected: false, passed: false, status: 'PENDING', passedAt: null, acceptedAt: null });
    }
    // No owner's name or phone anywhere in the answer.
    const text = JSON.stringify(view);
    for (const h of [...unit1.households, ...unit3.households]) {
      expect(text).not.toContain(h.ownerName);
      if (h.phone) expect(text).not.toContain(h.phone);
    }
  });

  it('counts inspected, passed, accepted and rework per unit; the passed, not accepted households are the chase list', async () => {
    const p = await plan();
    const [h101, h102, h201, h202] = ['101', '102', '201', '202'].map((r) => room(unit1.households, r));
    await setAcceptanceState(t, p.id, h101, { step: 'accepted', passedAt: at(-3), at: at(-1) });
    await setAcceptanceState(t, p.id, h102, { step: 'rework', at: at(-2) });
    await setAcceptanceState(t, p.id, h201, { step: 'passed', at: at(-4) });
    await setAcceptanceState(t, p.id, h202, { step: 'failed', at: at(-2) });
    const unit = unitOf(await progress(p.id), unit1.id);
    expect(unit).toMatchObject({ households: 12, inspected: 4, passed: 2, accepted: 1, rework: 1, complete: false, completedAt: null });
    expect(line(unit, h101)).toMatchObject({ status: 'ACCEPTED', passed: true, acceptedAt: at(-1).toISOString() });
    expect(line(unit, h102)).toMatchObject({ status: 'REWORK', inspected: true, passed: false, passedAt: null });
    expect(line(unit, h202)).toMatchObject({ status: 'PENDING', inspected: true, passed: false, passedAt: null });
    const chase = unit.list.filter((h) => h.passedAt && h.status !== 'ACCEPTED');
    expect(chase).toEqual([expect.objectContaining({ householdId: h201.id, passedAt: at(-4).toISOString() })]);
    expect(unitOf(await progress(p.id), unit3.id)).toMatchObject({ inspected: 0, accepted: 0 });
  });

  it('a unit is complete when all its households accepted, at the moment the last one did', async () => {
    const p = await plan();
    const [last, ...others] = unit1.households;
    for (const [i, h] of others.entries()) await setAcceptanceState(t, p.id, h, { step: 'accepted', passedAt: at(-10), at: at(-9 + i * 0.1) });
    expect(unitOf(await progress(p.id), unit1.id)).toMatchObject({ accepted: 11, complete: false, completedAt: null });
    await setAcceptanceState(t, p.id, last, { step: 'accepted', passedAt: at(-10), at: at(-0.5) });
    expect(unitOf(await progress(p.id), unit1.id)).toMatchObject({ accepted: 12, complete: true, completedAt: at(-0.5).toISOString() });
    expect(unitOf(await progress(p.id), unit3.id)).toMatchObject({ complete: false });
  });

  it('answers committee, street and contractor of the place; 404 to staff elsewhere and for unknown plans, 403 to residents, 409 for a draft', async () => {
    const p = await plan();
    await progress(p.id, street);
    await progress(p.id, contractor);
    const xingfu = (await t.dataSource.query("SELECT id FROM compound WHERE name = '幸福苑小区'"))[0].id as string;
    const elsewhere = await contractorOf(t, xingfu, 'contractor-progress-elsewhere');
    const committee2 = await staffToken(t, 'committee2-demo');
    for (const token of [elsewhere, committee2]) {
      const answer = await t.http.get(`/api/work-plans/${p.id}/acceptance`).set(bearer(token)).expect(404);
      expect(answer.body.message).toContain('施工计划');
    }
    await t.http.get(`/api/work-plans/${randomUUID()}/acceptance`).set(bearer(committee)).expect(404);
    await t.http.get('/api/work-plans/not-a-uuid/acceptance').set(bearer(committee)).expect(404);
    await t.http.get(`/api/work-plans/${p.id}/acceptance`).set(bearer(await residentToken(t, 'progress-resident'))).expect(403);
    await t.http.get(`/api/work-plans/${p.id}/acceptance`).expect(401);
    const draft = await plan(WorkPlanStatus.Draft, [unit1.id]);
    const refused = await t.http.get(`/api/work-plans/${draft.id}/acceptance`).set(bearer(committee)).expect(409);
    expect(refused.body).toMatchObject({ code: 'PLAN_NOT_PUBLISHED', message: expect.stringContaining('发布') });
  });

  describe('UnitWorksStatus (what retention reads)', () => {
    const status = (unitIds: string[]) => t.app.get(UnitWorksStatus).of(t.dataSource.manager, unitIds);

    it('a planned unit has no acceptedAt until every household accepted; then the last acceptance', async () => {
      const p = await plan(WorkPlanStatus.Published, [unit1.id]);
      expect((await status([unit1.id, unit3.id])).get(unit1.id)).toEqual({ worksPlanned: true, acceptedAt: null });
      expect((await status([unit1.id, unit3.id])).has(unit3.id)).toBe(false);
      const [last, ...others] = unit1.households;
      for (const h of others) await setAcceptanceState(t, p.id, h, { step: 'accepted', passedAt: at(-10), at: at(-3) });
      await setAcceptanceState(t, p.id, last, { step: 'rework', at: at(-2) });
      expect((await status([unit1.id])).get(unit1.id)).toEqual({ worksPlanned: true, acceptedAt: null });
      await setAcceptanceState(t, p.id, last, { step: 'accepted', passedAt: at(-2), at: at(-1) });
      expect((await status([unit1.id])).get(unit1.id)).toEqual({ worksPlanned: true, acceptedAt: at(-1) });
    });

    it('with two published plans covering the unit, both must be accepted', async () => {
      const plumbing = await plan(WorkPlanStatus.Published, [unit1.id]);
      const windows = await plan(WorkPlanStatus.Published, [unit1.id]);
      for (const h of unit1.households) await setAcceptanceState(t, plumbing.id, h, { step: 'accepted', passedAt: at(-10), at: at(-5) });
      expect((await status([unit1.id])).get(unit1.id)).toEqual({ worksPlanned: true, acceptedAt: null });
      for (const h of unit1.households) await setAcceptanceState(t, windows.id, h, { step: 'accepted', passedAt: at(-10), at: at(-2) });
      expect((await status([unit1.id])).get(unit1.id)).toEqual({ worksPlanned: true, acceptedAt: at(-2) });
    });

    it('retention erases a care household’s details SCREENING_RETENTION_DAYS after its unit’s last acceptance, not before', async () => {
      const p = await plan(WorkPlanStatus.Published, [unit3.id]);
      const cared = unit3.households[4];
      await t.dataSource.getRepository(HouseholdScreening).delete({ householdId: cared.id });
      await t.dataSource.getRepository(HouseholdScreening).insert({
        id: randomUUID(),
        householdId: cared.id,
        compoundId: cared.compoundId,
        unitId: cared.unitId,
        status: ScreeningStatus.NeedsCare,
        needs: NeedCode.Hearing,
        note: '老人耳背（验收后保留期限测试）',
        legalBasis: LegalBasis.StatutoryDuty,
        detailsSalt: randomBytes(32).toString('hex'),
        screenedAt: at(-20),
        screenedBy: randomUUID(),
        version: 1,
      });
      const screening = () => t.dataSource.getRepository(HouseholdScreening).findOneByOrFail({ householdId: cared.id });
      const sweep = () => t.app.get(ScreeningRetentionService).sweep();
      for (const h of unit3.households) await setAcceptanceState(t, p.id, h, { step: 'accepted', passedAt: at(-10), at: at(-RETENTION_DAYS + 1) });
      await sweep();
      expect(await screening()).toMatchObject({ status: ScreeningStatus.NeedsCare, version: 1 });
      t.clock.set(at(1));
      try {
        await sweep();
        expect(await screening()).toMatchObject({ status: ScreeningStatus.Erased, note: null, needs: null, erasedReason: 'RETENTION_AFTER_ACCEPTANCE' });
      } finally {
        t.clock.set(now);
      }
    });
  });

  it('follows the real inspection and acceptance routes: passed, then accepted', async () => {
    const p = await plan(WorkPlanStatus.Published, [unit1.id]);
    const h = room(unit1.households, '301');
    const resident = await bindResident(t, committee, h.id, 'progress-api-resident');
    await inspect(t, contractor, h.id, p.id, passingPlumbing()).expect(201);
    expect(line(unitOf(await progress(p.id), unit1.id), h)).toMatchObject({ inspected: true, passed: true, status: 'PENDING', passedAt: expect.any(String) });
    await acceptOnline(t, resident, h.id, p.id).expect(200);
    const unit = unitOf(await progress(p.id, street), unit1.id);
    expect(line(unit, h)).toMatchObject({ status: 'ACCEPTED', passed: true, acceptedAt: expect.any(String) });
    expect(unit).toMatchObject({ inspected: 1, passed: 1, accepted: 1 });
  });
});
