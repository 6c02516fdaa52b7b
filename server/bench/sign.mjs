#!/usr/bin/env node
/**
 * npm run bench:sign [-- --seconds 20 --clients 50 --warmup 2]
 *
 * How fast can residents sign plumbing applications, compared with the cheapest possible write
 * through the same HTTP stack, pool and database (POST /api/bench/insert)? The goal is
 * answers/s ÷ inserts/s ≥ 0.7. An answer is one transaction of about twenty statements (group row
 * lock, history, evidence, audit chain, event, recount, tally) where the baseline is one INSERT, so
 * the script also prints statements, CPU and lock waits per request: they say where the gap is.
 *
 * Steps: fresh database → built server as a child process (demo district, dev login, bench
 * routes) → through the API, one bound resident per household and one open PLUMBING_APPLICATION
 * per compound → closed-loop load on PUT …/responses/{householdId} → the same load on
 * POST /api/bench/insert → consistency of the counters against the answers sent and the database.
 * The database is dropped and the server stopped on every way out.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deflateSync } from 'node:zlib';
import {
  adminConnection,
  closedLoop,
  cpuMeter,
  createBenchDatabase,
  databaseConnection,
  describeCpu,
  loadAverage,
  machineSummary,
  mapLimit,
  mariadbPid,
  mariadbVersion,
  ms,
  num,
  performance,
  request,
  parseEnvOptions,
  requestOk,
  requireBuiltServer,
  runBenchmark,
  seconds,
  serverPoolSize,
  sleep,
  staffLogin,
  startServer,
  table,
} from './lib.mjs';

const DEMO_PASSWORD = 'linyi-demo';
const COMMITTEES = ['committee-demo', 'committee2-demo'];
/** All six plumbing disclosures (shared/src/plumbing-disclosures.ts); a resident must acknowledge them before agreeing. */
const DISCLOSURE_IDS = ['content', 'duties', 'duration', 'water-cut', 'temporary', 'emergency'];
const DAY = 24 * 3600 * 1000;

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    clients: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '2' },
    'setup-concurrency': { type: 'string', default: '8' },
    /** Writes a V8 CPU profile of the server (open it in Chrome DevTools) to find where answers spend their time. */
    profile: { type: 'boolean', default: false },
    /** Extra server environment, repeatable: --env RUN_WORKERS=0 --env OUTBOX_POLL_MS=0 */
    env: { type: 'string', multiple: true, default: [] },
  },
});
const SECONDS = positive(args.seconds, 'seconds');
const CLIENTS = positive(args.clients, 'clients');
const WARMUP = Number(args.warmup);
const SETUP_CONCURRENCY = positive(args['setup-concurrency'], 'setup-concurrency');
const EXTRA_ENV = parseEnvOptions(args.env);

function positive(value, name) {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${value}"`);
  return n;
}

runBenchmark('bench:sign', main, {
  // Setup (~2 000 requests) takes well under a minute; the rest is the two measured phases.
  timeLimitMs: (240 + 2 * (SECONDS + WARMUP) + 60) * 1000,
});

async function main() {
  requireBuiltServer(['bench/bench.controller.js']);
  const db = await mariadbVersion();
  console.log(`bench:sign — ${machineSummary()}; ${db.version}, buffer pool ${db.bufferPoolMb} MB`);
  console.log(`${CLIENTS} clients × ${SECONDS} s per phase (warm-up ${WARMUP} s, not counted)`);
  if (Object.keys(EXTRA_ENV).length) console.log(`extra server env: ${JSON.stringify(EXTRA_ENV)}`);
  console.log();

  const database = await createBenchDatabase('linyi_bench_sign');
  await createProbeTable(database);
  const started = performance.now();
  const profileDir = args.profile ? mkdtempSync(join(tmpdir(), 'linyi-bench-sign-profile-')) : null;
  const server = await startServer({
    database,
    label: 'sign',
    env: { AUTH_DEV_LOGIN: '1', SEED_DEMO: '1', BENCH_ENDPOINTS: '1', ...EXTRA_ENV },
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });
  console.log(`database ${database}; server pid ${server.pid} on ${server.url}, up in ${seconds(started)}`);

  const setupStarted = performance.now();
  const world = await setUp(server.url);
  console.log(`setup: ${world.households.length} households bound to residents, ${world.consultations.length} consultations open, in ${seconds(setupStarted)}\n`);

  const processes = { server: server.pid, mariadb: mariadbPid() };
  const answers = await answerPhase(server.url, world, database, processes);
  const inserts = await insertPhase(server.url, database, processes);
  printResults(answers, inserts);
  const consistent = await checkConsistency(server.url, world, database);
  printServerHealth(server);
  if (profileDir) {
    await server.stop(); // the profile is written when the server exits
    console.log(`server CPU profile (setup and both phases): ${readdirSync(profileDir).map((f) => join(profileDir, f)).join(', ') || 'none written'}`);
  }
  // A missed ratio goal is a figure to read, not a failure; errors and inconsistent counters are.
  if (!consistent || answers.run.failed || inserts.run.failed) process.exitCode = 1;
}

