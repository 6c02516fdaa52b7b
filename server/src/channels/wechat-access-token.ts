import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ChannelError } from './channel-error.js';

// Refresh this long before WeChat's stated expiry, so a token never dies mid-send.
const SAFETY_MS = 5 * 60 * 1000;

/** WeChat's server access_token: fetched once, shared by concurrent sends, refreshed on expiry. */
@Injectable()
export class WechatAccessToken {
  private cached: { token: string; expiresAt: number } | null = null;
  private inflight: Promise<string> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async get(): Promise<string> {
    if (this.cached && this.cached.expiresAt > this.clock.now().getTime()) return this.cached.token;
    this.inflight ??= this.fetch().finally(() => (this.inflight = null));
    return this.inflight;
  }

  /** WeChat said the token is invalid (40001/42001): drop it so the next send fetches a new one. */
  invalidate() {
    this.cached = null;
  }

  private async fetch(): Promise<string> {
    const { apiBase, appId, secret } = this.config.wechat;
    const url = new URL('/cgi-bin/token', apiBase);
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: appId, secret }).toString();
    let body: { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };
    try {
      body = (await (await fetch(url, { signal: AbortSignal.timeout(5000) })).json()) as typeof body;
    } catch (error) {
      throw new ChannelError('WECHAT', `access_token request failed: ${String(error)}`);
    }
    if (!body.access_token) throw new ChannelError('WECHAT', `access_token refused: errcode ${body.errcode ?? '?'}`);
    this.cached = { token: body.access_token, expiresAt: this.clock.now().getTime() + (body.expires_in ?? 7200) * 1000 - SAFETY_MS };
    return body.access_token;
  }
}
