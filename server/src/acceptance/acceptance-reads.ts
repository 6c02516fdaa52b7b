import type { HouseholdAcceptanceView } from '@linyi/shared';
import { In, IsNull, type EntityManager } from 'typeorm';
import type { Household } from '../places/household.entity.js';
import { StaffAccount } from '../staff/staff-account.entity.js';
import type { WorkPlan } from '../works/work-plan.entity.js';
import { newestFirst, toHouseholdAcceptanceView, toInspectionView, toRecordView } from './acceptance.mapper.js';
import { AcceptanceRecord } from './acceptance-record.entity.js';
import { AcceptanceSignOff } from './acceptance-sign-off.entity.js';
import { HouseholdAcceptance } from './household-acceptance.entity.js';
import { WarrantyRepair } from './warranty-repair.entity.js';
import { WorkInspection } from './work-inspection.entity.js';

/** Everything the household sees of its acceptance of one plan (repairs are the warranty's, not here). */
export async function readHouseholdAcceptance(manager: EntityManager, household: Household, plan: WorkPlan): Promise<HouseholdAcceptanceView> {
  const where = { workPlanId: plan.id, householdId: household.id, repairId: IsNull() };
  const state = await manager.findOneBy(HouseholdAcceptance, { workPlanId: plan.id, householdId: household.id });
  const inspections = newestFirst(await manager.findBy(WorkInspection, where), state?.lastInspectionId ?? null);
  const records = newestFirst(await manager.findBy(AcceptanceRecord, where), state?.acceptanceRecordId ?? null);
  const signOffs = records.length ? await manager.find(AcceptanceSignOff, { where: { acceptanceRecordId: In(records.map((r) => r.id)) }, order: { at: 'ASC', id: 'ASC' } }) : [];
  const names = await staffNames(manager, [...inspections.map((i) => i.inspectorId), ...records.flatMap((r) => (r.staffId ? [r.staffId] : []))]);
  return toHouseholdAcceptanceView({
    household,
    plan,
    state,
    inspections: inspections.map((inspection) => toInspectionView(inspection, plan.kind, names.get(inspection.inspectorId) ?? '施工单位')),
    records: records.map((record) =>
      toRecordView(
        record,
        record.staffId ? (names.get(record.staffId) ?? null) : null,
        signOffs.filter((s) => s.acceptanceRecordId === record.id),
      ),
    ),
  });
}

/** Whether the image is one the household's own acceptance or repairs refer to: a hash alone opens nothing of another household. */
export async function householdRefersTo(manager: EntityManager, householdId: string, sha256: string): Promise<boolean> {
  const inspections = await manager.find(WorkInspection, { select: { id: true, results: true }, where: { householdId } });
  if (inspections.some((inspection) => inspection.results.some((r) => r.photoSha256 === sha256))) return true;
  const records = await manager.find(AcceptanceRecord, { select: { id: true, defects: true, signatureSha256: true, paperScanSha256: true }, where: { householdId } });
  if (records.some((r) => r.signatureSha256 === sha256 || r.paperScanSha256 === sha256 || r.defects.some((d) => d.photoSha256 === sha256))) return true;
  return manager.existsBy(WarrantyRepair, { householdId, photoSha256: sha256 });
}

async function staffNames(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const staff = await manager.find(StaffAccount, { select: { id: true, displayName: true }, where: { id: In(unique) } });
  return new Map(staff.map((s) => [s.id, s.displayName]));
}
