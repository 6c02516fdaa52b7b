/**
 * Publicity of results (API.md "Publicity, objections and printable records", issue 12): the
 * preliminary result (初步统计结果公示) with its objection window (询异公示), objections and their
 * answers, then the final result (结果公示). Seed 000 §三(四); DOMAIN "How owners and areas are counted".
 * The contract's shapes and the pure rules both the server and the mini-program apply.
 */

import { Answer, type GroupState, type ConsultationKind, type DecisionRule } from './consultation.js';

/** What a household's entry on the board says: never who answered, only the class of answer. */
export enum AnswerClass {
  Agreed = 'AGREED',
  Refused = 'REFUSED',
  Abstained = 'ABSTAINED',
  /** PLURALITY: voted for `optionId`. */
  Option = 'OPTION',
  NoAnswer = 'NO_ANSWER',
}

export const ANSWER_CLASS_LABELS: Record<AnswerClass, string> = {
  [AnswerClass.Agreed]: '同意',
  [AnswerClass.Refused]: '不同意',
  [AnswerClass.Abstained]: '弃权',
  [AnswerClass.Option]: '已投票',
  [AnswerClass.NoAnswer]: '未表态',
};

export enum PublicityStage {
  /** Nothing published yet: residents see no counts. */
  None = 'NONE',
  Preliminary = 'PRELIMINARY',
  Final = 'FINAL',
}

export enum ObjectionStatus {
  Open = 'OPEN',
  /** The committee answered it (`upheld` says whether the entry was wrong). */
  Resolved = 'RESOLVED',
}

export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, string> = {
  [ObjectionStatus.Open]: '待答复',
  [ObjectionStatus.Resolved]: '已答复',
};

/** Days the objection window stays open (询异公示期). */
export const OBJECTION_DAYS = { min: 1, max: 30, default: 7 } as const;
export const OBJECTION_TEXT_MAX = 500;
export const RESOLUTION_TEXT_MAX = 500;

export interface PreliminaryResultRequest {
  objectionDays: number;
}

export interface ObjectionRequest {
  /** The household whose entry on the board is objected to (any household of the compound). */
  householdId: string;
  text: string;
}

export interface ObjectionResolutionRequest {
  resolution: string;
  /** The committee finds the entry was wrong (异议成立); absent means it was not (异议不成立). */
  upheld?: boolean;
}

export interface ObjectionView {
  id: string;
  consultationId: string;
  /** The entry objected to. */
  householdId: string;
  householdLabel: string;
  text: string;
  status: ObjectionStatus;
  resolution: string | null;
  /** Null while open. */
  upheld: boolean | null;
  resolvedAt: string | null;
  createdAt: string;
  /** Residents: true on objections they filed (others' are not shown to them). Staff: always false. */
  mine: boolean;
  /** Staff only: the label of the filer's household; null for residents. */
  filedByHouseholdLabel: string | null;
}

export interface PublicityHousehold {
  householdId: string;
  /** Room label only (e.g. 1号楼2单元301): never a name or a phone. */
  label: string;
  answerClass: AnswerClass;
  optionId: string | null;
}

export interface AreaCounts {
  total: number;
  agreed: number;
  refused: number;
  abstained: number;
  noAnswer: number;
}

export interface PublicityGroup {
  groupId: string;
  label: string;
  state: GroupState;
  households: number;
  agreed: number;
  refused: number;
  abstained: number;
  noAnswer: number;
  /** Square metres of the exclusive parts, as counted for Civil Code art. 278. */
  areaM2: AreaCounts;
  optionVotes?: Array<{ optionId: string; votes: number }>;
  entries: PublicityHousehold[];
}

export interface PublicityView {
  consultationId: string;
  compoundId: string;
  kind: ConsultationKind;
  title: string;
  rule: DecisionRule;
  stage: PublicityStage;
  /** Staff only, stage NONE: live counts shown as a preview of what would be published. */
  preview: boolean;
  preliminaryAt: string | null;
  objectionDays: number | null;
  objectionClosesAt: string | null;
  /** Objections may be filed now. */
  windowOpen: boolean;
  finalAt: string | null;
  /** SHA-256 of the published snapshot (the groups as published): the board and the PDF name it. */
  snapshotSha256: string | null;
  groups: PublicityGroup[];
  /** Residents: their own objections; staff: every objection. */
  objections: ObjectionView[];
  openObjections: number;
}

