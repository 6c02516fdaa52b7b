/**
 * Acceptance and warranty (API.md "Acceptance and warranty", issue 11): per-household inspections
 * and acceptance (分户验收, seed 000 §六(一)(二)), the warranty notice and repairs under it (§六(四)).
 * The contract's shapes and the pure rules both the server and the mini-program apply.
 */

import { shanghaiDate } from './time-zone.js';

/** What the crew does in the flat; each kind has its own inspection template and warranty parts. */
export enum WorkKind {
  Plumbing = 'PLUMBING',
  Windows = 'WINDOWS',
}

export const WORK_KIND_LABELS: Record<WorkKind, string> = {
  [WorkKind.Plumbing]: '给排水立管更换',
  [WorkKind.Windows]: '外窗更换',
};

export enum InspectionTest {
  BallPass = 'BALL_PASS',
  NoLeak = 'NO_LEAK',
  WaterPressure = 'WATER_PRESSURE',
  Restoration = 'RESTORATION',
  /** Windows: the spray test (淋水试验) shows no seepage at frame or glazing. */
  WindowSeal = 'WINDOW_SEAL',
  /** Windows: sashes open and close smoothly, hardware complete. */
  WindowOperation = 'WINDOW_OPERATION',
  Other = 'OTHER',
}

export const INSPECTION_TEST_LABELS: Record<InspectionTest, string> = {
  [InspectionTest.BallPass]: '通球试验',
  [InspectionTest.NoLeak]: '管根不渗不漏',
  [InspectionTest.WaterPressure]: '通水试压',
  [InspectionTest.Restoration]: '墙地面恢复',
  [InspectionTest.WindowSeal]: '淋水试验不渗漏',
  [InspectionTest.WindowOperation]: '开关灵活、五金齐全',
  [InspectionTest.Other]: '其他',
};

export interface InspectionTemplate {
  /** Without every one of these, passed, the inspection does not pass (seed 000 §六(一) for plumbing). */
  required: InspectionTest[];
  optional: InspectionTest[];
}

export const INSPECTION_TEMPLATES: Record<WorkKind, InspectionTemplate> = {
  [WorkKind.Plumbing]: {
    required: [InspectionTest.BallPass, InspectionTest.NoLeak],
    optional: [InspectionTest.WaterPressure, InspectionTest.Restoration, InspectionTest.Other],
  },
  [WorkKind.Windows]: {
    required: [InspectionTest.WindowSeal, InspectionTest.WindowOperation],
    optional: [InspectionTest.Restoration, InspectionTest.Other],
  },
};

export const INSPECTION_LIMITS = {
  results: 10,
  value: 40,
  note: 300,
  defects: 10,
  defectDescription: 200,
  repairDescription: 300,
  supervisorName: 20,
  supervisors: 2,
} as const;

export interface InspectionResultInput {
  test: InspectionTest;
  passed: boolean;
  /** A measured value as the crew writes it, e.g. 「Φ75 球，一次通过」 or 「0.6 MPa 稳压 15 分钟」. */
  value?: string;
  /** A photo of the test (PNG or JPEG, data URL or base64), stored as evidence by its hash. */
  photoPng?: string;
}

/** Why a set of results cannot be recorded at all (400), or null: a test the kind of work has no use for, or one given twice. */
export function inspectionResultsProblem(kind: WorkKind, results: Array<{ test: InspectionTest }>): string | null {
  if (!results.length) return '请至少填写一项检测结果';
  const template = INSPECTION_TEMPLATES[kind];
  const allowed = new Set([...template.required, ...template.optional]);
  const seen = new Set<InspectionTest>();
  for (const { test } of results) {
    if (!allowed.has(test)) return `${WORK_KIND_LABELS[kind]}的验收没有「${INSPECTION_TEST_LABELS[test] ?? test}」这一项`;
    if (seen.has(test)) return `「${INSPECTION_TEST_LABELS[test]}」填写了两次`;
    seen.add(test);
  }
  return null;
}

