import { REPAIR_TESTS_OF, type InspectionView, type RepairView } from '@linyi/shared';
import type { WarrantyRepair } from './warranty-repair.entity.js';
import type { WorkInspection } from './work-inspection.entity.js';

/** A repair's inspection: `missing` are the tests the repaired part needs that were not done. */
export function toRepairInspectionView(inspection: WorkInspection, repair: Pick<WarrantyRepair, 'part'>, inspectorName: string): InspectionView {
  const given = new Set(inspection.results.map((result) => result.test));
  return {
    id: inspection.id,
    at: inspection.at.toISOString(),
    passed: inspection.passed,
    missing: REPAIR_TESTS_OF[repair.part].filter((test) => !given.has(test)),
    results: inspection.results.map((result) => ({ test: result.test, passed: result.passed, value: result.value, photoSha256: result.photoSha256 })),
    note: inspection.note,
    inspectorName,
    evidenceSha256: inspection.evidenceSha256,
  };
}

/** Newest first; the repair's own pointer decides between two recorded in the same second. */
function newestFirst(repair: WarrantyRepair, inspections: WorkInspection[]): WorkInspection[] {
  const latest = (inspection: WorkInspection) => (inspection.id === repair.lastInspectionId ? 0 : 1);
  return [...inspections].sort((a, b) => b.at.getTime() - a.at.getTime() || latest(a) - latest(b));
}

export function toRepairView(repair: WarrantyRepair, label: string, inspections: WorkInspection[], inspectorNames: Map<string, string>): RepairView {
  return {
    id: repair.id,
    householdId: repair.householdId,
    label,
    workPlanId: repair.workPlanId,
    part: repair.part,
    description: repair.description,
    photoSha256: repair.photoSha256,
    underWarranty: repair.underWarranty,
    status: repair.status,
    reportedAt: repair.reportedAt.toISOString(),
    repairedAt: repair.repairedAt?.toISOString() ?? null,
    acceptedAt: repair.acceptedAt?.toISOString() ?? null,
    inspections: newestFirst(repair, inspections).map((inspection) => toRepairInspectionView(inspection, repair, inspectorNames.get(inspection.inspectorId) ?? '施工单位')),
  };
}
