import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, IsNull, type EntityManager } from 'typeorm';
import { ChannelError } from '../channels/channel-error.js';
import { SmsChannel } from '../channels/sms.channel.js';
import { SubscriptionGrant } from '../channels/subscription-grant.entity.js';
import { WechatSubscribeChannel } from '../channels/wechat-subscribe.channel.js';
import { Clock } from '../common/clock.js';
import { Consultation } from '../consultations/consultation.entity.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Household } from '../places/household.entity.js';
import { JobRegistry } from '../queue/job-registry.js';
import { JobName, type JobContext, type JobOutcome } from '../queue/jobs.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { Resident } from '../residents/resident.entity.js';
import { HouseholdResponse } from '../responses/household-response.entity.js';
import { DeliveryResult, ReminderDelivery } from './reminder-delivery.entity.js';
import { policyOf } from './reminder-policies.js';
import { Reminder, ReminderKind, ReminderStatus } from './reminder.entity.js';
import { inQuietHours, nextSendTime } from './reminder.rules.js';

const NAGS = new Set([ReminderKind.ConsultationOpened, ReminderKind.DeadlineReminder, ReminderKind.ManualNudge]);
const PAUSED_RETRY_MS = 15 * 60 * 1000;

type Push = { channel: 'WECHAT'; openid: string; grant: SubscriptionGrant } | { channel: 'SMS'; phone: string } | { channel: 'INBOX' };

/** Sends one reminder: re-checks it is still wanted, picks WeChat (with a grant) or SMS, records the attempt. */
@Injectable()
export class ReminderDeliveryHandler implements OnModuleInit {
  private readonly logger = new Logger('reminders');

  constructor(
    @Inject(JobRegistry) private readonly registry: JobRegistry,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(WechatSubscribeChannel) private readonly wechat: WechatSubscribeChannel,
    @Inject(SmsChannel) private readonly sms: SmsChannel,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onModuleInit() {
    this.registry.register(JobName.DeliverReminder, (payload, context) => this.deliver(payload.reminderId, context));
  }

  async deliver(reminderId: string, context: JobContext): Promise<JobOutcome> {
    const manager = this.transactions.dataSource.manager;
    const reminder = await manager.findOneBy(Reminder, { id: reminderId });
    if (!reminder || reminder.status !== ReminderStatus.Scheduled) return;
    const consultation = await manager.findOneByOrFail(Consultation, { id: reminder.consultationId });
    const policy = await policyOf(manager, reminder.consultationId);
    const now = this.clock.now();
    if (policy.paused && reminder.kind !== ReminderKind.ManualNudge) return { retryAt: new Date(now.getTime() + PAUSED_RETRY_MS) };
    if (now < reminder.sendAfter || inQuietHours(now, policy)) return { retryAt: nextSendTime(now < reminder.sendAfter ? reminder.sendAfter : now, policy) };
    // Being reminded after answering is the complaint residents make most: check again right before sending.
    if (NAGS.has(reminder.kind) && reminder.householdId && (await manager.existsBy(HouseholdResponse, { consultationId: reminder.consultationId, householdId: reminder.householdId }))) {
      return this.finish(reminder, ReminderStatus.Skipped, 'INBOX', 'already answered');
    }
    const push = await this.choosePush(manager, reminder);
    if (push.channel === 'INBOX') return this.finish(reminder, reminder.staffId ? ReminderStatus.Sent : ReminderStatus.Skipped, 'INBOX', reminder.staffId ? 'staff inbox' : 'no WeChat grant and no phone: inbox only');
    try {
      if (push.channel === 'WECHAT') await this.sendWechat(manager, reminder, push, consultation.deadline);
      else await this.sms.send({ phone: push.phone, text: `【邻议】${reminder.title}：${reminder.body}`, idempotencyKey: reminder.id });
    } catch (error) {
      const message = error instanceof ChannelError ? error.message : String(error);
      await this.record(manager, reminder, push.channel, DeliveryResult.Failed, message.slice(0, 300));
      if (context.finalAttempt) {
        await manager.update(Reminder, { id: reminder.id, status: ReminderStatus.Scheduled }, { status: ReminderStatus.Dead, lastError: message.slice(0, 300) });
        this.logger.warn({ msg: 'reminder dead-lettered', reminderId: reminder.id, channel: push.channel, error: message });
      }
      throw error;
    }
    return this.finish(reminder, ReminderStatus.Sent, push.channel, push.channel === 'SMS' ? `sms (${this.sms.mode})` : 'wechat subscribe message');
  }

  private async choosePush(manager: EntityManager, reminder: Reminder): Promise<Push> {
    if (!reminder.householdId) return { channel: 'INBOX' };
    const residentIds = (await manager.findBy(HouseholdMember, { householdId: reminder.householdId })).map((m) => m.residentId);
    if (this.wechat.templateId && residentIds.length) {
      const grant = await manager.findOne(SubscriptionGrant, { where: { residentId: In(residentIds), templateId: this.wechat.templateId, usedAt: IsNull() }, order: { grantedAt: 'ASC' } });
      const resident = grant ? await manager.findOneBy(Resident, { id: grant.residentId }) : null;
      if (grant && resident) return { channel: 'WECHAT', openid: resident.openid, grant };
    }
    const household = await manager.findOneBy(Household, { id: reminder.householdId });
    return household?.phone ? { channel: 'SMS', phone: household.phone } : { channel: 'INBOX' };
  }

  /** A one-time grant allows one message: claim it first, give it back if WeChat refuses. */
  private async sendWechat(manager: EntityManager, reminder: Reminder, push: Extract<Push, { channel: 'WECHAT' }>, deadline: Date) {
    const claimed = await manager.update(SubscriptionGrant, { id: push.grant.id, usedAt: IsNull() }, { usedAt: this.clock.stamp(), usedByReminderId: reminder.id });
    if (!claimed.affected) throw new ChannelError('WECHAT', 'subscription grant was used by another message');
    try {
      await this.wechat.send({ openid: push.openid, title: reminder.title, body: reminder.body, deadline });
    } catch (error) {
      await manager.update(SubscriptionGrant, { id: push.grant.id }, { usedAt: null, usedByReminderId: null });
      throw error;
    }
  }

  private async finish(reminder: Reminder, status: ReminderStatus, channel: string, detail: string): Promise<JobOutcome> {
    await this.transactions.run(async (manager) => {
      const result = status === ReminderStatus.Sent ? DeliveryResult.Sent : DeliveryResult.Skipped;
      // The unique sentKey makes a second SENT for the same reminder impossible, whichever worker gets there.
      await manager.createQueryBuilder().insert().into(ReminderDelivery)
        .values({ reminderId: reminder.id, channel, result, detail, sentKey: result === DeliveryResult.Sent ? reminder.id : null, at: this.clock.stamp(), id: randomUUID() })
        .orIgnore().execute();
      await manager.update(Reminder, { id: reminder.id, status: ReminderStatus.Scheduled }, { status, channel, sentAt: status === ReminderStatus.Sent ? this.clock.stamp() : null, lastError: null });
    });
  }

  private record(manager: EntityManager, reminder: Reminder, channel: string, result: DeliveryResult, detail: string) {
    return manager.insert(ReminderDelivery, { id: randomUUID(), reminderId: reminder.id, channel, result, detail, sentKey: null, at: this.clock.stamp() });
  }
}
