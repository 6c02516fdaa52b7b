import mysql from 'mysql2/promise';
import { APPEND_ONLY_TABLES, broadGrant, parseAccount, privilegesFor } from '../audit/db-grants.rules.js';
import { mysqlConnectionOptions } from '../database/data-source-options.js';

/**
 * Gives the application's database user what it needs on the application database, and no UPDATE
 * or DELETE on the audit tables. Run as an administrator (DATABASE_URL), after every migration.
 */
export async function grantAppPrivileges(adminUrl: string, accountText: string): Promise<string[]> {
  const account = parseAccount(accountText);
  if (!account) throw new Error(`cannot read the database user "${accountText}": write it as name@'host', e.g. linyi@'%'`);
  const { host, port, username, password, database } = mysqlConnectionOptions(adminUrl);
  if (!database) throw new Error('DATABASE_URL must name the application database, e.g. mysql://root@127.0.0.1:3306/linyi');
  const connection = await mysql.createConnection({ host, port, user: username, password, database });
  try {
    const who = `${connection.escape(account.user)}@${connection.escape(account.host)}`;
    const db = connection.escapeId(database);
    const done: string[] = [];
    const [grants] = await connection.query<mysql.RowDataPacket[]>(`SHOW GRANTS FOR ${who}`);
    for (const line of grants.map((row) => String(Object.values(row)[0]))) {
      const broad = broadGrant(line, database);
      if (broad === 'global') throw new Error(`${accountText} has privileges on all databases (${line}); revoke them first: table-level grants cannot take them back`);
      if (broad === 'database') {
        await connection.query(`REVOKE ALL PRIVILEGES ON ${db}.* FROM ${who}`);
        done.push(`REVOKE ALL PRIVILEGES ON ${db}.* FROM ${who}`);
      }
    }
    const [tables] = await connection.query<mysql.RowDataPacket[]>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name");
    for (const { name } of tables as Array<{ name: string }>) {
      const table = `${db}.${connection.escapeId(name)}`;
      try {
        await connection.query(`REVOKE ALL PRIVILEGES ON ${table} FROM ${who}`);
      } catch (error) {
        // 1147: the account had nothing on this table yet.
        if ((error as { errno?: number }).errno !== 1147) throw error;
      }
      const statement = `GRANT ${privilegesFor(name).join(', ')} ON ${table} TO ${who}`;
      await connection.query(statement);
      done.push(statement);
    }
    return done;
  } finally {
    await connection.end();
  }
}

// npm run db:grants -w server -- --user linyi@'%'   (DATABASE_URL: an administrator on the application database)
if (process.argv[1]?.endsWith('db-grants.js')) {
  const at = process.argv.indexOf('--user');
  const account = at > 0 ? process.argv[at + 1] : process.env.APP_DB_USER;
  if (!account || !process.env.DATABASE_URL) {
    process.stderr.write("usage: DATABASE_URL=mysql://admin@host/linyi npm run db:grants -w server -- --user linyi@'%'   (or APP_DB_USER)\n");
    process.exit(2);
  }
  grantAppPrivileges(process.env.DATABASE_URL, account).then(
    (statements) => {
      for (const statement of statements) process.stdout.write(`${statement}\n`);
      process.stdout.write(`${statements.length} statement(s): ${account} has no UPDATE or DELETE on ${APPEND_ONLY_TABLES.join(', ')}, and no DELETE on audit_chain_head\n`);
    },
    (error) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