/** A resident's list: consultations of their compounds whose result is published. */
export interface MyPublicity {
  consultationId: string;
  title: string;
  kind: ConsultationKind;
  stage: PublicityStage;
  objectionClosesAt: string | null;
  windowOpen: boolean;
  finalAt: string | null;
}

// ─── Pure rules (server and mini-program) ───────────────────────────────────────────────────

export const PUBLICITY_STAGE_LABELS: Record<PublicityStage, string> = {
  [PublicityStage.None]: '尚未公示',
  [PublicityStage.Preliminary]: '初步统计结果公示',
  [PublicityStage.Final]: '结果公示',
};

/** A group's state as the notice board words it. */
export const PUBLICITY_GROUP_STATE_LABELS: Record<GroupState, string> = {
  PENDING: '尚未形成结果',
  REACHED: '通过',
  FAILED: '未通过',
};

const DAY_MS = 24 * 3600 * 1000;

/** The class of a household's counted answer (null: none). An OPTION answer without an option counts as no answer, as the tally does. */
export function answerClassOf(answer: Answer | null, optionId: string | null = null): AnswerClass {
  switch (answer) {
    case Answer.Agree:
      return AnswerClass.Agreed;
    case Answer.Refuse:
      return AnswerClass.Refused;
    case Answer.Abstain:
      return AnswerClass.Abstained;
    case Answer.Option:
      return optionId ? AnswerClass.Option : AnswerClass.NoAnswer;
    default:
      return AnswerClass.NoAnswer;
  }
}

/** One household of a group as counted: its entry on the board and its area in hundredths of a m² (exact sums). */
export interface CountedHousehold {
  householdId: string;
  label: string;
  areaCenti: number;
  answerClass: AnswerClass;
  optionId: string | null;
}

const m2 = (centi: number) => centi / 100;

/**
 * A group as the board shows it: counts by households and by area (an OPTION vote is in neither
 * agreed, refused nor abstained, and counted per option), entries by label (2号楼 before 10号楼).
 */
export function publicityGroup(group: { groupId: string; label: string; state: GroupState; plurality: boolean }, households: CountedHousehold[]): PublicityGroup {
  const area = { total: 0, agreed: 0, refused: 0, abstained: 0, noAnswer: 0 };
  const counts = { agreed: 0, refused: 0, abstained: 0, noAnswer: 0 };
  const votes = new Map<string, number>();
  for (const h of households) {
    area.total += h.areaCenti;
    const key = ({ AGREED: 'agreed', REFUSED: 'refused', ABSTAINED: 'abstained', NO_ANSWER: 'noAnswer' } as const)[h.answerClass as Exclude<AnswerClass, AnswerClass.Option>];
    if (key) {
      counts[key]++;
      area[key] += h.areaCenti;
    } else if (h.optionId) votes.set(h.optionId, (votes.get(h.optionId) ?? 0) + 1);
  }
  const entries = [...households]
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-Hans-CN', { numeric: true }) || a.householdId.localeCompare(b.householdId))
    .map((h) => ({ householdId: h.householdId, label: h.label, answerClass: h.answerClass, optionId: h.answerClass === AnswerClass.Option ? h.optionId : null }));
  return {
    groupId: group.groupId,
    label: group.label,
    state: group.state,
    households: households.length,
    ...counts,
    areaM2: { total: m2(area.total), agreed: m2(area.agreed), refused: m2(area.refused), abstained: m2(area.abstained), noAnswer: m2(area.noAnswer) },
    ...(group.plurality ? { optionVotes: [...votes].sort(([a], [b]) => a.localeCompare(b)).map(([optionId, n]) => ({ optionId, votes: n })) } : {}),
    entries,
  };
}

