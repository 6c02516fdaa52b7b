#!/usr/bin/env node
/**
 * npm run bench:status [-- --max-households 1000000 --calls 200 --warmup 20]
 *
 * Does the street office's overview (GET /api/street-offices/{id}/status) cost the same with
 * 10 000 households as with 1 000 000? It should: it reads the maintained tallies (8 rows per
 * consultation), never the answers or the electorate. Goal: p50 < 50 ms at both sizes.
 *
 * For each size: a fresh database; the built server started once to run the migrations and
 * stopped; the district written directly with multi-row INSERTs (far faster than the API); the
 * server started again; street-bench signs in; warm-up; N sequential timed calls. Databases are
 * dropped and servers stopped on every way out.
 *
 * Only the tables the status reads need to be right, but everything written follows the schema and
 * the server's own rules (tallyShard, textSha256, ownerKey and evaluateGroup are imported from the
 * built code), so the counters the status shows are exactly those the seed intended. The answers
 * themselves (household_response) are not written: group counters say "k answered" without the
 * rows behind them, so `npm run recount` on such a database would report drift. Fine for a
 * throw-away read benchmark, not for anything else.
 */
import bcrypt from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GroupState, PLUMBING_DISCLOSURES, evaluateGroup, householdLabel } from '@linyi/shared';
import {
  cpuMeter,
  createBenchDatabase,
  databaseConnection,
  describeCpu,
  dropBenchDatabase,
  loadAverage,
  machineSummary,
  mariadbPid,
  mariadbVersion,
  ms,
  num,
  percentile,
  performance,
  request,
  parseEnvOptions,
  requestOk,
  requireBuiltServer,
  runBenchmark,
  seconds,
  staffLogin,
  startServer,
  table,
} from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    'max-households': { type: 'string', default: '1000000' },
    calls: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    'time-limit-minutes': { type: 'string', default: '45' },
    /** Writes a V8 CPU profile of each measured server (open it in Chrome DevTools). */
    profile: { type: 'boolean', default: false },
    /** Extra server environment, repeatable: --env RUN_WORKERS=0 --env OUTBOX_POLL_MS=0 */
    env: { type: 'string', multiple: true, default: [] },
  },
});
const MAX_HOUSEHOLDS = wholeNumber(args['max-households'], 'max-households');
const CALLS = wholeNumber(args.calls, 'calls');
const WARMUP = Number(args.warmup);
const SIZES = [...new Set([Math.min(10_000, MAX_HOUSEHOLDS), MAX_HOUSEHOLDS])];
const EXTRA_ENV = parseEnvOptions(args.env);

/** The district's shape: the same 40 compounds at every size, so only households (and units) grow. */
const SHAPE = { communities: 4, compounds: 40, householdsPerUnit: 12.5, unitsPerBuilding: 4 };
const STAFF = { username: 'street-bench', password: 'linyi-bench-password' };
/** Share of unit groups where every household has signed (REACHED); the rest answered partly. */
const REACHED_SHARE = 0.15;
const ROWS_PER_INSERT = 2000;
/** Two connections: one inserts while Node builds the next statement (2 cores in CI). */
const INSERT_CONNECTIONS = 2;
const DAY = 24 * 3600 * 1000;

