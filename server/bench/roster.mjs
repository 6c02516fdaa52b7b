#!/usr/bin/env node
/**
 * npm run bench:roster [-- --mb 4.9 --bomb-mb 200 --poll-ms 20]
 *
 * What does a roster upload cost the server, and does the rest of the API keep answering while it
 * runs? For each file below, a fresh built server (so its peak RSS is the upload's own) is started
 * on one throw-away database, committee-demo uploads the file while /api/health is polled back to
 * back, and the script prints the answer, the server's peak RSS growth (VmHWM minus VmRSS before the
 * upload, from /proc) and the health latencies seen during the upload.
 *
 * Files (built here, nothing is read from disk):
 * - roster-5000: a good roster at the row limit (5 000 households) → 201.
 * - rows-<mb>MB: a careless committee's export, roster rows until the XLSX is about <mb> MB → 400.
 * - bomb-<n>MB: a tiny XLSX whose shared strings unzip to <n> MB (the zip-bomb vector) → 400.
 * Goal: every upload answered (no 5xx), health max < 200 ms, peak RSS growth < 100 MB.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { crc32, deflateRawSync } from 'node:zlib';
import {
  createBenchDatabase,
  loadAverage,
  machineSummary,
  ms,
  onCleanup,
  percentile,
  performance,
  request,
  requireBuiltServer,
  runBenchmark,
  staffLogin,
  startServer,
  table,
} from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    mb: { type: 'string', default: '4.9' },
    'bomb-mb': { type: 'string', default: '200' },
    'poll-ms': { type: 'string', default: '0' },
    'time-limit-minutes': { type: 'string', default: '15' },
  },
});
const TARGET_BYTES = Number(args.mb) * 2 ** 20;
const BOMB_MB = Number(args['bomb-mb']);
const POLL_GAP_MS = Number(args['poll-ms']);
const GOALS = { healthMaxMs: 200, rssGrowthMb: 100 };
const HEADER = ['楼栋', '单元', '房号', '楼层', '建筑面积', '业主姓名', '电话'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '建国秀英明华丽军芳伟敏静强磊洋艳勇杰娟涛超霞平刚桂英';

runBenchmark('bench:roster', main, { timeLimitMs: Number(args['time-limit-minutes']) * 60_000 });

async function main() {
  requireBuiltServer();
  console.log(`bench:roster — ${machineSummary()}, ${loadAverage()}`);
  const dir = mkdtempSync(join(tmpdir(), 'linyi-bench-roster-'));
  onCleanup(`remove ${dir}`, () => rmSync(dir, { recursive: true, force: true }));

  const files = [
    { name: 'roster-5000', path: await writeRoster(join(dir, 'roster-5000.xlsx'), 5000) },
    { name: `rows-${args.mb}MB`, path: await writeRosterOfSize(join(dir, 'rows.xlsx'), TARGET_BYTES) },
    { name: `bomb-${BOMB_MB}MB`, path: writeSharedStringsBomb(join(dir, 'bomb.xlsx'), BOMB_MB) },
  ];
  const database = await createBenchDatabase('linyi_bench_roster');
  const rows = [['file', 'size', 'answer', 'upload', 'RSS before', 'peak RSS', 'growth', 'health polls', 'health p50', 'health max']];
  let failed = false;
  for (const file of files) {
    const result = await measure(database, file);
    rows.push([
      file.name,
      `${(statSync(file.path).size / 2 ** 20).toFixed(2)} MB`,
      result.answer,
      ms(result.uploadMs),
      mb(result.rssBefore),
      mb(result.peak),
      mb(result.peak - result.rssBefore),
      result.health.length,
      ms(percentile(result.health, 50)),
      ms(result.health.at(-1)),
    ]);
    if (result.status >= 500 || result.health.at(-1) > GOALS.healthMaxMs || (result.peak - result.rssBefore) / 2 ** 20 > GOALS.rssGrowthMb) failed = true;
  }
  console.log(`\n${table(rows)}\n`);
  console.log(`goals: no 5xx, health max < ${GOALS.healthMaxMs} ms, peak RSS growth < ${GOALS.rssGrowthMb} MB: ${failed ? 'MISSED' : 'met'}`);
  if (failed) process.exitCode = 1;
}

/** One fresh server per file, so that VmHWM (peak RSS since start) is this upload's peak. */
async function measure(database, file) {
  const server = await startServer({ database, env: { SEED_DEMO: '1' }, label: file.name.replace(/[^a-z0-9]/gi, '_').toLowerCase() });
  try {
    const token = await staffLogin(server.url, 'committee-demo', 'linyi-demo');
    const compounds = (await request(server.url, 'GET', '/api/compounds', { token })).body;
    const compoundId = compounds[0].id;
    await request(server.url, 'GET', '/api/health');
    const rssBefore = memory(server.pid).rss;
    const form = new FormData();
    form.append('file', new Blob([readFileSync(file.path)]), `${file.name}.xlsx`);
    const started = performance.now();
    let done = false;
    const upload = fetch(`${server.url}/api/compounds/${compoundId}/roster`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
      signal: AbortSignal.timeout(300_000),
    })
      .then(async (response) => ({ status: response.status, body: await response.json().catch(() => null) }))
      .catch((error) => ({ status: 0, body: { message: String(error?.message ?? error) } }))
      .finally(() => (done = true));
    const health = [];
    while (!done) {
      const { ms: took } = await request(server.url, 'GET', '/api/health', { timeoutMs: 120_000 });
      health.push(took);
      if (POLL_GAP_MS) await new Promise((resolve) => setTimeout(resolve, POLL_GAP_MS));
    }
    const { status, body } = await upload;
    const uploadMs = performance.now() - started;
    const peak = memory(server.pid).hwm;
    health.sort((a, b) => a - b);
    const answer = status === 201 ? `201 created ${body.created}` : `${status} ${String(body?.message ?? '').slice(0, 40)}`;
    return { status, answer, uploadMs, rssBefore, peak, health };
  } finally {
    await server.stop();
  }
}

