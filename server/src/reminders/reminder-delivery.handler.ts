import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, IsNull, LessThan, type EntityManager } from 'typeorm';
import { ChannelError } from '../channels/channel-error.js';
import { SmsChannel } from '../channels/sms.channel.js';
import { SubscriptionGrant } from '../channels/subscription-grant.entity.js';
import { WechatSubscribeChannel } from '../channels/wechat-subscribe.channel.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { GroupState } from '@linyi/shared';
import { ConsultationGroup } from '../consultations/consultation-group.entity.js';
import { ConsultationHousehold } from '../consultations/consultation-household.entity.js';
import { Consultation } from '../consultations/consultation.entity.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { JobRegistry } from '../queue/job-registry.js';
import { JobName } from '../queue/jobs.js';
import { InboxMessage } from '../inbox/inbox-message.entity.js';
import { HouseholdResponse } from '../responses/household-response.entity.js';
import { worksSendCheck, type WorksSendCheck } from '../works/works-send-check.js';
import { isWorksReminder, SKIP_BOOKING_CHANGED } from '../works/works-reminder.rules.js';
import { isAcceptanceReminder } from '../acceptance/acceptance-reminder.rules.js';
import { acceptanceSendCheck } from '../acceptance/acceptance-send-check.js';
import { routePushes, type Push } from './push-routing.js';
import { DeliveryResult, ReminderDelivery } from './reminder-delivery.entity.js';
import { policyOf, type Policy } from './reminder-policies.js';
import { ReminderPlanner } from './reminder-planner.js';
import { Reminder, ReminderKind, ReminderStatus } from './reminder.entity.js';
import { chasesAnswer, inQuietHours, isNotice, nextSendTime, reachedNoticeKey, skipReasonAtSend, SKIP_NOT_REACHED } from './reminder.rules.js';

const PAUSED_RETRY_MS = 15 * 60 * 1000;
const PARALLEL_SENDS = 16;

type Outcome =
  | { kind: 'sent'; channel: string; detail: string }
  | { kind: 'skipped'; detail: string }
  | { kind: 'failed'; channel: string; detail: string }
  | { kind: 'deferred'; until: Date };

/**
 * Delivers a batch of reminders: claims them (so a second worker cannot send them too), re-checks
 * each is still wanted, sends through WeChat or SMS, and records every attempt. Failed ones go back
 * with exponential backoff until the maximum, then to the dead-letter list.
 */
@Injectable()
export class ReminderDeliveryHandler implements OnModuleInit {
  private readonly logger = new Logger('reminders');

