import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AppException } from '../common/app.exception.js';

export interface WechatSession {
  openid: string;
  unionid: string | null;
  sessionKey: string;
}

/** Readable reasons for the jscode2session error codes residents actually hit. */
const WECHAT_ERRORS: Record<number, string> = {
  40029: '微信登录凭证无效，请重新打开小程序',
  40163: '微信登录凭证已被使用，请重新打开小程序',
  45011: '登录太频繁，请稍后再试',
  40226: '该微信账号存在风险，暂时无法登录',
  [-1]: '微信服务繁忙，请稍后再试',
};

/** Calls WeChat's jscode2session over HTTP; the session_key is returned to the server only. */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger('wechat');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async codeToSession(code: string): Promise<WechatSession> {
    const { appId, secret, apiBase } = this.config.wechat;
    const url = new URL('/sns/jscode2session', apiBase);
    url.search = new URLSearchParams({ appid: appId, secret, js_code: code, grant_type: 'authorization_code' }).toString();
    let body: { openid?: string; unionid?: string; session_key?: string; errcode?: number; errmsg?: string };
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      body = (await response.json()) as typeof body;
    } catch (error) {
      this.logger.warn({ msg: 'jscode2session unreachable', error: String(error) });
      throw new AppException('WECHAT_UNAVAILABLE', '暂时无法连接微信服务，请稍后再试');
    }
    if (body.errcode || !body.openid || !body.session_key) {
      // Log only the code WeChat gave, never the response body: it may carry session data.
      this.logger.warn({ msg: 'jscode2session refused', errcode: body.errcode ?? null });
      const message = WECHAT_ERRORS[body.errcode ?? 0] ?? `微信登录失败（错误码 ${body.errcode ?? '未知'}），请重新打开小程序`;
      throw new AppException('WECHAT_LOGIN_FAILED', message);
    }
    return { openid: body.openid, unionid: body.unionid ?? null, sessionKey: body.session_key };
  }
}
