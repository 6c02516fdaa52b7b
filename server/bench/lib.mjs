/**
 * Shared plumbing for the benchmark scripts (sign.mjs, status.mjs): throw-away databases, the
 * server as a child process, a small HTTP client, a closed-loop load generator, and a cleanup
 * registry that runs on success, on error, on Ctrl-C and when the time limit is hit.
 *
 * Benchmarks are scripts, not tests: they print figures. They only ever talk to 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import mysql from 'mysql2/promise';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SERVER_DIST = join(ROOT, 'server', 'dist');
export const SERVER_ENTRY = join(SERVER_DIST, 'main.js');

/** Local MariaDB as root with an empty password (the CI/dev setup); never anything remote. */
export const MARIADB = { host: '127.0.0.1', port: 3306, user: 'root', password: '' };
export const REDIS_URL = 'redis://127.0.0.1:6379';

// ---------------------------------------------------------------------------------------------
// Cleanup and time limit

const cleanups = [];

/** Registers work to undo; runs last-registered first, so the server stops before its database is dropped. */
export function onCleanup(label, fn) {
  const entry = { label, fn };
  cleanups.unshift(entry);
  return () => {
    const at = cleanups.indexOf(entry);
    if (at >= 0) cleanups.splice(at, 1);
  };
}

async function runCleanups() {
  while (cleanups.length) {
    const { label, fn } = cleanups.shift();
    try {
      await fn();
    } catch (error) {
      console.error(`cleanup "${label}" failed: ${error?.message ?? error}`);
    }
  }
}

/**
 * Runs a benchmark's main function with cleanup guaranteed on every way out, and a hard time limit
 * so that a hung server or a lock wait cannot keep the machine busy forever.
 */