  constructor(
    @Inject(JobRegistry) private readonly registry: JobRegistry,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(WechatSubscribeChannel) private readonly wechat: WechatSubscribeChannel,
    @Inject(SmsChannel) private readonly sms: SmsChannel,
    @Inject(ReminderPlanner) private readonly planner: ReminderPlanner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onModuleInit() {
    this.registry.register(JobName.DeliverReminders, (payload) => this.deliver(payload.reminderIds));
  }

  async deliver(reminderIds: string[]): Promise<void> {
    const reminders = await this.claim(reminderIds);
    if (!reminders.length) return;
    const manager = this.transactions.dataSource.manager;
    const policies = new Map<string | null, Policy>();
    const consultations = new Map<string, Consultation>();
    for (const id of new Set(reminders.map((r) => r.consultationId))) {
      policies.set(id, await policyOf(manager, id));
      // A compound's notice (PLAN_NOTICE) has no consultation.
      if (id) consultations.set(id, await manager.findOneByOrFail(Consultation, { id }));
    }
    const answered = await this.answeredPairs(manager, reminders);
    const groups = await this.groupsOf(manager, reminders);
    const works = await worksSendCheck(manager, reminders);
    const acceptanceSkip = await acceptanceSendCheck(manager, reminders);
    const routes = await routePushes(manager, reminders, this.wechat.templateId);
    const outcomes = new Map<string, Outcome>();
    const now = this.clock.now();
    const toSend: Reminder[] = [];
    const skipReason = (reminder: Reminder) =>
      skipReasonAtSend({ kind: reminder.kind, answered: answered.has(`${reminder.consultationId}|${reminder.householdId}`), groupState: groups.get(`${reminder.consultationId}|${reminder.householdId}`)?.state ?? null }) ??
      // "Tomorrow" after a move or cancellation, "please book" after booking: both checked again now.
      works.skipReason(reminder) ??
      // "Please accept" after the household accepted, or once the works went back to the crew.
      acceptanceSkip(reminder);
    for (const reminder of reminders) {
      const policy = policies.get(reminder.consultationId)!;
      const skip = skipReason(reminder);
      if (policy.paused && reminder.kind !== ReminderKind.ManualNudge) outcomes.set(reminder.id, { kind: 'deferred', until: new Date(now.getTime() + PAUSED_RETRY_MS) });
      else if (inQuietHours(now, policy)) outcomes.set(reminder.id, { kind: 'deferred', until: nextSendTime(now, policy) });
      // Checked again right before sending: being reminded after answering is what residents complain of most,
      // and "your unit has reached its decision" must not arrive after it dropped back.
      else if (skip) outcomes.set(reminder.id, { kind: 'skipped', detail: skip });
      else if (routes.get(reminder.id)!.channel === 'INBOX') outcomes.set(reminder.id, reminder.staffId ? { kind: 'sent', channel: 'INBOX', detail: 'staff inbox' } : { kind: 'skipped', detail: 'no WeChat grant and no phone: inbox only' });
      else toSend.push(reminder);
    }
    await forEachLimited(toSend, PARALLEL_SENDS, async (reminder) => {
      outcomes.set(reminder.id, await this.send(manager, reminder, routes.get(reminder.id)!, reminder.consultationId ? consultations.get(reminder.consultationId) ?? null : null, works));
    });
    await this.record(reminders, outcomes);
    await this.reviveIfReachedAgain(reminders, outcomes, groups, policies);
  }

  /**
   * A "reached" notice skipped because its group had dropped back, whose group reached again while
   * this batch was being decided: the REACHED event may have looked before the skip was recorded, so look again.
   */
  private async reviveIfReachedAgain(reminders: Reminder[], outcomes: Map<string, Outcome>, groups: Map<string, ConsultationGroup>, policies: Map<string | null, Policy>) {
    const dropped = reminders.filter((r) => { const o = outcomes.get(r.id)!; return o.kind === 'skipped' && o.detail === SKIP_NOT_REACHED; });
    const groupOf = (r: Reminder) => groups.get(`${r.consultationId}|${r.householdId}`);
    const grouped = dropped.filter((r) => groupOf(r));
    if (!grouped.length) return;
    const manager = this.transactions.dataSource.manager;
    const reachedNow = new Set((await manager.find(ConsultationGroup, { select: { id: true }, where: { id: In([...new Set(grouped.map((r) => groupOf(r)!.id))]), state: GroupState.Reached } })).map((g) => g.id));
    for (const reminder of grouped.filter((r) => reachedNow.has(groupOf(r)!.id))) {
      await this.planner.reviveReached(manager, [reachedNoticeKey(reminder.consultationId!, groupOf(reminder)!.id, reminder.householdId!)], this.clock.now(), policies.get(reminder.consultationId)!);
    }
  }

  /** The group (and its state now) of each "reached" notice's household, keyed `consultation|household`. */
  private async groupsOf(manager: EntityManager, reminders: Reminder[]): Promise<Map<string, ConsultationGroup>> {
    const reached = reminders.filter((r) => r.kind === ReminderKind.GroupReached && r.householdId);
    if (!reached.length) return new Map();
    const electorate = await manager.find(ConsultationHousehold, {
      select: { consultationId: true, householdId: true, groupId: true },
      where: { consultationId: In([...new Set(reached.map((r) => r.consultationId!))]), householdId: In([...new Set(reached.map((r) => r.householdId!))]) },
    });
    const groups = await manager.find(ConsultationGroup, { select: { id: true, state: true }, where: { id: In([...new Set(electorate.map((e) => e.groupId))]) } });
    const byId = new Map(groups.map((g) => [g.id, g]));
    return new Map(electorate.filter((e) => byId.has(e.groupId)).map((e) => [`${e.consultationId}|${e.householdId}`, byId.get(e.groupId)!]));
  }

  /** Takes the reminders that are still due and not held by a live worker; returns only those. */
  private async claim(ids: string[]): Promise<Reminder[]> {
    if (!ids.length) return [];
    const token = randomUUID();
    const now = this.clock.stamp();
    const staleBefore = new Date(now.getTime() - this.config.queue.lockDurationMs);
    const repository = this.transactions.dataSource.getRepository(Reminder);
    await repository.update({ id: In(ids), status: ReminderStatus.Scheduled, claimToken: IsNull() }, { claimToken: token, claimedAt: now });
    await repository.update({ id: In(ids), status: ReminderStatus.Scheduled, claimedAt: LessThan(staleBefore) }, { claimToken: token, claimedAt: now });
    return repository.findBy({ id: In(ids), claimToken: token, status: ReminderStatus.Scheduled });
  }

  private async answeredPairs(manager: EntityManager, reminders: Reminder[]): Promise<Set<string>> {
    const nags = reminders.filter((r) => chasesAnswer(r.kind) && r.householdId);
    if (!nags.length) return new Set();
    const rows = await manager.find(HouseholdResponse, {
      select: { consultationId: true, householdId: true },
      where: { consultationId: In([...new Set(nags.map((r) => r.consultationId!))]), householdId: In([...new Set(nags.map((r) => r.householdId!))]) },
    });
    return new Set(rows.map((row) => `${row.consultationId}|${row.householdId}`));
  }

  private async send(manager: EntityManager, reminder: Reminder, push: Push, consultation: Consultation | null, works: WorksSendCheck): Promise<Outcome> {
    try {
      if (push.channel === 'WECHAT') {
        // A one-time grant allows one message: claim it first, give it back if WeChat refuses.
        const claimed = await manager.update(SubscriptionGrant, { id: push.grantId, usedAt: IsNull() }, { usedAt: this.clock.stamp(), usedByReminderId: reminder.id });
        if (!claimed.affected) throw new ChannelError('WECHAT', 'subscription grant was used by another message');
        try {
          const deadline = isWorksReminder(reminder.kind) ? works.pushTime(reminder) : isAcceptanceReminder(reminder.kind) || isNotice(reminder.kind) ? null : consultation?.deadline ?? null;
          await this.wechat.send({ openid: push.openid, title: reminder.title, body: reminder.body, deadline });
        } catch (error) {
          await manager.update(SubscriptionGrant, { id: push.grantId }, { usedAt: null, usedByReminderId: null });
          throw error;
        }
        return { kind: 'sent', channel: 'WECHAT', detail: 'wechat subscribe message' };
      }
      if (push.channel === 'SMS') {
        await this.sms.send({ phone: push.phone, text: `【邻议】${reminder.title}：${reminder.body}`, idempotencyKey: reminder.id });
        return { kind: 'sent', channel: 'SMS', detail: `sms (${this.sms.mode})` };
      }
      return { kind: 'skipped', detail: 'inbox only' };
    } catch (error) {
      return { kind: 'failed', channel: push.channel, detail: (error instanceof ChannelError ? error.message : String(error)).slice(0, 300) };
    }
  }

  /** One transaction for the whole batch: delivery rows, then each reminder's new state. */
  private async record(reminders: Reminder[], outcomes: Map<string, Outcome>) {
    const at = this.clock.stamp();
    const { maxAttempts, retryBaseMs } = this.config.reminders;
    await this.transactions.run(async (manager) => {
      const deliveries = reminders.flatMap((reminder) => {
        const outcome = outcomes.get(reminder.id)!;
        if (outcome.kind === 'deferred') return [];
        const result = outcome.kind === 'sent' ? DeliveryResult.Sent : outcome.kind === 'failed' ? DeliveryResult.Failed : DeliveryResult.Skipped;
        const channel = outcome.kind === 'skipped' ? 'INBOX' : outcome.channel;
        // sentKey is unique: a second SENT row for one reminder cannot exist, whichever worker writes it.
        return [{ id: randomUUID(), reminderId: reminder.id, channel, result, detail: outcome.detail, sentKey: result === DeliveryResult.Sent ? reminder.id : null, at }];
      });
      for (let i = 0; i < deliveries.length; i += 500) {
        await manager.createQueryBuilder().insert().into(ReminderDelivery).values(deliveries.slice(i, i + 500)).orIgnore().execute();
      }
      const idsOf = (kind: Outcome['kind']) => reminders.filter((r) => outcomes.get(r.id)!.kind === kind).map((r) => r.id);
      for (const channel of ['SMS', 'WECHAT', 'INBOX']) {
        const sent = reminders.filter((r) => { const o = outcomes.get(r.id)!; return o.kind === 'sent' && o.channel === channel; }).map((r) => r.id);
        if (sent.length) await manager.update(Reminder, { id: In(sent) }, { status: ReminderStatus.Sent, channel, sentAt: at, lastError: null });
      }
      const skipped = idsOf('skipped');
      if (skipped.length) await manager.update(Reminder, { id: In(skipped) }, { status: ReminderStatus.Skipped, channel: 'INBOX' });
      // "Your unit has reached its decision" is no longer true: it leaves the inbox too (it comes back if the unit reaches again).
      // Nor is "we come tomorrow" once the booking moved or was cancelled.
      const noLongerTrue = reminders.filter((r) => { const o = outcomes.get(r.id)!; return o.kind === 'skipped' && (o.detail === SKIP_NOT_REACHED || o.detail === SKIP_BOOKING_CHANGED); }).map((r) => r.id);
      if (noLongerTrue.length) await manager.delete(InboxMessage, { reminderId: In(noLongerTrue) });
      for (const reminder of reminders) {
        const outcome = outcomes.get(reminder.id)!;
        if (outcome.kind === 'deferred') {
          await manager.update(Reminder, { id: reminder.id }, { sendAfter: outcome.until, generation: reminder.generation + 1, enqueuedAt: null, claimToken: null, claimedAt: null });
        } else if (outcome.kind === 'failed') {
          const attempts = reminder.attempts + 1;
          const dead = attempts >= maxAttempts;
          await manager.update(Reminder, { id: reminder.id }, {
            attempts,
            generation: reminder.generation + 1,
            channel: outcome.channel,
            lastError: outcome.detail,
            status: dead ? ReminderStatus.Dead : ReminderStatus.Scheduled,
            sendAfter: new Date(at.getTime() + retryBaseMs * 2 ** (attempts - 1)),
            enqueuedAt: null,
            claimToken: null,
            claimedAt: null,
          });
          if (dead) this.logger.warn({ msg: 'reminder dead-lettered', reminderId: reminder.id, channel: outcome.channel, error: outcome.detail });
        }
      }
    });
  }
}

async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}
