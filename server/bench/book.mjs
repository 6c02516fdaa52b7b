#!/usr/bin/env node
/**
 * npm run bench:book [-- --units 40 --per-unit 50 --windows 8 --capacity 5 --clients 0 --seed 1]
 *
 * How do bookings hold up when every household of 40 stairwells books its in-home works window at
 * the same moment? 2 000 households (50 per unit) against 8 windows of capacity 5 per unit, i.e. 40
 * places for 50 households: the windows fill and some bookings must be refused as full. Each booking
 * is one transaction (household row lock, conditional `booked = booked + 1 … AND booked < capacity`
 * on the window row, booking row, audit chain), so the figures say what the capacity rule costs.
 *
 * Steps: fresh database → built server as a child process (demo district, dev login) → through the
 * API, a roster of the 2 000 households uploaded to 光明里小区 by committee-demo and one bound resident
 * per household (invite codes) → one PUBLISHED plan with the windows, written straight to the tables
 * (publishing needs every unit REACHED and screened, which is not what is measured here) →
 * the rush: every household PUTs its booking of a random window of its unit at once (--clients caps
 * the requests in flight; 0 = all at once) → retry waves: each household refused as full reads
 * GET /api/me/work-windows and books a window that still has room, until none is left → checks in SQL
 * that no window is over capacity and each window's `booked` equals its booking rows.
 *
 * The server is server/dist (build first); BENCH_SERVER_DIST=/path/to/dist runs another build (node
 * runs that main.js; the server/dist path lib.mjs appends is left unused in argv).
 * The database is dropped and the server stopped on every way out.
 */
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
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
  parseEnvOptions,
  percentile,
  performance,
  request,
  requestOk,
  requireBuiltServer,
  runBenchmark,
  seconds,
  serverPoolSize,
  staffLogin,
  startServer,
  table,
} from './lib.mjs';

const DEMO_PASSWORD = 'linyi-demo';
const COMPOUND = '光明里小区';
const BUILDING_PREFIX = '预约压测';
const HEADER = ['楼栋', '单元', '房号', '楼层', '建筑面积', '业主姓名', '电话'];
const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

const { values: args } = parseArgs({
  options: {
    units: { type: 'string', default: '40' },
    'per-unit': { type: 'string', default: '50' },
    windows: { type: 'string', default: '8' },
    capacity: { type: 'string', default: '5' },
    /** Requests in flight at most; 0 sends every household's request at once. */
    clients: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    'setup-concurrency': { type: 'string', default: '8' },
    /** Extra server environment, repeatable: --env RUN_WORKERS=0 */
    env: { type: 'string', multiple: true, default: [] },
  },
});
const UNITS = whole(args.units, 'units', 1);
const PER_UNIT = whole(args['per-unit'], 'per-unit', 1);
const WINDOWS = whole(args.windows, 'windows', 1);
const CAPACITY = whole(args.capacity, 'capacity', 1);
const CLIENTS = whole(args.clients, 'clients', 0);
const SETUP_CONCURRENCY = whole(args['setup-concurrency'], 'setup-concurrency', 1);
const EXTRA_ENV = parseEnvOptions(args.env);
const OTHER_DIST = process.env.BENCH_SERVER_DIST ? resolve(process.env.BENCH_SERVER_DIST) : null;
if (UNITS * PER_UNIT > 5000) throw new Error('--units × --per-unit must stay within the roster limit of 5 000 households');
if (PER_UNIT > 100) throw new Error('--per-unit must be at most 100 (two flats a floor, 50 floors)');

