import { In, type EntityManager } from 'typeorm';
import type { Reminder } from '../reminders/reminder.entity.js';
import { acceptanceSkipReason, isAcceptanceReminder } from './acceptance-reminder.rules.js';
import { HouseholdAcceptance } from './household-acceptance.entity.js';

/**
 * Why each ACCEPTANCE_DUE of a batch is no longer worth sending (accepted meanwhile, or sent back
 * to the crew), or null; null for every other kind. One query for the batch, none without one.
 */
export async function acceptanceSendCheck(manager: EntityManager, reminders: Reminder[]): Promise<(reminder: Reminder) => string | null> {
  const due = reminders.filter((r) => isAcceptanceReminder(r.kind) && r.householdId && r.subjectId);
  const rows = due.length
    ? await manager.find(HouseholdAcceptance, {
        select: { workPlanId: true, householdId: true, status: true, lastInspectionPassed: true, inspectedSinceRework: true },
        where: { workPlanId: In([...new Set(due.map((r) => r.subjectId!))]), householdId: In([...new Set(due.map((r) => r.householdId!))]) },
      })
    : [];
  const byKey = new Map(rows.map((row) => [`${row.workPlanId}|${row.householdId}`, row]));
  return (reminder) => (isAcceptanceReminder(reminder.kind) ? acceptanceSkipReason(byKey.get(`${reminder.subjectId}|${reminder.householdId}`) ?? null) : null);
}
