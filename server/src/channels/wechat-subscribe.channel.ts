import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ChannelError } from './channel-error.js';
import { WechatAccessToken } from './wechat-access-token.js';

export interface SubscribeMessage {
  openid: string;
  title: string;
  body: string;
  deadline: Date | null;
}

const TOKEN_ERRORS = new Set([40001, 40014, 42001]);

/** WeChat's 20-character limit on "thing" fields. */
const thing = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text);

/** Sends one subscribe message (template id from WECHAT_TEMPLATE_ID) through WeChat's HTTP API. */
@Injectable()
export class WechatSubscribeChannel {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WechatAccessToken) private readonly accessToken: WechatAccessToken,
  ) {}

  get templateId(): string {
    return this.config.wechat.templateId;
  }

  async send(message: SubscribeMessage): Promise<void> {
    const data = {
      thing1: { value: thing(message.title) },
      thing2: { value: thing(message.body) },
      time3: { value: message.deadline ? message.deadline.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—' },
    };
    const payload = { touser: message.openid, template_id: this.templateId, page: this.config.wechat.templatePage, data, miniprogram_state: 'formal', lang: 'zh_CN' };
    const result = await this.post(payload);
    if (result.errcode && TOKEN_ERRORS.has(result.errcode)) {
      this.accessToken.invalidate();
      const again = await this.post(payload);
      if (again.errcode) throw new ChannelError('WECHAT', `subscribe send failed: errcode ${again.errcode}`);
      return;
    }
    if (result.errcode) throw new ChannelError('WECHAT', `subscribe send failed: errcode ${result.errcode}`);
  }

  private async post(payload: unknown): Promise<{ errcode?: number; errmsg?: string }> {
    const url = new URL('/cgi-bin/message/subscribe/send', this.config.wechat.apiBase);
    url.searchParams.set('access_token', await this.accessToken.get());
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload), signal: AbortSignal.timeout(5000) });
      return (await response.json()) as { errcode?: number; errmsg?: string };
    } catch (error) {
      throw new ChannelError('WECHAT', `subscribe send unreachable: ${String(error)}`);
    }
  }
}