/** The required tests of the kind that are not among the results. */
export function missingTests(kind: WorkKind, results: Array<{ test: InspectionTest }>): InspectionTest[] {
  const given = new Set(results.map((r) => r.test));
  return INSPECTION_TEMPLATES[kind].required.filter((test) => !given.has(test));
}

/** An inspection passes when every result passed and every required test of its kind is there. */
export function inspectionPasses(kind: WorkKind, results: Array<{ test: InspectionTest; passed: boolean }>): boolean {
  return results.length > 0 && results.every((r) => r.passed) && missingTests(kind, results).length === 0;
}

export enum AcceptanceStatus {
  Pending = 'PENDING',
  Rework = 'REWORK',
  Accepted = 'ACCEPTED',
}

export const ACCEPTANCE_STATUS_LABELS: Record<AcceptanceStatus, string> = {
  [AcceptanceStatus.Pending]: '待验收',
  [AcceptanceStatus.Rework]: '整改中',
  [AcceptanceStatus.Accepted]: '已验收',
};

export enum AcceptanceDecision {
  Accept = 'ACCEPT',
  Reject = 'REJECT',
}

export enum AcceptanceChannel {
  Online = 'ONLINE',
  Paper = 'PAPER',
}

/**
 * What the rules need to know of one household's acceptance in one plan. Order, not clock time,
 * decides (two steps may share a second): the state row records whether an inspection came after
 * the last rework, under the household's row lock.
 */
export interface AcceptanceFacts {
  status: AcceptanceStatus;
  latestInspection: { passed: boolean } | null;
  /** False from a REJECT (the works went back to the crew) until the next inspection is recorded. */
  inspectedSinceRework: boolean;
}

export type AcceptanceRefusal = 'NOT_INSPECTED' | 'ALREADY_ACCEPTED';

export const ACCEPTANCE_REFUSAL_TEXT: Record<AcceptanceRefusal, string> = {
  NOT_INSPECTED: '施工单位还没有完成检测，或最近一次检测没有通过：检测通过后才能验收',
  ALREADY_ACCEPTED: '这户已经验收，验收记录不能更改；如有问题请在保修期内报修',
};

/** Whether the latest inspection passed and came after the last rework: the one condition of ACCEPT. */
export function passedSinceRework(facts: AcceptanceFacts): boolean {
  const latest = facts.latestInspection;
  return !!latest && latest.passed && facts.inspectedSinceRework;
}

/** Why a decision is refused (409), or null. REJECT needs an inspection to reject; nothing changes once accepted. */
export function acceptanceRefusal(facts: AcceptanceFacts, decision: AcceptanceDecision): AcceptanceRefusal | null {
  if (facts.status === AcceptanceStatus.Accepted) return 'ALREADY_ACCEPTED';
  if (decision === AcceptanceDecision.Accept) return passedSinceRework(facts) ? null : 'NOT_INSPECTED';
  return facts.latestInspection && facts.inspectedSinceRework ? null : 'NOT_INSPECTED';
}

/** A new acceptance inspection after acceptance is refused: later problems go through a repair. */
export function inspectionRefusal(status: AcceptanceStatus): 'ALREADY_ACCEPTED' | null {
  return status === AcceptanceStatus.Accepted ? 'ALREADY_ACCEPTED' : null;
}

// ---------- Contract shapes: inspections and acceptance ----------

/** `POST /api/households/{householdId}/inspections` (the compound's contractor). */
export interface InspectionRequest {
  workPlanId: string;
  results: InspectionResultInput[];
  note?: string;
}

export interface InspectionCreated {
  id: string;
  passed: boolean;
  /** Required tests of the kind not among the results (why it did not pass, if so). */
  missing: InspectionTest[];
  evidenceSha256: string;
}

export interface InspectionResultView {
  test: InspectionTest;
  passed: boolean;
  value: string | null;
  photoSha256: string | null;
}

export interface InspectionView {
  id: string;
  at: string;
  passed: boolean;
  missing: InspectionTest[];
  results: InspectionResultView[];
  note: string | null;
  inspectorName: string;
  evidenceSha256: string;
}

export interface DefectInput {
  description: string;
  photoPng?: string;
}