function whole(value, name, min) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}, got "${value}"`);
  return n;
}

runBenchmark('bench:book', main, {
  // Setup is ~3 requests per household at 8 in flight; the rush and the retries take seconds.
  timeLimitMs: (180 + (UNITS * PER_UNIT) / 20 + 300) * 1000,
});

async function main() {
  if (OTHER_DIST) {
    if (!existsSync(join(OTHER_DIST, 'main.js'))) throw new Error(`BENCH_SERVER_DIST=${OTHER_DIST} has no main.js`);
  } else {
    requireBuiltServer(['works/booking.service.js']);
  }
  const db = await mariadbVersion();
  console.log(`bench:book — ${machineSummary()}; ${db.version}, buffer pool ${db.bufferPoolMb} MB; ${loadAverage()}`);
  console.log(`${UNITS * PER_UNIT} households in ${UNITS} units; per unit ${WINDOWS} windows × capacity ${CAPACITY} = ${WINDOWS * CAPACITY} places for ${PER_UNIT} households`);
  console.log(`in flight: ${CLIENTS || 'all at once'}; server: ${OTHER_DIST ?? 'server/dist'}\n`);

  const database = await createBenchDatabase('linyi_bench_book');
  const started = performance.now();
  const server = await startServer({
    database,
    label: 'book',
    env: { AUTH_DEV_LOGIN: '1', SEED_DEMO: '1', WORKS_SWEEP_MS: '0', ...EXTRA_ENV },
    nodeArgs: OTHER_DIST ? [join(OTHER_DIST, 'main.js')] : [],
  });
  console.log(`database ${database}; server pid ${server.pid} on ${server.url}, up in ${seconds(started)}`);

  const setupStarted = performance.now();
  const world = await setUp(server.url, database);
  console.log(`setup: ${world.households.length} households uploaded and bound, plan with ${world.windowCount} windows written, in ${seconds(setupStarted)}\n`);

  const processes = { server: server.pid, mariadb: mariadbPid() };
  const random = seeded(whole(args.seed, 'seed', 0));
  const rush = await rushPhase(server.url, world, random, processes);
  for (const r of rush.results) r.household.refused = r.code === 'WINDOW_FULL';
  const retries = await retryPhase(server.url, world, random, processes);
  printResults(world, rush, retries);
  const consistent = await checkConsistency(database, world, rush, retries);
  if (server.errorLines) console.log(`\nserver logged ${server.errorLines} error line(s) (kept in ${server.logFile}); last output:\n${server.tail()}`);
  else console.log('\nserver logged no errors (LOG_LEVEL=warn)');
  const unexpected = [...rush.results, ...retries.results].filter((r) => r.status !== 200 && r.code !== 'WINDOW_FULL').length;
  if (!consistent || unexpected) process.exitCode = 1;
}

// ---------------------------------------------------------------------------------------------
// Setup

async function setUp(url, database) {
  const committeeToken = await staffLogin(url, 'committee-demo', DEMO_PASSWORD);
  const compound = (await requestOk(url, 'GET', '/api/compounds', { token: committeeToken })).find((c) => c.name === COMPOUND);
  if (!compound) throw new Error(`committee-demo does not see ${COMPOUND}`);
  await uploadRoster(url, committeeToken, compound.id);
  const structure = await requestOk(url, 'GET', `/api/compounds/${compound.id}/structure`, { token: committeeToken });
  const units = structure.buildings.filter((b) => b.name.startsWith(BUILDING_PREFIX)).flatMap((b) => b.units);
  const households = units.flatMap((unit) => unit.households.map((h) => ({ id: h.id, unitId: unit.id, token: null })));
  if (units.length !== UNITS || households.length !== UNITS * PER_UNIT) throw new Error(`roster gave ${units.length} units and ${households.length} households`);
  await mapLimit(households, SETUP_CONCURRENCY, async (household) => {
    const { accessToken } = await requestOk(url, 'POST', '/api/auth/dev/login', { body: { openid: `bench-book-${household.id}` } });
    const { code } = await requestOk(url, 'POST', `/api/households/${household.id}/invite-codes`, { token: committeeToken, body: {} });
    await requestOk(url, 'POST', '/api/me/bindings', { token: accessToken, body: { inviteCode: code } });
    household.token = accessToken;
  });
  const { planId, windowsByUnit } = await writePlan(database, compound.id, units.map((u) => u.id));
  // The resident's own view must show the plan before the rush: it is what a resident books from.
  const first = (await requestOk(url, 'GET', '/api/me/work-windows', { token: households[0].token })).find((p) => p.workPlanId === planId);
  if (first?.windows.length !== WINDOWS || !first.windows.every((w) => w.bookable && w.remaining === CAPACITY)) throw new Error(`GET /api/me/work-windows does not offer the plan: ${JSON.stringify(first)?.slice(0, 300)}`);
  return { planId, households, windowsByUnit, windowCount: UNITS * WINDOWS };
}

/** The committee's roster of the bench stairwells: building k has 1单元 and 2单元, two flats a floor. */
async function uploadRoster(url, token, compoundId) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('住户');
  sheet.addRow(HEADER);
  for (let u = 0; u < UNITS; u++) {
    for (let i = 0; i < PER_UNIT; i++) {
      const floor = Math.floor(i / 2) + 1;
      const n = u * PER_UNIT + i;
      sheet.addRow([`${BUILDING_PREFIX}${Math.floor(u / 2) + 1}号楼`, `${(u % 2) + 1}单元`, `${floor}0${(i % 2) + 1}`, floor, 60 + (n % 40), `业主${n}`, `139${String(n).padStart(8, '0')}`]);
    }
  }
  const form = new FormData();
  form.append('file', new Blob([await workbook.xlsx.writeBuffer()]), 'bench-book-roster.xlsx');
  const response = await fetch(`${url}/api/compounds/${compoundId}/roster`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form, signal: AbortSignal.timeout(120_000) });
  const body = await response.json().catch(() => null);
  if (response.status !== 201 || body?.created !== UNITS * PER_UNIT) throw new Error(`roster upload answered ${response.status}: ${JSON.stringify(body)?.slice(0, 300)}`);
}

/** One published plan over the units, windows on the coming days (08:30–17:30 Beijing time), no priority windows. */
async function writePlan(database, compoundId, unitIds) {
  const connection = await databaseConnection(database);
  const planId = randomUUID();
  const consultationId = randomUUID();
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const windowsByUnit = new Map();
  try {
    const steps = JSON.stringify([{ title: '断水', description: '施工当天全单元停水。' }, { title: '更换立管', description: '拆除旧立管，安装新立管。' }]);
    await connection.query(
      'INSERT INTO work_plan (id, compoundId, consultationId, title, steps, waterCut, temporaryWater, temporarySewage, contactPhone, status, createdBy, createdAt, publishedAt, publishedBy) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?, ?, NULL)',
      [planId, compoundId, consultationId, '上下水立管更换（预约压测）', steps, '施工当天 8:00—18:00 全单元停水', 'PUBLISHED', randomUUID(), new Date(now.getTime() - 3 * DAY), new Date(now.getTime() - 3 * DAY)],
    );
    const windowRows = [];
    for (const unitId of unitIds) {
      await connection.query('INSERT INTO work_plan_unit (id, workPlanId, unitId, publishedKey) VALUES (?, ?, ?, ?)', [randomUUID(), planId, unitId, `${consultationId}:${unitId}`]);
      const ids = [];
      for (let w = 0; w < WINDOWS; w++) {
        // Day 5 + w at 00:30 UTC = 08:30 in Shanghai, nine hours long.
        const day = new Date(now.getTime() + (5 + w) * DAY);
        const startsAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 0, 30));
        const id = randomUUID();
        ids.push(id);
        windowRows.push([id, planId, unitId, startsAt, new Date(startsAt.getTime() + 9 * HOUR), CAPACITY, 0, false, now]);
      }
      windowsByUnit.set(unitId, ids);
    }
    await connection.query('INSERT INTO work_window (id, workPlanId, unitId, startsAt, endsAt, capacity, booked, priority, createdAt) VALUES ?', [windowRows]);
  } finally {
    await connection.end();
  }
  return { planId, windowsByUnit };
}

// ---------------------------------------------------------------------------------------------
// Load

async function book(url, planId, household, windowId) {
  try {
    const result = await request(url, 'PUT', `/api/households/${household.id}/booking`, { token: household.token, body: { workPlanId: planId, windowId }, timeoutMs: 120_000 });
    return { household, status: result.status, code: result.status === 200 ? null : result.body?.code ?? String(result.status), ms: result.ms };
  } catch (error) {
    return { household, status: 0, code: error?.name === 'TimeoutError' ? 'client timeout' : `network error: ${error?.message ?? error}`, ms: NaN };
  }
}

/** Every household at once, each to a random window of its unit. */
async function rushPhase(url, world, random, processes) {
  const picks = world.households.map((household) => ({ household, windowId: pick(world.windowsByUnit.get(household.unitId), random) }));
  const cpu = cpuMeter(processes);
  const startedAt = performance.now();
  const results = await mapLimit(picks, CLIENTS || picks.length, ({ household, windowId }) => book(url, world.planId, household, windowId));
  const elapsed = (performance.now() - startedAt) / 1000;
  return { results, elapsed, cpu: cpu.stop() };
}

/** Households refused as full look at what is left (as the resident's page shows it) and book one, wave after wave. */
async function retryPhase(url, world, random, processes) {
  let pending = world.households.filter((h) => h.refused);
  const results = [];
  const cpu = cpuMeter(processes);
  const startedAt = performance.now();
  let waves = 0;
  let unplaced = 0;
  let lists = 0;
  while (pending.length) {
    waves++;
    const next = [];
    const wave = await mapLimit(pending, CLIENTS || pending.length, async (household) => {
      const plans = await requestOk(url, 'GET', '/api/me/work-windows', { token: household.token, timeoutMs: 120_000 });
      lists++;
      const open = plans.find((p) => p.workPlanId === world.planId)?.windows.filter((w) => w.bookable && w.remaining > 0) ?? [];
      if (!open.length) {
        unplaced++;
        return null;
      }
      const result = await book(url, world.planId, household, pick(open, random).id);
      if (result.code === 'WINDOW_FULL') next.push(household);
      return result;
    });
    results.push(...wave.filter(Boolean));
    pending = next;
  }
  const elapsed = (performance.now() - startedAt) / 1000;
  return { results, elapsed, waves, unplaced, lists, cpu: cpu.stop() };
}

function pick(items, random) {
  return items[Math.floor(random() * items.length)];
}

// ---------------------------------------------------------------------------------------------
// Results

function summary(name, { results, elapsed }) {
  const ok = results.filter((r) => r.status === 200);
  const latencies = results.map((r) => r.ms).filter(Number.isFinite).sort((a, b) => a - b);
  const refusals = {};
  for (const r of results) if (r.status !== 200) refusals[r.code] = (refusals[r.code] ?? 0) + 1;
  return {
    row: [name, String(results.length), String(ok.length), Object.entries(refusals).map(([code, n]) => `${code} ${n}`).join(', ') || '–', num(ok.length / elapsed), num(results.length / elapsed), ms(percentile(latencies, 50)), ms(percentile(latencies, 99)), ms(latencies.at(-1)), `${elapsed.toFixed(2)} s`],
    ok: ok.length,
  };
}

function printResults(world, rush, retries) {
  const rows = [['phase', 'PUTs', '200', 'refused (by code)', 'bookings/s', 'PUTs/s', 'p50', 'p99', 'max', 'wall']];
  const a = summary('rush (all at once)', rush);
  const b = summary(`retries (${retries.waves} waves)`, retries);
  const all = summary('all PUTs', { results: [...rush.results, ...retries.results], elapsed: rush.elapsed + retries.elapsed });
  rows.push(a.row, b.row, all.row);
  console.log(table(rows));
  console.log(`  rush: CPU ${describeCpu(rush.cpu, rush.results.length)}`);
  console.log(`  retries: CPU ${describeCpu(retries.cpu, retries.results.length)}; ${retries.lists} GET /api/me/work-windows; ${retries.unplaced} households found no window with room`);
  console.log(`\n${a.ok + b.ok} of ${world.households.length} households booked (${UNITS * WINDOWS * CAPACITY} places); server DB pool ${serverPoolSize() ?? 'unknown'}`);
}

/** What the database holds must match what the clients were told, and no window may be over capacity. */
async function checkConsistency(database, world, rush, retries) {
  console.log('\nconsistency (SQL, after the run):');
  const connection = await databaseConnection(database);
  try {
    const [[windows]] = await connection.query(
      `SELECT COUNT(*) AS total, SUM(w.booked > w.capacity) AS overCapacity, SUM(w.booked = w.capacity) AS atCapacity, SUM(w.booked <> (SELECT COUNT(*) FROM work_booking b WHERE b.windowId = w.id)) AS mismatched, SUM(w.booked) AS booked
       FROM work_window w WHERE w.workPlanId = ?`,
      [world.planId],
    );
    const [[bookings]] = await connection.query('SELECT COUNT(*) AS n, COUNT(DISTINCT householdId) AS households FROM work_booking WHERE workPlanId = ?', [world.planId]);
    const [[wrongUnit]] = await connection.query('SELECT COUNT(*) AS n FROM work_booking b JOIN work_window w ON w.id = b.windowId WHERE b.workPlanId = ? AND b.unitId <> w.unitId', [world.planId]);
    const accepted = [...rush.results, ...retries.results].filter((r) => r.status === 200).length;
    const places = UNITS * WINDOWS * CAPACITY;
    const expectedBookings = Math.min(places, UNITS * PER_UNIT);
    const checks = [
      ['windows over capacity', Number(windows.overCapacity), 0],
      ["windows whose booked ≠ their booking rows", Number(windows.mismatched), 0],
      ['bookings in another unit’s window', Number(wrongUnit.n), 0],
      ['booking rows', Number(bookings.n), accepted],
      ['households with a booking', Number(bookings.households), Number(bookings.n)],
      ['Σ booked', Number(windows.booked), Number(bookings.n)],
      // Everyone refused retried while room was left, so the places are all taken (or everyone is in).
      ['booking rows after the retries', Number(bookings.n), expectedBookings],
      ['full windows', Number(windows.atCapacity), places <= UNITS * PER_UNIT ? Number(windows.total) : Number(windows.atCapacity)],
    ];
    console.log(table([['check', 'found', 'expected', 'ok'], ...checks.map(([name, found, expected]) => [name, found, expected, found === expected ? 'yes' : 'NO'])]));
    const ok = checks.every(([, found, expected]) => found === expected);
    console.log(ok ? 'consistency: 0 windows over capacity, every counter matches its rows' : 'consistency: MISMATCH (see rows marked NO)');
    return ok;
  } finally {
    await connection.end();
  }
}

/** mulberry32: the same --seed gives the same picks. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
