import { ScreeningStatus } from '@linyi/shared';
import type { EntityManager } from 'typeorm';
import { CarePlan } from './care-plan.entity.js';
import { HouseholdScreening, type ErasureReason } from './household-screening.entity.js';
import { ScreeningScanChunk } from './screening-scan-chunk.entity.js';

/** The household's sensitive details other than the screening row: its care plan and consent scans. */
export async function deleteCarePlanAndScans(manager: EntityManager, householdId: string): Promise<void> {
  await manager.delete(CarePlan, { householdId });
  await manager.delete(ScreeningScanChunk, { householdId });
}

/**
 * Erases a screening's sensitive details in place, if the row is still at `screening.version`
 * (a compare-and-set: a re-screening or another erasure in between wins, and this returns false).
 * Kept: that a screening happened, its legal basis and the consent's hash and time, and who erased it when.
 */
export async function eraseScreening(manager: EntityManager, screening: HouseholdScreening, reason: ErasureReason, at: Date, withdrawnBy: string | null = null): Promise<boolean> {
  const withdrawn = reason === 'WITHDRAWN';
  const result = await manager.update(
    HouseholdScreening,
    { id: screening.id, version: screening.version },
    {
      status: withdrawn ? ScreeningStatus.Withdrawn : ScreeningStatus.Erased,
      needs: null,
      note: null,
      detailsSalt: null,
      ...(withdrawn ? { withdrawnAt: at, withdrawnBy } : {}),
      erasedAt: at,
      erasedReason: reason,
      version: screening.version + 1,
    },
  );
  if (!result.affected) return false;
  await deleteCarePlanAndScans(manager, screening.householdId);
  return true;
}
