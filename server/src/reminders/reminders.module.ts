import { Module } from '@nestjs/common';
import { SmsChannel } from '../channels/sms.channel.js';
import { WechatAccessToken } from '../channels/wechat-access-token.js';
import { WechatSubscribeChannel } from '../channels/wechat-subscribe.channel.js';
import { ConsultationsModule } from '../consultations/consultations.module.js';
import { InboxController } from '../inbox/inbox.controller.js';
import { InboxService } from '../inbox/inbox.service.js';
import { OutboxRelay } from '../outbox/outbox-relay.js';
import { PlacesModule } from '../places/places.module.js';
import { DomainEventHandler } from './domain-event.handler.js';
import { ReminderDeliveryHandler } from './reminder-delivery.handler.js';
import { ReminderPlanner } from './reminder-planner.js';
import { ReminderSweep } from './reminder-sweep.js';
import { RemindersController } from './reminders.controller.js';
import { RemindersService } from './reminders.service.js';

/** Reminders: outbox relay → queue → handlers → WeChat / SMS / inbox, with staff controls. */
@Module({
  imports: [ConsultationsModule, PlacesModule],
  controllers: [RemindersController, InboxController],
  providers: [
    WechatAccessToken,
    WechatSubscribeChannel,
    SmsChannel,
    ReminderPlanner,
    ReminderDeliveryHandler,
    DomainEventHandler,
    ReminderSweep,
    OutboxRelay,
    RemindersService,
    InboxService,
  ],
  exports: [OutboxRelay, ReminderSweep, ReminderPlanner],
})
export class RemindersModule {}
