/**
 * The renovation pipeline (储备库 → 年度计划, issue 14): a compound's stage, the gates before the
 * year's plan and the buildings left out of it. Pure rules; the server gathers the facts.
 * Seeds: 004 §四 (advance notice), 000 §三(五) (window guards), 000 §三(七), 003 §二(一)7, 001 task 三十.
 */
import { ConsultationStatus, DecisionRule, GroupBy, GroupState } from './consultation.js';
import { shanghaiDate } from './time-zone.js';

export enum PipelineStage {
  None = 'NONE',
  Reserve = 'RESERVE',
  AnnualPlan = 'ANNUAL_PLAN',
  InWorks = 'IN_WORKS',
  Completed = 'COMPLETED',
}

export const PIPELINE_STAGES: readonly PipelineStage[] = [PipelineStage.None, PipelineStage.Reserve, PipelineStage.AnnualPlan, PipelineStage.InWorks, PipelineStage.Completed];

export const PIPELINE_STAGE_LABELS: Record<PipelineStage, string> = {
  [PipelineStage.None]: '未入库',
  [PipelineStage.Reserve]: '储备库',
  [PipelineStage.AnnualPlan]: '年度计划',
  [PipelineStage.InWorks]: '施工中',
  [PipelineStage.Completed]: '已完工',
};

export enum PipelineGate {
  OwnersOrganisation = 'OWNERS_ORGANISATION',
  PropertyServiceAgreement = 'PROPERTY_SERVICE_AGREEMENT',
  FundPledge = 'FUND_PLEDGE',
  IllegalStructuresCleared = 'ILLEGAL_STRUCTURES_CLEARED',
}

export const PIPELINE_GATES: readonly PipelineGate[] = [PipelineGate.OwnersOrganisation, PipelineGate.PropertyServiceAgreement, PipelineGate.FundPledge, PipelineGate.IllegalStructuresCleared];

export const PIPELINE_GATE_LABELS: Record<PipelineGate, string> = {
  [PipelineGate.OwnersOrganisation]: '业主组织已成立',
  [PipelineGate.PropertyServiceAgreement]: '物业服务标准及收费已议定',
  [PipelineGate.FundPledge]: '专项维修资金补建续筹承诺',
  [PipelineGate.IllegalStructuresCleared]: '违法建设已清理',
};

/** Gates the street office records by hand (`PUT .../gates/{gate}`); the other two follow consultations or the owners' organisation. */
export const HAND_RECORDED_GATES: readonly PipelineGate[] = [PipelineGate.IllegalStructuresCleared, PipelineGate.FundPledge];

export enum OwnersOrganisationKind {
  OwnersCommittee = 'OWNERS_COMMITTEE',
  PropertyManagementCommittee = 'PROPERTY_MANAGEMENT_COMMITTEE',
}

export const OWNERS_ORGANISATION_LABELS: Record<OwnersOrganisationKind, string> = {
  [OwnersOrganisationKind.OwnersCommittee]: '业主委员会',
  [OwnersOrganisationKind.PropertyManagementCommittee]: '物业管理委员会',
};

export const PIPELINE_LIMITS = { note: 300, organisationName: 60 } as const;

// ---- The HTTP contract (API.md "The renovation pipeline") ----

export interface PipelineGateView {
  gate: PipelineGate;
  met: boolean;
  /** False only for FUND_PLEDGE when the street office does not require it (it then counts as met). */
  required: boolean;
  detail: string;
  /** The consultation the gate follows, when it follows one. */
  consultationId: string | null;
}

export interface ExcludedBuildingView {
  buildingId: string;
  name: string;
  reason: string;
  consultationId: string;
}

export interface OwnersOrganisationView {
  kind: OwnersOrganisationKind;
  name: string;
  formedOn: string;
}

export interface PipelineMoveView {
  from: PipelineStage;
  to: PipelineStage;
  note: string | null;
  /** Display name of the staff member, or「系统（施工开始）」for the move the works make when their first window begins. */
  by: string;
  at: string;
}

