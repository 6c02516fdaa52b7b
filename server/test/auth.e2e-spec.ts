import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../src/config/app-config.js';
import { TEST_REDIS_URL } from './support/test-database.js';
import { bootTestApp, staffToken, type TestApp } from './support/test-app.js';

/** A stand-in for WeChat's jscode2session on 127.0.0.1: code "good-*" succeeds, "used" fails. */
function startFakeWechat(): Promise<{ server: Server; base: string; calls: URL[] }> {
  const calls: URL[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    calls.push(url);
    res.setHeader('content-type', 'application/json');
    const code = url.searchParams.get('js_code') ?? '';
    if (url.pathname !== '/sns/jscode2session' || url.searchParams.get('appid') !== 'wx-test-app') {
      res.end(JSON.stringify({ errcode: 40013, errmsg: 'invalid appid' }));
    } else if (code.startsWith('good-')) {
      res.end(JSON.stringify({ openid: `openid-${code}`, session_key: 'SECRET-SESSION-KEY-xyz', unionid: 'union-1' }));
    } else {
      res.end(JSON.stringify({ errcode: 40163, errmsg: 'code been used' }));
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls })));
}

describe('sign-in', () => {
  let t: TestApp;
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
  const logged: string[] = [];
  const originalWrite = process.stdout.write.bind(process.stdout);

  beforeAll(async () => {
    wechat = await startFakeWechat();
    t = await bootTestApp({ WECHAT_APPID: 'wx-test-app', WECHAT_SECRET: 'wx-test-secret', WECHAT_API_BASE: wechat.base, LOG_LEVEL: 'debug' });
    process.stdout.write = ((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
  });

  afterAll(async () => {
    process.stdout.write = originalWrite;
    await t.close();
    wechat.server.close();
  });

  describe('staff password login', () => {
    it('signs a committee member in with their role and scope', async () => {
      const response = await t.http.post('/api/auth/staff/login').send({ username: 'committee-demo', password: 'linyi-demo' }).expect(200);
      expect(response.body.accessToken).toEqual(expect.any(String));
      expect(response.body.staff).toMatchObject({ role: 'COMMITTEE', scope: { type: 'COMMUNITY', id: expect.any(String) } });
      expect(JSON.stringify(response.body)).not.toMatch(/passwordHash|\$2[aby]\$/);
    });

    it('refuses a wrong password with 401 and a readable message', async () => {
      const response = await t.http.post('/api/auth/staff/login').send({ username: 'street-demo', password: 'wrong' }).expect(401);
      expect(response.body).toMatchObject({ statusCode: 401, code: 'BAD_CREDENTIALS', message: '用户名或密码错误' });
    });

    it('answers 429 after repeated failures, even with the right password', async () => {
      for (let i = 0; i < 5; i++) {
        await t.http.post('/api/auth/staff/login').send({ username: 'contractor-demo', password: `guess-${i}` }).expect(401);
      }
      const blocked = await t.http.post('/api/auth/staff/login').send({ username: 'contractor-demo', password: 'linyi-demo' }).expect(429);
      expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
      expect(blocked.body.message).toBe('登录失败次数过多，请 15 分钟后再试');
      // The count is kept in Redis, shared by every API process, and lifts by itself after 15 minutes.
      const [{ id }] = await t.dataSource.query('SELECT id FROM staff_account WHERE username = ?', ['contractor-demo']);
      const redis = new Redis(TEST_REDIS_URL);
      try {
        const key = `${t.app.get<AppConfig>(APP_CONFIG).queue.prefix}:limit:staffLogin:subject:id:${id}`;
        expect(Number(await redis.get(key))).toBe(6);
        const ttl = await redis.pttl(key);
        expect(ttl).toBeGreaterThan(14 * 60 * 1000);
        expect(ttl).toBeLessThanOrEqual(15 * 60 * 1000);
        await redis.del(key);
      } finally {
        redis.disconnect();
      }
      await t.http.post('/api/auth/staff/login').send({ username: 'contractor-demo', password: 'linyi-demo' }).expect(200);
    });

    it('counts every spelling of an unknown name against one lock, leading spaces included, as the lookup reads it', async () => {
      for (const username of [' nobody-here', '  nobody-here', 'NOBODY-HERE', '   Nobody-Here ', '    nöbody-here']) {
        await t.http.post('/api/auth/staff/login').send({ username, password: 'guess' }).expect(401);
      }
      expect((await t.http.post('/api/auth/staff/login').send({ username: '     nobody-here', password: 'guess' }).expect(429)).body.code).toBe('TOO_MANY_ATTEMPTS');
    });

    it('rejects a malformed body with 400, not 500', async () => {
      const response = await t.http.post('/api/auth/staff/login').send({ username: 42 }).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      await t.http.post('/api/auth/staff/login').set('content-type', 'application/json').send('{not json').expect(400);
    });
  });

  describe('WeChat login', () => {
    it('exchanges the code with jscode2session and returns our own token', async () => {
      const response = await t.http.post('/api/auth/wechat/login').send({ code: 'good-abc' }).expect(200);
      expect(response.body.resident).toMatchObject({ openid: 'openid-good-abc' });
      const call = wechat.calls.at(-1)!;
      expect(call.searchParams.get('secret')).toBe('wx-test-secret');
      expect(call.searchParams.get('grant_type')).toBe('authorization_code');
      const me = await t.http.get('/api/me').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
      expect(me.body).toMatchObject({ resident: { openid: 'openid-good-abc' }, households: [] });
    });

    it('signs the same person in again as the same resident', async () => {
      const first = await t.http.post('/api/auth/wechat/login').send({ code: 'good-same' }).expect(200);
      const second = await t.http.post('/api/auth/wechat/login').send({ code: 'good-same' }).expect(200);
      expect(second.body.resident.id).toBe(first.body.resident.id);
    });

    it('turns a WeChat error code into 401 with a readable message', async () => {
      const response = await t.http.post('/api/auth/wechat/login').send({ code: 'used-code' }).expect(401);
      expect(response.body).toMatchObject({ code: 'WECHAT_LOGIN_FAILED', message: '微信登录凭证已被使用，请重新打开小程序' });
    });

    it('never lets session_key reach a response or a log line', async () => {
      const response = await t.http.post('/api/auth/wechat/login').send({ code: 'good-secret-check' }).expect(200);
      const me = await t.http.get('/api/me').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
      const household = await t.http.get('/api/me').set('Authorization', `Bearer ${response.body.accessToken}`);
      for (const body of [response.text, me.text, household.text]) {
        expect(body).not.toContain('SECRET-SESSION-KEY');
        expect(body).not.toMatch(/session_?key/i);
      }
      expect(logged.length).toBeGreaterThan(0);
      expect(logged.join('')).not.toContain('SECRET-SESSION-KEY');
      const stored = await t.dataSource.query('SELECT wechatSessionKey FROM resident WHERE openid = ?', ['openid-good-secret-check']);
      expect(stored[0].wechatSessionKey).toBe('SECRET-SESSION-KEY-xyz');
    });
  });

  describe('dev login and tokens', () => {
    it('does not exist when AUTH_DEV_LOGIN is off', async () => {
      await t.http.post('/api/auth/dev/login').send({ openid: 'someone' }).expect(404);
    });

    it('refuses calls without a token or with a forged one', async () => {
      expect((await t.http.get('/api/compounds').expect(401)).body.code).toBe('UNAUTHENTICATED');
      await t.http.get('/api/compounds').set('Authorization', 'Bearer not-a-jwt').expect(401);
      const token = await staffToken(t, 'street-demo');
      const [head, payload] = token.split('.');
      const forged = `${head}.${payload}.${Buffer.from('forged').toString('base64url')}`;
      await t.http.get('/api/compounds').set('Authorization', `Bearer ${forged}`).expect(401);
    });
  });
});
