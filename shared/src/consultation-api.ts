/** Consultation request and response shapes (shared/API.md, Consultations), for server and mini-program. */
import type { Answer, AnswerChannel, ConsultationKind, ConsultationStatus, DecisionRule, GroupBy, GroupState } from './consultation.js';
import type { PipelineSummary } from './pipeline.js';

export interface ConsultationOption {
  id: string;
  title: string;
  description: string;
  /** Optional picture of the design (https URL or data URL). */
  imageUrl?: string | null;
}

export interface Disclosure {
  id: string;
  text: string;
}

export interface CreateConsultationRequest {
  compoundId: string;
  kind: ConsultationKind;
  title: string;
  body: string;
  rule: DecisionRule;
  groupBy: GroupBy;
  options?: ConsultationOption[];
  disclosures?: Disclosure[];
  opensAt: string;
  deadline: string;
  unitIds?: string[];
  /** PLURALITY: share of households that must vote (default 50). */
  turnoutPercent?: number;
  /** Only owners may answer (default: true except SATISFACTION_SURVEY and GENERAL). */
  ownersOnly?: boolean;
  /** Home visits with a refusal before a refusal may be marked final (default 3). */
  visitsBeforeFinal?: number;
}

export interface ConsultationView {
  id: string;
  compoundId: string;
  kind: ConsultationKind;
  title: string;
  body: string;
  rule: DecisionRule;
  groupBy: GroupBy;
  options: ConsultationOption[];
  disclosures: Disclosure[];
  opensAt: string;
  deadline: string;
  status: ConsultationStatus;
  unitIds: string[] | null;
  turnoutPercent: number;
  ownersOnly: boolean;
  visitsBeforeFinal: number;
  /** SHA-256 of the text residents sign (title, body, options, disclosures, rule, deadline). */
  textSha256: string;
  createdAt: string;
  publishedAt: string | null;
  closedAt: string | null;
}

export interface SubmitResponseRequest {
  answer: Answer;
  optionId?: string;
  acknowledgedDisclosureIds: string[];
  /** data:image/png;base64,… or bare base64 of a PNG. */
  signaturePng?: string;
  channel?: AnswerChannel;
  paperScanPng?: string;
  /** DOMAIN rule 3: the household asks for work above the basic restoration standard. */
  upgradeRequest?: string;
}

export interface GroupView {
  groupId: string;
  label: string;
  households: number;
  responded: number;
  agreed: number;
  refused: number;
  abstained: number;
  pending: number;
  state: GroupState;
  reason: string;
  leadingOptionId: string | null;
  /** Above-standard upgrades quoted but not yet paid in this group. */
  unpaidUpgrades: number;
  /** Agreeing households the group still needs to reach its decision. */
  missing?: number;
  /** PLURALITY: votes per option in this group. */
  optionVotes?: Array<{ optionId: string; votes: number }>;
}

export interface SubmitResponseResult {
  householdId: string;
  answer: Answer;
  optionId: string | null;
  version: number;
  signatureSha256: string | null;
  /** Binds consultation text, household, answer and time: any later change is detectable. */
  evidenceSha256: string;
  answeredAt: string;
  groupState: GroupState;
  group: GroupView;
}

export interface MyConsultation {
  consultation: ConsultationView;
  householdId: string;
  householdLabel: string;
  /** The household's current answer, null when not answered yet. */
  answer: Answer | null;
  optionId: string | null;
  answeredAt: string | null;
  /** The current answer's evidence hash (the receipt's 存证编号), null when not answered. */
  evidenceSha256: string | null;
  group: GroupView;
  /** False for tenants on owners-only consultations. */
  canAnswer: boolean;
}

export interface OutstandingHousehold {
  householdId: string;
  label: string;
  ownerName: string;
  phone: string | null;
  answer: Answer | null;
  visits: number;
  lastContactAt: string | null;
  finalRefusal: boolean;
}

export interface OutstandingUnit {
  unitId: string;
  label: string;
  /** Agreeing households still needed for the unit (for UNANIMOUS: not yet agreed). */
  missing: number;
  households: OutstandingHousehold[];
}

export enum VisitOutcome {
  Agreed = 'AGREED',
  Refused = 'REFUSED',
  Undecided = 'UNDECIDED',
  NotHome = 'NOT_HOME',
}

export interface HomeVisitRequest {
  consultationId: string;
  outcome: VisitOutcome;
  note: string;
}

export interface HomeVisitView {
  id: string;
  consultationId: string;
  householdId: string;
  outcome: VisitOutcome;
  note: string;
  staffId: string;
  /** Who visited, as their account is named (the visit history shows it). */
  staffName?: string;
  visitedAt: string;
}

export interface StreetStatusConsultation {
  id: string;
  title: string;
  kind: ConsultationKind;
  rule: DecisionRule;
  groupBy: GroupBy;
  status: ConsultationStatus;
  deadline: string;
  groups: { total: number; reached: number; pending: number; failed: number };
  households: { answered: number; total: number };
}

export interface StreetStatus {
  streetOfficeId: string;
  name: string;
  communities: Array<{
    id: string;
    name: string;
    compounds: Array<{ id: string; name: string; consultations: StreetStatusConsultation[]; pipeline: PipelineSummary }>;
  }>;
}

/** One version of a household's answer, as GET /consultations/{id}/responses/{householdId} returns it. */
export interface AnswerVersion {
  version: number;
  answer: Answer;
  optionId: string | null;
  channel: AnswerChannel;
  residentId: string | null;
  staffId: string | null;
  acknowledgedDisclosureIds: string[];
  signatureSha256: string | null;
  paperScanSha256: string | null;
  evidenceSha256: string;
  answeredAt: string;
}

export interface AnswerHistory {
  current: (AnswerVersion & { finalRefusalAt: string | null }) | null;
  history: AnswerVersion[];
}
