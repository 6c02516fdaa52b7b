import { INSPECTION_LIMITS } from '@linyi/shared';
import type { ErrorCode } from '../common/app.exception.js';

/** Why a list of supervisor households cannot be saved (400), or null: at most two (seed 002 §五(五)3), each household once. */
export function supervisorListProblem(householdIds: string[]): { code: ErrorCode; message: string } | null {
  if (householdIds.length > INSPECTION_LIMITS.supervisors) {
    return { code: 'TOO_MANY_SUPERVISORS', message: `每个小区最多指定 ${INSPECTION_LIMITS.supervisors} 名业主监督员` };
  }
  if (new Set(householdIds).size !== householdIds.length) return { code: 'VALIDATION_FAILED', message: '同一户只能指定一名业主监督员' };
  return null;
}
