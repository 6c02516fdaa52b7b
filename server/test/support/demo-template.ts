import { loadConfig } from '../../src/config/app-config.js';
import { createApp } from '../../src/create-app.js';
import { copyDatabase, databaseReady, dropOrphans, writeTemplate } from './test-database.js';

/**
 * Settings that change nothing the demo seeds. A test file booting with only these starts from a
 * copy of a database its worker process seeded once, instead of seeding the whole demo again (the
 * same migrations and services, minutes earlier). Any other setting seeds afresh, as does
 * demo-seeding.e2e-spec.ts, which sets SEED_DEMO itself to watch the seeding.
 */
const SEED_NEUTRAL = new Set([
  'AUTH_DEV_LOGIN',
  'LOG_LEVEL',
  'TRUST_PROXY',
  'WECHAT_APPID',
  'WECHAT_SECRET',
  'WECHAT_API_BASE',
  'WECHAT_TEMPLATE_ID',
  'SMS_GATEWAY_URL',
  'RUN_WORKERS',
  'QUEUE_BACKOFF_MS',
  'REMINDER_RETRY_MS',
  'REMINDER_MAX_ATTEMPTS',
]);

const PREFIX = 'linyi_tpl';

export const seedNeutral = (env: Record<string, string>) => Object.keys(env).every((key) => SEED_NEUTRAL.has(key));

/**
 * Named after the run (the parent process) and the worker, so one worker's test files share it and
 * no other run sees it; Jest gives each file its own `process.env` and globals, the database outlives them.
 */
const templateName = () => `${PREFIX}_${process.ppid}_${process.pid}`;

/** Fills the empty database `name` with the seeded demo, seeding the worker's template first if it has none. */
export async function copyDemoInto(name: string, base: (url: string) => Record<string, string>): Promise<void> {
  const template = templateName();
  if (!(await databaseReady(template))) {
    await dropOrphans(PREFIX);
    await writeTemplate(template, async (url) => (await createApp(loadConfig(base(url)))).close());
  }
  await copyDatabase(template, name);
}