function wholeNumber(value, name) {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number, got "${value}"`);
  return n;
}

runBenchmark('bench:status', main, { timeLimitMs: Number(args['time-limit-minutes']) * 60_000 });

async function main() {
  requireBuiltServer(['consultations/consultation.rules.js']);
  const db = await mariadbVersion();
  console.log(`bench:status — ${machineSummary()}; ${db.version}, buffer pool ${db.bufferPoolMb} MB`);
  console.log(`sizes: ${SIZES.map((n) => n.toLocaleString('en')).join(' and ')} households; ${WARMUP} warm-up + ${CALLS} timed sequential calls each`);
  if (Object.keys(EXTRA_ENV).length) console.log(`extra server env: ${JSON.stringify(EXTRA_ENV)}`);
  console.log();
  const results = [];
  for (const households of SIZES) results.push(await benchSize(households));
  printSummary(results);
}

/** One size, start to finish, in its own database that is dropped at the end. */
async function benchSize(households) {
  const label = households.toLocaleString('en');
  console.log(`— ${label} households —`);
  const database = await createBenchDatabase(`linyi_bench_status_${households}`);

  // The schema comes only from the migrations, which the server runs at boot.
  let started = performance.now();
  const migrator = await startServer({ database, label: 'migrate' });
  await migrator.stop();
  console.log(`  migrations run in ${seconds(started)} (database ${database})`);

  started = performance.now();
  const seeded = await seed(database, households);
  const seedSeconds = (performance.now() - started) / 1000;
  console.log(`  seeded in ${num(seedSeconds)} s: ${describeCounts(seeded.counts)}`);

  started = performance.now();
  await flushSeededTables(database);
  console.log(`  seeded tables flushed to disk in ${seconds(started)}`);

  started = performance.now();
  const profileDir = args.profile ? mkdtempSync(join(tmpdir(), `linyi-bench-status-${households}-profile-`)) : null;
  const server = await startServer({ database, label: 'status', env: EXTRA_ENV, nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [] });
  console.log(`  server pid ${server.pid} up in ${seconds(started)}`);
  const token = await staffLogin(server.url, STAFF.username, STAFF.password);
  const path = `/api/street-offices/${seeded.streetOfficeId}/status`;

  const first = await requestOk(server.url, 'GET', path, { token });
  checkStatus(first, seeded);
  for (let i = 0; i < WARMUP; i++) await requestOk(server.url, 'GET', path, { token });
  const loadBefore = loadAverage();
  const cpu = cpuMeter({ server: server.pid, mariadb: mariadbPid() });
  const timing = await timeSequential(server.url, path, token);
  const cpuUsed = cpu.stop();
  console.log(`  ${CALLS} calls: p50 ${ms(timing.p50)}, p95 ${ms(timing.p95)}, p99 ${ms(timing.p99)}, max ${ms(timing.max)}; non-200: ${timing.failed}`);
  console.log(`  CPU during the calls: ${describeCpu(cpuUsed, CALLS)}; ${loadBefore} before`);
  timing.serverCpuMs = (1000 * cpuUsed.used.server) / CALLS;
  timing.mariadbCpuMs = (1000 * cpuUsed.used.mariadb) / CALLS;
  await explainStatusQueries(database, seeded);
  if (server.errorLines) console.log(`  server logged ${server.errorLines} error line(s) (kept in ${server.logFile}); last output:\n${server.tail()}`);

  await server.stop();
  if (profileDir) console.log(`  server CPU profile: ${readdirSync(profileDir).map((f) => join(profileDir, f)).join(', ') || 'none written'}`);
  await dropBenchDatabase(database);
  return { households, seedSeconds, counts: seeded.counts, ...timing };
}

// ---------------------------------------------------------------------------------------------
// Seeding

/**
 * Hands out pre-generated UUIDs in ascending order. Inserting rows in primary-key order appends to
 * the clustered index instead of splitting pages at random, which keeps a 1M-row seed far from the
 * 128 MB buffer pool's limits. Ids are still random v4 UUIDs (tallyShard spreads groups as usual);
 * they are merely sorted, which the status endpoint cannot notice.
 */
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

/** Deterministic random numbers (mulberry32), so two runs seed the same answer shares. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Spreads `total` over `parts` as evenly as whole numbers allow (the first ones get the remainder). */
function spread(total, parts) {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/**
 * Multi-row INSERTs over a few connections, each statement its own autocommit transaction.
 * Foreign-key and unique checks are off for these sessions only: the rows are consistent by
 * construction, and the checks would cost a lookup per row.
 */
async function openInserter(database) {
  const connections = [];
  for (let i = 0; i < INSERT_CONNECTIONS; i++) {
    const connection = await databaseConnection(database);
    await connection.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
    connections.push(connection);
  }
  return {
    /** Inserts every row of every job; jobs are { table, columns, rows }. */
    async insert(...jobs) {
      const batches = jobs.flatMap(({ table: name, columns, rows }) => {
        const out = [];
        for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) out.push({ name, columns, rows: rows.slice(i, i + ROWS_PER_INSERT) });
        return out;
      });
      let next = 0;
      await Promise.all(
        connections.map(async (connection) => {
          while (next < batches.length) {
            const { name, columns, rows } = batches[next++];
            await connection.query('INSERT INTO ?? (??) VALUES ?', [name, columns, rows]);
          }
        }),
      );
    },
    async close() {
      await Promise.all(connections.map((c) => c.end()));
    },
  };
}

const SEEDED_TABLES = [
  'street_office', 'community', 'compound', 'staff_account', 'building', 'unit', 'household',
  'consultation', 'consultation_household', 'consultation_group', 'consultation_tally',
];

const COLUMNS = {
  street_office: ['id', 'name'],
  community: ['id', 'name', 'streetOfficeId'],
  compound: ['id', 'name', 'communityId', 'address'],
  staff_account: ['id', 'username', 'displayName', 'passwordHash', 'role', 'scopeType', 'scopeId'],
  building: ['id', 'compoundId', 'name'],
  unit: ['id', 'buildingId', 'compoundId', 'name'],
  household: ['id', 'unitId', 'compoundId', 'room', 'floor', 'areaM2', 'label', 'ownerName', 'phone'],
  consultation: [
    'id', 'compoundId', 'kind', 'title', 'body', 'rule', 'groupBy', 'options', 'disclosures', 'unitIds', 'opensAt', 'deadline', 'status',
    'turnoutPercent', 'ownersOnly', 'visitsBeforeFinal', 'textSha256', 'createdByStaffId', 'publishedAt', 'closedAt',
  ],
  consultation_household: ['consultationId', 'householdId', 'groupId', 'unitId', 'areaCenti', 'ownerKey'],
  consultation_group: [
    'id', 'consultationId', 'groupType', 'placeId', 'label', 'households', 'responded', 'agreed', 'refused', 'abstained', 'missing', 'state', 'reason',
    'leadingOptionId', 'revision',
  ],
  consultation_tally: ['consultationId', 'shard', 'householdsTotal', 'householdsAnswered', 'groupsTotal', 'groupsReached', 'groupsFailed'],
};

/**
 * Writes 1 street office, 4 communities, 40 compounds (buildings, units, households), the street
 * staff account, and per compound one OPEN plumbing application with its electorate, one group per
 * unit and the 8 tally shards. Returns ids and the totals the status must show.
 */
async function seed(database, totalHouseholds) {
  // The server's own rules, from the build, so the seed cannot drift from them.
  const { tallyShard, consultationTextSha256, ownerKey } = await import('../dist/consultations/consultation.rules.js');
  const { TALLY_SHARDS } = await import('../dist/consultations/consultation-tally.entity.js');
  const random = seededRandom(totalHouseholds);
  const householdsPerCompound = spread(totalHouseholds, SHAPE.compounds);
  const unitsPerCompound = householdsPerCompound.map((h) => Math.max(1, Math.round(h / SHAPE.householdsPerUnit)));
  const totalUnits = unitsPerCompound.reduce((a, b) => a + b, 0);
  const totalBuildings = unitsPerCompound.reduce((a, u) => a + Math.ceil(u / SHAPE.unitsPerBuilding), 0);
  const ids = {
    compound: new SortedIds(SHAPE.compounds),
    consultation: new SortedIds(SHAPE.compounds),
    building: new SortedIds(totalBuildings),
    unit: new SortedIds(totalUnits),
    group: new SortedIds(totalUnits),
    household: new SortedIds(totalHouseholds),
  };
  const counts = { buildings: 0, units: 0, households: 0, groups: 0, reached: 0, answered: 0 };
  const now = new Date();
  const opensAt = new Date(now.getTime() - DAY);
  const deadline = new Date(now.getTime() + 30 * DAY);

  const inserter = await openInserter(database);
  try {
    const streetOfficeId = randomUUID();
    const staffId = randomUUID();
    const communityIds = Array.from({ length: SHAPE.communities }, () => randomUUID());
    await inserter.insert(
      { table: 'street_office', columns: COLUMNS.street_office, rows: [[streetOfficeId, '压测街道办事处']] },
      { table: 'community', columns: COLUMNS.community, rows: communityIds.map((id, i) => [id, `压测社区${i + 1}`, streetOfficeId]) },
      {
        table: 'staff_account',
        columns: COLUMNS.staff_account,
        rows: [[staffId, STAFF.username, '压测街道 科长', await bcrypt.hash(STAFF.password, 10), 'STREET', 'STREET_OFFICE', streetOfficeId]],
      },
    );
    const tallyRows = [];
    const compoundRows = [];
    for (let c = 0; c < SHAPE.compounds; c++) {
      const compound = { id: ids.compound.take(), name: `压测${String(c + 1).padStart(2, '0')}小区`, communityId: communityIds[c % SHAPE.communities] };
      compoundRows.push([compound.id, compound.name, compound.communityId, `压测路${c + 1}号`]);
      const rows = placeRows(compound, householdsPerCompound[c], unitsPerCompound[c]);
      const consultation = consultationRow(ids.consultation.take(), compound, staffId, { opensAt, deadline, publishedAt: now }, consultationTextSha256);
      const { groups, electorate } = electorateRows(consultation.id, rows, ids.group, random, ownerKey);
      tallyRows.push(...tallyShardRows(consultation.id, groups, tallyShard, TALLY_SHARDS));
      await inserter.insert(
        { table: 'building', columns: COLUMNS.building, rows: rows.buildings },
        { table: 'unit', columns: COLUMNS.unit, rows: rows.units.map((u) => [u.id, u.buildingId, compound.id, u.name]) },
        { table: 'household', columns: COLUMNS.household, rows: rows.households },
        { table: 'consultation', columns: COLUMNS.consultation, rows: [consultation.row] },
        { table: 'consultation_household', columns: COLUMNS.consultation_household, rows: electorate },
        { table: 'consultation_group', columns: COLUMNS.consultation_group, rows: groups.map((g) => g.row) },
      );
      counts.buildings += rows.buildings.length;
      counts.units += rows.units.length;
      counts.households += rows.households.length;
      counts.groups += groups.length;
      counts.reached += groups.filter((g) => g.state === GroupState.Reached).length;
      counts.answered += groups.reduce((sum, g) => sum + g.responded, 0);
    }
    await inserter.insert(
      { table: 'compound', columns: COLUMNS.compound, rows: compoundRows },
      { table: 'consultation_tally', columns: COLUMNS.consultation_tally, rows: tallyRows },
    );
    // Fresh statistics, as a long-lived database would have; the plans below depend on them.
    const connection = await databaseConnection(database);
    try {
      await connection.query('ANALYZE TABLE street_office, community, compound, consultation, consultation_tally, consultation_group, consultation_household, household, unit');
    } finally {
      await connection.end();
    }
    return { streetOfficeId, counts };
  } finally {
    await inserter.close();
  }

  /** Buildings of 4 units, units of 12 or 13 flats (rooms 101, 102, 201 …), ids in ascending order. */
  function placeRows(compound, householdCount, unitCount) {
    const buildings = [];
    const units = [];
    const households = [];
    const perUnit = spread(householdCount, unitCount);
    for (let u = 0; u < unitCount; u++) {
      if (u % SHAPE.unitsPerBuilding === 0) buildings.push([ids.building.take(), compound.id, `${buildings.length + 1}号楼`]);
      const [buildingId, , buildingName] = buildings.at(-1);
      const unit = { id: ids.unit.take(), buildingId, buildingName, name: `${(u % SHAPE.unitsPerBuilding) + 1}单元`, households: [] };
      units.push(unit);
      for (let k = 0; k < perUnit[u]; k++) {
        const floor = Math.floor(k / 2) + 1;
        const room = `${floor}0${(k % 2) + 1}`;
        const index = counts.households + households.length;
        const household = {
          id: ids.household.take(),
          ownerName: `业主${index + 1}`,
          phone: `139${String(index).padStart(8, '0')}`,
          areaM2: 45 + ((index * 37) % 46) + ((index * 11) % 10) / 10,
        };
        unit.households.push(household);
        households.push([household.id, unit.id, compound.id, room, floor, household.areaM2.toFixed(2), householdLabel(buildingName, unit.name, room), household.ownerName, household.phone]);
      }
    }
    return { buildings, units, households };
  }
}

/** An OPEN PLUMBING_APPLICATION as ConsultationsService.create + publish would leave it. */
function consultationRow(id, compound, staffId, { opensAt, deadline, publishedAt }, consultationTextSha256) {
  const text = {
    title: `${compound.name}楼内上下水管线改造申请`,
    body: '压测用征询：楼内上下水管线改造须经本单元全体住户书面申请后方可实施。',
    rule: 'UNANIMOUS',
    groupBy: 'UNIT',
    options: [],
    disclosures: PLUMBING_DISCLOSURES,
    deadline,
  };
  const row = [
    id, compound.id, 'PLUMBING_APPLICATION', text.title, text.body, text.rule, text.groupBy, JSON.stringify(text.options), JSON.stringify(text.disclosures), null,
    opensAt, deadline, 'OPEN', 50, 1, 3, consultationTextSha256(text), staffId, publishedAt, null,
  ];
  return { id, row };
}

/**
 * One group per unit with counters that the UNANIMOUS rule agrees with: some units fully signed
 * (REACHED), the others a random share answered, now and then with a refusal (still PENDING before
 * the deadline). State, reason and "missing" come from evaluateGroup itself.
 */
function electorateRows(consultationId, rows, groupIds, random, ownerKey) {
  const groups = [];
  const electorate = [];
  for (const unit of rows.units) {
    const id = groupIds.take();
    const n = unit.households.length;
    const reached = random() < REACHED_SHARE;
    const responded = reached ? n : Math.floor(random() * n);
    const refused = !reached && responded > 0 && random() < 0.2 ? 1 : 0;
    const agreed = responded - refused;
    const votes = unit.households.map((h, k) => ({
      householdId: h.id,
      areaCenti: Math.round(h.areaM2 * 100),
      ownerKey: ownerKey(h.ownerName, h.phone, h.id),
      answer: k < agreed ? 'AGREE' : k < responded ? 'REFUSE' : null,
    }));
    const outcome = evaluateGroup('UNANIMOUS', votes, { closed: false });
    const { tally } = outcome;
    const label = `${unit.buildingName}${unit.name}`;
    groups.push({
      id,
      state: outcome.state,
      households: tally.households,
      responded: tally.responded,
      row: [
        id, consultationId, 'UNIT', unit.id, label, tally.households, tally.responded, tally.agreed, tally.refused, tally.abstained, outcome.missing, outcome.state,
        outcome.reason.slice(0, 200), outcome.leadingOptionId, 0,
      ],
    });
    for (const vote of votes) electorate.push([consultationId, vote.householdId, id, unit.id, vote.areaCenti, vote.ownerKey]);
  }
  return { groups, electorate };
}

/** The 8 shard rows, summed from the groups exactly as initialTally and adjustTally would leave them. */
function tallyShardRows(consultationId, groups, tallyShard, shards) {
  const rows = Array.from({ length: shards }, (_, shard) => ({ shard, householdsTotal: 0, householdsAnswered: 0, groupsTotal: 0, groupsReached: 0, groupsFailed: 0 }));
  for (const group of groups) {
    const shard = rows[tallyShard(group.id, shards)];
    shard.householdsTotal += group.households;
    shard.householdsAnswered += group.responded;
    shard.groupsTotal += 1;
    shard.groupsReached += Number(group.state === GroupState.Reached);
    shard.groupsFailed += Number(group.state === GroupState.Failed);
  }
  return rows.map((r) => [consultationId, r.shard, r.householdsTotal, r.householdsAnswered, r.groupsTotal, r.groupsReached, r.groupsFailed]);
}

/**
 * After a bulk load InnoDB writes the dirty pages back in the background for minutes; timing the
 * status meanwhile would measure that flush, not the endpoint. FLUSH TABLES … FOR EXPORT writes
 * this database's dirty pages now, without touching any server-wide setting.
 */
async function flushSeededTables(database) {
  const connection = await databaseConnection(database);
  try {
    await connection.query(`FLUSH TABLES ${SEEDED_TABLES.map((t) => `\`${t}\``).join(', ')} FOR EXPORT`);
    await connection.query('UNLOCK TABLES');
  } finally {
    await connection.end();
  }
}

function describeCounts(counts) {
  const f = (n) => n.toLocaleString('en');
  return `${f(counts.households)} households in ${f(counts.units)} units / ${f(counts.buildings)} buildings / ${SHAPE.compounds} compounds; ${f(counts.groups)} groups (${f(counts.reached)} REACHED), ${f(counts.answered)} households answered`;
}

// ---------------------------------------------------------------------------------------------
// Measuring

/** The status must show exactly what was seeded; a fast wrong answer is no result. */
function checkStatus(status, seeded) {
  const consultations = status.communities.flatMap((c) => c.compounds.flatMap((p) => p.consultations));
  const sum = (pick) => consultations.reduce((total, c) => total + pick(c), 0);
  const seen = {
    consultations: consultations.length,
    households: sum((c) => c.households.total),
    answered: sum((c) => c.households.answered),
    groups: sum((c) => c.groups.total),
    reached: sum((c) => c.groups.reached),
  };
  const want = { consultations: SHAPE.compounds, households: seeded.counts.households, answered: seeded.counts.answered, groups: seeded.counts.groups, reached: seeded.counts.reached };
  const wrong = Object.keys(want).filter((key) => seen[key] !== want[key]);
  if (wrong.length) throw new Error(`status does not match the seed: ${wrong.map((k) => `${k} ${seen[k]} ≠ ${want[k]}`).join(', ')}`);
  console.log(`  status checked: ${seen.consultations} open consultations, ${seen.answered.toLocaleString('en')}/${seen.households.toLocaleString('en')} households answered, ${seen.reached}/${seen.groups} groups reached`);
}

async function timeSequential(url, path, token) {
  const latencies = [];
  let failed = 0;
  for (let i = 0; i < CALLS; i++) {
    const result = await request(url, 'GET', path, { token });
    if (result.status === 200) latencies.push(result.ms);
    else failed++;
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: latencies.at(-1) ?? NaN, failed };
}

/**
 * EXPLAIN of the two queries whose cost could grow with size, written as street-status.service.ts
 * builds them (an approximation: TypeORM's exact SQL may differ in aliases). Evidence that they use
 * indexes and read a fixed number of rows.
 */
async function explainStatusQueries(database, seeded) {
  const connection = await databaseConnection(database);
  try {
    const [communities] = await connection.query('SELECT id FROM community WHERE streetOfficeId = ?', [seeded.streetOfficeId]);
    const [compounds] = await connection.query('SELECT id FROM compound WHERE communityId IN (?)', [communities.map((c) => c.id)]);
    const [consultations] = await connection.query("SELECT id FROM consultation WHERE compoundId IN (?) AND status = 'OPEN'", [compounds.map((c) => c.id)]);
    const queries = {
      consultations: ["SELECT id, compoundId, title, kind, rule, groupBy, status, deadline FROM consultation WHERE compoundId IN (?) AND status = 'OPEN' ORDER BY deadline ASC", [compounds.map((c) => c.id)]],
      tallies: [
        'SELECT consultationId, SUM(householdsTotal), SUM(householdsAnswered), SUM(groupsTotal), SUM(groupsReached), SUM(groupsFailed) FROM consultation_tally WHERE consultationId IN (?) GROUP BY consultationId',
        [consultations.map((c) => c.id)],
      ],
    };
    for (const [name, [sql, params]] of Object.entries(queries)) {
      const [plan] = await connection.query(`EXPLAIN ${sql}`, params);
      console.log(`  EXPLAIN ${name}: ${plan.map((p) => `${p.table} type=${p.type} key=${p.key} rows=${p.rows}${p.Extra ? ` (${p.Extra})` : ''}`).join('; ')}`);
    }
  } finally {
    await connection.end();
  }
}

function printSummary(results) {
  console.log('\nGET /api/street-offices/{id}/status');
  console.log(
    table([
      ['households', 'units', 'seeding', 'p50', 'p95', 'p99', 'server CPU/call', 'MariaDB CPU/call', 'non-200', 'p50 < 50 ms'],
      ...results.map((r) => [
        r.households.toLocaleString('en'),
        r.counts.units.toLocaleString('en'),
        `${num(r.seedSeconds)} s`,
        ms(r.p50),
        ms(r.p95),
        ms(r.p99),
        ms(r.serverCpuMs),
        ms(r.mariadbCpuMs),
        r.failed,
        r.p50 < 50 ? 'yes' : 'NO',
      ]),
    ]),
  );
  if (results.length > 1) {
    const [small, large] = [results[0], results.at(-1)];
    console.log(`p50 ratio ${large.households.toLocaleString('en')} ÷ ${small.households.toLocaleString('en')} households: ${num(large.p50 / small.p50, 2)} (≈ 1 means the cost does not grow with households)`);
  }
  console.log(machineSummary());
  // A missed goal is a figure to read, not a failure; failed requests are.
  if (results.some((r) => r.failed)) process.exitCode = 1;
}
