#!/usr/bin/env node
/**
 * npm run bench:remind [-- --households 50000 --concurrency 8 --trigger once --profile]
 *
 * One consultation, 50 000 households that have not answered, one reminder sweep, SMS through a
 * fake gateway: how long until every household has its reminder (goal < 60 s on 2 cores), and is
 * any household reminded twice (goal 0)?
 *
 * Steps: fresh database → the built server started once to run the migrations → 1 street office,
 * 1 community, 1 compound with buildings, units (12 households each) and households (each with its
 * own phone) and one committee account, written directly with multi-row INSERTs → a fake SMS
 * gateway in this process (answers 200, records each request) → the server as a child process
 * (BullMQ workers, outbox relay every 200 ms, no timers of its own) → through the API as the
 * committee: a PLUMBING_APPLICATION with its deadline 2 days ahead (so the 3-days-before reminder
 * is due at once), a reminder policy without quiet hours, on-open or digest messages, then publish
 * (timed: it freezes the electorate) → the measured phase.
 *
 * The sweep has no HTTP route. By default (--trigger once) this script runs it itself, exactly
 * once: it starts a second process (this file with --sweep-child) that boots the application
 * context the way the CLI commands do (no HTTP, no workers, no relay, no timers), calls
 * ReminderSweep.run() and reports when it started and finished. t0 is that start; the planning
 * time is the run itself; delivery is the server's relay and workers, as in production.
 * --trigger interval instead restarts the server with REMINDER_SWEEP_MS (default 1000) and takes
 * t0 when it answers /api/health; the server then sweeps by itself, every interval, for the whole
 * measured phase (later sweeps find the reminders planned and add none, but cost their work).
 *
 * Measured: planning, relay (all reminders queued), first SMS, all SMS, all SENT in the database,
 * delivery rate, a timeline, CPU of server / MariaDB / sweep / this process and of the whole
 * machine (other work on the 2 cores skews every figure); then duplicates, three ways: gateway
 * requests vs distinct idempotency keys vs distinct phones, SENT delivery rows, reminders per
 * household. Where the time goes: which statements MariaDB was executing (PROCESSLIST sampled
 * every 100 ms), the per-batch lookups of the sweep, relay and workers under ANALYZE (rows really
 * read), and with --profile the server's and the sweep's CPU profiles, cut to the measured phase.
 * The database is dropped, the servers stopped and the Redis keys deleted on every way out
 * (success, error, Ctrl-C, time limit). Exit code 1 when reminders were not all delivered within
 * --timeout-minutes or a check failed; a missed 60 s goal is a figure, not a failure.
 *
 * Options: --households N (50000), --concurrency N (WORKER_CONCURRENCY, 8), --trigger once|interval,
 * --sweep-ms N (1000, interval only), --timeout-minutes N (10), --profile, --env KEY=VALUE (repeatable).
 */
import bcrypt from 'bcryptjs';
import { Queue } from 'bullmq';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { householdLabel } from '@linyi/shared';
import {
  REDIS_URL,
  ROOT,
  cpuMeter,
  createBenchDatabase,
  databaseConnection,
  describeCpu,
  loadAverage,
  machineSummary,
  mariadbPid,
  mariadbVersion,
  num,
  onCleanup,
  parseEnvOptions,
  performance,
  requestOk,
  requireBuiltServer,
  runBenchmark,
  seconds,
  monotonicMicros,
  serverPoolSize,
  sleep,
  staffLogin,
  startServer,
  summarizeCpuProfile,
  table,
} from './lib.mjs';

const SWEEP_CHILD_FLAG = '--sweep-child';

// ---------------------------------------------------------------------------------------------
// The sweep, once, in its own process

/**
 * Boots the application context as `npm run recount` does (runCommand: no HTTP; the env turns the
 * workers, relay and timers off), runs one sweep and prints JSON lines the parent reads. The
 * reminders it plans are delivered by the server's relay and workers.
 */
async function sweepChild() {
  const { runCommand } = await import('../dist/cli/run-command.js');
  const { ReminderSweep } = await import('../dist/reminders/reminder-sweep.js');
  await runCommand(async (app) => {
    const sweep = app.get(ReminderSweep);
    const say = (event) => process.stdout.write(`${JSON.stringify(event)}\n`);
    say({ event: 'sweep-start', at: Date.now() });
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const { planned } = await sweep.run();
    const cpu = process.cpuUsage(cpuBefore);
    say({ event: 'sweep-done', at: Date.now(), ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, planned });
    return 0;
  });
}

// ---------------------------------------------------------------------------------------------
// Options

let args;
let HOUSEHOLDS;
let CONCURRENCY;
let EXTRA_ENV;
let TIMEOUT_MS;

function runBenchmarkFromCommandLine() {
  ({ values: args } = parseArgs({
    options: {
      households: { type: 'string', default: '50000' },
      /** WORKER_CONCURRENCY of the server: BullMQ jobs (50 reminders each) in flight. */
      concurrency: { type: 'string', default: '8' },
      /** once: one ReminderSweep.run() in a process of its own; interval: the server's own timer. */
      trigger: { type: 'string', default: 'once' },
      /** REMINDER_SWEEP_MS for --trigger interval. */
      'sweep-ms': { type: 'string', default: '1000' },
      /** Gives up on delivery after this long (from t0); setup has its own allowance on top. */
      'timeout-minutes': { type: 'string', default: '10' },
      /** Writes V8 CPU profiles of the server (and the sweep process) and prints where the time went. */
      profile: { type: 'boolean', default: false },
      /** Extra server environment, repeatable: --env OUTBOX_POLL_MS=50 */
      env: { type: 'string', multiple: true, default: [] },
    },
  }));
  HOUSEHOLDS = wholeNumber(args.households, 'households');
  CONCURRENCY = wholeNumber(args.concurrency, 'concurrency');
  EXTRA_ENV = parseEnvOptions(args.env);
  TIMEOUT_MS = Number(args['timeout-minutes']) * 60_000;
  if (!(TIMEOUT_MS > 0)) throw new Error('--timeout-minutes must be a positive number');
  if (!['once', 'interval'].includes(args.trigger)) throw new Error(`--trigger must be once or interval, got "${args.trigger}"`);
  wholeNumber(args['sweep-ms'], 'sweep-ms');
  // Migrations, seeding and publishing 50 000 households take a few minutes at most; then the measured phase.
  runBenchmark('bench:remind', main, { timeLimitMs: 15 * 60_000 + TIMEOUT_MS });
}