/**
 * The published snapshot as one canonical text: groups by label, every key in a fixed order. Its
 * SHA-256 (of the UTF-8 bytes) is the `snapshotSha256` printed on the notice; anyone holding the
 * snapshot can recompute it.
 */
export function publicitySnapshotText(groups: PublicityGroup[]): string {
  const ordered = [...groups].sort((a, b) => a.label.localeCompare(b.label, 'zh-Hans-CN', { numeric: true }) || a.groupId.localeCompare(b.groupId));
  return JSON.stringify(
    ordered.map((g) => ({
      groupId: g.groupId,
      label: g.label,
      state: g.state,
      households: g.households,
      agreed: g.agreed,
      refused: g.refused,
      abstained: g.abstained,
      noAnswer: g.noAnswer,
      areaM2: { total: g.areaM2.total, agreed: g.areaM2.agreed, refused: g.areaM2.refused, abstained: g.areaM2.abstained, noAnswer: g.areaM2.noAnswer },
      ...(g.optionVotes ? { optionVotes: g.optionVotes.map((v) => ({ optionId: v.optionId, votes: v.votes })) } : {}),
      entries: g.entries.map((e) => ({ householdId: e.householdId, label: e.label, answerClass: e.answerClass, optionId: e.optionId })),
    })),
  );
}

/** When the objection window of a preliminary result published at `preliminaryAt` closes: `days` × 24 h later. */
export function objectionClosesAt(preliminaryAt: Date, days: number): Date {
  return new Date(preliminaryAt.getTime() + days * DAY_MS);
}

/** Objections may be filed: the preliminary result is published, not yet final, and its window has not closed. */
export function objectionWindowOpen(publicity: { stage: PublicityStage; objectionClosesAt: Date | string | null }, now: Date): boolean {
  if (publicity.stage !== PublicityStage.Preliminary || !publicity.objectionClosesAt) return false;
  return now.getTime() < new Date(publicity.objectionClosesAt).getTime();
}

/** Whole days left in the window, rounded up (0 once closed): 「异议期还剩 N 天」. */
export function objectionDaysLeft(publicity: { stage: PublicityStage; objectionClosesAt: Date | string | null }, now: Date): number {
  if (!objectionWindowOpen(publicity, now)) return 0;
  return Math.ceil((new Date(publicity.objectionClosesAt!).getTime() - now.getTime()) / DAY_MS);
}

export type FinalRefusalCode = 'RESULT_ALREADY_FINAL' | 'PRELIMINARY_NOT_PUBLISHED' | 'OBJECTION_WINDOW_OPEN' | 'OBJECTIONS_UNRESOLVED';

export interface FinalRefusal {
  code: FinalRefusalCode;
  /** In words a committee member can act on. */
  message: string;
}

export interface FinalResultFacts {
  stage: PublicityStage;
  objectionClosesAt: Date | string | null;
  openObjections: number;
}

/**
 * Why the final result may not be published now, every reason at once (empty: it may). The window
 * must have closed and every objection must have been answered (seed 000 §三(四): 询异 before 结果公示).
 */
export function finalResultRefusals(facts: FinalResultFacts, now: Date, formatTime: (at: Date) => string): FinalRefusal[] {
  if (facts.stage === PublicityStage.Final) return [{ code: 'RESULT_ALREADY_FINAL', message: '最终结果已经公示，不能重复发布' }];
  if (facts.stage === PublicityStage.None) return [{ code: 'PRELIMINARY_NOT_PUBLISHED', message: '请先发布初步统计结果，并经过异议期后再发布最终结果' }];
  const refusals: FinalRefusal[] = [];
  if (objectionWindowOpen(facts, now)) {
    refusals.push({ code: 'OBJECTION_WINDOW_OPEN', message: `异议期尚未结束（${formatTime(new Date(facts.objectionClosesAt!))}截止），截止后才能发布最终结果` });
  }
  if (facts.openObjections > 0) refusals.push({ code: 'OBJECTIONS_UNRESOLVED', message: `还有 ${facts.openObjections} 条异议未答复，请逐条答复后再发布最终结果` });
  return refusals;
}
