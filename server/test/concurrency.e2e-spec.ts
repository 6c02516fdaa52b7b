import { evaluateGroup, DecisionRule, GroupState, type HouseholdVote } from '@linyi/shared';
import { apply, bindResident, openConsultation } from './support/consent.js';
import { compoundsAs, structureOf } from './support/demo-places.js';
import { bootTestApp, staffToken, type TestApp } from './support/test-app.js';

const ROUNDS = Number(process.env.RACE_ROUNDS ?? 100);

describe('many residents signing at once (MariaDB)', () => {
  let t: TestApp;
  let committee: string;
  let compoundId: string;
  let unitId: string;
  let households: string[];
  let owners: string[];

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    committee = await staffToken(t, 'committee-demo');
    compoundId = (await compoundsAs(t, committee)).find((c) => c.name === '光明里小区')!.id;
    const unit = (await structureOf(t, committee, compoundId)).buildings[3].units[2];
    unitId = unit.id;
    households = unit.households.map((h) => h.id);
    owners = await Promise.all(households.map((id, i) => bindResident(t, committee, id, `race-owner-${i}`)));
  }, 60_000);

  afterAll(() => t.close());

  async function groupRow(consultationId: string) {
    const [row] = await t.dataSource.query('SELECT id, households, responded, agreed, refused, state FROM consultation_group WHERE consultationId = ?', [consultationId]);
    return row;
  }

  async function reachedEvents(groupRowId: string): Promise<number> {
    const events = await t.dataSource.query("SELECT payload FROM domain_event WHERE type = 'GROUP_STATE_CHANGED' AND subjectId = ?", [groupRowId]);
    return events.filter((e: { payload: string }) => JSON.parse(e.payload).to === GroupState.Reached).length;
  }

  it(`counts exactly and records REACHED once when all 12 households sign at the same moment (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const consultation = await openConsultation(t, committee, { compoundId, unitIds: [unitId], title: `并发第 ${round + 1} 轮` });
      const results = await Promise.all(households.map((id, i) => apply(t, owners[i], consultation.id, id)));
      expect(results.map((r) => r.status)).toEqual(Array(12).fill(200));
      const group = await groupRow(consultation.id);
      expect(group).toMatchObject({ households: 12, responded: 12, agreed: 12, refused: 0, state: GroupState.Reached });
      expect(await reachedEvents(group.id)).toBe(1);
      expect(results.filter((r) => r.body.groupState === GroupState.Reached)).toHaveLength(1);
    }
    const [tally] = await t.dataSource.query(
      "SELECT SUM(t.groupsReached) AS reached, SUM(t.householdsAnswered) AS answered FROM consultation_tally t JOIN consultation c ON c.id = t.consultationId WHERE c.title LIKE '并发第%'",
    );
    expect({ reached: Number(tally.reached), answered: Number(tally.answered) }).toEqual({ reached: ROUNDS, answered: ROUNDS * 12 });
  }, 600_000);

  it('keeps one counted answer when the same household sends 50 identical requests at once', async () => {
    const consultation = await openConsultation(t, committee, { compoundId, unitIds: [unitId], title: '重复提交' });
    const results = await Promise.all(Array.from({ length: 50 }, () => apply(t, owners[0], consultation.id, households[0])));
    expect(new Set(results.map((r) => r.status))).toEqual(new Set([200]));
    expect(new Set(results.map((r) => r.body.version))).toEqual(new Set([1]));
    expect(new Set(results.map((r) => r.body.evidenceSha256)).size).toBe(1);
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM household_response_history WHERE consultationId = ?', [consultation.id]);
    expect(Number(n)).toBe(1);
    expect(await groupRow(consultation.id)).toMatchObject({ responded: 1, agreed: 1 });
  });

  it('never leaves a unit REACHED with a withdrawn answer when a withdrawal races the last signature', async () => {
    for (let round = 0; round < 25; round++) {
      const consultation = await openConsultation(t, committee, { compoundId, unitIds: [unitId], title: `撤回竞争 ${round}` });
      await Promise.all(households.slice(0, 11).map((id, i) => apply(t, owners[i], consultation.id, id).expect(200)));
      const withdrawer = round % 11;
      await Promise.all([
        apply(t, owners[withdrawer], consultation.id, households[withdrawer], { answer: 'REFUSE', signaturePng: undefined, acknowledgedDisclosureIds: [] }).expect(200),
        apply(t, owners[11], consultation.id, households[11]).expect(200),
      ]);
      const group = await groupRow(consultation.id);
      const answers = await t.dataSource.query('SELECT householdId, answer FROM household_response WHERE consultationId = ?', [consultation.id]);
      const votes: HouseholdVote[] = households.map((id) => ({ householdId: id, areaCenti: 6000, ownerKey: id, answer: answers.find((a: { householdId: string }) => a.householdId === id)?.answer ?? null }));
      expect(group.state).toBe(evaluateGroup(DecisionRule.Unanimous, votes, { closed: false }).state);
      expect(group).toMatchObject({ state: GroupState.Pending, agreed: 11, refused: 1 });
      // If the last signature landed first the unit was REACHED for a moment; the withdrawal must undo it, with an event.
      const transitions = await t.dataSource.query("SELECT payload FROM domain_event WHERE type = 'GROUP_STATE_CHANGED' AND subjectId = ? ORDER BY id", [group.id]);
      const states = transitions.map((e: { payload: string }) => JSON.parse(e.payload).to);
      expect(states.length === 0 || states.at(-1) === GroupState.Pending).toBe(true);
    }
  }, 300_000);
});