function wholeNumber(value, name) {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number, got "${value}"`);
  return n;
}

const GOAL_SECONDS = 60;
const DAY = 24 * 3600 * 1000;
const STAFF = { username: 'committee-bench', password: 'linyi-bench-password' };
const SHAPE = { householdsPerUnit: 12, unitsPerBuilding: 4 };
const ROWS_PER_INSERT = 2000;
const INSERT_CONNECTIONS = 2;
/** How often the timeline samples the database, the queue and CPU. */
const SAMPLE_MS = 500;
/** After the last reminder is SENT, keep listening this long for late (duplicate) SMS. */
const SETTLE_MS = 3000;

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  requireBuiltServer(['cli/run-command.js', 'reminders/reminder-sweep.js']);
  const db = await mariadbVersion();
  console.log(`bench:remind — ${machineSummary()}; ${db.version}, buffer pool ${db.bufferPoolMb} MB; server DB pool ${serverPoolSize() ?? '?'}`);
  console.log(
    `${HOUSEHOLDS.toLocaleString('en')} households missing, 1 consultation, 1 sweep (--trigger ${args.trigger}${args.trigger === 'interval' ? `, REMINDER_SWEEP_MS=${args['sweep-ms']}` : ''}), ` +
      `WORKER_CONCURRENCY=${CONCURRENCY}, OUTBOX_POLL_MS=200, SMS to a fake gateway; goal < ${GOAL_SECONDS} s and 0 duplicates`,
  );
  if (Object.keys(EXTRA_ENV).length) console.log(`extra server env: ${JSON.stringify(EXTRA_ENV)}`);
  console.log();

  const database = await createBenchDatabase('linyi_bench_remind');
  let started = performance.now();
  const migrator = await startServer({ database, label: 'migrate' });
  await migrator.stop();
  console.log(`migrations run in ${seconds(started)} (database ${database})`);

  started = performance.now();
  const world = await seed(database, HOUSEHOLDS);
  const seedSeconds = (performance.now() - started) / 1000;
  console.log(`seeded in ${num(seedSeconds)} s: ${world.counts.households.toLocaleString('en')} households (distinct phones) in ${world.counts.units.toLocaleString('en')} units / ${world.counts.buildings.toLocaleString('en')} buildings, 1 compound, committee ${STAFF.username}`);

  const gateway = await startFakeGateway();
  const profileDir = args.profile ? mkdtempSync(join(tmpdir(), 'linyi-bench-remind-profile-')) : null;
  const serverEnv = (extra = {}) => ({
    REDIS_URL,
    SMS_GATEWAY_URL: gateway.url,
    OUTBOX_POLL_MS: '200',
    REMINDER_SWEEP_MS: '0',
    SCHEDULER_INTERVAL_MS: '0',
    WORKER_CONCURRENCY: String(CONCURRENCY),
    LOG_LEVEL: 'warn',
    AUTH_DEV_LOGIN: '1',
    ...EXTRA_ENV,
    ...extra,
  });
  const serverNodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  started = performance.now();
  // The interval trigger restarts the server for the measured phase; only that one is profiled.
  let server = await startServer({ database, label: 'remind', env: serverEnv(), nodeArgs: args.trigger === 'once' ? serverNodeArgs : [] });
  console.log(`server pid ${server.pid} on ${server.url} up in ${seconds(started)}; fake SMS gateway on ${gateway.url}; queue prefix ${server.queuePrefix}`);

  const consultation = await createConsultation(server.url, database, world);
  console.log(`consultation ${consultation.id} published in ${num(consultation.publishSeconds)} s (electorate of ${consultation.electorate.toLocaleString('en')} households, ${consultation.groups.toLocaleString('en')} unit groups frozen)`);

  const monitor = await openMonitor(database, server.queuePrefix);
  await settleBeforeMeasuring(monitor);
  started = performance.now();
  await flushTables(database, ['household', 'unit', 'building', 'consultation_household', 'consultation_group', 'consultation_tally', 'audit_entry', 'domain_event']);
  console.log(`seeded and published rows flushed to disk in ${seconds(started)}; ${loadAverage()}`);
  const before = await monitor.sample();
  if (before.planned || gateway.total) throw new Error(`not a clean start: ${before.planned} reminders, ${gateway.total} SMS before the sweep`);

  // ------------------------------------------------------------------ measured phase
  console.log(`\n— measured phase (timeline every 5 s; t = seconds since t0) —`);
  let t0;
  let sweep = null;
  if (args.trigger === 'once') {
    sweep = await startSweepChild(database, server.queuePrefix, gateway.url, profileDir);
    t0 = sweep.startedAt;
  } else {
    await server.stop();
    started = performance.now();
    server = await startServer({ database, label: 'remind', env: serverEnv({ REMINDER_SWEEP_MS: args['sweep-ms'] }), nodeArgs: serverNodeArgs });
    t0 = Date.now();
    console.log(`server restarted with REMINDER_SWEEP_MS=${args['sweep-ms']} (pid ${server.pid}, up in ${seconds(started)}); t0 = healthy`);
  }
  const processes = { server: server.pid, mariadb: mariadbPid(), ...(sweep ? { sweep: sweep.pid } : {}) };
  const dbSampler = await startStatementSampler(database, [monitor.connection.threadId]);
  const cpuTotal = cpuMeter(processes);
  const machineBefore = machineBusySeconds();
  const run = await followDelivery({ t0, monitor, gateway, sweep, processes });
  const statements = await dbSampler.stop();
  const cpuUsed = cpuTotal.stop();
  const machineUsed = machineBusySeconds() - machineBefore;
  // The sweep process has exited by now (its /proc entry with it): take the CPU it reported itself.
  if (sweep) cpuUsed.used.sweep = sweep.cpuMs / 1000;
  // The measured phase on the profiles' clock, to leave boot, seeding and publishing out of them.
  const phase = { fromMicros: monotonicMicros() - (Date.now() - t0) * 1000, toMicros: monotonicMicros() };
  if (sweep) await sweep.finished;

  // ------------------------------------------------------------------ results
  run.probes.cap = await probeCapLookup(monitor.connection);
  const checks = await checkDuplicates(database, gateway, world);
  const figures = figuresOf({ t0, run, gateway, sweep, consultation, seedSeconds });
  printTimeline(run.timeline);
  printFigures(figures, checks, cpuUsed, machineUsed);
  printStatements(statements, t0, sweep?.doneAt ?? run.marks.firstPlannedAt);
  console.log('\nper-batch lookups at this size (MariaDB ANALYZE, run by the bench next to the server):');
  const probes = [['sweep: daily caps won', run.probes.cap], ['relay: next due reminders', run.probes.relay], ['worker: claimed reminders', run.probes.claim]];
  for (const [label, probe] of probes) console.log(`  ${label}: ${describeProbe(probe)}`);
  if (server.errorLines) console.log(`\nserver logged ${server.errorLines} error line(s) (kept in ${server.logFile}); last output:\n${server.tail()}`);
  if (sweep?.errorOutput) console.log(`\nsweep process stderr:\n${sweep.errorOutput}`);

  await monitor.close();
  if (profileDir) {
    await server.stop(); // the profile is written when the server exits
    printProfiles(profileDir, phase);
  }
  console.log(`\n${machineSummary()}`);
  // A missed time goal is a figure to read; duplicates or reminders not delivered are failures.
  if (!checks.ok || !run.done) process.exitCode = 1;
}

// ---------------------------------------------------------------------------------------------
// Seeding

/** Pre-generated v4 UUIDs handed out in ascending order: rows append to the clustered index. */
class SortedIds {
  constructor(count) {
    this.ids = Array.from({ length: count }, () => randomUUID()).sort();
    this.next = 0;
  }
  take() {
    if (this.next >= this.ids.length) throw new Error('SortedIds exhausted');
    return this.ids[this.next++];
  }
}

/** Spreads `total` over `parts` as evenly as whole numbers allow. */
function spread(total, parts) {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/** Multi-row INSERTs over two connections with FK/unique checks off (the rows are consistent by construction). */
async function insertRows(database, jobs) {
  const connections = [];
  try {
    for (let i = 0; i < INSERT_CONNECTIONS; i++) {
      const connection = await databaseConnection(database);
      connections.push(connection);
      await connection.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
    }
    for (const { table: name, columns, rows } of jobs) {
      const batches = [];
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) batches.push(rows.slice(i, i + ROWS_PER_INSERT));
      let next = 0;
      // One table at a time (parents before children), its batches over both connections.
      await Promise.all(
        connections.map(async (connection) => {
          while (next < batches.length) await connection.query('INSERT INTO ?? (??) VALUES ?', [name, columns, batches[next++]]);
        }),
      );
    }
  } finally {
    await Promise.all(connections.map((c) => c.end()));
  }
}

/**
 * 1 street office, 1 community, 1 compound; buildings of 4 units, units of about 12 households
 * (rooms 101, 102, 201 … by floor), every household with its own phone 139xxxxxxxx; one committee
 * account scoped to the community. Every NOT NULL column of the migrations is written.
 */
async function seed(database, householdCount) {
  const unitCount = Math.max(1, Math.round(householdCount / SHAPE.householdsPerUnit));
  const buildingCount = Math.ceil(unitCount / SHAPE.unitsPerBuilding);
  const ids = { building: new SortedIds(buildingCount), unit: new SortedIds(unitCount), household: new SortedIds(householdCount) };
  const streetOfficeId = randomUUID();
  const communityId = randomUUID();
  const compoundId = randomUUID();
  const staffId = randomUUID();
  const compoundName = '压测提醒小区';
  const buildings = [];
  const units = [];
  const households = [];
  const perUnit = spread(householdCount, unitCount);
  for (let u = 0; u < unitCount; u++) {
    if (u % SHAPE.unitsPerBuilding === 0) buildings.push([ids.building.take(), compoundId, `${buildings.length + 1}号楼`]);
    const [buildingId, , buildingName] = buildings.at(-1);
    const unitId = ids.unit.take();
    const unitName = `${(u % SHAPE.unitsPerBuilding) + 1}单元`;
    units.push([unitId, buildingId, compoundId, unitName]);
    for (let k = 0; k < perUnit[u]; k++) {
      const floor = Math.floor(k / 2) + 1;
      const room = `${floor}0${(k % 2) + 1}`;
      const index = households.length;
      const areaM2 = (45 + ((index * 37) % 46) + ((index * 11) % 10) / 10).toFixed(2);
      households.push([ids.household.take(), unitId, compoundId, room, floor, areaM2, householdLabel(buildingName, unitName, room), `业主${index + 1}`, phoneOf(index)]);
    }
  }
  await insertRows(database, [
    { table: 'street_office', columns: ['id', 'name'], rows: [[streetOfficeId, '压测街道办事处']] },
    { table: 'community', columns: ['id', 'name', 'streetOfficeId'], rows: [[communityId, '压测社区', streetOfficeId]] },
    { table: 'compound', columns: ['id', 'name', 'communityId', 'address'], rows: [[compoundId, compoundName, communityId, '压测路1号']] },
    {
      table: 'staff_account',
      columns: ['id', 'username', 'displayName', 'passwordHash', 'role', 'scopeType', 'scopeId'],
      rows: [[staffId, STAFF.username, '压测社区 居委会', await bcrypt.hash(STAFF.password, 10), 'COMMITTEE', 'COMMUNITY', communityId]],
    },
    { table: 'building', columns: ['id', 'compoundId', 'name'], rows: buildings },
    { table: 'unit', columns: ['id', 'buildingId', 'compoundId', 'name'], rows: units },
    { table: 'household', columns: ['id', 'unitId', 'compoundId', 'room', 'floor', 'areaM2', 'label', 'ownerName', 'phone'], rows: households },
  ]);
  const connection = await databaseConnection(database);
  try {
    // Fresh statistics, as a long-lived database would have.
    await connection.query('ANALYZE TABLE street_office, community, compound, staff_account, building, unit, household');
  } finally {
    await connection.end();
  }
  return {
    compoundId,
    compoundName,
    phones: new Set(households.map((h) => h[8])),
    householdIds: new Set(households.map((h) => h[0])),
    counts: { buildings: buildings.length, units: units.length, households: households.length },
  };
}

/** CPU seconds the whole machine spent busy so far (all cores; /proc/stat), or NaN without /proc. */
function machineBusySeconds() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = fields;
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return NaN;
  }
}

function phoneOf(index) {
  return `139${String(index).padStart(8, '0')}`;
}

/** FLUSH … FOR EXPORT writes these tables' dirty pages now, so the bulk load's background flush does not land in the measured phase. */
async function flushTables(database, tables) {
  const connection = await databaseConnection(database);
  try {
    await connection.query('SET SESSION lock_wait_timeout = 60');
    await connection.query(`FLUSH TABLES ${tables.map((t) => `\`${t}\``).join(', ')} FOR EXPORT`);
    await connection.query('UNLOCK TABLES');
  } finally {
    await connection.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Setup through the API

/**
 * As the committee: a plumbing application for the whole compound (opened a minute ago, deadline in
 * 2 days, so of the default reminders 3 and 1 days before, the 3-day one is due right away), a
 * policy with nothing but deadline reminders and no quiet hours (the time of day cannot matter),
 * then publish, timed.
 */
async function createConsultation(url, database, world) {
  const token = await staffLogin(url, STAFF.username, STAFF.password);
  const created = await requestOk(url, 'POST', '/api/consultations', {
    token,
    body: {
      compoundId: world.compoundId,
      kind: 'PLUMBING_APPLICATION',
      title: `${world.compoundName}楼内上下水管线改造申请（提醒压测）`,
      body: '压测用征询：楼内上下水管线改造须经本单元全体住户书面申请后方可实施。',
      rule: 'UNANIMOUS',
      groupBy: 'UNIT',
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      deadline: new Date(Date.now() + 2 * DAY).toISOString(),
    },
  });
  const policy = await requestOk(url, 'PUT', `/api/consultations/${created.id}/reminder-policy`, {
    token,
    body: { onOpen: false, notifyOnReached: false, dailyDigest: false, quietStart: '00:00', quietEnd: '00:00' },
  });
  if (policy.onOpen || policy.dailyDigest || policy.paused || !policy.daysBefore?.includes(3)) throw new Error(`unexpected reminder policy ${JSON.stringify(policy)}`);
  const started = performance.now();
  const published = await requestOk(url, 'POST', `/api/consultations/${created.id}/publish`, { token, timeoutMs: 10 * 60_000 });
  const publishSeconds = (performance.now() - started) / 1000;
  if (published.status !== 'OPEN') throw new Error(`consultation is ${published.status} after publishing, expected OPEN`);
  const connection = await databaseConnection(database);
  try {
    const [[row]] = await connection.query(
      'SELECT (SELECT COUNT(*) FROM consultation_household WHERE consultationId = ?) AS electorate, (SELECT COUNT(*) FROM consultation_group WHERE consultationId = ?) AS `groups`',
      [created.id, created.id],
    );
    const electorate = Number(row.electorate);
    if (electorate !== HOUSEHOLDS) throw new Error(`the electorate has ${electorate} households, expected ${HOUSEHOLDS}`);
    return { id: created.id, publishSeconds, electorate, groups: Number(row.groups) };
  } finally {
    await connection.end();
  }
}

// ---------------------------------------------------------------------------------------------
// The fake SMS gateway

/**
 * POST {phone, text, idempotencyKey} → 200 {"ok":true}, as SmsChannel expects of a gateway. Every
 * request is recorded: arrival time, how often each idempotency key and each phone was seen.
 */
async function startFakeGateway() {
  const keys = new Map();
  const phones = new Map();
  const gateway = { url: '', total: 0, malformed: 0, firstAt: null, lastAt: null, allDistinctAt: null, keys, phones, arrivals: [] };
  const http = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const at = Date.now();
      let message = null;
      try {
        message = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        // counted below
      }
      if (!message || typeof message.idempotencyKey !== 'string' || typeof message.phone !== 'string') {
        gateway.malformed++;
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"ok":false}');
        return;
      }
      gateway.total++;
      gateway.firstAt ??= at;
      gateway.lastAt = at;
      gateway.arrivals.push(at);
      keys.set(message.idempotencyKey, (keys.get(message.idempotencyKey) ?? 0) + 1);
      phones.set(message.phone, (phones.get(message.phone) ?? 0) + 1);
      if (keys.size === HOUSEHOLDS && gateway.allDistinctAt === null) gateway.allDistinctAt = at;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  http.keepAliveTimeout = 30_000;
  await new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', resolve);
  });
  gateway.url = `http://127.0.0.1:${http.address().port}/sms`;
  onCleanup('stop the fake SMS gateway', () => new Promise((resolve) => {
    http.closeAllConnections();
    http.close(() => resolve());
  }));
  return gateway;
}

