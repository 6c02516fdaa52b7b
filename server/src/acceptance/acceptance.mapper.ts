import {
  AcceptanceChannel,
  AcceptanceDecision,
  AcceptanceStatus,
  INSPECTION_TEMPLATES,
  acceptanceRefusal,
  missingTests,
  type AcceptanceFacts,
  type AcceptanceRecordView,
  type HouseholdAcceptanceView,
  type InspectionView,
  type MyWorkPlan,
  type WorkKind,
} from '@linyi/shared';
import type { Household } from '../places/household.entity.js';
import type { WorkPlan } from '../works/work-plan.entity.js';
import type { AcceptanceRecord } from './acceptance-record.entity.js';
import type { AcceptanceSignOff } from './acceptance-sign-off.entity.js';
import type { HouseholdAcceptance } from './household-acceptance.entity.js';
import type { WorkInspection } from './work-inspection.entity.js';

export const RESIDENT_SIGNED = '居民本人（线上签名）';
export const paperSignedBy = (staffName: string) => `居委会 ${staffName} 录入纸质验收单`;

/** What the shared rules need of a state row; none yet is a household nobody inspected. */
export function acceptanceFacts(state: HouseholdAcceptance | null): AcceptanceFacts {
  if (!state) return { status: AcceptanceStatus.Pending, latestInspection: null, inspectedSinceRework: true };
  return { status: state.status, latestInspection: state.lastInspectionId ? { passed: state.lastInspectionPassed } : null, inspectedSinceRework: state.inspectedSinceRework };
}

/** ACCEPT would be taken now. */
export const canAccept = (state: HouseholdAcceptance | null): boolean => !!state && acceptanceRefusal(acceptanceFacts(state), AcceptanceDecision.Accept) === null;

/** `MyWorkPlan.acceptance`: null until the crew recorded an inspection. */
export function toMyAcceptance(state: HouseholdAcceptance | null): MyWorkPlan['acceptance'] {
  if (!state) return null;
  return { status: state.status, inspected: !!state.lastInspectionId, canAccept: canAccept(state) };
}

export function toInspectionView(inspection: WorkInspection, kind: WorkKind, inspectorName: string): InspectionView {
  return {
    id: inspection.id,
    at: inspection.at.toISOString(),
    passed: inspection.passed,
    missing: missingTests(kind, inspection.results),
    results: inspection.results.map((r) => ({ test: r.test, passed: r.passed, value: r.value, photoSha256: r.photoSha256 })),
    note: inspection.note,
    inspectorName,
    evidenceSha256: inspection.evidenceSha256,
  };
}

/** A decision with who signed it in words: never the resident's id, and the staff member only by name. */
export function toRecordView(record: AcceptanceRecord, staffName: string | null, signOffs: AcceptanceSignOff[]): AcceptanceRecordView {
  return {
    id: record.id,
    decision: record.decision,
    channel: record.channel,
    at: record.at.toISOString(),
    signedBy: record.channel === AcceptanceChannel.Paper ? paperSignedBy(staffName ?? '工作人员') : RESIDENT_SIGNED,
    inspectionId: record.inspectionId,
    defects: record.defects.map((d) => ({ description: d.description, photoSha256: d.photoSha256 })),
    signatureSha256: record.signatureSha256,
    paperScanSha256: record.paperScanSha256,
    evidenceSha256: record.evidenceSha256,
    signOffs: signOffs.map((s) => ({ supervisorName: s.supervisorName, at: s.at.toISOString(), evidenceSha256: s.evidenceSha256 })),
  };
}

/**
 * Newest first. Two steps may share a second, so the time alone cannot order them: the row the
 * state points at (the latest inspection, the accepting record) goes first among equals.
 */
export function newestFirst<T extends { id: string; at: Date }>(rows: T[], latestId: string | null): T[] {
  const rank = (row: T) => (row.id === latestId ? 0 : 1);
  return [...rows].sort((a, b) => b.at.getTime() - a.at.getTime() || rank(a) - rank(b) || a.id.localeCompare(b.id));
}

export interface HouseholdAcceptanceFacts {
  household: Pick<Household, 'id' | 'label'>;
  plan: Pick<WorkPlan, 'id' | 'title' | 'kind'>;
  state: HouseholdAcceptance | null;
  inspections: InspectionView[];
  records: AcceptanceRecordView[];
}

export function toHouseholdAcceptanceView({ household, plan, state, inspections, records }: HouseholdAcceptanceFacts): HouseholdAcceptanceView {
  return {
    householdId: household.id,
    label: household.label,
    workPlanId: plan.id,
    title: plan.title,
    kind: plan.kind,
    status: state?.status ?? AcceptanceStatus.Pending,
    inspected: !!state?.lastInspectionId,
    passed: !!state?.lastInspectionId && state.lastInspectionPassed,
    canAccept: canAccept(state),
    template: INSPECTION_TEMPLATES[plan.kind],
    inspections,
    records,
    acceptedAt: state?.acceptedAt?.toISOString() ?? null,
  };
}