export interface PlanNoticeView {
  id: string;
  title: string;
  body: string;
  issuedAt: string;
  /** SHA-256 of title, body, compound and time: the printed notice carries it. */
  sha256: string;
}

export interface PipelineCompletion {
  /** Units in the compound's published work plans. */
  units: number;
  /** Of those, units where every household has accepted. */
  acceptedUnits: number;
  /** IN_WORKS and every unit accepted: street staff may move the compound to COMPLETED. */
  offered: boolean;
}

/** `GET /api/compounds/{compoundId}/pipeline` for staff of the place. */
export interface PipelineView {
  compoundId: string;
  compoundName: string;
  stage: PipelineStage;
  since: string | null;
  gates: PipelineGateView[];
  excludedBuildings: ExcludedBuildingView[];
  ownersOrganisation: OwnersOrganisationView | null;
  fundPledgeRequired: boolean;
  notice: PlanNoticeView | null;
  completion: PipelineCompletion;
  /** Stages street staff may move to from here (the gates still decide RESERVE → ANNUAL_PLAN). */
  nextStages: PipelineStage[];
  moves: PipelineMoveView[];
}

/** Each compound's line on the street dashboard (`GET /api/street-offices/{id}/status`). */
export interface PipelineSummary {
  stage: PipelineStage;
  since: string | null;
  gates: PipelineGateView[];
  excludedBuildings: ExcludedBuildingView[];
}

/** The same route for a resident of the compound: the stage and the notice only. */
export interface ResidentPipelineView {
  compoundId: string;
  compoundName: string;
  stage: PipelineStage;
  since: string | null;
  notice: PlanNoticeView | null;
}

export interface MovePipelineRequest {
  stage: PipelineStage;
  note?: string;
}

export interface OwnersOrganisationRequest {
  kind: OwnersOrganisationKind;
  name: string;
  /** YYYY-MM-DD */
  formedOn: string;
}

/** `PUT .../gates/ILLEGAL_STRUCTURES_CLEARED {met, note}`; `PUT .../gates/FUND_PLEDGE {required, note}`. */
export interface GateRecordRequest {
  met?: boolean;
  required?: boolean;
  note: string;
}

// ---- Rules ----

/** One consultation as a gate reads it. */
export interface ConsultationOutcome {
  id: string;
  title: string;
  rule: DecisionRule;
  groupBy: GroupBy;
  status: ConsultationStatus;
  deadline: string;
  groupStates: GroupState[];
}

/** An agreement of the owners (Civil Code art. 278): the whole compound decided, by a Civil Code rule or a stricter one, and the round is closed. */
export function agreementReached(c: ConsultationOutcome): boolean {
  return c.status === ConsultationStatus.Closed && c.rule !== DecisionRule.Plurality && c.groupBy === GroupBy.Compound && c.groupStates.length > 0 && c.groupStates.every((s) => s === GroupState.Reached);
}

const dayOf = (iso: string) => shanghaiDate(new Date(iso));

/** The consultation that speaks for a gate: a reached one, else the latest still running, else the latest. */
export function decidingConsultation(list: ConsultationOutcome[]): ConsultationOutcome | null {
  const live = list.filter((c) => c.status !== ConsultationStatus.Draft);
  const latest = [...live].sort((a, b) => b.deadline.localeCompare(a.deadline));
  return latest.find(agreementReached) ?? latest.find((c) => c.status !== ConsultationStatus.Closed) ?? latest[0] ?? null;
}

function agreementDetail(c: ConsultationOutcome | null, none: string): string {
  if (!c) return none;
  if (agreementReached(c)) return `《${c.title}》已通过（${dayOf(c.deadline)}截止）`;
  if (c.status !== ConsultationStatus.Closed) return `《${c.title}》正在征询，${dayOf(c.deadline)}截止后按结果计`;
  if (c.rule === DecisionRule.Plurality || c.groupBy !== GroupBy.Compound) return `《${c.title}》不是全体业主按《民法典》规则的表决，不能作为依据`;
  return `《${c.title}》未通过`;
}

export interface HandRecord {
  met: boolean;
  note: string;
  recordedBy: string;
  recordedAt: string;
}