export function runBenchmark(name, main, { timeLimitMs }) {
  let finishing = false;
  const finish = async (code) => {
    if (finishing) return;
    finishing = true;
    clearTimeout(watchdog);
    await runCleanups();
    process.exit(code);
  };
  const watchdog = setTimeout(() => {
    console.error(`\n${name}: time limit of ${Math.round(timeLimitMs / 1000)} s reached; cleaning up and giving up`);
    void finish(2);
  }, timeLimitMs);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      console.error(`\n${name}: ${signal}; cleaning up`);
      void finish(130);
    });
  }
  main().then(
    () => finish(process.exitCode ?? 0), // main sets exitCode when a goal or check failed
    (error) => {
      // After Ctrl-C or the time limit, main fails because its server went away: not news.
      if (!finishing) console.error(`\n${name} failed: ${error?.stack ?? error}`);
      void finish(1);
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Databases

const BENCH_DB_NAME = /^linyi_bench_[a-z0-9_]+$/;
/** Databases created by this run and not yet dropped: name → unregister its cleanup. */
const liveDatabases = new Map();

/** A connection to the local server without a default database (for CREATE/DROP DATABASE). */
export function adminConnection() {
  return mysql.createConnection({ ...MARIADB, timezone: 'Z', connectTimeout: 5000 });
}

/** Connection to one bench database; timezone 'Z' like the server, so DATETIMEs mean the same instants. */
export function databaseConnection(database, options = {}) {
  return mysql.createConnection({ ...MARIADB, database, timezone: 'Z', connectTimeout: 5000, ...options });
}

/**
 * Creates `<prefix>_<random hex>` and registers its DROP. The random suffix lets two runs (or a
 * run next to the test suite) share the MariaDB server without stepping on each other.
 */
export async function createBenchDatabase(prefix) {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  if (!BENCH_DB_NAME.test(name)) throw new Error(`refusing database name ${name}`);
  const admin = await adminConnection();
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  liveDatabases.set(name, onCleanup(`drop database ${name}`, () => dropBenchDatabase(name)));
  return name;
}

export async function dropBenchDatabase(name) {
  // Only ever drop what these scripts create.
  if (!BENCH_DB_NAME.test(name)) throw new Error(`refusing to drop ${name}`);
  const admin = await adminConnection();
  try {
    // A forgotten open transaction must not make the drop wait for the default 24 hours.
    await admin.query('SET SESSION lock_wait_timeout = 60');
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    liveDatabases.get(name)?.();
    liveDatabases.delete(name);
  } finally {
    await admin.end();
  }
}

export async function mariadbVersion() {
  const admin = await adminConnection();
  try {
    const [rows] = await admin.query('SELECT VERSION() AS v, @@innodb_buffer_pool_size AS pool, @@max_connections AS maxConn');
    return { version: rows[0].v, bufferPoolMb: Math.round(Number(rows[0].pool) / 2 ** 20), maxConnections: Number(rows[0].maxConn) };
  } finally {
    await admin.end();
  }
}

// ---------------------------------------------------------------------------------------------
// The server as a child process

/** Stops early with a readable message when server/dist is missing or stale. */
export function requireBuiltServer(extraFiles = []) {
  for (const file of [SERVER_ENTRY, ...extraFiles.map((f) => join(SERVER_DIST, f))]) {
    if (!existsSync(file)) {
      throw new Error(`${file} is missing: build first with\n  cd ${ROOT} && npm run build -w shared && npm run build -w server`);
    }
  }
}

/** The DB pool size the built server uses (extra.connectionLimit), read from the compiled file. */
export function serverPoolSize() {
  try {
    const source = readFileSync(join(SERVER_DIST, 'database', 'data-source-options.js'), 'utf8');
    const match = /connectionLimit\s*:\s*(\d+)/.exec(source);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Deletes every Redis key under a BullMQ prefix (queues, jobs, kept results) that a bench server
 * created. Only keys of this run's own prefix: the Redis is shared with dev servers and tests.
 */
async function deleteQueueKeys(prefix) {
  if (!/^linyi_bench_[a-z0-9_]+$/.test(prefix)) throw new Error(`refusing to delete Redis keys under ${prefix}`);
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3000 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * "KEY=VALUE" strings from the command line (e.g. --env RUN_WORKERS=0) as an env object, to try the
 * server with other settings without editing the script.
 */
export function parseEnvOptions(pairs = []) {
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new Error(`--env expects KEY=VALUE, got "${pair}"`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

/**
 * Starts `node server/dist/main.js` in its own process (so the load generator and the server do
 * not share an event loop), logs its output to a file, and waits for /api/health.
 *
 * Server settings are the defaults of a single-process deployment (queue workers and the outbox
 * relay run in the API process) except: a BullMQ prefix of its own, because on a shared Redis
 * another instance's workers would take this server's jobs (and job ids like `event-17` would
 * collide), and the deadline scheduler off so that no sweep lands inside a measured window.
 */
export async function startServer({ database, env = {}, label = 'server', nodeArgs = [], healthTimeoutMs = 180_000 }) {
  const port = await freePort();
  const queuePrefix = `${database}_${label}`;
  const url = `http://127.0.0.1:${port}`;
  const logFile = join(tmpdir(), `${database}-${label}-${port}.log`);
  const log = createWriteStream(logFile);
  const childEnv = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `mysql://root@127.0.0.1:3306/${database}`,
    REDIS_URL,
    SCHEDULER_INTERVAL_MS: '0',
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: queuePrefix,
    ...env,
  };
  // Whatever prefix the server ends up with (an --env QUEUE_PREFIX=… included), its keys go at the end.
  onCleanup(`delete Redis keys ${childEnv.QUEUE_PREFIX}:*`, () => deleteQueueKeys(childEnv.QUEUE_PREFIX));
  // The bench routes and dev login are refused in production; a production NODE_ENV from the caller's shell would stop the boot.
  if (childEnv.NODE_ENV === 'production') delete childEnv.NODE_ENV;
  const child = spawn(process.execPath, [...nodeArgs, SERVER_ENTRY], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail = [];
  let errorLines = 0;
  const remember = (chunk) => {
    log.write(chunk);
    for (const line of String(chunk).split('\n')) {
      if (!line) continue;
      if (line.includes('"level":"error"')) errorLines++;
      tail.push(line);
      if (tail.length > 40) tail.shift();
    }
  };
  child.stdout.on('data', remember);
  child.stderr.on('data', remember);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const server = {
    url,
    port,
    pid: child.pid,
    /** The BullMQ prefix this server uses (its keys are deleted on cleanup). */
    queuePrefix: childEnv.QUEUE_PREFIX,
    logFile,
    get errorLines() {
      return errorLines;
    },
    tail: () => tail.join('\n'),
    running: () => child.exitCode === null && child.signalCode === null,
    /** SIGTERM (the server closes its pool and queue), then SIGKILL if it does not go within 10 s. */
    async stop() {
      if (server.running()) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => server.running() && child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await new Promise((resolve) => log.end(resolve));
      // Keep the log only when it has something to say.
      if (errorLines === 0) rmSync(logFile, { force: true });
    },
  };
  const forget = onCleanup(`stop ${label} (pid ${child.pid})`, () => server.stop());
  server.stop = ((stop) => async () => {
    forget();
    await stop();
  })(server.stop);

  const deadline = Date.now() + healthTimeoutMs;
  for (;;) {
    if (!server.running()) {
      const { code, signal } = await exited;
      throw new Error(`${label} exited during start (code ${code}, signal ${signal}); last output:\n${server.tail()}`);
    }
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) {
        const body = await response.json();
        if (body.status === 'ok') return server;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${label} not healthy after ${healthTimeoutMs / 1000} s; last output:\n${server.tail()}`);
    await sleep(250);
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP

/** One JSON request; never throws for an HTTP status, only for network errors and timeouts. */
export async function request(baseUrl, method, path, { token, body, timeoutMs = 30_000 } = {}) {
  if (!baseUrl.startsWith('http://127.0.0.1:')) throw new Error(`refusing to send traffic to ${baseUrl}`);
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const started = performance.now();
  const response = await fetch(baseUrl + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  const elapsed = performance.now() - started;
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, body: json, ms: elapsed };
}

/** As `request`, but a non-2xx answer is an error (used in setup, where nothing may fail). */
export async function requestOk(baseUrl, method, path, options) {
  const result = await request(baseUrl, method, path, options);
  if (result.status < 200 || result.status > 299) {
    throw new Error(`${method} ${path} answered ${result.status}: ${JSON.stringify(result.body)?.slice(0, 500)}`);
  }
  return result.body;
}

export async function staffLogin(baseUrl, username, password) {
  const body = await requestOk(baseUrl, 'POST', '/api/auth/staff/login', { body: { username, password } });
  return body.accessToken;
}

// ---------------------------------------------------------------------------------------------
// Load and statistics

/** Runs `work(item)` over items with at most `limit` in flight (setup traffic, not measured). */
export async function mapLimit(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index], index);
      }
    }),
  );
  return results;
}

/**
 * Closed-loop load: `clients` loops each send one request, wait for the answer, send the next,
 * until `seconds` have passed; requests in flight at the end are waited for and counted. The rate
 * is successful answers divided by the time until the last one finished.
 *
 * `send(client)` returns `{status}` (200 counts as success); a thrown error counts as a failure
 * named after it (e.g. TimeoutError).
 */
export async function closedLoop({ clients, seconds, send }) {
  const latencies = [];
  const failures = new Map();
  let ok = 0;
  const started = performance.now();
  const stopAt = started + seconds * 1000;
  let lastDone = started;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < stopAt) {
        const t0 = performance.now();
        let key;
        try {
          const { status } = await send(client);
          key = status === 200 ? null : `HTTP ${status}`;
        } catch (error) {
          key = error?.name === 'TimeoutError' ? 'client timeout' : `network error: ${error?.message ?? error}`;
        }
        const done = performance.now();
        lastDone = Math.max(lastDone, done);
        if (key === null) {
          ok++;
          latencies.push(done - t0);
        } else {
          failures.set(key, (failures.get(key) ?? 0) + 1);
        }
      }
    }),
  );
  const elapsed = (lastDone - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    ok,
    failed: [...failures.values()].reduce((a, b) => a + b, 0),
    failures: Object.fromEntries(failures),
    elapsed,
    perSecond: ok / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
  };
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

// ---------------------------------------------------------------------------------------------
// CPU accounting (Linux /proc): who used the 2 cores during a phase

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used so far, or null where /proc is unavailable. */
function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** The MariaDB server's pid (it runs on this machine), found by its command name. */
export function mariadbPid() {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
        if (comm === 'mariadbd' || comm === 'mysqld') return Number(entry);
      } catch {
        // the process went away
      }
    }
  } catch {
    // no /proc
  }
  return null;
}

/**
 * Measures CPU used by the server, MariaDB and this load generator between start and stop: with
 * 2 cores shared by all three, it tells which one a phase was bound by.
 */
export function cpuMeter(processes) {
  const startedAt = performance.now();
  const before = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, pid ? processCpuSeconds(pid) : null]));
  const selfBefore = process.cpuUsage();
  return {
    stop() {
      const wall = (performance.now() - startedAt) / 1000;
      const used = {};
      for (const [name, pid] of Object.entries(processes)) {
        const after = pid ? processCpuSeconds(pid) : null;
        used[name] = after !== null && before[name] !== null ? after - before[name] : NaN;
      }
      const self = process.cpuUsage(selfBefore);
      used['load generator'] = (self.user + self.system) / 1e6;
      return { wall, used };
    },
  };
}

/** "server 98% (2.1 ms/req), mariadb 40% …": share of one core, and CPU per successful request. */
export function describeCpu({ wall, used }, requests) {
  return Object.entries(used)
    .map(([name, cpu]) => (Number.isFinite(cpu) ? `${name} ${Math.round((100 * cpu) / wall)}% (${((1000 * cpu) / Math.max(1, requests)).toFixed(2)} ms/req)` : `${name} n/a`))
    .join(', ');
}

// ---------------------------------------------------------------------------------------------
// Printing

export function machineSummary() {
  const cpu = cpus()[0]?.model ?? 'unknown cpu';
  return `nproc ${availableParallelism()} (${cpu.trim()}), ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`;
}

/** The 1-minute load average: other work on the machine (a build, tests) skews every figure. */
export function loadAverage() {
  return `load average ${loadavg()[0].toFixed(2)} (1 min)`;
}

export const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');
export const num = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
export const seconds = (fromMs) => `${((performance.now() - fromMs) / 1000).toFixed(1)} s`;

/** A plain-text table: rows of cells, first row the header. */
export function table(rows) {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => String(row[col]).length)));
  return rows.map((row) => row.map((cell, col) => String(cell).padEnd(widths[col])).join('  ').trimEnd()).join('\n');
}

export function sleep(msToWait) {
  return new Promise((resolve) => setTimeout(resolve, msToWait));
}

export { performance };

// ---------------------------------------------------------------------------------------------
// CPU profiles (node --cpu-prof): a short text summary, so a profile can be read without DevTools

/** Monotonic microseconds, the clock of V8 CPU profiles (startTime, endTime) in every process on this machine. */
export function monotonicMicros() {
  return Number(process.hrtime.bigint() / 1000n);
}

/** Which package a profiled frame belongs to: a node_modules package, the server's own code, Node itself, or native code. */
function packageOf(frame) {
  const url = frame.url ?? '';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + '/node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  if (url.includes('/server/dist/')) return 'server code (server/dist)';
  if (url.includes('/shared/')) return '@linyi/shared';
  if (url.startsWith('node:internal/deps/undici')) return 'undici (Node fetch)';
  // node:internal/webstreams/readablestream → "node: webstreams" (fetch lives in web streams, mysql2 in net and streams).
  if (url.startsWith('node:')) return `node: ${url.replace(/^node:(internal\/)?/, '').split('/')[0]}`;
  if (!url) return `native: ${frame.functionName || '(anonymous)'}`;
  return url;
}

/**
 * Reads a .cpuprofile and returns where the time went: `self` (time spent in the function itself),
 * `packages` (self time by package) and `inclusive` (time with the function anywhere on the
 * stack, counted once per sample even when recursive), aggregated by function and source location
 * and sorted by time. `filter(frame)` limits the inclusive list (e.g. to the project's own code).
 * `fromMicros`/`toMicros` (monotonicMicros() of any process on this machine) keep only the samples
 * of one phase. Async work started by a function (a query's result parsing, a socket write) runs
 * in callbacks and is not inclusive to it: read `packages` for that.
 */
export function summarizeCpuProfile(file, { top = 20, filter = () => true, fromMicros = -Infinity, toMicros = Infinity } = {}) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const keyOf = (frame) => {
    const url = frame.url ? frame.url.replace(/^file:\/\//, '').replace(ROOT, '') : '';
    return `${frame.functionName || '(anonymous)'} ${url ? `${url}:${frame.lineNumber + 1}` : ''}`.trim();
  };
  const self = new Map();
  const packages = new Map();
  const inclusive = new Map();
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  let total = 0;
  let idle = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let at = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    at += deltas[i] ?? 0;
    if (at < fromMicros || at > toMicros) continue;
    // timeDeltas[i] is the time before sample i; attribute the following gap to it instead.
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const node = byId.get(samples[i]);
    if (!node) continue;
    total += ms;
    const name = node.callFrame.functionName;
    if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') {
      if (name === '(idle)') idle += ms;
      add(self, name, ms);
      add(packages, name, ms);
      continue;
    }
    add(self, keyOf(node.callFrame), ms);
    add(packages, packageOf(node.callFrame), ms);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id).callFrame;
      if (!frame.url || !filter(frame)) continue;
      const key = keyOf(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      add(inclusive, key, ms);
    }
  }
  const sorted = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, ms]) => ({ name, ms }));
  return { totalMs: total, busyMs: total - idle, self: sorted(self), packages: sorted(packages), inclusive: sorted(inclusive) };
}
