import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

type DbConfig = Pick<AppConfig, 'databaseUrl' | 'dataDir'>;

/** MySQL/MariaDB when DATABASE_URL is set, else an embedded SQLite file (sql.js) for demos. */
export async function dataSourceOptions(config: DbConfig): Promise<DataSourceOptions> {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, migrationsRun: false, logging: false } as const;
  if (config.databaseUrl) {
    const connection = mysqlConnectionOptions(config.databaseUrl);
    return {
      ...common,
      ...connection,
      // TypeORM reads column defaults differently on MariaDB; the wrong flavour reports false schema drift.
      type: (await isMariaDb(config.databaseUrl)) ? 'mariadb' : 'mysql',
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      extra: { connectionLimit: 20 },
    };
  }
  mkdirSync(config.dataDir, { recursive: true });
  // Saved to the file by SqliteFileSaver, not after every commit.
  return { ...common, type: 'sqljs', location: join(config.dataDir, 'linyi.sqlite'), autoSave: false };
}

export function mysqlConnectionOptions(databaseUrl: string) {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 3306),
    username: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.replace(/^\//, ''),
  };
}

async function isMariaDb(databaseUrl: string): Promise<boolean> {
  const { host, port, username, password } = mysqlConnectionOptions(databaseUrl);
  const connection = await mysql.createConnection({ host, port, user: username, password, connectTimeout: 5000 });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return /mariadb/i.test((rows as Array<{ version: string }>)[0].version);
  } finally {
    await connection.end();
  }
}
