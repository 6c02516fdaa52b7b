import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { dataSourceOptions } from '../database/data-source-options.js';

// npm run migrate -w server: runs the pending migrations once for the deployment, before the API and workers start.
try {
  const options = await dataSourceOptions(loadConfig());
  // Embedded SQLite lives in memory until saved: this one-shot command saves after each migration.
  const dataSource = await new DataSource(options.type === 'sqljs' ? { ...options, autoSave: true } : options).initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  for (const migration of applied) process.stdout.write(`applied ${migration.name}\n`);
  process.stdout.write(`${applied.length} migration(s) applied; the schema is up to date\n`);
  await dataSource.destroy();
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
}
