import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { StaffLoginResponse } from '@linyi/shared';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { loadConfig } from '../../src/config/app-config.js';
import { createApp } from '../../src/create-app.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { copyDemoInto, seedNeutral } from './demo-template.js';
import { createTestDatabase, TEST_REDIS_URL } from './test-database.js';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  clock: Clock;
  close: () => Promise<void>;
}

/** What every test app runs with, on its own database and queue prefix. */
const baseEnv = (databaseUrl: string): Record<string, string> => ({
  DATABASE_URL: databaseUrl,
  REDIS_URL: TEST_REDIS_URL,
  JWT_SECRET: 'test-secret-0123456789',
  LOG_LEVEL: 'silent',
  SEED_DEMO: '1',
  H5_DIR: '/nonexistent',
  SCHEDULER_INTERVAL_MS: '0',
  OUTBOX_POLL_MS: '0',
  REMINDER_SWEEP_MS: '0',
  WORKS_SWEEP_MS: '0',
  ACCEPTANCE_SWEEP_MS: '0',
  RUN_WORKERS: '0',
  QUEUE_PREFIX: `linyi-test-${randomBytes(4).toString('hex')}`,
});

/**
 * Boots the real app on a fresh MariaDB database and real Redis, with the demo district seeded:
 * copied from the worker's seeded database when `env` cannot change the seed (demo-template.ts),
 * else seeded by this boot.
 */
export async function bootTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  if (seedNeutral(env)) await copyDemoInto(database.name, baseEnv);
  const config = loadConfig({ ...baseEnv(database.url), ...env });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  return {
    app,
    http: request(app.getHttpServer()),
    dataSource: app.get(DataSource),
    clock: app.get(Clock),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export async function staffToken(testApp: TestApp, username: string): Promise<string> {
  const response = await testApp.http.post('/api/auth/staff/login').send({ username, password: DEMO_PASSWORD }).expect(200);
  return (response.body as StaffLoginResponse).accessToken;
}

export async function residentToken(testApp: TestApp, openid: string): Promise<string> {
  const response = await testApp.http.post('/api/auth/dev/login').send({ openid }).expect(200);
  return response.body.accessToken as string;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