// ---------------------------------------------------------------------------------------------
// Observing: database, queue, CPU

/**
 * One connection and two BullMQ queue handles, read-only. The reminder counts come from the
 * (status, enqueuedAt, sendAfter) index alone, so sampling twice a second costs MariaDB little.
 */
async function openMonitor(database, queuePrefix) {
  const connection = await databaseConnection(database);
  const queues = Object.fromEntries(['reminders', 'events'].map((name) => [name, new Queue(name, { connection: { url: REDIS_URL, maxRetriesPerRequest: 1 }, prefix: queuePrefix })]));
  for (const queue of Object.values(queues)) queue.on('error', () => undefined);
  const close = async () => {
    forget();
    await Promise.all(Object.values(queues).map((q) => q.close().catch(() => undefined)));
    await connection.end().catch(() => undefined);
  };
  const forget = onCleanup('close the monitor', close);
  return {
    connection,
    async sample() {
      const [rows] = await connection.query('SELECT status, enqueuedAt IS NOT NULL AS queued, COUNT(*) AS n FROM reminder GROUP BY status, queued');
      const s = { planned: 0, queued: 0, scheduled: 0, sent: 0, skipped: 0, dead: 0 };
      for (const row of rows) {
        const n = Number(row.n);
        s.planned += n;
        if (Number(row.queued)) s.queued += n;
        if (row.status === 'SCHEDULED') s.scheduled += n;
        else if (row.status === 'SENT') s.sent += n;
        else if (row.status === 'SKIPPED') s.skipped += n;
        else if (row.status === 'DEAD') s.dead += n;
      }
      // A SENT reminder was queued even if a retry cleared enqueuedAt; count it as queued.
      s.queued = Math.max(s.queued, s.planned - s.scheduled);
      const jobs = await queues.reminders.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
      return { ...s, jobs };
    },
    async eventsIdle() {
      const [[row]] = await connection.query('SELECT COUNT(*) AS n FROM domain_event WHERE dispatchedAt IS NULL');
      const jobs = await queues.events.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Number(row.n) === 0 && jobs.waiting + jobs.active + jobs.delayed + jobs.prioritized === 0;
    },
    close,
  };
}

