import { DataSource, type DataSourceOptions } from 'typeorm';

/**
 * What a process does about pending migrations when it opens the database: the demo API runs them
 * (zero setup), everything else only checks, so migrations run once per deployment
 * (`npm run migrate -w server`) and never in every worker process at boot.
 */
export type MigrationPolicy = 'run' | 'check';

export class PendingMigrationsError extends Error {
  constructor(readonly pending: string[]) {
    super(`The database has ${pending.length} pending migration(s): ${pending.join(', ')}. Run \`npm run migrate -w server\` first.`);
  }
}

/** Opens the data source and applies the policy; used as TypeORM's dataSourceFactory. */
export async function openDatabase(options: DataSourceOptions, policy: MigrationPolicy): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  try {
    if (policy === 'run') await dataSource.runMigrations({ transaction: 'each' });
    else await assertNoPendingMigrations(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

export async function assertNoPendingMigrations(dataSource: DataSource): Promise<void> {
  const pending = await pendingMigrations(dataSource);
  if (pending.length) throw new PendingMigrationsError(pending);
}

/** Names of the migrations the database has not run yet, oldest first. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  const runner = dataSource.createQueryRunner();
  try {
    const done = (await runner.hasTable(table)) ? new Set((await runner.query(`SELECT name FROM ${runner.connection.driver.escape(table)}`)).map((row: { name: string }) => row.name)) : new Set<string>();
    return dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name).filter((name) => !done.has(name));
  } finally {
    await runner.release();
  }
}

/** The API's default: in development and test it migrates itself; anything else counts as production and only checks. */
export function apiMigrationPolicy(nodeEnv: string): MigrationPolicy {
  return nodeEnv === 'development' || nodeEnv === 'test' ? 'run' : 'check';
}
