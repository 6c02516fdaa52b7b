import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { ReminderDelivery } from '../reminders/reminder-delivery.entity.js';
import { Reminder, ReminderKind, ReminderStatus } from '../reminders/reminder.entity.js';
import { reachesLaterMembers, SKIP_NOT_REACHED } from '../reminders/reminder.rules.js';
import { InboxMessage } from './inbox-message.entity.js';

/**
 * A resident newly bound to a household gets the household's lasting notices in the inbox, dated
 * when they were issued (inbox entries are otherwise made only for those bound at planning time).
 * A "reached" notice withdrawn because its group dropped back stays out. Idempotent: the unique
 * (reminder, recipient) key keeps one entry each.
 */
export async function backfillInbox(manager: EntityManager, householdId: string, residentId: string): Promise<number> {
  const reminders = (await manager.find(Reminder, { where: { householdId }, order: { createdAt: 'ASC' } })).filter((r) => reachesLaterMembers(r.kind));
  const skippedReached = reminders.filter((r) => r.kind === ReminderKind.GroupReached && r.status === ReminderStatus.Skipped).map((r) => r.id);
  const withdrawn = new Set(skippedReached.length ? (await manager.find(ReminderDelivery, { select: { reminderId: true }, where: { reminderId: In(skippedReached), detail: SKIP_NOT_REACHED } })).map((d) => d.reminderId) : []);
  const messages = reminders.filter((r) => !withdrawn.has(r.id)).map((r) => ({
    id: randomUUID(),
    residentId,
    staffId: null,
    reminderId: r.id,
    recipientKey: `resident:${residentId}`,
    kind: r.kind,
    title: r.title,
    body: r.body,
    consultationId: r.consultationId,
    createdAt: r.createdAt,
    readAt: null,
  }));
  for (let i = 0; i < messages.length; i += 500) await manager.createQueryBuilder().insert().into(InboxMessage).values(messages.slice(i, i + 500)).orIgnore().execute();
  return messages.length;
}
