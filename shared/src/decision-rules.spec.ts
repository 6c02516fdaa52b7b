import { Answer, DecisionRule, GroupState } from './consultation.js';
import { evaluateGroup, type HouseholdVote } from './decision-rules.js';

let next = 0;
function vote(answer: Answer | null, areaM2 = 60, owner?: string, extra: Partial<HouseholdVote> = {}): HouseholdVote {
  next++;
  return { householdId: `h${next}`, areaCenti: Math.round(areaM2 * 100), ownerKey: owner ?? `o${next}`, answer, ...extra };
}
const many = (n: number, answer: Answer | null, areaM2 = 60) => Array.from({ length: n }, () => vote(answer, areaM2));
const open = { closed: false };
const closed = { closed: true };

describe('UNANIMOUS', () => {
  it('is reached only when every household agrees', () => {
    expect(evaluateGroup(DecisionRule.Unanimous, many(12, Answer.Agree), open)).toMatchObject({ state: GroupState.Reached, missing: 0 });
    const eleven = evaluateGroup(DecisionRule.Unanimous, [...many(11, Answer.Agree), vote(null)], open);
    expect(eleven).toMatchObject({ state: GroupState.Pending, missing: 1, reason: '11/12 户同意，还差 1 户' });
  });

  it('treats an abstention or refusal as not agreeing', () => {
    expect(evaluateGroup(DecisionRule.Unanimous, [...many(3, Answer.Agree), vote(Answer.Abstain)], open).state).toBe(GroupState.Pending);
    expect(evaluateGroup(DecisionRule.Unanimous, [...many(3, Answer.Agree), vote(Answer.Refuse)], open).state).toBe(GroupState.Pending);
  });

  it('fails on a final refusal, or at the deadline with anyone missing', () => {
    const finalRefusal = evaluateGroup(DecisionRule.Unanimous, [...many(3, Answer.Agree), vote(Answer.Refuse, 60, undefined, { finalRefusal: true })], open);
    expect(finalRefusal).toMatchObject({ state: GroupState.Failed, reason: expect.stringContaining('多次上门') });
    expect(evaluateGroup(DecisionRule.Unanimous, [...many(3, Answer.Agree), vote(null)], closed)).toMatchObject({ state: GroupState.Failed });
  });

  it('handles a one-household unit and zero-area households', () => {
    expect(evaluateGroup(DecisionRule.Unanimous, [vote(Answer.Agree, 0)], open).state).toBe(GroupState.Reached);
    expect(evaluateGroup(DecisionRule.Unanimous, [vote(null, 0)], open).state).toBe(GroupState.Pending);
  });

  it('counts households, not owners: one owner of two flats answers for each', () => {
    const outcome = evaluateGroup(DecisionRule.Unanimous, [vote(Answer.Agree, 60, 'same'), vote(null, 60, 'same')], open);
    expect(outcome).toMatchObject({ state: GroupState.Pending, missing: 1 });
  });
});