/** `PUT /api/households/{householdId}/acceptance`: the bound resident online with a signature, or committee staff on paper with a scan. */
export interface AcceptanceRequest {
  workPlanId: string;
  decision: AcceptanceDecision;
  /** With REJECT: what is wrong, at least one. */
  defects?: DefectInput[];
  signaturePng?: string;
  channel?: AcceptanceChannel;
  paperScanPng?: string;
}

export interface AcceptanceResult {
  householdId: string;
  status: AcceptanceStatus;
  evidenceSha256: string;
}

export interface SupervisorSignOffView {
  supervisorName: string;
  at: string;
  evidenceSha256: string;
}

/** One decision as recorded: who, how, when, on which inspection, bound by its evidence hash. */
export interface AcceptanceRecordView {
  id: string;
  decision: AcceptanceDecision;
  channel: AcceptanceChannel;
  at: string;
  /** 「居民本人（线上签名）」 or the staff member's name for a paper form. */
  signedBy: string;
  inspectionId: string | null;
  defects: Array<{ description: string; photoSha256: string | null }>;
  signatureSha256: string | null;
  paperScanSha256: string | null;
  evidenceSha256: string;
  signOffs: SupervisorSignOffView[];
}

/** `GET /api/households/{householdId}/acceptance?workPlanId=`: everything the resident sees before signing. */
export interface HouseholdAcceptanceView {
  householdId: string;
  label: string;
  workPlanId: string;
  title: string;
  kind: WorkKind;
  status: AcceptanceStatus;
  inspected: boolean;
  passed: boolean;
  /** ACCEPT would be taken now (`passedSinceRework`). */
  canAccept: boolean;
  template: InspectionTemplate;
  /** Newest first. */
  inspections: InspectionView[];
  /** Newest first. */
  records: AcceptanceRecordView[];
  acceptedAt: string | null;
}

// ---------- Progress ----------

export interface AcceptanceProgressHousehold {
  householdId: string;
  label: string;
  inspected: boolean;
  passed: boolean;
  status: AcceptanceStatus;
  /** When the passing inspection the household may accept on was recorded: the committee chases from then. */
  passedAt: string | null;
  acceptedAt: string | null;
}

export interface AcceptanceProgressUnit {
  unitId: string;
  label: string;
  households: number;
  inspected: number;
  passed: number;
  accepted: number;
  rework: number;
  /** Every household of the unit accepted. */
  complete: boolean;
  completedAt: string | null;
  list: AcceptanceProgressHousehold[];
}

/** `GET /api/work-plans/{id}/acceptance`: committee, street and contractor. No names, no phones. */
export interface AcceptanceProgressView {
  workPlanId: string;
  title: string;
  kind: WorkKind;
  units: AcceptanceProgressUnit[];
}

// ---------- Owner supervisors (seed 002 §五(五)3) ----------

export interface OwnerSupervisorView {
  householdId: string;
  label: string;
  name: string;
}

/** `GET / PUT /api/compounds/{compoundId}/owner-supervisors`: at most two, named by the committee. */
export interface OwnerSupervisorsRequest {
  supervisors: Array<{ householdId: string; name: string }>;
}

/** `POST /api/households/{householdId}/acceptance/sign-offs` (a bound resident of a supervisor's household). */
export interface SignOffRequest {
  workPlanId: string;
  signaturePng: string;
  note?: string;
}

/** `GET /api/me/supervision`: what the supervisor may sign off, per compound and plan. */
export interface SupervisionPlan {
  compoundId: string;
  compoundName: string;
  supervisorName: string;
  workPlanId: string;
  title: string;
  households: Array<{ householdId: string; label: string; status: AcceptanceStatus; acceptedAt: string | null; signedOff: boolean }>;
}

// ---------- Warranty (建设工程质量管理条例 art. 40) ----------

export enum WarrantyPart {
  Pipes = 'PIPES',
  Waterproofing = 'WATERPROOFING',
  Finishes = 'FINISHES',
  Windows = 'WINDOWS',
}

export const WARRANTY_PART_LABELS: Record<WarrantyPart, string> = {
  [WarrantyPart.Pipes]: '给排水管道',
  [WarrantyPart.Waterproofing]: '管根及卫生间防水',
  [WarrantyPart.Finishes]: '墙地面恢复',
  [WarrantyPart.Windows]: '外窗',
};

