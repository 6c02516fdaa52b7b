import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Stand-ins for WeChat's API and an SMS gateway on 127.0.0.1, recording what they were sent. */
export interface FakePush {
  base: string;
  smsUrl: string;
  tokenCalls: number;
  wechatSends: Array<{ touser: string; template_id: string; data: Record<string, { value: string }> }>;
  /** Messages the gateway sent on (a repeated idempotency key is accepted but not sent again). */
  sms: Array<{ phone: string; text: string; idempotencyKey: string }>;
  /** Every request the gateway received, repeats and held ones included: a double send shows here. */
  smsRequests: Array<{ phone: string; text: string; idempotencyKey: string }>;
  /** openids for which WeChat answers an error code. */
  failingOpenids: Set<string>;
  /** The next SMS request is held without an answer (a send in flight when a worker dies). */
  holdNextSms: boolean;
  heldSms: number;
  /** Holds every SMS request open, unanswered, until `releaseHeldSms` (a send in flight while Redis dies). */
  holdAllSms: boolean;
  /** Answers (and sends on) every request held by `holdAllSms`; returns how many. */
  releaseHeldSms(): number;
  /** Received requests per idempotency key and per phone, to assert "exactly once". */
  smsRequestsFor(key: { idempotencyKey?: string; phone?: string }): number;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : null;
}

export async function startFakePush(): Promise<FakePush> {
  let tokenSerial = 0;
  const held: Array<() => void> = [];
  const accept = (message: FakePush['sms'][number], res: ServerResponse) => {
    // Like real gateways, a repeated idempotency key is accepted but not sent again.
    if (!fake.sms.some((m) => m.idempotencyKey === message.idempotencyKey)) fake.sms.push(message);
    res.end(JSON.stringify({ ok: true }));
  };
  const fake = {
    tokenCalls: 0,
    wechatSends: [],
    sms: [],
    smsRequests: [],
    holdAllSms: false,
    failingOpenids: new Set<string>(),
    holdNextSms: false,
    heldSms: 0,
  } as unknown as FakePush;
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/cgi-bin/token') {
      fake.tokenCalls++;
      res.end(JSON.stringify({ access_token: `token-${++tokenSerial}`, expires_in: 7200 }));
    } else if (url.pathname === '/cgi-bin/message/subscribe/send') {
      const message = (await body(req)) as FakePush['wechatSends'][number];
      if (url.searchParams.get('access_token') !== `token-${tokenSerial}`) return res.end(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }));
      if (fake.failingOpenids.has(message.touser)) return res.end(JSON.stringify({ errcode: 43101, errmsg: 'user refuse to accept the msg' }));
      fake.wechatSends.push(message);
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    } else if (url.pathname === '/sms') {
      const message = (await body(req)) as FakePush['sms'][number];
      fake.smsRequests.push(message);
      if (fake.holdAllSms) {
        held.push(() => accept(message, res));
        return;
      }
      if (fake.holdNextSms) {
        fake.holdNextSms = false;
        fake.heldSms++;
        return; // never answered: the worker holding it will be killed
      }
      accept(message, res);
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  fake.base = `http://127.0.0.1:${port}`;
  fake.smsUrl = `http://127.0.0.1:${port}/sms`;
  fake.releaseHeldSms = () => {
    fake.holdAllSms = false;
    const waiting = held.splice(0);
    for (const answer of waiting) answer();
    return waiting.length;
  };
  fake.smsRequestsFor = ({ idempotencyKey, phone }) =>
    fake.smsRequests.filter((m) => (idempotencyKey === undefined || m.idempotencyKey === idempotencyKey) && (phone === undefined || m.phone === phone)).length;
  fake.close = () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
  return fake;
}

/**
 * The app's settings for a test that delivers through the fake gateways: WeChat and SMS pointed at
 * them, workers in the process, quick retries. Spread `extra` over it for a test's own settings.
 */
export function fakePushEnv(fake: FakePush, extra: Record<string, string> = {}): Record<string, string> {
  return {
    AUTH_DEV_LOGIN: '1',
    WECHAT_APPID: 'wx-test',
    WECHAT_SECRET: 'wx-secret',
    WECHAT_API_BASE: fake.base,
    WECHAT_TEMPLATE_ID: 'tmpl-remind',
    SMS_GATEWAY_URL: fake.smsUrl,
    RUN_WORKERS: '1',
    QUEUE_BACKOFF_MS: '20',
    REMINDER_RETRY_MS: '1',
    LOG_LEVEL: 'error',
    ...extra,
  };
}

export async function waitFor(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