/** The publish's events (consultation opened; nothing to send with onOpen off) are relayed and handled before t0. */
async function settleBeforeMeasuring(monitor) {
  const deadline = Date.now() + 60_000;
  await sleep(500);
  while (!(await monitor.eventsIdle())) {
    if (Date.now() > deadline) throw new Error('the outbox events of the publish were not handled within 60 s');
    await sleep(250);
  }
}

/** Starts `node remind.mjs --sweep-child` and resolves once it has begun the sweep (t0). */
async function startSweepChild(database, queuePrefix, gatewayUrl, profileDir) {
  const env = {
    ...process.env,
    ...EXTRA_ENV,
    DATABASE_URL: `mysql://root@127.0.0.1:3306/${database}`,
    REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    SMS_GATEWAY_URL: gatewayUrl,
    // Only the sweep runs here: no workers, no relay, no timers.
    RUN_WORKERS: '0',
    OUTBOX_POLL_MS: '0',
    REMINDER_SWEEP_MS: '0',
    SCHEDULER_INTERVAL_MS: '0',
    LOG_LEVEL: 'warn',
  };
  if (env.NODE_ENV === 'production') delete env.NODE_ENV;
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-name=sweep.cpuprofile'] : [];
  const child = spawn(process.execPath, [...nodeArgs, fileURLToPath(import.meta.url), SWEEP_CHILD_FLAG], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const forget = onCleanup(`stop the sweep process (pid ${child.pid})`, async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const sweep = { pid: child.pid, startedAt: null, doneAt: null, ms: null, planned: null, errorOutput: '', exit: null };
  let buffered = '';
  let onStart;
  const started = new Promise((resolve) => (onStart = resolve));
  child.stdout.on('data', (chunk) => {
    buffered += chunk;
    for (let at = buffered.indexOf('\n'); at >= 0; at = buffered.indexOf('\n')) {
      const line = buffered.slice(0, at);
      buffered = buffered.slice(at + 1);
      let event;
      try {
        event = JSON.parse(line);
      } catch {
        continue;
      }
      if (event.event === 'sweep-start') {
        sweep.startedAt = event.at;
        onStart();
      } else if (event.event === 'sweep-done') {
        Object.assign(sweep, { doneAt: event.at, ms: event.ms, cpuMs: event.cpuMs, planned: event.planned });
      }
    }
  });
  child.stderr.on('data', (chunk) => (sweep.errorOutput = (sweep.errorOutput + chunk).slice(-4000)));
  sweep.finished = new Promise((resolve) => child.once('exit', (code, signal) => {
    sweep.exit = { code, signal };
    forget();
    resolve(sweep.exit);
  }));
  const outcome = await Promise.race([started.then(() => 'started'), sweep.finished.then(() => 'exited'), sleep(180_000).then(() => 'timeout')]);
  if (outcome !== 'started') throw new Error(`the sweep process ${outcome === 'exited' ? `exited (${JSON.stringify(sweep.exit)})` : 'did not start within 180 s'}; stderr:\n${sweep.errorOutput}`);
  return sweep;
}

/**
 * Samples every SAMPLE_MS until every reminder is settled (none SCHEDULED, as many as households)
 * and every SMS has arrived, plus SETTLE_MS for late duplicates; or until the timeout.
 */
async function followDelivery({ t0, monitor, gateway, sweep, processes }) {
  const timeline = [];
  const marks = { firstPlannedAt: null, allQueuedAt: null, allSentAt: null, settledAt: null };
  const probes = {};
  let meter = cpuMeter(processes);
  let lastPrinted = -Infinity;
  let done = false;
  for (;;) {
    await sleep(SAMPLE_MS);
    const now = Date.now();
    const s = await monitor.sample();
    const cpu = meter.stop();
    meter = cpuMeter(processes);
    const entry = { t: (now - t0) / 1000, ...s, sms: gateway.total, smsDistinct: gateway.keys.size, cpu };
    timeline.push(entry);
    if (s.planned && marks.firstPlannedAt === null) marks.firstPlannedAt = now;
    // Once each, while there is work left: what the relay's and the workers' lookups cost at this size.
    if (s.planned >= HOUSEHOLDS && !probes.relay) probes.relay = await probeQuery(monitor.connection, 'relay: next due reminders', RELAY_PENDING_SQL, [], { at: entry.t, scheduled: s.scheduled, unqueued: s.planned - s.queued });
    if (s.sent >= HOUSEHOLDS / 10 && s.scheduled > 0 && !probes.claim) {
      probes.claim = await probeQuery(monitor.connection, 'worker: claimed reminders', CLAIM_SELECT_SQL, [randomUUID()], { at: entry.t, scheduled: s.scheduled });
    }
    if (s.planned >= HOUSEHOLDS && s.queued >= s.planned && marks.allQueuedAt === null) marks.allQueuedAt = now;
    if (s.sent >= HOUSEHOLDS && marks.allSentAt === null) marks.allSentAt = now;
    const settled = s.planned >= HOUSEHOLDS && s.scheduled === 0 && (!sweep || sweep.doneAt !== null);
    if (settled && marks.settledAt === null) marks.settledAt = now;
    if (entry.t - lastPrinted >= 5) {
      lastPrinted = entry.t;
      console.log(`  t=${num(entry.t)} s: ${describeSample(entry)}`);
    }
    if (marks.settledAt !== null && (gateway.keys.size >= s.sent || now - marks.settledAt > 30_000) && now - marks.settledAt >= SETTLE_MS) {
      done = s.sent >= HOUSEHOLDS;
      break;
    }
    if (sweep?.exit && sweep.exit.code !== 0) {
      console.log(`  the sweep process failed (${JSON.stringify(sweep.exit)}); stderr:\n${sweep.errorOutput}`);
      break;
    }
    if (now - t0 > TIMEOUT_MS) {
      console.log(`  giving up after ${num(TIMEOUT_MS / 60_000)} min: ${describeSample(entry)}`);
      break;
    }
  }
  return { timeline, marks, done, probes };
}

// ---------------------------------------------------------------------------------------------
// Query probes: the server's per-batch lookups, as TypeORM writes them (aliases aside), run with
// MariaDB's ANALYZE (executes the statement, reports the rows it really read and the time).

/** OutboxRelay.reminders(): the next 500 due reminders not yet queued. */
const RELAY_PENDING_SQL = "SELECT id, generation FROM reminder WHERE status = 'SCHEDULED' AND enqueuedAt IS NULL AND sendAfter <= UTC_TIMESTAMP() ORDER BY id ASC LIMIT 500";
/** ReminderDeliveryHandler.claim(): repository.findBy({ claimToken: token, status: SCHEDULED }), once per job of 50. */
const CLAIM_SELECT_SQL = "SELECT * FROM reminder WHERE claimToken = ? AND status = 'SCHEDULED'";
/** ReminderPlanner.planBatch(): manager.findBy(ReminderDailyCap, { reminderId: In(500 ids) }), once per batch of 500 in the sweep. */
const CAP_SELECT_SQL = 'SELECT * FROM reminder_daily_cap WHERE reminderId IN (?)';

async function probeQuery(connection, label, sql, params, context = {}) {
  try {
    const [[row]] = await connection.query(`ANALYZE FORMAT=JSON ${sql}`, params);
    const plan = JSON.parse(Object.values(row)[0]);
    const tables = [];
    const walk = (node) => {
      if (!node || typeof node !== 'object') return;
      if (node.table_name) tables.push(node);
      for (const value of Object.values(node)) walk(value);
    };
    walk(plan);
    const ms = plan.query_block?.r_total_time_ms;
    return {
      label,
      ...context,
      ms,
      tables: tables.map((t) => ({ table: t.table_name, access: t.access_type, key: t.key ?? null, rows: t.rows, readRows: t.r_rows, filtered: t.r_filtered })),
    };
  } catch (error) {
    return { label, ...context, error: String(error?.message ?? error) };
  }
}

function describeProbe(probe) {
  if (!probe) return 'not taken';
  if (probe.error) return `failed: ${probe.error}`;
  const where = Object.entries(probe)
    .filter(([key]) => !['label', 'ms', 'tables'].includes(key))
    .map(([key, value]) => `${key} ${typeof value === 'number' && !Number.isInteger(value) ? num(value) : value}`)
    .join(', ');
  const tables = probe.tables.map((t) => `${t.table} access=${t.access} key=${t.key} rows read ${Math.round(t.readRows ?? NaN)}${t.filtered !== undefined ? ` (${num(t.filtered)}% kept)` : ''}`).join('; ');
  return `${num(probe.ms, 1)} ms — ${tables} [${where}]`;
}

function describeSample(e) {
  const jobs = e.jobs;
  return (
    `planned ${e.planned}, queued ${e.queued}, SENT ${e.sent}${e.skipped ? `, skipped ${e.skipped}` : ''}${e.dead ? `, dead ${e.dead}` : ''}; ` +
    `SMS ${e.sms} (${e.smsDistinct} distinct); jobs waiting ${jobs.waiting + jobs.prioritized}, active ${jobs.active}, done ${jobs.completed}${jobs.failed ? `, failed ${jobs.failed}` : ''}${jobs.delayed ? `, delayed ${jobs.delayed}` : ''}`
  );
}

// ---------------------------------------------------------------------------------------------
// What MariaDB is busy with: a sampling profiler on the database side

/**
 * Every STATEMENT_SAMPLE_MS, the statements this database's connections are executing right now
 * (information_schema.PROCESSLIST), reduced to a fingerprint (select list, literals and IN lists
 * elided; the bench's own monitor connection left out). A statement seen in many samples is where the server's connections wait on MariaDB:
 * time spent, not just CPU (lock waits and I/O count too). Cheap: one small query per sample.
 */
const STATEMENT_SAMPLE_MS = 100;

async function startStatementSampler(database, ignoreConnectionIds = []) {
  const connection = await databaseConnection(database);
  const forget = onCleanup('close the statement sampler', () => connection.end().catch(() => undefined));
  const samples = [];
  let stopping = false;
  const loop = (async () => {
    while (!stopping) {
      const at = Date.now();
      try {
        const [rows] = await connection.query(
          "SELECT INFO AS info, STATE AS state FROM information_schema.PROCESSLIST WHERE DB = ? AND COMMAND = 'Query' AND ID <> CONNECTION_ID() AND ID NOT IN (?) AND INFO IS NOT NULL",
          [database, [0, ...ignoreConnectionIds]],
        );
        samples.push({ at, running: rows.map((row) => fingerprint(String(row.info))) });
      } catch {
        // the database went away (cleanup); stop quietly
        break;
      }
      await sleep(Math.max(0, STATEMENT_SAMPLE_MS - (Date.now() - at)));
    }
  })();
  return {
    async stop() {
      stopping = true;
      await loop;
      forget();
      await connection.end().catch(() => undefined);
      return samples;
    },
  };
}

/** "SELECT … FROM `reminder` `Reminder` WHERE ((`Reminder`.`claimToken` = ?) …": the statement's shape. */
function fingerprint(sql) {
  return sql
    .replace(/\s+/g, ' ')
    .replace(/'(?:[^'\\]|\\.)*'/g, '?')
    .replace(/\b\d+(\.\d+)?\b/g, '?')
    .replace(/\((?:\s*\?\s*,)+\s*\?\s*\)/g, '(…)')
    .replace(/(\(…\)\s*,\s*)+\(…\)/g, '(…), …')
    .replace(/^SELECT .*? FROM /i, 'SELECT … FROM ')
    .replace(/^(INSERT (?:IGNORE )?INTO [^\s(]+)\s*\(.*?\) VALUES.*$/i, '$1 (…) VALUES …')
    .replace(/^(UPDATE \S+ SET) .*? WHERE /i, '$1 … WHERE ')
    .slice(0, 190);
}

/** Per phase, the statements seen most often, as a share of samples (≈ share of time at least one connection was running it). */
function printStatements(samples, t0, planningDoneAt) {
  if (!samples.length) return;
  const phases = [
    ['planning (t0 → sweep committed)', samples.filter((s) => s.at >= t0 && planningDoneAt && s.at <= planningDoneAt)],
    ['delivery (after the commit)', samples.filter((s) => s.at >= t0 && (!planningDoneAt || s.at > planningDoneAt))],
  ];
  console.log(`
what MariaDB was executing for this database (a sample every ${STATEMENT_SAMPLE_MS} ms; % of samples with the statement running, avg. connections running it):`);
  for (const [label, phase] of phases) {
    if (!phase.length) continue;
    const seen = new Map();
    let busy = 0;
    for (const sample of phase) {
      if (sample.running.length) busy++;
      const counts = new Map();
      for (const statement of sample.running) counts.set(statement, (counts.get(statement) ?? 0) + 1);
      for (const [statement, n] of counts) {
        const entry = seen.get(statement) ?? { samples: 0, connections: 0 };
        entry.samples++;
        entry.connections += n;
        seen.set(statement, entry);
      }
    }
    console.log(`  ${label}: ${phase.length} samples, ${Math.round((100 * busy) / phase.length)}% with a statement running`);
    for (const [statement, entry] of [...seen.entries()].sort((a, b) => b[1].connections - a[1].connections).slice(0, 6)) {
      console.log(`    ${String(Math.round((100 * entry.samples) / phase.length)).padStart(3)}%  ×${num(entry.connections / phase.length, 2)}  ${statement}`);
    }
  }
}

/** The planner's cap lookup for the last batch (500 reminder ids), on the full cap table as the sweep's last batch saw it. */
async function probeCapLookup(connection) {
  const [rows] = await connection.query('SELECT reminderId FROM reminder_daily_cap ORDER BY reminderId DESC LIMIT 500');
  if (!rows.length) return { label: 'sweep: daily caps won', error: 'no caps' };
  const [[count]] = await connection.query('SELECT COUNT(*) AS n FROM reminder_daily_cap');
  return probeQuery(connection, 'sweep: daily caps won', CAP_SELECT_SQL, [rows.map((r) => r.reminderId)], { capRows: Number(count.n), ids: rows.length });
}

// ---------------------------------------------------------------------------------------------
// Checks

/**
 * Nobody reminded twice, checked at the gateway (what residents would receive) and in the database
 * (what the server believes it sent); and everybody reminded once.
 */
async function checkDuplicates(database, gateway, world) {
  const connection = await databaseConnection(database);
  try {
    const one = async (sql) => Number((await connection.query(sql))[0][0].n);
    const db = {
      reminders: await one('SELECT COUNT(*) AS n FROM reminder'),
      reminderHouseholds: await one('SELECT COUNT(DISTINCT householdId) AS n FROM reminder'),
      sentReminders: await one("SELECT COUNT(*) AS n FROM reminder WHERE status = 'SENT'"),
      sentDeliveries: await one("SELECT COUNT(*) AS n FROM reminder_delivery WHERE result = 'SENT'"),
      remindersSentTwice: await one("SELECT COUNT(*) AS n FROM (SELECT reminderId FROM reminder_delivery WHERE result = 'SENT' GROUP BY reminderId HAVING COUNT(*) > 1) twice"),
      householdsRemindedTwice: await one("SELECT COUNT(*) AS n FROM (SELECT householdId FROM reminder WHERE status = 'SENT' GROUP BY householdId HAVING COUNT(*) > 1) twice"),
      failedAttempts: await one("SELECT COUNT(*) AS n FROM reminder_delivery WHERE result = 'FAILED'"),
      dailyCaps: await one('SELECT COUNT(*) AS n FROM reminder_daily_cap'),
    };
    const [sentRows] = await connection.query("SELECT id, householdId FROM reminder WHERE status = 'SENT'");
    const sentIds = new Set(sentRows.map((r) => r.id));
    const unknownKeys = [...gateway.keys.keys()].filter((key) => !sentIds.has(key)).length;
    const foreignPhones = [...gateway.phones.keys()].filter((phone) => !world.phones.has(phone)).length;
    const foreignHouseholds = sentRows.filter((r) => !world.householdIds.has(r.householdId)).length;
    const sms = {
      total: gateway.total,
      distinctKeys: gateway.keys.size,
      distinctPhones: gateway.phones.size,
      keysSeenTwice: [...gateway.keys.values()].filter((n) => n > 1).length,
      phonesSeenTwice: [...gateway.phones.values()].filter((n) => n > 1).length,
      unknownKeys,
      foreignPhones,
      malformed: gateway.malformed,
    };
    // Duplicates: a resident reminded twice, whether the gateway saw it or the database recorded it.
    const duplicates = sms.total - sms.distinctKeys + sms.phonesSeenTwice + db.remindersSentTwice + db.householdsRemindedTwice + Math.max(0, db.reminders - db.reminderHouseholds);
    const duplicateProblems = [];
    if (sms.total !== sms.distinctKeys) duplicateProblems.push(`${sms.total - sms.distinctKeys} SMS repeated an idempotency key`);
    if (sms.phonesSeenTwice) duplicateProblems.push(`${sms.phonesSeenTwice} phones got more than one SMS`);
    if (db.remindersSentTwice) duplicateProblems.push(`${db.remindersSentTwice} reminders with two SENT deliveries`);
    if (db.householdsRemindedTwice) duplicateProblems.push(`${db.householdsRemindedTwice} households with two SENT reminders`);
    if (db.reminders > db.reminderHouseholds) duplicateProblems.push(`${db.reminders - db.reminderHouseholds} households with two reminders planned`);
    // Completeness and consistency: everybody reminded once, and the database agrees with the gateway.
    const otherProblems = [];
    if (sms.distinctPhones !== HOUSEHOLDS) otherProblems.push(`${sms.distinctPhones} distinct phones reached, expected ${HOUSEHOLDS}`);
    if (db.reminders !== HOUSEHOLDS || db.reminderHouseholds !== HOUSEHOLDS) otherProblems.push(`${db.reminders} reminders for ${db.reminderHouseholds} households, expected ${HOUSEHOLDS} each`);
    if (db.sentReminders !== HOUSEHOLDS) otherProblems.push(`${db.sentReminders} reminders SENT, expected ${HOUSEHOLDS}`);
    if (db.sentDeliveries !== db.sentReminders) otherProblems.push(`${db.sentDeliveries} SENT delivery rows for ${db.sentReminders} SENT reminders`);
    // After a finished run an SMS whose reminder is not SENT would be sent again by a retry; after a timeout it may just be in flight.
    if (sms.unknownKeys) otherProblems.push(`${sms.unknownKeys} SMS whose reminder is not (yet) SENT`);
    if (sms.foreignPhones) otherProblems.push(`${sms.foreignPhones} SMS to phones not seeded`);
    if (sms.malformed) otherProblems.push(`${sms.malformed} malformed gateway requests`);
    if (foreignHouseholds) otherProblems.push(`${foreignHouseholds} SENT reminders for households not seeded`);
    const problems = [...duplicateProblems, ...otherProblems];
    return { ok: problems.length === 0, problems, duplicates, noDuplicates: duplicateProblems.length === 0, sms, db };
  } finally {
    await connection.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Printing

function figuresOf({ t0, run, gateway, sweep, consultation, seedSeconds }) {
  const since = (at) => (at === null || at === undefined ? NaN : (at - t0) / 1000);
  const { marks } = run;
  const lastSms = gateway.allDistinctAt ?? gateway.lastAt;
  const deliverySeconds = lastSms && gateway.firstAt ? (lastSms - gateway.firstAt) / 1000 : NaN;
  return {
    seedSeconds,
    publishSeconds: consultation.publishSeconds,
    planningSeconds: sweep ? sweep.ms / 1000 : NaN,
    planningCpuSeconds: sweep ? sweep.cpuMs / 1000 : NaN,
    planned: sweep?.planned ?? null,
    firstPlanned: since(marks.firstPlannedAt),
    allQueued: since(marks.allQueuedAt),
    firstSms: since(gateway.firstAt),
    allSms: since(gateway.allDistinctAt),
    allSent: since(marks.allSentAt),
    deliverySeconds,
    rate: gateway.keys.size / deliverySeconds,
    overallRate: gateway.keys.size / since(lastSms),
  };
}

/** At most ~40 rows: every sample when short, every k-th otherwise (and always the last). */
function printTimeline(timeline) {
  if (!timeline.length) return;
  const step = Math.max(1, Math.ceil(timeline.length / 40));
  const rows = timeline.filter((_, i) => i % step === 0 || i === timeline.length - 1);
  const pct = (entry, name) => {
    const used = entry.cpu.used[name];
    return Number.isFinite(used) ? `${Math.round((100 * used) / entry.cpu.wall)}%` : '';
  };
  const names = Object.keys(timeline[0].cpu.used);
  console.log(`\ntimeline (CPU: share of one core over the preceding ${SAMPLE_MS} ms${step > 1 ? `; 1 sample in ${step}` : ''})`);
  console.log(
    table([
      ['t (s)', 'planned', 'queued', 'SENT', 'SMS', 'jobs waiting', 'active', 'done', ...names.map((n) => `CPU ${n}`)],
      ...rows.map((e) => [num(e.t), e.planned, e.queued, e.sent, e.sms, e.jobs.waiting + e.jobs.prioritized, e.jobs.active, e.jobs.completed, ...names.map((n) => pct(e, n))]),
    ]),
  );
}

function printFigures(f, checks, cpuUsed, machineUsed) {
  const s = (value) => (Number.isFinite(value) ? `${num(value)} s` : 'n/a');
  const f0 = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : 'n/a');
  const goalMet = Number.isFinite(f.allSent) && f.allSent < GOAL_SECONDS;
  console.log(`\nbench:remind — ${HOUSEHOLDS.toLocaleString('en')} households, trigger ${args.trigger}, WORKER_CONCURRENCY=${CONCURRENCY}`);
  console.log(
    table([
      ['phase', 'figure'],
      ['seeding (direct INSERTs)', s(f.seedSeconds)],
      ['publish (freeze electorate, API)', s(f.publishSeconds)],
      ['planning: ReminderSweep.run()', args.trigger === 'once' ? `${s(f.planningSeconds)} (${f0(f.planned)} planned, committed every 1 000; ${s(f.planningCpuSeconds)} CPU in the sweep process)` : 'not observable (server timer)'],
      ['t0 → reminders visible (commit)', s(f.firstPlanned)],
      ['t0 → all queued by the relay', s(f.allQueued)],
      ['t0 → first SMS', s(f.firstSms)],
      ['t0 → last distinct SMS', s(f.allSms)],
      ['t0 → all SENT in the database', s(f.allSent)],
      ['delivery rate (first → last SMS)', `${f0(f.rate)} SMS/s over ${s(f.deliverySeconds)}`],
      ['overall rate (t0 → last SMS)', `${f0(f.overallRate)} SMS/s`],
    ]),
  );
  console.log(`CPU over the measured phase (${num(cpuUsed.wall)} s): ${describeCpu(cpuUsed, HOUSEHOLDS).replaceAll('ms/req', 'ms/reminder')}`);
  const ours = Object.values(cpuUsed.used).filter(Number.isFinite).reduce((a, b) => a + b, 0);
  if (Number.isFinite(machineUsed)) {
    console.log(
      `machine: ${num(machineUsed)} CPU-s busy of ${num(cpuUsed.wall * availableParallelism())} available (${availableParallelism()} cores); ` +
        `other processes (tests, builds, Redis, the kernel) ${num(Math.max(0, machineUsed - ours))} CPU-s; ${loadAverage()} at the end`,
    );
  }
  const { sms, db } = checks;
  console.log(
    `duplicates: gateway ${sms.total} requests, ${sms.distinctKeys} distinct idempotency keys, ${sms.distinctPhones} distinct phones ` +
      `(keys seen twice ${sms.keysSeenTwice}, phones seen twice ${sms.phonesSeenTwice}, unknown keys ${sms.unknownKeys}); ` +
      `database ${db.reminders} reminders for ${db.reminderHouseholds} households, ${db.sentReminders} SENT, ${db.sentDeliveries} SENT delivery rows, ` +
      `reminders with 2+ SENT ${db.remindersSentTwice}, households with 2+ SENT ${db.householdsRemindedTwice}, failed attempts ${db.failedAttempts}, daily caps ${db.dailyCaps}`,
  );
  if (checks.problems.length) console.log(`PROBLEMS: ${checks.problems.join('; ')}`);
  console.log(
    `goal: all delivered in < ${GOAL_SECONDS} s: ${goalMet ? 'yes' : 'NO'} (${Number.isFinite(f.allSent) ? s(f.allSent) : 'not all delivered'}); ` +
      `0 duplicates: ${checks.noDuplicates ? 'yes' : 'NO'} (${checks.duplicates})${checks.ok ? '' : '; the run has problems, see above'}`,
  );
}

function printProfiles(profileDir, phase) {
  const files = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'));
  if (!files.length) {
    console.log(`\nno CPU profile written in ${profileDir}`);
    return;
  }
  const ours = (frame) => frame.url.includes('/server/dist/');
  for (const file of files.sort()) {
    const path = join(profileDir, file);
    const summary = summarizeCpuProfile(path, { top: 15, filter: ours, ...phase });
    const who = file.startsWith('sweep') ? 'sweep process' : 'server';
    console.log(`\n${who} CPU profile ${path}, measured phase only: ${num(summary.busyMs / 1000)} s busy of ${num(summary.totalMs / 1000)} s`);
    console.log('  self time by package (async work such as result parsing and socket writes lands here, not under its caller):');
    for (const { name, ms } of summary.packages) console.log(`    ${num(ms / 1000, 2).padStart(7)} s  ${name}`);
    console.log('  self time by function (top 15):');
    for (const { name, ms } of summary.self) console.log(`    ${num(ms / 1000, 2).padStart(7)} s  ${name}`);
    console.log('  inclusive time in server code (top 15):');
    for (const { name, ms } of summary.inclusive) console.log(`    ${num(ms / 1000, 2).padStart(7)} s  ${name}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Entry (last, so that every constant above is initialised): the benchmark, or the sweep process it starts.

if (process.argv[2] === SWEEP_CHILD_FLAG) {
  await sweepChild();
} else {
  runBenchmarkFromCommandLine();
}
