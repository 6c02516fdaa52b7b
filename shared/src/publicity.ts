/**
 * Publicity of results (API.md "Publicity, objections and printable records", issue 12): the
 * preliminary result (初步统计结果公示) with its objection window (询异公示), objections and their
 * answers, then the final result (结果公示). Seed 000 §三(四); DOMAIN "How owners and areas are counted".
 * The contract's shapes and the pure rules both the server and the mini-program apply.
 */

import type { GroupState, ConsultationKind, DecisionRule } from './consultation.js';

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
