import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { InboxMessage } from '../inbox/inbox-message.entity.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { ReminderDailyCap } from './reminder-daily-cap.entity.js';
import { ReminderDelivery } from './reminder-delivery.entity.js';
import { Reminder, ReminderKind, ReminderStatus } from './reminder.entity.js';
import { localDay, nextSendTime, SKIP_NOT_REACHED, type PolicyTimes } from './reminder.rules.js';

export interface PlannedReminder {
  kind: ReminderKind;
  /** Null for a notice about a compound (PLAN_NOTICE). */
  consultationId: string | null;
  householdId?: string;
  staffId?: string;
  /** The window or plan a works reminder is about (re-checked at send time). */
  subjectId?: string;
  dedupeKey: string;
  title: string;
  body: string;
  /** Counts toward "one reminder per consultation per household per day". */
  capped: boolean;
  createdByStaffId?: string;
}

const BATCH = 500;

/**
 * Creates reminders idempotently (unique dedupeKey, per-day cap as a primary key) and puts each one
 * in its recipients' inboxes at once. Delivery is queued later by the outbox relay.
 */
@Injectable()
export class ReminderPlanner {
  async plan(manager: EntityManager, items: PlannedReminder[], at: Date, policy: PolicyTimes): Promise<Reminder[]> {
    const created: Reminder[] = [];
    for (let i = 0; i < items.length; i += BATCH) created.push(...(await this.planBatch(manager, items.slice(i, i + BATCH), at, policy)));
    return created;
  }

  private async planBatch(manager: EntityManager, items: PlannedReminder[], at: Date, policy: PolicyTimes): Promise<Reminder[]> {
    const rows = items.map((item) => ({ ...item, id: randomUUID() as string }));
    const day = localDay(at);
    const capped = rows.filter((row) => row.capped && row.householdId && row.consultationId);
    let allowed = new Set<string>(rows.filter((row) => !row.capped).map((row) => row.id));
    if (capped.length) {
      await manager.createQueryBuilder().insert().into(ReminderDailyCap)
        .values(capped.map((row) => ({ consultationId: row.consultationId!, householdId: row.householdId!, day, reminderId: row.id })))
        .orIgnore().execute();
      const won = await manager.findBy(ReminderDailyCap, { reminderId: In(capped.map((row) => row.id)) });
      allowed = new Set([...allowed, ...won.map((cap) => cap.reminderId)]);
    }
    const candidates = rows.filter((row) => allowed.has(row.id));
    if (!candidates.length) return [];
    const sendAfter = nextSendTime(at, policy);
    await manager.createQueryBuilder().insert().into(Reminder)
      .values(candidates.map((row) => ({
        id: row.id,
        dedupeKey: row.dedupeKey,
        kind: row.kind,
        consultationId: row.consultationId,
        householdId: row.householdId ?? null,
        staffId: row.staffId ?? null,
        subjectId: row.subjectId ?? null,
        title: row.title.slice(0, 60),
        body: row.body,
        status: ReminderStatus.Scheduled,
        sendAfter,
        enqueuedAt: null,
        generation: 0,
        attempts: 0,
        claimToken: null,
        claimedAt: null,
        channel: null,
        sentAt: null,
        lastError: null,
        createdByStaffId: row.createdByStaffId ?? null,
        createdAt: at,
      })))
      .orIgnore().execute();
    const reminders = await manager.findBy(Reminder, { id: In(candidates.map((row) => row.id)) });
    // A capped row whose reminder lost on dedupeKey must not hold the day's cap.
    const lost = capped.filter((row) => allowed.has(row.id) && !reminders.some((r) => r.id === row.id));
    if (lost.length) await manager.delete(ReminderDailyCap, { reminderId: In(lost.map((row) => row.id)) });
    await this.toInboxes(manager, reminders, at);
    return reminders;
  }

  /**
   * "Reached" notices skipped because their group had dropped back by the time they went out, among
   * these dedupe keys: the group has reached its decision again, so they go out after all (once).
   */
  async reviveReached(manager: EntityManager, dedupeKeys: string[], at: Date, policy: PolicyTimes): Promise<number> {
    if (!dedupeKeys.length) return 0;
    const skipped = await manager.find(Reminder, { select: { id: true }, where: { dedupeKey: In(dedupeKeys), kind: ReminderKind.GroupReached, status: ReminderStatus.Skipped } });
    if (!skipped.length) return 0;
    const dropped = await manager.find(ReminderDelivery, { select: { reminderId: true }, where: { reminderId: In(skipped.map((r) => r.id)), detail: SKIP_NOT_REACHED } });
    const ids = [...new Set(dropped.map((d) => d.reminderId))];
    if (!ids.length) return 0;
    const revived = await manager.update(
      Reminder,
      { id: In(ids), status: ReminderStatus.Skipped },
      { status: ReminderStatus.Scheduled, sendAfter: nextSendTime(at, policy), generation: () => 'generation + 1', enqueuedAt: null, claimToken: null, claimedAt: null, channel: null },
    );
    // Its inbox entries were taken out when it was skipped; they come back now (the unique key keeps it to one per recipient).
    await this.toInboxes(manager, await manager.findBy(Reminder, { id: In(ids), status: ReminderStatus.Scheduled }), at);
    return revived.affected ?? 0;
  }

  /** The inbox entry appears at once, whatever quiet hours do to the push. */
  private async toInboxes(manager: EntityManager, reminders: Reminder[], at: Date) {
    const householdIds = [...new Set(reminders.map((r) => r.householdId).filter((id): id is string => Boolean(id)))];
    const members = householdIds.length ? await manager.findBy(HouseholdMember, { householdId: In(householdIds) }) : [];
    const messages = reminders.flatMap((reminder): Array<Partial<InboxMessage>> => {
      const base = { kind: reminder.kind, title: reminder.title, body: reminder.body, consultationId: reminder.consultationId, reminderId: reminder.id, createdAt: at, readAt: null };
      if (reminder.staffId) return [{ ...base, id: randomUUID(), staffId: reminder.staffId, residentId: null, recipientKey: `staff:${reminder.staffId}` }];
      return members
        .filter((m) => m.householdId === reminder.householdId)
        .map((m) => ({ ...base, id: randomUUID(), residentId: m.residentId, staffId: null, recipientKey: `resident:${m.residentId}` }));
    });
    for (let i = 0; i < messages.length; i += BATCH) {
      await manager.createQueryBuilder().insert().into(InboxMessage).values(messages.slice(i, i + BATCH)).orIgnore().execute();
    }
  }
}
