// Creates or drops one MariaDB database for the browser test: node test-database.mjs create|drop URL NAME
import mysql from 'mysql2/promise';

const [action, serverUrl, name] = process.argv.slice(2);
if (!['create', 'drop'].includes(action) || !/^\w+$/.test(name ?? '')) {
  console.error('usage: test-database.mjs create|drop mysql://user@host:port name');
  process.exit(2);
}
const url = new URL(serverUrl);
const connection = await mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
await connection.query(action === 'create' ? `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci` : `DROP DATABASE IF EXISTS \`${name}\``);
await connection.end();