describe('CIVIL_CODE_MAJOR (participation ≥ 2/3, approval ≥ 3/4 of participants, by area and headcount)', () => {
  it('is reached at exactly 2/3 participation and exactly 3/4 approval', () => {
    // 12 owners, equal area: 8 take part (2/3), 6 of them agree (3/4).
    const votes = [...many(6, Answer.Agree), ...many(2, Answer.Refuse), ...many(4, null)];
    expect(evaluateGroup(DecisionRule.CivilCodeMajor, votes, open).state).toBe(GroupState.Reached);
  });

  it('is not reached one vote below either threshold', () => {
    const lowParticipation = [...many(6, Answer.Agree), ...many(1, Answer.Refuse), ...many(5, null)]; // 7/12 < 2/3
    expect(evaluateGroup(DecisionRule.CivilCodeMajor, lowParticipation, open).state).toBe(GroupState.Pending);
    const lowApproval = [...many(5, Answer.Agree), ...many(3, Answer.Refuse), ...many(4, null)]; // 5/8 < 3/4
    expect(evaluateGroup(DecisionRule.CivilCodeMajor, lowApproval, closed)).toMatchObject({ state: GroupState.Failed, reason: expect.stringContaining('四分之三') });
  });

  it('needs both area and headcount: a big flat cannot outvote the owners', () => {
    // 4 owners all take part; 1 huge flat agrees (3/4+ of the area), 3 small ones refuse.
    const votes = [vote(Answer.Agree, 300), vote(Answer.Refuse, 30), vote(Answer.Refuse, 30), vote(Answer.Refuse, 30)];
    expect(evaluateGroup(DecisionRule.CivilCodeMajor, votes, closed).state).toBe(GroupState.Failed);
  });

  it('counts an owner of several flats once by headcount but adds their areas', () => {
    // Owner A holds 3 flats (all agree); owners B and C refuse. Headcount 1/3 agree: not reached.
    const votes = [vote(Answer.Agree, 50, 'A'), vote(Answer.Agree, 50, 'A'), vote(Answer.Agree, 50, 'A'), vote(Answer.Refuse, 50, 'B'), vote(Answer.Refuse, 50, 'C')];
    const outcome = evaluateGroup(DecisionRule.CivilCodeMajor, votes, open);
    expect(outcome.tally).toMatchObject({ ownersTotal: 3, ownersResponded: 3, ownersAgreed: 1, areaAgreed: 15000 });
    expect(outcome.state).toBe(GroupState.Pending);
  });

  it('counts abstentions as taking part without agreeing', () => {
    const votes = [...many(3, Answer.Agree), vote(Answer.Abstain)]; // 3/4 of participants
    expect(evaluateGroup(DecisionRule.CivilCodeMajor, votes, open).state).toBe(GroupState.Reached);
    expect(evaluateGroup(DecisionRule.CivilCodeMajor, [...many(2, Answer.Agree), ...many(2, Answer.Abstain)], open).state).toBe(GroupState.Pending);
  });

  it('handles zero-area households by headcount alone', () => {
    const votes = [vote(Answer.Agree, 0), vote(Answer.Agree, 0), vote(Answer.Agree, 0)];
    expect(evaluateGroup(DecisionRule.CivilCodeMajor, votes, open).state).toBe(GroupState.Reached);
  });
});

describe('CIVIL_CODE_ORDINARY (participation ≥ 2/3, approval > 1/2)', () => {
  it('needs strictly more than half: exactly half is not enough', () => {
    expect(evaluateGroup(DecisionRule.CivilCodeOrdinary, [...many(2, Answer.Agree), ...many(2, Answer.Refuse)], closed).state).toBe(GroupState.Failed);
    expect(evaluateGroup(DecisionRule.CivilCodeOrdinary, [...many(3, Answer.Agree), ...many(2, Answer.Refuse)], open).state).toBe(GroupState.Reached);
  });

  it('checks approval by area too', () => {
    const votes = [vote(Answer.Agree, 40), vote(Answer.Agree, 40), vote(Answer.Refuse, 100)]; // 2/3 owners, 80/180 area
    expect(evaluateGroup(DecisionRule.CivilCodeOrdinary, votes, open).state).toBe(GroupState.Pending);
  });
});

describe('PLURALITY', () => {
  const option = (optionId: string) => vote(Answer.Option, 60, undefined, { optionId });

  it('picks the option with most votes once turnout is met', () => {
    const votes = [option('a'), option('a'), option('b'), vote(null)];
    expect(evaluateGroup(DecisionRule.Plurality, votes, { closed: false, turnoutPercent: 75 })).toMatchObject({ state: GroupState.Reached, leadingOptionId: 'a' });
  });

  it('waits for the turnout floor', () => {
    const votes = [option('a'), option('a'), vote(null), vote(null)];
    expect(evaluateGroup(DecisionRule.Plurality, votes, { closed: false, turnoutPercent: 75 })).toMatchObject({ state: GroupState.Pending, missing: 1, leadingOptionId: 'a' });
  });

  it('has no winner on a tie, and fails at the deadline', () => {
    const votes = [option('a'), option('b')];
    expect(evaluateGroup(DecisionRule.Plurality, votes, { closed: true, turnoutPercent: 50 })).toMatchObject({ state: GroupState.Failed, leadingOptionId: null });
  });
});
