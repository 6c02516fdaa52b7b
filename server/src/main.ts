import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config.js';
import { createApp } from './create-app.js';
import { DemoAccountsInProductionError } from './demo/demo-accounts-check.js';
import { DEMO_LOGINS } from './demo/demo-seeder.js';
import { DEMO_PASSWORD } from './demo/demo-data.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const started = Date.now();
  const app = await createApp(config);
  await app.listen(config.port, '0.0.0.0');
  const url = `http://127.0.0.1:${config.port}`;
  const docs = config.apiDocs ? `, docs ${url}/api/docs` : '';
  const lines = [`邻议 Linyi is up at ${url}/ (API ${url}/api${docs}) in ${Date.now() - started} ms`];
  lines.push(`database: ${config.databaseUrl ? 'MySQL/MariaDB' : `embedded SQLite in ${config.dataDir}`}; queue: ${config.redisUrl ? 'BullMQ on Redis' : 'in-process'}`);
  if (config.seedDemo) {
    lines.push(`demo logins (password ${DEMO_PASSWORD}):`, ...DEMO_LOGINS.map((l) => `  ${l.username.padEnd(16)} ${l.role.padEnd(11)} ${l.note}`));
    if (config.authDevLogin) lines.push('residents: open the H5 page; dev login (AUTH_DEV_LOGIN=1) signs you in as a demo resident');
  }
  process.stderr.write(`${lines.join('\n')}\n`);
}

main().catch((error) => {
  // A refusal to serve unsafely is an operator's message, not a crash: no stack trace.
  if (error instanceof DemoAccountsInProductionError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`Linyi failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