/** The baseline route inserts into this table; it is not part of the schema, so the bench creates it. */
async function createProbeTable(database) {
  const connection = await databaseConnection(database);
  try {
    await connection.query('CREATE TABLE bench_probe (id varchar(36) NOT NULL PRIMARY KEY, at datetime NOT NULL) ENGINE=InnoDB');
  } finally {
    await connection.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Setup through the public API

/**
 * Every household of the demo district gets its own resident, bound with an invite code the way a
 * real resident is, and every compound gets one open plumbing application.
 */
async function setUp(url) {
  const households = [];
  const consultations = [];
  const opensAt = new Date(Date.now() - 60_000).toISOString();
  const deadline = new Date(Date.now() + 14 * DAY).toISOString();
  for (const username of COMMITTEES) {
    const committeeToken = await staffLogin(url, username, DEMO_PASSWORD);
    const compounds = await requestOk(url, 'GET', '/api/compounds', { token: committeeToken });
    for (const compound of compounds) {
      const structure = await requestOk(url, 'GET', `/api/compounds/${compound.id}/structure`, { token: committeeToken });
      const created = await requestOk(url, 'POST', '/api/consultations', {
        token: committeeToken,
        body: {
          compoundId: compound.id,
          kind: 'PLUMBING_APPLICATION',
          title: `${compound.name}楼内上下水管线改造申请（压测）`,
          body: '压测用征询：楼内上下水管线改造须经本单元全体住户书面申请后方可实施。',
          rule: 'UNANIMOUS',
          groupBy: 'UNIT',
          opensAt,
          deadline,
        },
      });
      const published = await requestOk(url, 'POST', `/api/consultations/${created.id}/publish`, { token: committeeToken });
      if (published.status !== 'OPEN') throw new Error(`consultation ${created.id} is ${published.status} after publishing, expected OPEN`);
      const consultation = { id: created.id, compoundId: compound.id, compoundName: compound.name, committeeToken, households: [] };
      consultations.push(consultation);
      for (const building of structure.buildings) {
        for (const unit of building.units) {
          for (const household of unit.households) {
            const entry = { id: household.id, consultation, token: null, answers: 0, last: null, version: 0, busy: false, uncertain: false };
            households.push(entry);
            consultation.households.push(entry);
          }
        }
      }
    }
  }
  await mapLimit(households, SETUP_CONCURRENCY, async (household) => {
    const { accessToken } = await requestOk(url, 'POST', '/api/auth/dev/login', { body: { openid: `bench-${household.id}` } });
    const { code } = await requestOk(url, 'POST', `/api/households/${household.id}/invite-codes`, { token: household.consultation.committeeToken, body: {} });
    await requestOk(url, 'POST', '/api/me/bindings', { token: accessToken, body: { inviteCode: code } });
    household.token = accessToken;
  });
  return { households, consultations };
}

// ---------------------------------------------------------------------------------------------
// Phase 1: answers

/** A small but real PNG (a grey stroke on white) standing in for a handwritten signature. */
function signatureDataUrl() {
  const width = 60;
  const height = 20;
  const raw = Buffer.alloc((width + 1) * height, 255);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0; // filter byte: none
  for (let x = 5; x < 55; x++) raw[10 * (width + 1) + 1 + x] = 40;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

function pngChunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * Picks a random household nobody is answering for right now. One request per household at a time
 * keeps "flip the previous answer" exact, so every request is a real new version, never an
 * idempotent repeat (which the server answers without writing).
 */
function claimHousehold(households) {
  for (;;) {
    const household = households[Math.floor(Math.random() * households.length)];
    if (!household.busy) {
      household.busy = true;
      return household;
    }
  }
}

/** Sends the opposite of the household's last answer and records what the server says. */
async function answerOnce(url, households, signaturePng, stats) {
  const household = claimHousehold(households);
  try {
    const answer = household.last === 'AGREE' ? 'REFUSE' : 'AGREE';
    const body = { answer, acknowledgedDisclosureIds: DISCLOSURE_IDS, ...(answer === 'AGREE' ? { signaturePng } : {}) };
    let result;
    try {
      result = await request(url, 'PUT', `/api/consultations/${household.consultation.id}/responses/${household.id}`, { token: household.token, body, timeoutMs: 30_000 });
    } catch (error) {
      household.uncertain = true; // it may or may not have been written
      throw error;
    }
    if (result.status === 200) {
      if (result.body.version !== household.version + 1) stats.versionSkips++;
      household.version = result.body.version;
      household.last = result.body.answer;
      household.answers++;
    } else {
      // A 5xx may have committed; a 4xx did not, but either way do not trust the expected counts blindly.
      if (result.status >= 500) household.uncertain = true;
      stats.samples[result.status] ??= result.body;
    }
    return result;
  } finally {
    household.busy = false;
  }
}

async function answerPhase(url, world, database, processes) {
  // claimHousehold needs idle households to pick from.
  if (CLIENTS * 2 > world.households.length) throw new Error(`--clients ${CLIENTS} is too many for ${world.households.length} households`);
  const signaturePng = signatureDataUrl();
  const stats = { versionSkips: 0, samples: {} };
  const send = () => answerOnce(url, world.households, signaturePng, stats);
  if (WARMUP > 0) await closedLoop({ clients: CLIENTS, seconds: WARMUP, send });
  return { ...(await measure(database, processes, send)), stats };
}

// ---------------------------------------------------------------------------------------------
// Phase 2: the baseline insert

async function insertPhase(url, database, processes) {
  const send = () => request(url, 'POST', '/api/bench/insert', { timeoutMs: 30_000 });
  if (WARMUP > 0) await closedLoop({ clients: CLIENTS, seconds: WARMUP, send });
  return measure(database, processes, send);
}

/** One measured window, with the pool's use, each process's CPU and MariaDB's counters over the same seconds. */
async function measure(database, processes, send) {
  const loadBefore = loadAverage();
  const statusBefore = await globalStatus();
  const sampler = sampleConnections(database);
  const cpu = cpuMeter(processes);
  const result = await closedLoop({ clients: CLIENTS, seconds: SECONDS, send });
  const cpuUsed = cpu.stop();
  const connections = await sampler.stop();
  const statusAfter = await globalStatus();
  const delta = Object.fromEntries(Object.keys(statusAfter).map((key) => [key, statusAfter[key] - statusBefore[key]]));
  return { run: result, cpu: cpuUsed, connections, loadBefore, status: delta };
}

/**
 * MariaDB's server-wide counters. Global, so other clients of this MariaDB add to them (and the
 * connection sampler adds ~4 statements/s), but with hundreds of requests a second the statements
 * per request and the row-lock waits are still telling.
 */
async function globalStatus() {
  const connection = await adminConnection();
  try {
    const [rows] = await connection.query(
      "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Innodb_row_lock_waits', 'Innodb_row_lock_time', 'Innodb_data_fsyncs')",
    );
    return Object.fromEntries(rows.map((row) => [row.Variable_name, Number(row.Value)]));
  } finally {
    await connection.end();
  }
}

/**
 * Samples how many connections the server holds to the bench database, and how many are busy,
 * every 250 ms: evidence of whether the pool (not the database) is the limit.
 */
function sampleConnections(database) {
  let stopped = false;
  let maxOpen = 0;
  let maxBusy = 0;
  let busySum = 0;
  let samples = 0;
  const running = (async () => {
    const connection = await databaseConnection(database);
    try {
      while (!stopped) {
        const [rows] = await connection.query(
          "SELECT COUNT(*) AS open, SUM(COMMAND <> 'Sleep') AS busy FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()",
          [database],
        );
        const open = Number(rows[0].open);
        const busy = Number(rows[0].busy ?? 0);
        maxOpen = Math.max(maxOpen, open);
        maxBusy = Math.max(maxBusy, busy);
        busySum += busy;
        samples++;
        await sleep(250);
      }
    } finally {
      await connection.end();
    }
  })();
  return {
    async stop() {
      stopped = true;
      await running;
      return { maxOpen, maxBusy, meanBusy: samples ? busySum / samples : NaN };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Results

function printResults(answers, inserts) {
  const row = (name, { run, connections }) => [
    name,
    num(run.perSecond),
    String(run.ok),
    ms(run.p50),
    ms(run.p99),
    ms(run.max),
    String(run.failed),
    `${connections.maxOpen} / ${connections.maxBusy} / ${num(connections.meanBusy)}`,
  ];
  console.log(
    table([
      ['phase', 'per s', 'ok (200)', 'p50', 'p99', 'max', 'non-200', 'db conns open/max busy/mean busy'],
      row('PUT responses (answers)', answers),
      row('POST bench/insert', inserts),
    ]),
  );
  for (const [name, phase] of [['answers', answers], ['inserts', inserts]]) {
    const per = (value) => num(value / Math.max(1, phase.run.ok));
    const { Questions: statements, Innodb_row_lock_waits: lockWaits, Innodb_row_lock_time: lockMs, Innodb_data_fsyncs: fsyncs } = phase.status;
    console.log(`  ${name}: CPU ${describeCpu(phase.cpu, phase.run.ok)}; ${phase.loadBefore} before`);
    console.log(`  ${name}: MariaDB ≈ ${per(statements)} statements/req, ${per(fsyncs)} fsyncs/req, ${lockWaits} row-lock waits (${per(lockMs)} ms waited/req)`);
    if (phase.run.failed) console.log(`  ${name} failures: ${JSON.stringify(phase.run.failures)}`);
  }
  for (const [status, body] of Object.entries(answers.stats.samples)) console.log(`  sample ${status} answer: ${JSON.stringify(body).slice(0, 300)}`);
  if (answers.stats.versionSkips) console.log(`  ${answers.stats.versionSkips} answers came back with an unexpected version (expected previous + 1)`);
  const ratio = answers.run.perSecond / inserts.run.perSecond;
  console.log(`\nanswers/s ÷ inserts/s = ${num(answers.run.perSecond)} ÷ ${num(inserts.run.perSecond)} = ${num(ratio, 2)} (goal ≥ 0.7: ${ratio >= 0.7 ? 'met' : 'NOT met'})`);
  console.log(`server DB pool size (extra.connectionLimit in dist): ${serverPoolSize() ?? 'unknown'}; ${machineSummary()}`);
}

/**
 * For every consultation: the group counters must add up to what the clients saw (households
 * answered at least once), and the agreeing count must match the stored answers and what each
 * household's last accepted answer was. The tally shards (the street view) must match the groups,
 * and there must be one history row per accepted answer.
 */
async function checkConsistency(url, world, database) {
  console.log('\nconsistency (after the run):');
  const connection = await databaseConnection(database);
  try {
    return await compareCounters(url, world, connection);
  } finally {
    await connection.end();
  }
}

async function compareCounters(url, world, connection) {
  const rows = [['compound', 'answered (client)', 'Σ responded (API)', 'agreed (client)', 'Σ agreed (API)', 'AGREE rows (DB)', 'Σ tally answered (DB)', 'history rows / 200s', 'ok']];
  let allOk = true;
  let uncertain = 0;
  for (const consultation of world.consultations) {
    const groups = await requestOk(url, 'GET', `/api/consultations/${consultation.id}/groups`, { token: consultation.committeeToken });
    const sumResponded = groups.reduce((sum, g) => sum + g.responded, 0);
    const sumAgreed = groups.reduce((sum, g) => sum + g.agreed, 0);
    const answered = consultation.households.filter((h) => h.answers > 0).length;
    const agreed = consultation.households.filter((h) => h.last === 'AGREE').length;
    const accepted = consultation.households.reduce((sum, h) => sum + h.answers, 0);
    uncertain += consultation.households.filter((h) => h.uncertain).length;
    const [[{ n: dbAgreed }]] = await connection.query("SELECT COUNT(*) AS n FROM household_response WHERE consultationId = ? AND answer = 'AGREE'", [consultation.id]);
    const [[{ n: tallyAnswered }]] = await connection.query('SELECT COALESCE(SUM(householdsAnswered), 0) AS n FROM consultation_tally WHERE consultationId = ?', [consultation.id]);
    const [[{ n: historyRows }]] = await connection.query('SELECT COUNT(*) AS n FROM household_response_history WHERE consultationId = ?', [consultation.id]);
    const ok =
      sumResponded === answered && sumAgreed === agreed && Number(dbAgreed) === agreed && Number(tallyAnswered) === sumResponded && Number(historyRows) === accepted;
    allOk &&= ok;
    rows.push([consultation.compoundId.slice(0, 8), answered, sumResponded, agreed, sumAgreed, Number(dbAgreed), Number(tallyAnswered), `${historyRows} / ${accepted}`, ok ? 'yes' : 'NO']);
  }
  console.log(table(rows));
  if (uncertain) console.log(`  ${uncertain} households had a failed or timed-out request, so their expected counts may legitimately differ`);
  console.log(allOk ? 'consistency: all counters match' : 'consistency: MISMATCH (see rows marked NO)');
  return allOk;
}

function printServerHealth(server) {
  if (server.errorLines) {
    console.log(`\nserver logged ${server.errorLines} error line(s) (kept in ${server.logFile}); last output:\n${server.tail()}`);
  } else {
    console.log('\nserver logged no errors (LOG_LEVEL=warn)');
  }
}
