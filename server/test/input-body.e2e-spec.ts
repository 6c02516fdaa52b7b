import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { DEFAULT_REQUEST_TIMEOUTS, MAX_JSON_DEPTH, setRequestTimeouts } from '../src/http/body-parsing.js';
import { compoundsAs } from './support/demo-places.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** Issue 7, items 6 and 8: how much, how deep and how slowly a client may send a body. */
describe('request bodies: depth, size and time limits', () => {
  let t: TestApp;
  let committee: string;
  let policyUrl: string;

  beforeAll(async () => {
    t = await bootTestApp();
    committee = await staffToken(t, 'committee-demo');
    const compoundId = (await compoundsAs(t, committee))[0].id;
    const now = Date.now();
    const draft = await t.http
      .post('/api/consultations')
      .set(bearer(committee))
      .send({ compoundId, kind: 'GENERAL', title: '限额测试', body: '正文', rule: 'UNANIMOUS', groupBy: 'UNIT', opensAt: new Date(now).toISOString(), deadline: new Date(now + 5 * 86400_000).toISOString() })
      .expect(201);
    policyUrl = `/api/consultations/${draft.body.id}/reminder-policy`;
  });

  afterAll(async () => {
    await t.close();
  });

  const port = () => (t.app.getHttpServer().address() as AddressInfo).port;
  const sendJson = (method: 'post' | 'put', url: string, text: string, token?: string) => {
    const call = t.http[method](url).set('content-type', 'application/json');
    return (token ? call.set(bearer(token)) : call).send(text);
  };

  describe('nesting', () => {
    it('2 000 levels (4 KB) on the unauthenticated sign-in route → 400, readable', async () => {
      const response = await sendJson('post', '/api/auth/staff/login', nested(2000)).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: '请求内容嵌套层级太深' });
      // Also inside an object, after a string holding brackets that must not count.
      const inObject = `{"username":"[[[[","password":${nested(2000)}}`;
      expect((await sendJson('post', '/api/auth/staff/login', inObject).expect(400)).body.message).toBe('请求内容嵌套层级太深');
    });

    it('2 000 levels on an authenticated route → 400, and the policy is unchanged', async () => {
      const before = (await t.http.get(policyUrl.replace('reminder-policy', 'reminders')).set(bearer(committee)).expect(200)).body.policy;
      const response = await sendJson('put', policyUrl, `{"daysBefore":${nested(2000)}}`, committee).expect(400);
      expect(response.body.message).toBe('请求内容嵌套层级太深');
      expect((await t.http.get(policyUrl.replace('reminder-policy', 'reminders')).set(bearer(committee)).expect(200)).body.policy).toEqual(before);
    });

    it(`${MAX_JSON_DEPTH} levels are parsed (and refused by validation), ${MAX_JSON_DEPTH + 1} are not parsed`, async () => {
      const atLimit = `{"daysBefore":${nested(MAX_JSON_DEPTH - 1)}}`;
      expect((await sendJson('put', policyUrl, atLimit, committee).expect(400)).body.message).not.toBe('请求内容嵌套层级太深');
      const over = `{"daysBefore":${nested(MAX_JSON_DEPTH)}}`;
      expect((await sendJson('put', policyUrl, over, committee).expect(400)).body.message).toBe('请求内容嵌套层级太深');
    });

    it('broken JSON and non-UTF-8 JSON are 400 and 415 in our error shape', async () => {
      expect((await sendJson('post', '/api/auth/staff/login', '{"username":').expect(400)).body).toMatchObject({ code: 'VALIDATION_FAILED', message: '请求内容不是有效的 JSON' });
      const utf16 = await t.http.post('/api/auth/staff/login').set('content-type', 'application/json; charset=utf-16').send('{}').expect(415);
      expect(utf16.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });
  });

  describe('size', () => {
    const big = (kb: number) => JSON.stringify({ username: 'x'.repeat(kb * 1024), password: 'x' });

    it('sign-in takes at most 16 KB → 413 with the limit in words', async () => {
      await sendJson('post', '/api/auth/staff/login', big(15)).expect(400);
      const response = await sendJson('post', '/api/auth/staff/login', big(17)).expect(413);
      expect(response.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: '请求内容太大（最多 16 KB）' });
    });

    it('sign-in stays small even with a valid token', async () => {
      await sendJson('post', '/api/auth/staff/login', big(17), committee).expect(413);
    });

    it('a signed-in client may send more (validation answers, not the size limit)', async () => {
      const response = await sendJson('put', policyUrl, JSON.stringify({ quietStart: 'x'.repeat(2 * 1024 * 1024) }), committee).expect(400);
      expect(response.body.message).toContain('HH:MM');
    });

    it('without a token, or with a forged one, a big body is a 401 before 8 MB are buffered', async () => {
      const body = JSON.stringify({ quietStart: 'x'.repeat(64 * 1024) });
      expect((await sendJson('put', policyUrl, body).expect(401)).body).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
      const [head, payload] = committee.split('.');
      const forged = `${head}.${payload}.${Buffer.from('forged').toString('base64url')}`;
      expect((await sendJson('put', policyUrl, body, forged).expect(401)).body).toMatchObject({ code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' });
    });

    it('more than 8 MB → 413 even when signed in', async () => {
      const response = await sendJson('put', policyUrl, JSON.stringify({ quietStart: 'x'.repeat(8 * 1024 * 1024 + 10) }), committee).expect(413);
      expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
    });
  });

  describe('time', () => {
    beforeAll(() => setRequestTimeouts(t.app, { headersMs: 1500, smallBodyMs: 1000, largeBodyMs: 2500 }));
    afterAll(() => setRequestTimeouts(t.app, DEFAULT_REQUEST_TIMEOUTS));

    /** Opens a raw connection, writes `head` (and a trickle of body bytes), and collects the answer until the server closes. */
    function slowClient(head: string, trickle = '') {
      return new Promise<{ text: string; ms: number }>((resolve, reject) => {
        const started = Date.now();
        const socket = connect(port(), '127.0.0.1');
        let text = '';
        const drip = trickle
          ? setInterval(() => {
              if (socket.writable) socket.write(trickle);
            }, 200)
          : null;
        socket.on('connect', () => socket.write(head));
        socket.on('data', (chunk) => (text += chunk.toString('utf8')));
        socket.on('error', () => undefined);
        socket.on('close', () => {
          if (drip) clearInterval(drip);
          resolve({ text, ms: Date.now() - started });
        });
        // A guard, not a wait: the promise settles when the server closes the socket.
        AbortSignal.timeout(10_000).addEventListener('abort', () => reject(new Error(`no answer after 10 s: ${text}`)));
      });
    }

    it('a body trickling in slower than the limit → 408 REQUEST_TIMEOUT and the connection closed', async () => {
      const head = `POST /api/auth/staff/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"username":"`;
      const { text, ms } = await slowClient(head, 'a');
      expect(text).toMatch(/^HTTP\/1\.1 408/);
      expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toMatchObject({ statusCode: 408, code: 'REQUEST_TIMEOUT', message: '请求发送超时，请检查网络后重试' });
      expect(ms).toBeGreaterThanOrEqual(900);
      expect(ms).toBeLessThan(5000);
    });

    it('a signed-in client gets the longer body limit', async () => {
      const head = `PUT ${policyUrl} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${committee}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"quietStart":"`;
      const { text, ms } = await slowClient(head, 'a');
      expect(text).toMatch(/^HTTP\/1\.1 408/);
      expect(ms).toBeGreaterThanOrEqual(2400);
    });

    it('headers trickling in slower than the limit → 408 in our error shape', async () => {
      const { text, ms } = await slowClient('POST /api/auth/staff/login HTTP/1.1\r\nHost: x\r\n', 'X-Slow: 1\r\n');
      expect(text).toMatch(/^HTTP\/1\.1 408/);
      expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)).code).toBe('REQUEST_TIMEOUT');
      expect(ms).toBeLessThan(5000);
    });

    it('the server still answers afterwards', async () => {
      await t.http.get('/api/health').expect(200);
    });
  });
});
