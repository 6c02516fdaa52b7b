import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ChannelError } from './channel-error.js';
import { postJson } from './http-post.js';

export interface SmsMessage {
  phone: string;
  text: string;
  /** The reminder id: a gateway that sees it twice (after a worker crash) sends once. */
  idempotencyKey: string;
}

/**
 * SMS through a configurable HTTP gateway (POST SMS_GATEWAY_URL {phone, text, idempotencyKey}, bearer
 * SMS_GATEWAY_TOKEN, any 2xx = accepted). Without a gateway the demo only logs the text.
 */
@Injectable()
export class SmsChannel {
  private readonly logger = new Logger('sms');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get mode(): 'gateway' | 'log' {
    return this.config.sms.gatewayUrl ? 'gateway' : 'log';
  }

  async send(message: SmsMessage): Promise<void> {
    const gateway = this.config.sms.gatewayUrl;
    if (!gateway) {
      // Phone numbers stay out of logs; the last four digits are enough to follow a demo.
      this.logger.log({ msg: 'sms (log only)', to: `***${message.phone.slice(-4)}`, text: message.text });
      return;
    }
    let status: number;
    try {
      status = await postJson(gateway, message, { authorization: `Bearer ${this.config.sms.token}` }, 10_000);
    } catch (error) {
      throw new ChannelError('SMS', `gateway unreachable: ${String(error)}`);
    }
    if (status < 200 || status >= 300) throw new ChannelError('SMS', `gateway answered ${status}`);
  }
}