export const WARRANTY_PART_SCOPES: Record<WarrantyPart, string> = {
  [WarrantyPart.Pipes]: '本户内更换的给水、排水立管及支管、管件、阀门的渗漏、堵塞和损坏',
  [WarrantyPart.Waterproofing]: '管道穿楼板处（管根）及施工涉及的卫生间地面防水层的渗漏',
  [WarrantyPart.Finishes]: '施工拆改后恢复的墙面、地面、吊顶的开裂、空鼓和脱落',
  [WarrantyPart.Windows]: '更换的外窗框、扇、玻璃和五金件的渗漏、变形和损坏',
};

/** Art. 40: supply and drainage pipes, fitting-out and installation 2 years; waterproofing of wet rooms 5 years. */
export const STATUTORY_MINIMUM_YEARS: Record<WarrantyPart, number> = {
  [WarrantyPart.Pipes]: 2,
  [WarrantyPart.Waterproofing]: 5,
  [WarrantyPart.Finishes]: 2,
  [WarrantyPart.Windows]: 2,
};

export const WARRANTY_PARTS_OF: Record<WorkKind, WarrantyPart[]> = {
  [WorkKind.Plumbing]: [WarrantyPart.Pipes, WarrantyPart.Waterproofing, WarrantyPart.Finishes],
  [WorkKind.Windows]: [WarrantyPart.Windows, WarrantyPart.Finishes],
};

export type WarrantyYears = Record<WarrantyPart, number>;

/** What keeps a configured period from being used: below the statutory minimum, or not a whole number of years. */
export function warrantyPeriodProblems(years: WarrantyYears): string[] {
  return Object.values(WarrantyPart).flatMap((part) => {
    const value = years[part];
    if (!Number.isInteger(value)) return [`${part}: the warranty period must be a whole number of years`];
    return value < STATUTORY_MINIMUM_YEARS[part] ? [`${part}: ${value} years is below the statutory minimum of ${STATUTORY_MINIMUM_YEARS[part]} years (建设工程质量管理条例 art. 40)`] : [];
  });
}

/** The last day covered: the day before the anniversary `years` later (2026-12-02 + 2 → 2028-12-01; from 29 Feb, 28 Feb). */
export function warrantyEndsOn(startsOn: string, years: number): string {
  const [y, m, d] = startsOn.split('-').map(Number);
  const anniversary = new Date(Date.UTC(y + years, m - 1, d));
  // 29 Feb to a year without one: the anniversary is 1 Mar, so the last day is 28 Feb.
  return new Date(anniversary.getTime() - 24 * 3600 * 1000).toISOString().slice(0, 10);
}

export interface WarrantyItem {
  workPlanId: string;
  part: WarrantyPart;
  scope: string;
  years: number;
  /** Asia/Shanghai dates, `YYYY-MM-DD`. */
  startsOn: string;
  endsOn: string;
  /** The accepted repair that restarted this part, if one did. */
  restartedByRepairId: string | null;
}

/** The items a household's acceptance of a plan adds, starting on the day of acceptance (Asia/Shanghai). */
export function warrantyItemsOnAcceptance(workPlanId: string, kind: WorkKind, acceptedAt: Date, years: WarrantyYears): WarrantyItem[] {
  const startsOn = shanghaiDate(acceptedAt);
  return WARRANTY_PARTS_OF[kind].map((part) => ({ workPlanId, part, scope: WARRANTY_PART_SCOPES[part], years: years[part], startsOn, endsOn: warrantyEndsOn(startsOn, years[part]), restartedByRepairId: null }));
}

/** The items after a repair of one part was accepted: that part starts again on the day, the others keep theirs. */
export function restartWarranty(items: WarrantyItem[], workPlanId: string, part: WarrantyPart, repairId: string, acceptedAt: Date): WarrantyItem[] {
  const startsOn = shanghaiDate(acceptedAt);
  return items.map((item) => (item.workPlanId === workPlanId && item.part === part ? { ...item, startsOn, endsOn: warrantyEndsOn(startsOn, item.years), restartedByRepairId: repairId } : item));
}

