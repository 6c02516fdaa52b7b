import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { crc32, deflateRawSync } from 'node:zlib';
import { rosterUploadPrefix } from '../src/roster/roster-upload.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';
import { compoundsAs } from './support/demo-places.js';

const HEADER = '楼栋,单元,房号,楼层,建筑面积,业主姓名,电话';
const GOOD_ROWS = ['9,1,101,1,62.5,王建国,13800001111', '9,1,102,1,58,李秀英,', '9号楼,2单元,201,2,71.25,"张,明",010-66001234'];

describe('roster import', () => {
  let t: TestApp;
  let committee: string;
  let compoundId: string;
  /** Uploads this process left in os.tmpdir(), and sheets exceljs spooled to os.tmpdir() (its `tmp-<pid>-…` files). */
  const leftUploads = () => readdirSync(tmpdir()).filter((name) => name.startsWith(rosterUploadPrefix()) || name.startsWith(`tmp-${process.pid}-`));

  beforeAll(async () => {
    t = await bootTestApp();
    committee = await staffToken(t, 'committee-demo');
    compoundId = (await compoundsAs(t, committee)).find((c) => c.name === '幸福苑小区')!.id;
  });

  afterAll(() => t.close());

  // Every way a request ends (201, 400 from the reader, 413, 404, a refused path parameter) leaves no temp file.
  afterEach(() => expect(leftUploads()).toEqual([]));

  const upload = (content: Buffer | string, fileName = 'roster.csv', token = committee) =>
    t.http.post(`/api/compounds/${compoundId}/roster`).set(bearer(token)).attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), fileName);

  async function householdCount(): Promise<number> {
    const [{ count }] = await t.dataSource.query('SELECT COUNT(*) AS count FROM household WHERE compoundId = ?', [compoundId]);
    return Number(count);
  }

  it('imports a good CSV: buildings, units and households appear in the structure', async () => {
    const before = await householdCount();
    const response = await upload(`\uFEFF${[HEADER, ...GOOD_ROWS].join('\r\n')}\r\n`).expect(201);
    expect(response.body).toEqual({ created: 3, updated: 0, unchanged: 0, errors: [] });
    expect(await householdCount()).toBe(before + 3);
    const structure = (await t.http.get(`/api/compounds/${compoundId}/structure`).set(bearer(committee)).expect(200)).body;
    const building9 = structure.buildings.find((b: { name: string }) => b.name === '9号楼');
    expect(building9.units.map((u: { name: string }) => u.name)).toEqual(['1单元', '2单元']);
    expect(building9.units[1].households[0]).toMatchObject({ label: '9号楼2单元201', floor: 2, areaM2: 71.25 });
  });

  it('is idempotent: importing the same file again changes nothing', async () => {
    const before = await householdCount();
    const response = await upload([HEADER, ...GOOD_ROWS].join('\n')).expect(201);
    expect(response.body).toEqual({ created: 0, updated: 0, unchanged: 3, errors: [] });
    expect(await householdCount()).toBe(before);
  });

  it('updates a changed row in place, keeping the household id', async () => {
    const [{ id: idBefore }] = await t.dataSource.query("SELECT id FROM household WHERE label = '9号楼1单元102'");
    const response = await upload([HEADER, '9,1,102,1,60,李秀英,13900002222'].join('\n')).expect(201);
    expect(response.body).toMatchObject({ created: 0, updated: 1 });
    const [row] = await t.dataSource.query("SELECT id, areaM2, phone FROM household WHERE label = '9号楼1单元102'");
    expect(row).toMatchObject({ id: idBefore, phone: '13900002222' });
    expect(Number(row.areaM2)).toBe(60);
  });

  it('lists every bad row in Chinese and writes nothing when any row is bad', async () => {
    const before = await householdCount();
    const content = [HEADER, '10,1,101,1,60,赵一,13800000000', '10,1,102,一楼,60,赵二,', '10,1,103,1,-5,赵三,', '10,1,101,1,60,赵四,', ',1,104,1,60,赵五,', '10,1,105,1,60,赵六,12345'].join('\n');
    const response = await upload(content).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'ROSTER_INVALID', created: 0, updated: 0 });
    expect(response.body.message).toContain('未导入任何数据');
    expect(response.body.errors).toEqual([
      { row: 3, message: expect.stringContaining('楼层“一楼”') },
      { row: 4, message: expect.stringContaining('建筑面积“-5”') },
      { row: 5, message: expect.stringContaining('与第 2 行重复') },
      { row: 6, message: expect.stringContaining('缺少楼栋') },
      { row: 7, message: expect.stringContaining('电话“12345”') },
    ]);
    expect(await householdCount()).toBe(before);
    const [{ count }] = await t.dataSource.query("SELECT COUNT(*) AS count FROM building WHERE name = '10号楼'");
    expect(Number(count)).toBe(0);
  });

  it('imports an XLSX file with columns in another order', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('住户');
    sheet.addRow(['业主姓名', '楼栋', '单元', '房号', '楼层', '建筑面积（㎡）', '联系电话']);
    sheet.addRow(['钱多多', '11号楼', '1单元', '301', 3, 88.8, '13700001234']);
    sheet.addRow(['孙小小', '11号楼', '1单元', '302', 3, 66, '']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await upload(bytes, '名单.xlsx').expect(201);
    expect(response.body).toMatchObject({ created: 2, errors: [] });
    const [row] = await t.dataSource.query("SELECT ownerName, floor FROM household WHERE label = '11号楼1单元301'");
    expect(row).toMatchObject({ ownerName: '钱多多', floor: 3 });
  });

  it('reads a CSV saved by Chinese Excel in GBK', async () => {
    const content = [HEADER, '12,1,101,1,50,周建华,'].join('\n');
    const encoded = Buffer.from(new TextEncoderGbk().encode(content));
    const response = await upload(encoded).expect(201);
    expect(response.body.created).toBe(1);
    const [row] = await t.dataSource.query("SELECT ownerName FROM household WHERE label = '12号楼1单元101'");
    expect(row.ownerName).toBe('周建华');
  });

  it('explains a missing header, an empty file and an unreadable spreadsheet', async () => {
    expect((await upload('房号,楼层\n101,1').expect(400)).body.message).toContain('表头缺少');
    expect((await upload('').expect(400)).body.message).toContain('文件是空的');
    expect((await upload('not a spreadsheet', 'x.xlsx').expect(400)).body.message).toContain('无法读取');
    expect((await t.http.post(`/api/compounds/${compoundId}/roster`).set(bearer(committee)).expect(400)).body.message).toContain('file');
  });

  async function buildingCount(name: string): Promise<number> {
    const [{ count }] = await t.dataSource.query('SELECT COUNT(*) AS count FROM building WHERE compoundId = ? AND name = ?', [compoundId, name]);
    return Number(count);
  }

  /** n good rows for building `building`: rooms 1…n on floor 1. */
  const goodRows = (building: number, n: number) => Array.from({ length: n }, (_, i) => [String(building), '1', String(i + 1), '1', '60', `住户${i}`, '']);

  it('stops reading an XLSX at the first row past 5 000 households: 400, nothing written', async () => {
    const before = await householdCount();
    // Past the limit come 20 MB (unzipped) of blanks: read on, and the answer would be "sheet too large" instead.
    const bytes = xlsxZip(inlineRows([HEADER.split(','), ...goodRows(20, 5001)]) + ' '.repeat(20 * 1024 * 1024));
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const response = await upload(bytes, '名单.xlsx').expect(400);
    expect(response.body).toMatchObject({ code: 'ROSTER_INVALID', created: 0, updated: 0 });
    expect(response.body.message).toContain('文件行数超过上限');
    expect(response.body.message).toContain('一次最多导入 5000 户（第 5002 行已超出）');
    expect(await householdCount()).toBe(before);
    expect(await buildingCount('20号楼')).toBe(0);
  });

  it('stops reading a CSV at the first row past 5 000 households', async () => {
    const before = await householdCount();
    // Row 5 003 has an over-long cell: reaching it would give another message.
    const lines = [HEADER, ...goodRows(21, 5001).map((row) => row.join(',')), `21,1,9999,1,60,${'长'.repeat(5000)},`];
    const response = await upload(lines.join('\n')).expect(400);
    expect(response.body.message).toContain('一次最多导入 5000 户（第 5002 行已超出）');
    expect(await householdCount()).toBe(before);
  });

  it('imports exactly 5 000 households from a sheet with no shared strings (inline text)', async () => {
    const before = await householdCount();
    const response = await upload(xlsxZip(inlineRows([HEADER.split(','), ...goodRows(22, 5000)])), 'r.xlsx').expect(201);
    expect(response.body).toMatchObject({ created: 5000, errors: [] });
    expect(await householdCount()).toBe(before + 5000);
  });

  it('refuses a cell over 1 000 characters, naming its row and column, and writes nothing', async () => {
    const before = await householdCount();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('住户');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['23', '1', '101', 1, 60, '正常', '']);
    sheet.addRow(['23', '1', '102', 1, 60, '名'.repeat(1001), '']);
    const response = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'r.xlsx').expect(400);
    expect(response.body.message).toContain('第 3 行第 6 列的内容超过 1000 个字符');
    expect(response.body.errors).toEqual([{ row: 3, message: expect.stringContaining('第 3 行第 6 列') }]);
    expect(await householdCount()).toBe(before);
    expect(await buildingCount('23号楼')).toBe(0);
  });

  it('refuses a shared-strings bomb (a small file whose text unzips past 16 MB) and writes nothing', async () => {
    const before = await householdCount();
    const strings = [...HEADER.split(','), ...Array.from({ length: 20 }, (_, i) => 'A'.repeat(1024 * 1024) + i)];
    const header = `<row r="1">${HEADER.split(',').map((_, col) => `<c r="${String.fromCharCode(65 + col)}1" t="s"><v>${col}</v></c>`).join('')}</row>`;
    const rows = Array.from({ length: 20 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>24</v></c><c r="B${i + 2}"><v>1</v></c><c r="C${i + 2}"><v>${i + 1}</v></c><c r="D${i + 2}"><v>1</v></c><c r="E${i + 2}"><v>60</v></c><c r="F${i + 2}" t="s"><v>${7 + i}</v></c></row>`);
    const bytes = xlsxZip(header + rows.join(''), strings);
    expect(bytes.length).toBeLessThan(200 * 1024);
    const response = await upload(bytes, 'r.xlsx').expect(400);
    expect(response.body).toMatchObject({ code: 'ROSTER_INVALID', created: 0, updated: 0 });
    expect(response.body.message).toContain('文字内容解压后超过 16 MB');
    expect(await householdCount()).toBe(before);
    expect(await buildingCount('24号楼')).toBe(0);
  });

  it('refuses a sheet that unzips past 16 MB before reaching the row limit', async () => {
    const before = await householdCount();
    const response = await upload(xlsxZip(inlineRows([HEADER.split(','), ...goodRows(25, 10)]) + ' '.repeat(20 * 1024 * 1024)), 'r.xlsx').expect(400);
    expect(response.body.message).toContain('工作表解压后超过 16 MB');
    expect(await householdCount()).toBe(before);
    expect(await buildingCount('25号楼')).toBe(0);
  });

  it('refuses a sheet of more than 100 000 rows even when they are empty', async () => {
    const before = await householdCount();
    const response = await upload(xlsxZip(inlineRows([HEADER.split(','), ...goodRows(26, 10)]) + '<row/>'.repeat(100_000)), 'r.xlsx').expect(400);
    expect(response.body.message).toContain('工作表超过 100000 行（含空行）');
    expect(await householdCount()).toBe(before);
  });

  it('refuses a zip of thousands of entries before reading their headers', async () => {
    const before = await householdCount();
    const filler = Array.from({ length: 1_001 }, (_, i): [string, string] => [`docProps/custom${i}.xml`, '<x/>']);
    const response = await upload(xlsxZip(inlineRows([HEADER.split(','), ...goodRows(28, 10)]), undefined, filler), 'r.xlsx').expect(400);
    expect(response.body.message).toMatch(/XLSX|Excel|文件/);
    expect(await householdCount()).toBe(before);
  });

  it('answers 400, never 500, for a truncated XLSX, and a corrupted one is never a 500', async () => {
    const before = await householdCount();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('住户');
    sheet.addRow(HEADER.split(','));
    for (let i = 1; i <= 50; i++) sheet.addRow(['27', '1', String(i), 1, 60, `住户${i}`, '']);
    const good = Buffer.from(await workbook.xlsx.writeBuffer());
    for (const share of [0.3, 0.6, 0.9, 0.99]) {
      const response = await upload(good.subarray(0, Math.floor(good.length * share)), 'r.xlsx');
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'ROSTER_INVALID' });
    }
    expect(await householdCount()).toBe(before);
    // 64 bytes overwritten here and there: a part the import does not read may be hit (then 201), else 400.
    for (let at = 0.05; at < 1; at += 0.1) {
      const copy = Buffer.from(good);
      copy.fill(0x5a, Math.floor(copy.length * at), Math.floor(copy.length * at) + 64);
      const response = await upload(copy, 'r.xlsx');
      expect([201, 400]).toContain(response.status);
    }
  });

  it('refuses a file over 5 MB with 413 and a readable message', async () => {
    const response = await upload(Buffer.alloc(5 * 1024 * 1024 + 1, 0x41)).expect(413);
    expect(response.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('不能超过 5 MB') });
  });

  it('removes the uploaded file when the compound is out of scope or the id is malformed', async () => {
    const content = [HEADER, ...GOOD_ROWS].join('\n');
    await t.http.post(`/api/compounds/${randomUUID()}/roster`).set(bearer(committee)).attach('file', Buffer.from(content), 'r.csv').expect(404);
    await t.http.post('/api/compounds/not-a-uuid/roster').set(bearer(committee)).attach('file', Buffer.from(content), 'r.csv').expect(404);
  });

  it('is for committee and street staff only', async () => {
    await upload([HEADER, ...GOOD_ROWS].join('\n'), 'r.csv', await staffToken(t, 'contractor-demo')).expect(403);
  });
});

/** Rows as SpreadsheetML with inline strings (no shared strings part), row numbers from 1. */
function inlineRows(rows: string[][]): string {
  const cell = (value: string, col: number, r: number) => `<c r="${String.fromCharCode(65 + col)}${r}" t="inlineStr"><is><t>${value}</t></is></c>`;
  return rows.map((cells, i) => `<row r="${i + 1}">${cells.map((value, col) => cell(value, col, i + 1)).join('')}</row>`).join('');
}

/** A minimal XLSX as Excel orders it (the sheet before the shared strings), built by hand to control every part. */
function xlsxZip(sheetData: string, sharedStrings?: string[], extraParts: Array<[string, string]> = []): Buffer {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const parts: Array<[string, string]> = [
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="住户" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`],
    ['xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><sheetData>${sheetData}</sheetData></worksheet>`],
  ];
  parts.push(...extraParts);
  if (sharedStrings) parts.push(['xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}">${sharedStrings.map((text) => `<si><t>${text}</t></si>`).join('')}</sst>`]);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of parts) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 30); // flags … name length: the same fields, 2 bytes further on
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Encodes the few characters used above as GBK, via a lookup built from the GB18030 decoder. */
class TextEncoderGbk {
  private readonly table = new Map<string, number[]>();
  constructor() {
    const decoder = new TextDecoder('gb18030');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        const char = decoder.decode(Uint8Array.from([hi, lo]));
        if (char.length === 1 && !this.table.has(char)) this.table.set(char, [hi, lo]);
      }
    }
  }
  encode(text: string): number[] {
    return [...text].flatMap((char) => (char.charCodeAt(0) < 0x80 ? [char.charCodeAt(0)] : this.table.get(char)!));
  }
}
