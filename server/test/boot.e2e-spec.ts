import 'reflect-metadata';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config.js';
import { createApp } from '../src/create-app.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { DemoAccountsInProductionError } from '../src/demo/demo-accounts-check.js';
import { seedDemo } from '../src/demo/demo-seeder.js';
import { configProblems } from './support/config-problems.js';
import { createTestDatabase, TEST_REDIS_URL } from './support/test-database.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'mysql://linyi@127.0.0.1:3306/linyi',
  JWT_SECRET: 'a-long-production-secret-value-of-40-bytes',
  WECHAT_APPID: 'wx1',
  WECHAT_SECRET: 'secret',
  AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
};

const OTHER_PUBLIC_KEY = generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }).toString();


describe('boot', () => {
  describe('production refuses unsafe configuration', () => {
    it('accepts a complete production configuration', () => {
      expect(configProblems(PRODUCTION)).toEqual([]);
    });

    it.each([
      ['dev login switched on', { AUTH_DEV_LOGIN: '1' }, /AUTH_DEV_LOGIN/],
      ['the default JWT secret', { JWT_SECRET: '' }, /JWT_SECRET must be set/],
      ['synchronize', { TYPEORM_SYNCHRONIZE: 'true' }, /TYPEORM_SYNCHRONIZE/],
      ['demo data', { SEED_DEMO: '1' }, /SEED_DEMO/],
      ['no database', { DATABASE_URL: '' }, /DATABASE_URL must be set/],
      ['no audit signing key', { AUDIT_SIGNING_KEY: '' }, /AUDIT_SIGNING_KEY must be set/],
      ['only the audit public key, for the server that signs', { AUDIT_SIGNING_KEY: '', AUDIT_PUBLIC_KEY: OTHER_PUBLIC_KEY }, /AUDIT_SIGNING_KEY must be set/],
      ['an audit public key that is not the signing key\'s', { AUDIT_PUBLIC_KEY: OTHER_PUBLIC_KEY }, /AUDIT_PUBLIC_KEY is not the public key of AUDIT_SIGNING_KEY/],
      ['an unreadable audit public key', { AUDIT_PUBLIC_KEY: 'not-a-key' }, /AUDIT_PUBLIC_KEY is not an Ed25519 public key/],
    ])('refuses %s', (_, override, expected) => {
      expect(configProblems({ ...PRODUCTION, ...override }).join('\n')).toMatch(expected);
    });

    it('lets operator commands (audit:verify, recount) run with the audit public key alone, matching or not at all', () => {
      const publicOnly = { ...PRODUCTION, AUDIT_SIGNING_KEY: '', AUDIT_PUBLIC_KEY: OTHER_PUBLIC_KEY };
      expect(loadConfig(publicOnly, { verifiesOnly: true })).toMatchObject({ auditSigningKey: null, auditPublicKey: OTHER_PUBLIC_KEY });
      const matching = createPublicKey(createPrivateKey(PRODUCTION.AUDIT_SIGNING_KEY)).export({ format: 'der', type: 'spki' }).toString('base64');
      expect(configProblems({ ...PRODUCTION, AUDIT_PUBLIC_KEY: matching })).toEqual([]);
      expect(() => loadConfig({ ...PRODUCTION, AUDIT_SIGNING_KEY: '' }, { verifiesOnly: true })).toThrow(/AUDIT_PUBLIC_KEY \(or AUDIT_SIGNING_KEY\) must be set/);
    });

    it('names every bad value in one readable message', () => {
      const problems = configProblems({ PORT: 'eighty', DATABASE_URL: 'postgres://x/y', REDIS_URL: 'not a url', AUTH_DEV_LOGIN: 'maybe' });
      expect(problems).toEqual([
        'PORT must be a whole number from 0 to 65535, got "eighty"',
        'DATABASE_URL must start with mysql:// or mariadb://, got "postgres://x/y"',
        'REDIS_URL is not a valid URL: "not a url"',
        'AUTH_DEV_LOGIN must be 1/true or 0/false, got "maybe"',
      ]);
    });
  });

  describe('what counts as production', () => {
    it.each(['production', 'Production', 'prod', ' production', 'staging', 'PRODUCTION '])('treats NODE_ENV=%j as production', (nodeEnv) => {
      expect(loadConfig({ ...PRODUCTION, NODE_ENV: nodeEnv }).production).toBe(true);
      const problems = configProblems({ ...PRODUCTION, NODE_ENV: nodeEnv, AUTH_DEV_LOGIN: '1', SEED_DEMO: '1', JWT_SECRET: '' });
      expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^AUTH_DEV_LOGIN must not be set/), expect.stringMatching(/^SEED_DEMO must not be set/), expect.stringMatching(/^JWT_SECRET must be set/)]));
      // An unusual spelling is named, so the operator sees why the safeguards apply.
      if (nodeEnv !== 'production') expect(problems[0]).toBe(`NODE_ENV "${nodeEnv}" counts as production: only exactly "development" or "test" does not`);
    });

    it.each([undefined, '', 'development', 'test'])('treats NODE_ENV=%j as development, where the demo defaults work', (nodeEnv) => {
      const config = loadConfig({ NODE_ENV: nodeEnv, AUTH_DEV_LOGIN: '1', SEED_DEMO: '1' });
      expect(config.production).toBe(false);
      expect(config.jwtSecret).toBe('linyi-dev-secret-change-me');
    });
  });

  describe('JWT secret in production', () => {
    it.each([
      ['31 bytes', 'x1'.repeat(15) + 'y', /JWT_SECRET must be at least 32 bytes in production, got 31/],
      ['one character repeated', 'a'.repeat(64), /JWT_SECRET must not be one character repeated/],
      ['one CJK character repeated', '密'.repeat(20), /JWT_SECRET must not be one character repeated/],
    ])('refuses %s', (_, secret, expected) => {
      const problems = configProblems({ ...PRODUCTION, JWT_SECRET: secret }).join('\n');
      expect(problems).toMatch(expected);
      expect(problems).not.toContain(secret);
    });

    it('counts bytes, not characters: 11 CJK characters are 33 bytes', () => {
      expect(configProblems({ ...PRODUCTION, JWT_SECRET: '邻议安全密钥不要外传哦' })).toEqual([]);
    });

    it('names every bad production value in one message', () => {
      const problems = configProblems({ ...PRODUCTION, NODE_ENV: 'prod', JWT_SECRET: 'short-secret-123', AUTH_DEV_LOGIN: '1', TRUST_PROXY: 'everyone', API_DOCS: 'perhaps' });
      expect(problems[0]).toBe('NODE_ENV "prod" counts as production: only exactly "development" or "test" does not');
      expect([...problems].sort()).toEqual(
        [
          'NODE_ENV "prod" counts as production: only exactly "development" or "test" does not',
          'AUTH_DEV_LOGIN must not be set in production: anyone could sign in as any resident',
          'API_DOCS must be 1/true or 0/false, got "perhaps"',
          'TRUST_PROXY must be a hop count or a comma-separated list of IP addresses/CIDRs, got "everyone"',
          'JWT_SECRET must be at least 32 bytes in production, got 16',
        ].sort(),
      );
    });
  });

  describe('TRUST_PROXY', () => {
    it('trusts no proxy by default, not even loopback', () => {
      expect(loadConfig({}).trustProxy).toBe(false);
      expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    });

    it('takes a hop count or a list of addresses and CIDRs', () => {
      expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
      expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', 'loopback']);
    });

    it.each([['true'], ['*'], ['10.0.0.0/33'], ['proxy.example.com'], ['10.0.0.1/8/2']])('refuses %j', (value) => {
      expect(configProblems({ TRUST_PROXY: value }).join('\n')).toMatch(/^TRUST_PROXY must/);
    });
  });

  describe('API docs', () => {
    it('are on in development, off in production unless API_DOCS=1', () => {
      expect(loadConfig({}).apiDocs).toBe(true);
      expect(loadConfig({ API_DOCS: '0' }).apiDocs).toBe(false);
      expect(loadConfig(PRODUCTION).apiDocs).toBe(false);
      expect(loadConfig({ ...PRODUCTION, NODE_ENV: 'Production' }).apiDocs).toBe(false);
      expect(loadConfig({ ...PRODUCTION, API_DOCS: '1' }).apiDocs).toBe(true);
    });
  });

  describe('embedded SQLite', () => {
    it('boots with no DATABASE_URL, seeds the demo and answers /api/health', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'linyi-sqlite-'));
      const h5Dir = join(dataDir, 'h5');
      mkdirSync(h5Dir);
      const rootFontScript = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';
      writeFileSync(join(h5Dir, 'index.html'), `<title>邻议</title><script>${rootFontScript}</script><script src="/js/app.js"></script>`);
      const app = await createApp(loadConfig({ DATA_DIR: dataDir, SEED_DEMO: '1', AUTH_DEV_LOGIN: '1', LOG_LEVEL: 'silent', H5_DIR: h5Dir }));
      try {
        const http = request(app.getHttpServer());
        expect((await http.get('/api/health').expect(200)).body).toMatchObject({ status: 'ok', db: 'sqlite', queue: 'in-process' });
        // Every request reads the account (plain SQL in the guard): it must work on SQLite too.
        const staff = await http.post('/api/auth/staff/login').send({ username: 'street-demo', password: 'linyi-demo' }).expect(200);
        expect((await http.get('/api/compounds').set('Authorization', `Bearer ${staff.body.accessToken}`).expect(200)).body).toHaveLength(3);
        const resident = await http.post('/api/auth/dev/login').send({ openid: 'sqlite-resident' }).expect(200);
        await http.get('/api/me').set('Authorization', `Bearer ${resident.body.accessToken}`).expect(200);
        const page = await http.get('/').expect(200);
        expect(page.text).toContain('邻议');
        // The H5 page may run its own files and exactly the inline script it ships, nothing else inline.
        const pageCsp = page.headers['content-security-policy'];
        expect(pageCsp).toContain(`script-src 'self' 'sha256-${createHash('sha256').update(rootFontScript).digest('base64')}'`);
        expect(pageCsp).not.toMatch(/script-src[^;]*unsafe-inline/);
        expect(pageCsp).toContain("frame-ancestors 'self'");
        const docs = (await http.get('/api/docs-json').expect(200)).body;
        expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining(['/api/auth/staff/login', '/api/me/bindings', '/api/compounds/{compoundId}/roster']));
        const [{ count }] = await app.get(DataSource).query('SELECT COUNT(*) AS count FROM household');
        expect(Number(count)).toBe(624);
      } finally {
        await app.close();
      }
    });
  });

  describe('MariaDB and Redis', () => {
    it('reports mysql and bullmq in /api/health', async () => {
      const database = await createTestDatabase();
      const app = await createApp(loadConfig({ DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, LOG_LEVEL: 'silent' }));
      try {
        const health = await request(app.getHttpServer()).get('/api/health').expect(200);
        expect(health.body).toEqual({ status: 'ok', db: 'mysql', queue: 'bullmq', dbUp: true, queueUp: true });
        expect(health.headers['x-powered-by']).toBeUndefined();
        // HSTS only in production: the demo is served over plain HTTP.
        expect(health.headers['strict-transport-security']).toBeUndefined();
      } finally {
        await app.close();
        await database.drop();
      }
    });

    it('has migrations that match the entities exactly and can be undone', async () => {
      const database = await createTestDatabase();
      const dataSource = new DataSource(await dataSourceOptions({ databaseUrl: database.url, dataDir: '' }));
      await dataSource.initialize();
      try {
        await dataSource.runMigrations();
        const drift = await dataSource.driver.createSchemaBuilder().log();
        expect(drift.upQueries.map((q) => q.query)).toEqual([]);
        while ((await dataSource.query('SELECT COUNT(*) AS n FROM migrations'))[0].n > 0) await dataSource.undoLastMigration();
        const tables = await dataSource.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'migrations'");
        expect(tables).toEqual([]);
      } finally {
        await dataSource.destroy();
        await database.drop();
      }
    });
  });

  describe('a production boot', () => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    let dataSource: DataSource;
    const productionConfig = (extra: Record<string, string> = {}) =>
      loadConfig({ ...PRODUCTION, DATABASE_URL: database.url, LOG_LEVEL: 'silent', H5_DIR: '/nonexistent', SCHEDULER_INTERVAL_MS: '0', OUTBOX_POLL_MS: '0', REMINDER_SWEEP_MS: '0', AUDIT_CHECKPOINT_MS: '0', ...extra });

    beforeAll(async () => {
      // As an operator would: migrations run once for the deployment, and here the demo was seeded into it.
      database = await createTestDatabase();
      dataSource = new DataSource(await dataSourceOptions({ databaseUrl: database.url, dataDir: '' }));
      await dataSource.initialize();
      await dataSource.runMigrations();
      await seedDemo(dataSource);
    });

    afterAll(async () => {
      await dataSource.destroy();
      await database.drop();
    });

    it('refuses to start while a demo account can sign in, naming each one', async () => {
      const error = await createApp(productionConfig()).then(
        async (app) => {
          await app.close();
          return null;
        },
        (failure: unknown) => failure,
      );
      expect(error).toBeInstanceOf(DemoAccountsInProductionError);
      expect((error as DemoAccountsInProductionError).usernames).toEqual(['committee-demo', 'committee2-demo', 'contractor-demo', 'street-demo']);
      expect((error as Error).message).toMatch(/Refusing to start in production: .*committee-demo, committee2-demo, contractor-demo, street-demo.*password is public/);
    });

    it('starts once they are disabled or deleted; hides the API docs and sends security headers', async () => {
      await dataSource.query("UPDATE staff_account SET disabled = 1 WHERE username = 'committee-demo'");
      await dataSource.query("DELETE FROM staff_account WHERE username <> 'committee-demo'");
      const app = await createApp(productionConfig());
      try {
        const http = request(app.getHttpServer());
        const health = await http.get('/api/health').expect(200);
        expect(health.headers['x-powered-by']).toBeUndefined();
        expect(health.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'");
        expect(health.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'referrer-policy': 'no-referrer' });
        expect(health.headers['strict-transport-security']).toMatch(/max-age=\d+/);
        await http.get('/api/docs').expect(404);
        await http.get('/api/docs-json').expect(404);
        // The disabled demo account stays unusable even with its public password.
        const refused = await http.post('/api/auth/staff/login').send({ username: 'committee-demo', password: 'linyi-demo' }).expect(401);
        expect(refused.body).toMatchObject({ code: 'ACCOUNT_DISABLED', message: '账号已停用，请联系街道办事处' });
      } finally {
        await app.close();
      }
    });

    it('serves the API docs in production only with API_DOCS=1', async () => {
      const app = await createApp(productionConfig({ API_DOCS: '1' }));
      try {
        const http = request(app.getHttpServer());
        expect(Object.keys((await http.get('/api/docs-json').expect(200)).body.paths)).toContain('/api/auth/staff/login');
        const page = await http.get('/api/docs/').expect(200);
        expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      } finally {
        await app.close();
      }
    });
  });
});