export interface GateFacts {
  ownersOrganisation: OwnersOrganisationView | null;
  propertyService: ConsultationOutcome[];
  fundPledgeRequired: boolean;
  fundPledge: ConsultationOutcome[];
  illegalStructures: HandRecord | null;
}

/** Every gate before the year's plan, met or not, with what shows it. */
export function gateViews(facts: GateFacts): PipelineGateView[] {
  const org = facts.ownersOrganisation;
  const service = decidingConsultation(facts.propertyService);
  const pledge = decidingConsultation(facts.fundPledge);
  const cleared = facts.illegalStructures;
  return [
    {
      gate: PipelineGate.OwnersOrganisation,
      met: Boolean(org),
      required: true,
      detail: org ? `${OWNERS_ORGANISATION_LABELS[org.kind]}「${org.name}」，${org.formedOn}成立` : '尚未记录业主委员会或物业管理委员会',
      consultationId: null,
    },
    {
      gate: PipelineGate.PropertyServiceAgreement,
      met: Boolean(service && agreementReached(service)),
      required: true,
      detail: agreementDetail(service, '尚未就物业服务标准及收费征询业主意见'),
      consultationId: service?.id ?? null,
    },
    facts.fundPledgeRequired
      ? { gate: PipelineGate.FundPledge, met: Boolean(pledge && agreementReached(pledge)), required: true, detail: agreementDetail(pledge, '街道办要求维修资金补建续筹承诺，尚未征询'), consultationId: pledge?.id ?? null }
      : { gate: PipelineGate.FundPledge, met: true, required: false, detail: '街道办未要求本小区作维修资金承诺', consultationId: null },
    {
      gate: PipelineGate.IllegalStructuresCleared,
      met: Boolean(cleared?.met),
      required: true,
      detail: cleared ? `${cleared.met ? '已清理' : '未清理'}：${cleared.note}（${cleared.recordedBy}，${dayOf(cleared.recordedAt)}记录）` : '街道尚未记录违法建设清理情况',
      consultationId: null,
    },
  ];
}

export function unmetGates(gates: PipelineGateView[]): PipelineGateView[] {
  return gates.filter((g) => !g.met);
}

/** One decided WINDOW_GUARD_CONSENT group as it bears on one building. */
export interface WindowGuardOutcome {
  buildingId: string;
  buildingName: string;
  consultationId: string;
  title: string;
  /** The group's label (a unit, the building, the compound). */
  groupLabel: string;
  state: GroupState;
  deadline: string;
}

/** Buildings whose latest decided window-guard consent failed (seed 000 §三(五)); a later one that reached lifts it. */
export function excludedBuildings(outcomes: WindowGuardOutcome[]): ExcludedBuildingView[] {
  const latest = new Map<string, WindowGuardOutcome>();
  for (const o of outcomes.filter((x) => x.state !== GroupState.Pending)) {
    const seen = latest.get(o.buildingId);
    // Within one consultation a failed unit outweighs a reached one: the building's guards stay.
    if (!seen || o.deadline > seen.deadline || (o.deadline === seen.deadline && o.state === GroupState.Failed)) latest.set(o.buildingId, o);
  }
  return [...latest.values()]
    .filter((o) => o.state === GroupState.Failed)
    .sort((a, b) => a.buildingName.localeCompare(b.buildingName, 'zh-Hans-CN', { numeric: true }))
    .map((o) => ({
      buildingId: o.buildingId,
      name: o.buildingName,
      consultationId: o.consultationId,
      reason: `《${o.title}》中${o.groupLabel}未获通过（${dayOf(o.deadline)}截止）：住户不同意拆除外窗护栏等违法建设，本楼不列入年度改造计划`,
    }));
}

export interface MoveFacts {
  unmet: PipelineGateView[];
  publishedWorks: boolean;
  completion: PipelineCompletion;
}

