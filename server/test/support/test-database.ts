import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';

/** The MariaDB server the integration tests use; CI starts it (see .ci/run). */
export const TEST_MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function adminConnection() {
  const url = new URL(TEST_MYSQL_URL);
  return mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
}

/** A fresh, empty database for one test file; dropped by the returned function. */
export async function createTestDatabase(): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `linyi_test_${randomBytes(5).toString('hex')}`;
  const admin = await adminConnection();
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    name,
    url: `${TEST_MYSQL_URL.replace(/\/$/, '')}/${name}`,
    drop: async () => {
      const connection = await adminConnection();
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}

/** Marks a database as completely written (a template whose seeding died half-way has none). */
export const READY_TABLE = 'zz_template_ready';

export async function databaseReady(name: string): Promise<boolean> {
  const admin = await adminConnection();
  try {
    const [rows] = await admin.query('SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?', [name, READY_TABLE]);
    return (rows as unknown[]).length > 0;
  } finally {
    await admin.end();
  }
}

/** Creates `name` afresh (dropping what a dead attempt left), runs `fill` on its URL, then marks it ready. */
export async function writeTemplate(name: string, fill: (url: string) => Promise<void>): Promise<void> {
  const admin = await adminConnection();
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await fill(`${TEST_MYSQL_URL.replace(/\/$/, '')}/${name}`);
    await admin.query(`CREATE TABLE \`${name}\`.\`${READY_TABLE}\` (id INT)`);
  } finally {
    await admin.end();
  }
}

/** Copies every table of `from` into the empty database `to`, rows and foreign keys alike (as SHOW CREATE TABLE gives them). */
export async function copyDatabase(from: string, to: string): Promise<void> {
  const admin = await adminConnection();
  try {
    const [tables] = await admin.query('SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = ? AND TABLE_NAME <> ?', [from, 'BASE TABLE', READY_TABLE]);
    await admin.query(`USE \`${to}\``);
    await admin.query('SET FOREIGN_KEY_CHECKS = 0');
    for (const { name } of tables as Array<{ name: string }>) {
      const [[created]] = (await admin.query(`SHOW CREATE TABLE \`${from}\`.\`${name}\``)) as unknown as Array<Array<Record<string, string>>>;
      await admin.query(created['Create Table']);
      await admin.query(`INSERT INTO \`${name}\` SELECT * FROM \`${from}\`.\`${name}\``);
    }
  } finally {
    await admin.end();
  }
}

/** Drops the databases named `prefix_<pid>_…` whose process is gone (a run that ended without cleaning up). */
export async function dropOrphans(prefix: string): Promise<void> {
  const admin = await adminConnection();
  try {
    const [rows] = await admin.query('SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?', [`${prefix}\\_%`]);
    for (const { name } of rows as Array<{ name: string }>) {
      const pid = Number(name.slice(prefix.length + 1).split('_')[0]);
      // The run's own process is alive while any of its workers is: only a finished run's templates go.
      if (Number.isInteger(pid) && pid > 0 && !alive(pid)) await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    }
  } finally {
    await admin.end();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
