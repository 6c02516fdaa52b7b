import { AcceptanceStatus, passedSinceRework } from '@linyi/shared';
import { ReminderKind } from '../reminders/reminder.entity.js';

const DAY_MS = 24 * 3600 * 1000;

export const SKIP_ALREADY_ACCEPTED = 'already accepted';
export const SKIP_NOTHING_TO_ACCEPT = 'no passing inspection to accept';

/**
 * What a household is told about acceptance, keyed on the inspection it is told about: one "please
 * accept" per passing inspection and one follow-up after it, however often the sweep runs. A new
 * passing inspection after a rework is news, so it is told again.
 */
export const acceptanceReminderKey = {
  due: (inspectionId: string, householdId: string) => `accept:${inspectionId}:${householdId}`,
  again: (inspectionId: string, householdId: string) => `accept-again:${inspectionId}:${householdId}`,
};

export const isAcceptanceReminder = (kind: ReminderKind) => kind === ReminderKind.AcceptanceDue;

/** What the household's state row says at the moment a reminder would go out (null: no row). */
export interface AcceptanceSendFacts {
  status: AcceptanceStatus;
  lastInspectionPassed: boolean;
  inspectedSinceRework: boolean;
}

/** Why an ACCEPTANCE_DUE is no longer worth sending, or null: being asked to accept after accepting, or with nothing passing to accept, confuses residents. */
export function acceptanceSkipReason(facts: AcceptanceSendFacts | null): string | null {
  if (facts?.status === AcceptanceStatus.Accepted) return SKIP_ALREADY_ACCEPTED;
  if (!facts || !passedSinceRework({ status: facts.status, latestInspection: { passed: facts.lastInspectionPassed }, inspectedSinceRework: facts.inspectedSinceRework })) return SKIP_NOTHING_TO_ACCEPT;
  return null;
}

/** The follow-up goes once `afterDays` have passed since the passing inspection, while the household still has not accepted it. */
export function acceptanceFollowUpDue(row: AcceptanceSendFacts & { passedAt: Date | null }, now: Date, afterDays: number): boolean {
  if (!row.passedAt || acceptanceSkipReason(row)) return false;
  return now.getTime() >= row.passedAt.getTime() + afterDays * DAY_MS;
}
