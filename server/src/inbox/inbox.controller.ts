import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StaffRole } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import type { Actor, ResidentActor } from '../auth/actor.js';
import { CurrentActor, ResidentOnly, ResidentsAndStaff, StaffOnly } from '../auth/auth.decorators.js';
import { SubscriptionGrant } from '../channels/subscription-grant.entity.js';
import { WechatSubscribeChannel } from '../channels/wechat-subscribe.channel.js';
import { Clock } from '../common/clock.js';
import { uuidParam } from '../common/uuid-param.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { InboxService } from './inbox.service.js';
import { RecordSubscriptionsDto } from './subscriptions.dto.js';

const STAFF = [StaffRole.Committee, StaffRole.Street, StaffRole.Contractor, StaffRole.Admin];

@ApiTags('inbox')
@ApiBearerAuth()
@Controller()
export class InboxController {
  constructor(
    @Inject(InboxService) private readonly inbox: InboxService,
    @Inject(WechatSubscribeChannel) private readonly wechat: WechatSubscribeChannel,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get('me/inbox')
  @ResidentOnly()
  mine(@CurrentActor() actor: ResidentActor) {
    return this.inbox.list(actor);
  }

  @Get('me/inbox/unread-count')
  @ResidentOnly()
  unread(@CurrentActor() actor: ResidentActor) {
    return this.inbox.unread(actor);
  }

  @Get('staff/inbox')
  @StaffOnly(...STAFF)
  staffInbox(@CurrentActor() actor: Actor) {
    return this.inbox.list(actor);
  }

  @Post('inbox/:id/read')
  @HttpCode(200)
  @ResidentsAndStaff(...STAFF)
  read(@CurrentActor() actor: Actor, @Param('id', uuidParam('消息')) id: string) {
    return this.inbox.markRead(actor, id);
  }

  /** Which templates the mini-program should ask residents to subscribe to. */
  @Get('me/subscriptions/templates')
  @ResidentOnly()
  templates() {
    return { templateIds: this.wechat.templateId ? [this.wechat.templateId] : [] };
  }

  /** Records each accepted one-time subscription: each allows exactly one message later. */
  @Post('me/subscriptions')
  @ResidentOnly()
  async subscribe(@CurrentActor() actor: ResidentActor, @Body() dto: RecordSubscriptionsDto) {
    const accepted = Object.entries(dto.results)
      // Only the template reminders are sent with: a grant for anything else could never be used.
      .filter(([templateId, result]) => result === 'accept' && Boolean(this.wechat.templateId) && templateId === this.wechat.templateId)
      .map(([templateId]) => templateId);
    const grantedAt = this.clock.stamp();
    if (accepted.length) {
      await this.transactions.dataSource.getRepository(SubscriptionGrant).insert(accepted.map((templateId) => ({ id: randomUUID(), residentId: actor.id, templateId, grantedAt, usedAt: null, usedByReminderId: null })));
    }
    return { granted: accepted.length };
  }
}
