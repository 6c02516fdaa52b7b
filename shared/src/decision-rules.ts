/**
 * Decision rules applied to one group (implementation unit, building or compound).
 * Pure: the server runs them inside the answer transaction; the mini-program may preview them.
 */
import { Answer, DecisionRule, GroupState } from './consultation.js';

export interface HouseholdVote {
  householdId: string;
  /** Exclusive-part area in hundredths of a m², so thresholds are exact integer comparisons. */
  areaCenti: number;
  /** Who counts as one owner for headcount (an owner of several flats counts once). */
  ownerKey: string;
  answer: Answer | null;
  optionId?: string | null;
  /** Refused again after the required home visits, and marked final by staff. */
  finalRefusal?: boolean;
}

export interface RuleParams {
  /** PLURALITY: share of households that must answer, 0..100. */
  turnoutPercent?: number;
  /** True once the deadline has passed: pending becomes failed. */
  closed: boolean;
}

export interface GroupTally {
  households: number;
  responded: number;
  agreed: number;
  refused: number;
  abstained: number;
  finalRefusals: number;
  areaTotal: number;
  areaResponded: number;
  areaAgreed: number;
  ownersTotal: number;
  ownersResponded: number;
  ownersAgreed: number;
  optionVotes: Record<string, number>;
}

export interface GroupOutcome {
  state: GroupState;
  /** Readable Chinese reason for the state, shown to committee and street staff. */
  reason: string;
  /** PLURALITY: the option ahead (or chosen once REACHED). */
  leadingOptionId: string | null;
  /** How many more agreeing households the group needs at best; 0 when reached. */
  missing: number;
  tally: GroupTally;
}

export function tallyVotes(votes: HouseholdVote[]): GroupTally {
  const owners = new Map<string, { responded: boolean; allAgree: boolean }>();
  const tally: GroupTally = {
    households: votes.length,
    responded: 0,
    agreed: 0,
    refused: 0,
    abstained: 0,
    finalRefusals: 0,
    areaTotal: 0,
    areaResponded: 0,
    areaAgreed: 0,
    ownersTotal: 0,
    ownersResponded: 0,
    ownersAgreed: 0,
    optionVotes: {},
  };
  for (const vote of votes) {
    tally.areaTotal += vote.areaCenti;
    const owner = owners.get(vote.ownerKey) ?? { responded: false, allAgree: true };
    owners.set(vote.ownerKey, owner);
    if (vote.answer === null) continue;
    tally.responded++;
    tally.areaResponded += vote.areaCenti;
    owner.responded = true;
    if (vote.answer !== Answer.Agree) owner.allAgree = false;
    if (vote.answer === Answer.Agree) {
      tally.agreed++;
      tally.areaAgreed += vote.areaCenti;
    } else if (vote.answer === Answer.Refuse) {
      tally.refused++;
      if (vote.finalRefusal) tally.finalRefusals++;
    } else if (vote.answer === Answer.Abstain) {
      tally.abstained++;
    } else if (vote.answer === Answer.Option && vote.optionId) {
      tally.optionVotes[vote.optionId] = (tally.optionVotes[vote.optionId] ?? 0) + 1;
    }
  }
  tally.ownersTotal = owners.size;
  for (const owner of owners.values()) {
    if (!owner.responded) continue;
    tally.ownersResponded++;
    // An owner of several flats agrees by headcount only when every flat they answered for agrees.
    if (owner.allAgree) tally.ownersAgreed++;
  }
  return tally;
}

export function evaluateGroup(rule: DecisionRule, votes: HouseholdVote[], params: RuleParams): GroupOutcome {
  const tally = tallyVotes(votes);
  switch (rule) {
    case DecisionRule.Unanimous:
      return unanimous(tally, params);
    case DecisionRule.CivilCodeMajor:
      return civilCode(tally, params, { num: 3, den: 4, strict: false }, '四分之三');
    case DecisionRule.CivilCodeOrdinary:
      return civilCode(tally, params, { num: 1, den: 2, strict: true }, '过半数');
    case DecisionRule.Plurality:
      return plurality(tally, params);
  }
}

