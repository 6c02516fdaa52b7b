import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { Compound } from '../src/places/compound.entity.js';
import { StaffAccount } from '../src/staff/staff-account.entity.js';
import { structureOf, households } from './support/demo-places.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';

describe('the roster template', () => {
  let t: TestApp;
  let committee: string;

  beforeAll(async () => {
    t = await bootTestApp();
    committee = await staffToken(t, 'committee-demo');
  });

  afterAll(() => t.close());

  const download = (query: string, token = committee) =>
    t.http
      .get(`/api/roster-template${query}`)
      .set(bearer(token))
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });

  /** An empty compound of committee-demo's community, so the template's example row is the only household. */
  async function emptyCompound(name: string): Promise<string> {
    const communityId = (await t.dataSource.getRepository(StaffAccount).findOneByOrFail({ username: 'committee-demo' })).scopeId!;
    return (await t.dataSource.getRepository(Compound).save({ id: randomUUID(), name, address: null, communityId })).id;
  }

  /** The template as downloaded is refused for its example row; with the row filled in for real, it imports. */
  async function uploadBack(bytes: Buffer, filledIn: Buffer, fileName: string) {
    const compoundId = await emptyCompound(`模板测试-${fileName}`);
    const refused = await t.http.post(`/api/compounds/${compoundId}/roster`).set(bearer(committee)).attach('file', bytes, fileName).expect(400);
    expect(refused.body.errors).toEqual([{ row: 2, message: '第 2 行：这是模板里的示例行，请删除或改成真实住户' }]);
    expect(households(await structureOf(t, committee, compoundId))).toHaveLength(0);
    const imported = await t.http.post(`/api/compounds/${compoundId}/roster`).set(bearer(committee)).attach('file', filledIn, fileName).expect(201);
    expect(imported.body).toMatchObject({ created: 1, updated: 0, errors: [] });
    const [household] = households(await structureOf(t, committee, compoundId));
    expect(household).toMatchObject({ label: '1号楼1单元101', room: '101', floor: 1, areaM2: 89.5 });
  }

  it('downloads as CSV in UTF-8 with a byte-order mark, which the import refuses until the example row is filled in', async () => {
    const response = await download('?format=csv').expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="roster-template.csv"; filename*=UTF-8''${encodeURIComponent('住户名单模板.csv')}`);
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('楼栋,单元,房号,楼层,建筑面积,业主姓名,电话\r\n1号楼,1单元,101,1,89.5,张三（示例）,13800000000\r\n');
    await uploadBack(bytes, Buffer.from(bytes.toString('utf8').replace('张三（示例）', '张三')), '住户名单模板.csv');
  });

  it('downloads as XLSX (the default): the roster sheet first, then the notes; the import refuses the example row until it is filled in', async () => {
    for (const query of ['?format=xlsx', '']) {
      const response = await download(query).expect(200);
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('住户名单模板.xlsx')}`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['住户名单', '填写说明']);
      const sheet = workbook.worksheets[0];
      expect([1, 2].map((row) => (sheet.getRow(row).values as unknown[]).slice(1))).toEqual([
        ['楼栋', '单元', '房号', '楼层', '建筑面积', '业主姓名', '电话'],
        ['1号楼', '1单元', '101', 1, 89.5, '张三（示例）', '13800000000'],
      ]);
    }
    const bytes = (await download('?format=xlsx').expect(200)).body as Buffer;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download('?format=xlsx').expect(200)).body);
    workbook.worksheets[0].getCell('F2').value = '张三';
    await uploadBack(bytes, Buffer.from(await workbook.xlsx.writeBuffer()) as Buffer, '住户名单模板.xlsx');
  });

  it('refuses an unknown format in Chinese, and is for those who upload rosters', async () => {
    const refused = await t.http.get('/api/roster-template?format=pdf').set(bearer(committee)).expect(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', message: 'format 只能是 csv、xlsx' });
    await t.http.get('/api/roster-template').set(bearer(await staffToken(t, 'street-demo'))).expect(200);
    await t.http.get('/api/roster-template').set(bearer(await staffToken(t, 'contractor-demo'))).expect(403);
    await t.http.get('/api/roster-template').expect(401);
  });
});
