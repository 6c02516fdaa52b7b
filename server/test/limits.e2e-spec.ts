import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import request from 'supertest';
import { AppException } from '../src/common/app.exception.js';
import { APP_CONFIG, type AppConfig } from '../src/config/app-config.js';
import { AttemptLimiter } from '../src/auth/login-limiter.js';
import { createApp } from '../src/create-app.js';
import { INVITE_ALPHABET } from '../src/residents/invite-code.rules.js';
import { bearer, bootTestApp, residentToken, staffToken, type TestApp } from './support/test-app.js';
import { compoundsAs } from './support/demo-places.js';

const PASSWORD = 'linyi-demo';
const login = (http: TestApp['http'], username: string, password: string, forwardedFor?: string) => {
  const call = http.post('/api/auth/staff/login').send({ username, password });
  return forwardedFor ? call.set('X-Forwarded-For', forwardedFor) : call;
};

describe('attempt limits that cannot be walked around', () => {
  /** No TRUST_PROXY: the socket address is the client, whatever the headers say. */
  let direct: TestApp;
  /** Behind a proxy on 127.0.0.1 (TRUST_PROXY=127.0.0.1): the forwarded address is the client. */
  let proxied: TestApp;

  beforeAll(async () => {
    // Two demo districts to seed: more than the default timeout on a busy machine.
    [direct, proxied] = await Promise.all([bootTestApp({ AUTH_DEV_LOGIN: '1' }), bootTestApp({ AUTH_DEV_LOGIN: '1', TRUST_PROXY: '127.0.0.1' })]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([direct?.close(), proxied?.close()]);
  });

  describe('staff sign-in', () => {
    it('locks every spelling the database would sign in: trailing spaces, case, accents', async () => {
      const address = '198.51.100.20';
      const spellings = ['committee2-demo ', 'COMMITTEE2-DEMO', 'Cömmittee2-démo', 'committee2-demo   ', 'Committee2-Demo'];
      // The hole: MariaDB finds the account under each of these names.
      for (const name of spellings) await login(proxied.http, name, PASSWORD, address).expect(200);
      for (const name of spellings) await login(proxied.http, name, 'wrong-password', address).expect(401);
      for (const name of ['committee2-demo', ...spellings]) {
        const locked = await login(proxied.http, name, PASSWORD, address).expect(429);
        expect(locked.body).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: '登录失败次数过多，请 15 分钟后再试' });
      }
    });

    it('does not believe X-Forwarded-For from loopback unless TRUST_PROXY says so', async () => {
      const statuses: number[] = [];
      for (let i = 1; i <= 31; i++) statuses.push((await login(direct.http, `nobody-${i}`, 'guess', `203.0.113.${i}`)).status);
      // 30 failures per address, then 429: the forged header gave each try no new address.
      expect(statuses).toEqual([...Array(30).fill(401), 429]);
    });

    it('uses the forwarded address when the request comes from a trusted proxy', async () => {
      const statuses: number[] = [];
      for (let i = 1; i <= 31; i++) statuses.push((await login(proxied.http, `stranger-${i}`, 'guess', '198.51.100.7')).status);
      expect(statuses).toEqual([...Array(30).fill(401), 429]);
      // A client cannot prefix its own entry: the proxy's view (the rightmost untrusted hop) is used.
      await login(proxied.http, 'stranger-x', 'guess', '10.9.9.9, 198.51.100.7').expect(429);
      await login(proxied.http, 'stranger-y', 'guess', '198.51.100.8').expect(401);
    });

    it('shares the counts between two API processes on one Redis', async () => {
      const config = direct.app.get<AppConfig>(APP_CONFIG);
      const shared = { ...config, queue: { ...config.queue, prefix: `linyi-test-shared-${randomBytes(4).toString('hex')}` } };
      const apps: NestExpressApplication[] = [];
      try {
        for (let i = 0; i < 2; i++) apps.push(await createApp(shared));
        const [first, second] = apps.map((app) => request(app.getHttpServer()));
        for (let i = 0; i < 5; i++) await login(i % 2 ? second : first, 'committee-demo', `guess-${i}`).expect(401);
        // Neither process saw five failures itself; together they did.
        await login(first, 'committee-demo', PASSWORD).expect(429);
        await login(second, 'committee-demo', PASSWORD).expect(429);
      } finally {
        for (const app of apps) await app.close();
      }
    });
  });

  describe('invite codes', () => {
    let committee: string;
    let householdIds: string[];

    beforeAll(async () => {
      committee = await staffToken(proxied, 'committee-demo');
      const [compound] = await compoundsAs(proxied, committee);
      householdIds = (await proxied.dataSource.query('SELECT id FROM household WHERE compoundId = ? ORDER BY label LIMIT 5', [compound.id])).map((r: { id: string }) => r.id);
    });

    const issue = async (householdId: string) => (await proxied.http.post(`/api/households/${householdId}/invite-codes`).set(bearer(committee)).send({}).expect(201)).body.code as string;
    const redeem = (token: string, inviteCode: string, address: string) => proxied.http.post('/api/me/bindings').set(bearer(token)).set('X-Forwarded-For', address).send({ inviteCode });
    /** Well-formed codes that were never issued: ZZZZ and then i written in the invite alphabet. */
    const wrongCode = (i: number) => `ZZZZ${[3, 2, 1, 0].map((digit) => INVITE_ALPHABET[Math.floor(i / INVITE_ALPHABET.length ** digit) % INVITE_ALPHABET.length]).join('')}`;

    it('stops one resident guessing after 10 wrong codes: 300 tries, 290 refused', async () => {
      const token = await residentToken(proxied, 'guesser');
      const statuses: number[] = [];
      let refusal: { code: string; message: string } | undefined;
      for (let i = 0; i < 300; i++) {
        const response = await redeem(token, wrongCode(i), '192.0.2.10');
        statuses.push(response.status);
        if (response.status === 429) refusal = response.body;
      }
      expect(statuses).toEqual([...Array(10).fill(400), ...Array(290).fill(429)]);
      expect(refusal).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: '邀请码输错次数过多，请 60 分钟后再试' });
      // Out of guesses, even a right code waits; it stays unspent for its household.
      const code = await issue(householdIds[0]);
      await redeem(token, code, '192.0.2.10').expect(429);
      const [invite] = await proxied.dataSource.query('SELECT usedAt FROM invite_code WHERE code = ?', [code]);
      expect(invite.usedAt).toBeNull();
    });

    it('stops guessing spread over many residents at 30 wrong codes per address', async () => {
      const tokens = await Promise.all(Array.from({ length: 35 }, (_, i) => residentToken(proxied, `crowd-${i}`)));
      const statuses: number[] = [];
      for (const [i, token] of tokens.entries()) statuses.push((await redeem(token, wrongCode(i), '192.0.2.20')).status);
      expect(statuses).toEqual([...Array(30).fill(400), ...Array(5).fill(429)]);
      // Another address is not affected.
      await redeem(tokens[34], await issue(householdIds[1]), '192.0.2.21').expect(200);
    });

    it('does not count a binding that works', async () => {
      const token = await residentToken(proxied, 'careful');
      for (let i = 0; i < 9; i++) await redeem(token, wrongCode(i), '192.0.2.30').expect(400);
      await redeem(token, await issue(householdIds[2]), '192.0.2.30').expect(200);
      // The 11th try: allowed, because the success gave its count back; the 12th is one wrong code too many.
      await redeem(token, wrongCode(99), '192.0.2.30').expect(400);
      await redeem(token, wrongCode(98), '192.0.2.30').expect(429);
    });
  });

  describe('when Redis is unreachable', () => {
    it('keeps limiting in memory instead of failing sign-in', async () => {
      const deadPort = await new Promise<number>((resolve) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const { port } = probe.address() as AddressInfo;
          probe.close(() => resolve(port));
        });
      });
      const limiter = new AttemptLimiter({ redisUrl: `redis://127.0.0.1:${deadPort}`, queue: { prefix: 'linyi-test-dead' } as AppConfig['queue'] });
      await limiter.onModuleInit();
      try {
        for (let i = 0; i < 5; i++) await limiter.attempt('staffLogin', 'id:someone', '192.0.2.40');
        const refused = await limiter.attempt('staffLogin', 'id:someone', '192.0.2.40').then(
          () => null,
          (error: unknown) => error,
        );
        expect(refused).toBeInstanceOf(AppException);
        expect((refused as AppException).code).toBe('TOO_MANY_ATTEMPTS');
      } finally {
        await limiter.onApplicationShutdown();
      }
    });
  });
});