function outcome(state: GroupState, reason: string, tally: GroupTally, missing: number, leadingOptionId: string | null = null): GroupOutcome {
  return { state, reason, tally, missing, leadingOptionId };
}

function unanimous(tally: GroupTally, params: RuleParams): GroupOutcome {
  const missing = tally.households - tally.agreed;
  if (tally.households === 0) return outcome(GroupState.Failed, '该组没有住户', tally, 0);
  if (missing === 0) return outcome(GroupState.Reached, `全部 ${tally.households} 户同意`, tally, 0);
  if (tally.finalRefusals > 0) {
    return outcome(GroupState.Failed, `${tally.finalRefusals} 户经多次上门沟通仍不同意，本组不实施`, tally, missing);
  }
  if (params.closed) return outcome(GroupState.Failed, `截止时仍有 ${missing} 户未同意`, tally, missing);
  return outcome(GroupState.Pending, `${tally.agreed}/${tally.households} 户同意，还差 ${missing} 户`, tally, missing);
}

/** a/b ≥ num/den (or > when strict), in integers; an empty base counts as met. */
function meets(part: number, whole: number, num: number, den: number, strict: boolean): boolean {
  if (whole === 0) return true;
  return strict ? part * den > whole * num : part * den >= whole * num;
}

function civilCode(tally: GroupTally, params: RuleParams, approval: { num: number; den: number; strict: boolean }, label: string): GroupOutcome {
  if (tally.households === 0) return outcome(GroupState.Failed, '该组没有住户', tally, 0);
  const participationByArea = meets(tally.areaResponded, tally.areaTotal, 2, 3, false);
  const participationByOwners = tally.ownersResponded > 0 && meets(tally.ownersResponded, tally.ownersTotal, 2, 3, false);
  const approvalByArea = meets(tally.areaAgreed, tally.areaResponded, approval.num, approval.den, approval.strict);
  const approvalByOwners = meets(tally.ownersAgreed, tally.ownersResponded, approval.num, approval.den, approval.strict);
  const reached = participationByArea && participationByOwners && approvalByArea && approvalByOwners;
  const missing = Math.max(0, Math.ceil((tally.ownersTotal * 2) / 3) - tally.ownersResponded);
  if (reached) return outcome(GroupState.Reached, `参与表决的专有部分面积和人数均达三分之二以上，同意者达${label}`, tally, 0);
  const reason = !(participationByArea && participationByOwners)
    ? `参与表决的面积或人数未达三分之二（已参与 ${tally.ownersResponded}/${tally.ownersTotal} 人）`
    : `同意的面积或人数未达参与表决者的${label}`;
  return outcome(params.closed ? GroupState.Failed : GroupState.Pending, params.closed ? `截止时${reason}` : reason, tally, missing);
}

function plurality(tally: GroupTally, params: RuleParams): GroupOutcome {
  if (tally.households === 0) return outcome(GroupState.Failed, '该组没有住户', tally, 0);
  const turnoutPercent = params.turnoutPercent ?? 50;
  const needed = Math.ceil((tally.households * turnoutPercent) / 100);
  const ranked = Object.entries(tally.optionVotes).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  const leader = first && (!second || first[1] > second[1]) ? first[0] : null;
  const missing = Math.max(0, needed - tally.responded);
  if (missing === 0 && leader) return outcome(GroupState.Reached, `投票率已达 ${turnoutPercent}%，得票最多的方案胜出`, tally, 0, leader);
  const reason = missing > 0 ? `投票率未达 ${turnoutPercent}%，还差 ${missing} 户` : '得票最多的方案并列，尚无结果';
  return outcome(params.closed ? GroupState.Failed : GroupState.Pending, params.closed ? `截止时${reason}` : reason, tally, missing, leader);
}
