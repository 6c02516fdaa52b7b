import { ScreeningStatus, type ScreeningRetentionTerms } from '@linyi/shared';
import type { ErasureReason } from './household-screening.entity.js';

export type RetentionReason = Extract<ErasureReason, 'RETENTION_AFTER_ACCEPTANCE' | 'RETENTION_NO_WORKS'>;

/** The same terms the resident's consent text states (`screeningConsentText`). */
export type RetentionPolicy = ScreeningRetentionTerms;

/** What the works and acceptance features know about a unit. */
export interface UnitWorks {
  worksPlanned: boolean;
  acceptedAt: Date | null;
}

const DAY_MS = 86_400_000;
const plusDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

/**
 * Whether a screening's sensitive details are due for erasure now, and why (PIPL art. 19, 47: kept
 * no longer than the purpose needs). Only NEEDS_CARE rows hold details; works planned but not yet
 * accepted keep them, however old the screening is: the crew still needs the plan.
 */
export function retentionDue(
  screening: { status: ScreeningStatus; screenedAt: Date },
  works: UnitWorks | undefined,
  now: Date,
  policy: RetentionPolicy,
): RetentionReason | null {
  if (screening.status !== ScreeningStatus.NeedsCare) return null;
  if (works?.acceptedAt) return plusDays(works.acceptedAt, policy.afterAcceptanceDays) <= now ? 'RETENTION_AFTER_ACCEPTANCE' : null;
  if (works?.worksPlanned) return null;
  return plusDays(screening.screenedAt, policy.maxAgeDays) <= now ? 'RETENTION_NO_WORKS' : null;
}
