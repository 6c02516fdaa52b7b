import 'reflect-metadata';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../src/config/app-config.js';
import { createApp } from '../src/create-app.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { createTestDatabase, TEST_REDIS_URL } from './support/test-database.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'mysql://linyi@127.0.0.1:3306/linyi',
  JWT_SECRET: 'a-long-production-secret-value',
  WECHAT_APPID: 'wx1',
  WECHAT_SECRET: 'secret',
  AUDIT_SIGNING_KEY: 'set-by-the-operator',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('boot', () => {
  describe('production refuses unsafe configuration', () => {
    it('accepts a complete production configuration', () => {
      expect(problemsOf(PRODUCTION)).toEqual([]);
    });

    it.each([
      ['dev login switched on', { AUTH_DEV_LOGIN: '1' }, /AUTH_DEV_LOGIN/],
      ['the default JWT secret', { JWT_SECRET: '' }, /JWT_SECRET must be set/],
      ['synchronize', { TYPEORM_SYNCHRONIZE: 'true' }, /TYPEORM_SYNCHRONIZE/],
      ['demo data', { SEED_DEMO: '1' }, /SEED_DEMO/],
      ['no database', { DATABASE_URL: '' }, /DATABASE_URL must be set/],
      ['no audit signing key', { AUDIT_SIGNING_KEY: '' }, /AUDIT_SIGNING_KEY must be set/],
    ])('refuses %s', (_, override, expected) => {
      expect(problemsOf({ ...PRODUCTION, ...override }).join('\n')).toMatch(expected);
    });

    it('names every bad value in one readable message', () => {
      const problems = problemsOf({ PORT: 'eighty', DATABASE_URL: 'postgres://x/y', REDIS_URL: 'not a url', AUTH_DEV_LOGIN: 'maybe' });
      expect(problems).toEqual([
        'PORT must be a whole number from 0 to 65535, got "eighty"',
        'DATABASE_URL must start with mysql:// or mariadb://, got "postgres://x/y"',
        'REDIS_URL is not a valid URL: "not a url"',
        'AUTH_DEV_LOGIN must be 1/true or 0/false, got "maybe"',
      ]);
    });
  });

  describe('embedded SQLite', () => {
    it('boots with no DATABASE_URL, seeds the demo and answers /api/health', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'linyi-sqlite-'));
      const h5Dir = join(dataDir, 'h5');
      mkdirSync(h5Dir);
      writeFileSync(join(h5Dir, 'index.html'), '<title>邻议</title>');
      const app = await createApp(loadConfig({ DATA_DIR: dataDir, SEED_DEMO: '1', LOG_LEVEL: 'silent', H5_DIR: h5Dir }));
      try {
        const http = request(app.getHttpServer());
        expect((await http.get('/api/health').expect(200)).body).toMatchObject({ status: 'ok', db: 'sqlite', queue: 'in-process' });
        await http.post('/api/auth/staff/login').send({ username: 'street-demo', password: 'linyi-demo' }).expect(200);
        expect((await http.get('/').expect(200)).text).toContain('邻议');
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
        expect((await request(app.getHttpServer()).get('/api/health').expect(200)).body).toEqual({ status: 'ok', db: 'mysql', queue: 'bullmq', dbUp: true, queueUp: true });
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
});
