import { InspectionTest } from '@linyi/shared';
import { HouseholdAcceptance } from '../src/acceptance/household-acceptance.entity.js';
import { WorkInspection } from '../src/acceptance/work-inspection.entity.js';
import type { Household } from '../src/places/household.entity.js';
import { acceptancePlan, acceptOnline, inspect, passingPlumbing } from './support/acceptance-fixtures.js';
import { bindResident } from './support/consent.js';
import { bootTestApp, staffToken, type TestApp } from './support/test-app.js';
import { clearWorks, demoUnit } from './support/works-fixtures.js';

const ROUNDS = 16;
const failingInspection = [
  { test: InspectionTest.BallPass, passed: true },
  { test: InspectionTest.NoLeak, passed: false, value: '管根渗水' },
];

/**
 * The household's row lock orders an ACCEPT and a new inspection fired at the same moment: either
 * the ACCEPT came first (and the inspection is refused) or the failing inspection did (and the
 * ACCEPT is refused). Never ACCEPTED on a failing latest inspection. Checked in the database.
 */
describe('acceptance under concurrency (MariaDB)', () => {
  let t: TestApp;
  let committee: string;
  let contractor: string;
  let compoundId: string;
  let unitIds: string[];
  let flats: Household[];
  let residents: string[];

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    [committee, contractor] = await Promise.all(['committee-demo', 'contractor-demo'].map((u) => staffToken(t, u)));
    // 20 households away from the demo's own acceptance story (1号楼2单元).
    const first = await demoUnit(t.dataSource, '1号楼1单元');
    const third = await demoUnit(t.dataSource, '1号楼3单元');
    compoundId = first.compound.id;
    unitIds = [first.unit.id, third.unit.id];
    flats = [...first.households, ...third.households].slice(0, 20);
    residents = [];
    for (const [i, flat] of flats.entries()) residents.push(await bindResident(t, committee, flat.id, `acceptance-race-${i}`));
  }, 120_000);

  afterAll(() => t.close());

  beforeEach(() => clearWorks(t.dataSource));

  const newPlan = async () => (await acceptancePlan(t, compoundId, unitIds)).id;

  it(`never leaves ACCEPTED with a failing latest inspection (${ROUNDS} rounds of ACCEPT ‖ failing inspection)`, async () => {
    const household = flats[0];
    const outcomes = { acceptedFirst: 0, inspectedFirst: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const workPlanId = await newPlan();
      await inspect(t, contractor, household.id, workPlanId, passingPlumbing()).expect(201);
      const [accepted, inspected] = await Promise.all([acceptOnline(t, residents[0], household.id, workPlanId), inspect(t, contractor, household.id, workPlanId, failingInspection)]);

      const state = await t.dataSource.getRepository(HouseholdAcceptance).findOneByOrFail({ workPlanId, householdId: household.id });
      const rows = await t.dataSource.getRepository(WorkInspection).findBy({ workPlanId, householdId: household.id });
      const latest = rows.find((row) => row.id === state.lastInspectionId)!;
      expect(latest).toBeDefined();
      expect(latest.passed).toBe(state.lastInspectionPassed);
      if (state.status === 'ACCEPTED') {
        // The ACCEPT won: the failing inspection was refused and left no row; the only row, the one accepted on, passed.
        outcomes.acceptedFirst++;
        expect([accepted.status, inspected.status, inspected.body.code]).toEqual([200, 409, 'ALREADY_ACCEPTED']);
        expect(rows.map((row) => row.passed)).toEqual([true]);
        expect(state.lastInspectionPassed).toBe(true);
      } else {
        outcomes.inspectedFirst++;
        expect([accepted.status, accepted.body.code, inspected.status]).toEqual([409, 'NOT_INSPECTED', 201]);
        expect(state).toMatchObject({ status: 'PENDING', lastInspectionPassed: false, lastInspectionId: inspected.body.id, acceptanceRecordId: null });
        expect(rows).toHaveLength(2);
      }
    }
    expect(outcomes.acceptedFirst + outcomes.inspectedFirst).toBe(ROUNDS);
  }, 120_000);

  it('20 households accepting at once all succeed, each with its own warranty notice', async () => {
    const workPlanId = await newPlan();
    for (const flat of flats) await inspect(t, contractor, flat.id, workPlanId, passingPlumbing()).expect(201);
    const answers = await Promise.all(flats.map((flat, i) => acceptOnline(t, residents[i], flat.id, workPlanId)));
    expect(answers.map((a) => a.status)).toEqual(flats.map(() => 200));
    const states = await t.dataSource.getRepository(HouseholdAcceptance).findBy({ workPlanId });
    expect(states.filter((s) => s.status === 'ACCEPTED')).toHaveLength(20);
    const notices: Array<{ householdId: string; n: number }> = await t.dataSource.query('SELECT householdId, COUNT(*) AS n FROM warranty_notice WHERE householdId IN (?) GROUP BY householdId', [flats.map((f) => f.id)]);
    expect(notices.map((row) => Number(row.n))).toEqual(flats.map(() => 1));
  }, 120_000);
});