export type MoveRefusal =
  | { code: 'PIPELINE_SAME_STAGE'; message: string }
  | { code: 'PIPELINE_MOVE_NOT_ALLOWED'; message: string }
  | { code: 'PIPELINE_GATES_UNMET'; message: string; gates: PipelineGateView[] }
  | { code: 'PIPELINE_WORKS_PUBLISHED'; message: string }
  | { code: 'PIPELINE_NO_WORKS'; message: string }
  | { code: 'PIPELINE_WORKS_NOT_ACCEPTED'; message: string };

const NEXT: Record<PipelineStage, PipelineStage[]> = {
  [PipelineStage.None]: [PipelineStage.Reserve],
  [PipelineStage.Reserve]: [PipelineStage.AnnualPlan, PipelineStage.None],
  [PipelineStage.AnnualPlan]: [PipelineStage.InWorks, PipelineStage.Reserve],
  [PipelineStage.InWorks]: [PipelineStage.Completed],
  [PipelineStage.Completed]: [],
};

export function nextStages(from: PipelineStage): PipelineStage[] {
  return [...NEXT[from]];
}

/** Why a move is refused, or null: forward one step (the year's plan behind its gates), or back out of the reserve or the plan before works are published. */
export function moveRefusal(from: PipelineStage, to: PipelineStage, facts: MoveFacts): MoveRefusal | null {
  const label = PIPELINE_STAGE_LABELS;
  if (from === to) return { code: 'PIPELINE_SAME_STAGE', message: `小区已处于“${label[to]}”阶段` };
  if (!NEXT[from].includes(to)) return { code: 'PIPELINE_MOVE_NOT_ALLOWED', message: `不能从“${label[from]}”直接调整为“${label[to]}”` };
  if (to === PipelineStage.AnnualPlan && facts.unmet.length) {
    return { code: 'PIPELINE_GATES_UNMET', message: `还有 ${facts.unmet.length} 项条件未满足，暂不能列入年度计划：${facts.unmet.map((g) => PIPELINE_GATE_LABELS[g.gate]).join('、')}`, gates: facts.unmet };
  }
  if (from === PipelineStage.AnnualPlan && to === PipelineStage.Reserve && facts.publishedWorks) return { code: 'PIPELINE_WORKS_PUBLISHED', message: '本小区已发布施工计划，不能退回储备库' };
  if (to === PipelineStage.InWorks && !facts.publishedWorks) return { code: 'PIPELINE_NO_WORKS', message: '本小区还没有发布施工计划；发布后，首个入户施工时段开始时自动进入“施工中”' };
  if (to === PipelineStage.Completed && !facts.completion.offered) {
    return { code: 'PIPELINE_WORKS_NOT_ACCEPTED', message: `还有 ${facts.completion.units - facts.completion.acceptedUnits} 个单元未完成分户验收，暂不能标记为已完工` };
  }
  return null;
}

/** Why no work plan may be made or published here, or null (API.md: ANNUAL_PLAN or later, never an excluded building). */
export function worksRefusal(stage: PipelineStage, excludedNames: string[]): { code: 'PIPELINE_NOT_IN_PLAN' | 'BUILDING_EXCLUDED'; message: string } | null {
  if (stage === PipelineStage.None || stage === PipelineStage.Reserve) {
    return { code: 'PIPELINE_NOT_IN_PLAN', message: `本小区处于“${PIPELINE_STAGE_LABELS[stage]}”阶段，列入年度计划后才能制定施工计划` };
  }
  if (excludedNames.length) return { code: 'BUILDING_EXCLUDED', message: `${excludedNames.join('、')}未列入年度改造计划（外窗护栏等违法建设拆除未获同意），不能安排施工` };
  return null;
}

/** What every household is told when the compound enters the reserve (seed 004 §四). */
export function planNoticeText(compoundName: string): { title: string; body: string } {
  return {
    title: '小区改造计划提前告知',
    body:
      `${compoundName}已列入老旧小区综合整治项目储备库。改造可能包括更换楼内上下水管线，施工时需入户。` +
      '为免刚装修好的厨房、卫生间因换管被拆改，建议您近期暂缓户内装修，已在装修的请尽量避开上下水管线。' +
      '具体改造内容、征询和施工时间将另行通知并公示。如有疑问，请联系社区居委会。',
  };
}
