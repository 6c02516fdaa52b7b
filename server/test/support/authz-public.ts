import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Response } from 'supertest';
import type { AuthzWorld } from './authz-world.js';
import { bearer, type TestApp } from './test-app.js';

/** A jscode2session stand-in that refuses every code, as WeChat does for a forged or used one. */
export async function startRefusingWechat(): Promise<{ base: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export type Send = (build: (t: TestApp) => Promise<Response> | PromiseLike<Response>) => Promise<Response>;

const tokenless = (response: Response) => !JSON.stringify(response.body ?? {}).includes('accessToken');

/** Each public route's own assertions; every problem is returned as a sentence. */
export const PUBLIC_CHECKS: Record<string, (send: Send, world: AuthzWorld) => Promise<string[]>> = {
  'GET /api/health': async (send, world) => {
    const problems: string[] = [];
    for (const caller of world.wrong) {
      const response = await send((t) => (caller.token ? t.http.get('/api/health').set(bearer(caller.token)) : t.http.get('/api/health')));
      if (response.status !== 200 || !['ok', 'degraded'].includes(response.body.status)) problems.push(`GET /api/health as ${caller.name} → ${response.status}`);
      for (const secret of caller.secrets) if (response.text.includes(secret)) problems.push(`GET /api/health leaks ${secret}`);
    }
    return problems;
  },

  'POST /api/auth/staff/login': async (send) => {
    const problems: string[] = [];
    const attempts = [
      { username: 'nobody-authz', password: 'linyi-demo' },
      { username: 'committee2-demo', password: 'wrong-password' },
      { username: 'street2-authz', password: 'Linyi-Demo' },
      { username: 'committee2-demo ', password: 'wrong-password' },
    ];
    for (const attempt of attempts) {
      const response = await send((t) => t.http.post('/api/auth/staff/login').send(attempt));
      if (![401, 429].includes(response.status) || !tokenless(response)) problems.push(`staff login ${JSON.stringify(attempt.username)} with a wrong password → ${response.status} ${JSON.stringify(response.body)}`);
    }
    return problems;
  },

  'POST /api/auth/wechat/login': async (send) => {
    const response = await send((t) => t.http.post('/api/auth/wechat/login').send({ code: 'forged-code' }));
    return response.status === 401 && response.body.code === 'WECHAT_LOGIN_FAILED' && tokenless(response) ? [] : [`WeChat login with a refused code → ${response.status} ${JSON.stringify(response.body)}`];
  },

  'POST /api/auth/dev/login': async (send) => {
    const problems: string[] = [];
    const malformed = await send((t) => t.http.post('/api/auth/dev/login').send({ openid: '../../etc' }));
    if (malformed.status !== 400 || !tokenless(malformed)) problems.push(`dev login with a malformed openid → ${malformed.status}`);
    // The demo switch signs in residents only: an openid named like a staff account is still just a resident.
    const posing = await send((t) => t.http.post('/api/auth/dev/login').send({ openid: 'committee-demo' }));
    if (posing.status !== 200) return [...problems, `dev login → ${posing.status}`];
    const token = posing.body.accessToken as string;
    for (const path of ['/api/compounds', '/api/staff/inbox']) {
      const response = await send((t) => t.http.get(path).set(bearer(token)));
      if (response.status !== 403) problems.push(`a dev-login token on staff route ${path} → ${response.status}, expected 403`);
    }
    const me = await send((t) => t.http.get('/api/me').set(bearer(token)));
    if (me.status !== 200 || me.body.households?.length !== 0) problems.push(`a dev-login resident sees households it was never bound to: ${JSON.stringify(me.body)}`);
    return problems;
  },
};