/** Whether the item still covers the given instant's Shanghai date. */
export function underWarranty(item: Pick<WarrantyItem, 'startsOn' | 'endsOn'>, at: Date): boolean {
  const today = shanghaiDate(at);
  return today >= item.startsOn && today <= item.endsOn;
}

export enum WarrantyIssueReason {
  Acceptance = 'ACCEPTANCE',
  Repair = 'REPAIR',
}

export interface WarrantyNoticeSummary {
  version: number;
  issuedAt: string;
  reason: WarrantyIssueReason;
}

/** `GET /api/households/{householdId}/warranty`: the current notice (version) and the earlier ones, kept. */
export interface WarrantyView {
  householdId: string;
  label: string;
  version: number;
  issuedAt: string;
  items: Array<WarrantyItem & { partLabel: string; title: string }>;
  /** Newest first, including the current one. */
  history: WarrantyNoticeSummary[];
}

// ---------- Repairs under warranty ----------

export enum RepairStatus {
  Open = 'OPEN',
  Repaired = 'REPAIRED',
  Accepted = 'ACCEPTED',
  Reopened = 'REOPENED',
}

export const REPAIR_STATUS_LABELS: Record<RepairStatus, string> = {
  [RepairStatus.Open]: '待维修',
  [RepairStatus.Repaired]: '已维修，待居民确认',
  [RepairStatus.Accepted]: '已确认修好',
  [RepairStatus.Reopened]: '未修好，待再次维修',
};

/** The tests a repair of each part needs to pass. */
export const REPAIR_TESTS_OF: Record<WarrantyPart, InspectionTest[]> = {
  [WarrantyPart.Pipes]: [InspectionTest.BallPass, InspectionTest.NoLeak],
  [WarrantyPart.Waterproofing]: [InspectionTest.NoLeak],
  [WarrantyPart.Finishes]: [InspectionTest.Restoration],
  [WarrantyPart.Windows]: [InspectionTest.WindowSeal],
};

export function repairPasses(part: WarrantyPart, results: Array<{ test: InspectionTest; passed: boolean }>): boolean {
  const given = new Set(results.map((r) => r.test));
  return results.length > 0 && results.every((r) => r.passed) && REPAIR_TESTS_OF[part].every((test) => given.has(test));
}

/** Why a repair step is refused (409), or null. */
export function repairRefusal(status: RepairStatus, step: 'DONE' | 'ACCEPT' | 'REJECT', latestPassed: boolean | null): 'REPAIR_CLOSED' | 'NOT_INSPECTED' | null {
  if (status === RepairStatus.Accepted) return 'REPAIR_CLOSED';
  if (step === 'DONE') return null;
  if (status !== RepairStatus.Repaired) return 'NOT_INSPECTED';
  return step === 'ACCEPT' && !latestPassed ? 'NOT_INSPECTED' : null;
}

/** `POST /api/households/{householdId}/repairs` (the bound resident). `workPlanId` picks the item when two plans cover the same part. */
export interface RepairRequest {
  part: WarrantyPart;
  description: string;
  photoPng?: string;
  workPlanId?: string;
}

export interface RepairCreated {
  id: string;
  status: RepairStatus;
  underWarranty: boolean;
}

/** `POST /api/households/{householdId}/repairs/{repairId}/done` (the contractor). */
export interface RepairDoneRequest {
  results: InspectionResultInput[];
  note?: string;
}

/** `PUT /api/households/{householdId}/repairs/{repairId}/acceptance` (the bound resident). */
export interface RepairAcceptanceRequest {
  decision: AcceptanceDecision;
  signaturePng?: string;
}

export interface RepairView {
  id: string;
  householdId: string;
  label: string;
  workPlanId: string;
  part: WarrantyPart;
  description: string;
  photoSha256: string | null;
  underWarranty: boolean;
  status: RepairStatus;
  reportedAt: string;
  repairedAt: string | null;
  acceptedAt: string | null;
  /** Newest first. */
  inspections: InspectionView[];
}