/** VmRSS and VmHWM (peak RSS) of a process, in bytes. */
function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

const mb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 2 ** 20).toFixed(0)} MB` : 'n/a');

/** Roster rows as a committee types them: distinct flats, random names, areas and mobile numbers. */
function rosterRow(i) {
  const building = Math.floor(i / 96) + 1;
  const unit = (Math.floor(i / 24) % 4) + 1;
  const floor = (Math.floor(i / 4) % 6) + 1;
  const room = `${floor}0${(i % 4) + 1}`;
  const name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + (i % 3 ? GIVEN[(i * 13) % GIVEN.length] : '');
  const phone = `13${String(100000000 + ((i * 7919) % 900000000)).padStart(9, '0')}`;
  return [`${building}号楼`, `${unit}单元`, room, floor, Math.round(5000 + ((i * 37) % 7000)) / 100, name, phone];
}

async function writeRoster(path, count) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = workbook.addWorksheet('住户');
  sheet.addRow(HEADER).commit();
  for (let i = 0; i < count; i++) sheet.addRow(rosterRow(i)).commit();
  await workbook.commit();
  return path;
}

/** Writes a sample, then scales the row count so that the file lands near the target size. */
async function writeRosterOfSize(path, targetBytes) {
  const sample = 20_000;
  await writeRoster(path, sample);
  const count = Math.round((sample * targetBytes) / statSync(path).size);
  return writeRoster(path, count);
}

/**
 * A valid XLSX: a roster header and 5 000 rows whose name cells each point to one of a few shared
 * strings of `expandMb / strings` MB each. The file is about 1 000 times smaller than what it unzips to.
 */
function writeSharedStringsBomb(path, expandMb, strings = 20) {
  const chunk = 'A'.repeat(Math.round((expandMb * 2 ** 20) / strings));
  const shared = [...HEADER, ...Array.from({ length: strings }, (_, i) => chunk + i)];
  const cell = (ref, index) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
  const rowsXml = [`<row r="1">${HEADER.map((_, col) => cell(`${'ABCDEFG'[col]}1`, col)).join('')}</row>`];
  for (let r = 2; r <= 5001; r++) {
    rowsXml.push(`<row r="${r}"><c r="A${r}"><v>1</v></c><c r="B${r}"><v>1</v></c><c r="C${r}"><v>${r}</v></c><c r="D${r}"><v>1</v></c><c r="E${r}"><v>60</v></c>${cell(`F${r}`, HEADER.length + (r % strings))}</row>`);
  }
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  writeZip(path, [
    ['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="住户" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`],
    // Excel's own order: the sheet before the shared strings.
    ['xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}"><sheetData>${rowsXml.join('')}</sheetData></worksheet>`],
    ['xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`],
  ]);
  return path;
}

/** A plain deflate zip (no zip64): local headers, central directory, end record. */
function writeZip(path, entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name, 'utf8');
    const fields = (header) => {
      header.writeUInt16LE(0x0800, header === local ? 6 : 8); // UTF-8 names
      const at = header === local ? 8 : 10;
      header.writeUInt16LE(8, at); // deflate
      header.writeUInt16LE(0, at + 2);
      header.writeUInt16LE(0x21, at + 4); // 1980-01-01
      header.writeUInt32LE(crc32(data), at + 6);
      header.writeUInt32LE(packed.length, at + 10);
      header.writeUInt32LE(data.length, at + 14);
      header.writeUInt16LE(nameBytes.length, at + 18);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    fields(local);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    fields(central);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(path, Buffer.concat([...locals, directory, end]));
}
