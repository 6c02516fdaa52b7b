import ExcelJS from 'exceljs';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';
import { compoundsAs } from './support/demo-places.js';

const HEADER = '楼栋,单元,房号,楼层,建筑面积,业主姓名,电话';
const GOOD_ROWS = ['9,1,101,1,62.5,王建国,13800001111', '9,1,102,1,58,李秀英,', '9号楼,2单元,201,2,71.25,"张,明",010-66001234'];

describe('roster import', () => {
  let t: TestApp;
  let committee: string;
  let compoundId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    committee = await staffToken(t, 'committee-demo');
    compoundId = (await compoundsAs(t, committee)).find((c) => c.name === '幸福苑小区')!.id;
  });

  afterAll(() => t.close());

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

  it('is for committee and street staff only', async () => {
    await upload([HEADER, ...GOOD_ROWS].join('\n'), 'r.csv', await staffToken(t, 'contractor-demo')).expect(403);
  });
});

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
