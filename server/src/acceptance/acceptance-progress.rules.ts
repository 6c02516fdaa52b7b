import { AcceptanceStatus, passedSinceRework, type AcceptanceProgressHousehold, type AcceptanceProgressUnit } from '@linyi/shared';

/** What a household's state row holds for progress (null: nothing recorded yet, so PENDING and not inspected). */
export interface AcceptanceState {
  status: AcceptanceStatus;
  lastInspectionId: string | null;
  lastInspectionPassed: boolean;
  inspectedSinceRework: boolean;
  passedAt: Date | null;
  acceptedAt: Date | null;
}

/**
 * A unit is complete when it has households and every one accepted; it was completed when the last
 * of them accepted. The one rule for the progress view and for special-needs retention.
 */
export function unitCompletion(households: number, acceptedAts: Array<Date | null>): { complete: boolean; completedAt: Date | null } {
  const accepted = acceptedAts.filter((at): at is Date => at instanceof Date);
  const complete = households > 0 && accepted.length === households;
  return { complete, completedAt: complete ? new Date(Math.max(...accepted.map((at) => at.getTime()))) : null };
}

/**
 * One household's line. `passed`: accepted, or the latest inspection passed after the last rework
 * (a household sent back to the crew is not "passed" even if its last inspection was). The chase
 * list is the passed, not yet accepted ones, from `passedAt`.
 */
export function householdProgress(household: { householdId: string; label: string }, state: AcceptanceState | null): AcceptanceProgressHousehold {
  const status = state?.status ?? AcceptanceStatus.Pending;
  const accepted = status === AcceptanceStatus.Accepted;
  const passed = accepted || (!!state && passedSinceRework({ status, latestInspection: state.lastInspectionId ? { passed: state.lastInspectionPassed } : null, inspectedSinceRework: state.inspectedSinceRework }));
  return {
    householdId: household.householdId,
    label: household.label,
    inspected: !!state?.lastInspectionId,
    passed,
    status,
    passedAt: passed ? (state?.passedAt?.toISOString() ?? null) : null,
    acceptedAt: accepted ? (state?.acceptedAt?.toISOString() ?? null) : null,
  };
}

/** A unit's counts over its households' lines (given in room order). */
export function unitProgress(unit: { unitId: string; label: string }, list: AcceptanceProgressHousehold[]): AcceptanceProgressUnit {
  const count = (test: (h: AcceptanceProgressHousehold) => boolean) => list.filter(test).length;
  const { complete, completedAt } = unitCompletion(list.length, list.map((h) => (h.acceptedAt ? new Date(h.acceptedAt) : null)));
  return {
    unitId: unit.unitId,
    label: unit.label,
    households: list.length,
    inspected: count((h) => h.inspected),
    passed: count((h) => h.passed),
    accepted: count((h) => h.status === AcceptanceStatus.Accepted),
    rework: count((h) => h.status === AcceptanceStatus.Rework),
    complete,
    completedAt: completedAt?.toISOString() ?? null,
    list,
  };
}
