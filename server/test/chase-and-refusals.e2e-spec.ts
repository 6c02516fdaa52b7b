import ExcelJS from 'exceljs';
import { GroupState } from '@linyi/shared';
import { apply, bindResident, groupsOf, openConsultation } from './support/consent.js';
import { compoundsAs, structureOf } from './support/demo-places.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';

describe('chase list, home visits and final refusals', () => {
  let t: TestApp;
  let committee: string;
  let compoundId: string;
  let units: Array<{ id: string; households: Array<{ id: string; label: string }> }>;
  let consultationId: string;
  let owners: string[];

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    committee = await staffToken(t, 'committee-demo');
    compoundId = (await compoundsAs(t, committee)).find((c) => c.name === '幸福苑小区')!.id;
    units = (await structureOf(t, committee, compoundId)).buildings[0].units;
    consultationId = (await openConsultation(t, committee, { compoundId, unitIds: units.map((u) => u.id) })).id;
    owners = await Promise.all(units[0].households.map((h, i) => bindResident(t, committee, h.id, `chase-owner-${i}`)));
    // Unit 1: 10 of 12 applied, one refuses. Unit 2: nobody yet.
    for (let i = 0; i < 10; i++) await apply(t, owners[i], consultationId, units[0].households[i].id).expect(200);
    await apply(t, owners[10], consultationId, units[0].households[10].id, { answer: 'REFUSE', signaturePng: undefined, acknowledgedDisclosureIds: [] }).expect(200);
  }, 60_000);

  afterAll(() => t.close());

  const outstanding = async () => (await t.http.get(`/api/consultations/${consultationId}/outstanding`).set(bearer(committee)).expect(200)).body;
  const visit = (householdId: string, outcome: string, note = '上门沟通') =>
    t.http.post(`/api/households/${householdId}/visits`).set(bearer(committee)).send({ consultationId, outcome, note });

  it('lists, unit by unit and closest to unanimity first, who has not applied, with phone and answer', async () => {
    const list = await outstanding();
    expect(list.map((u: { label: string; missing: number }) => [u.label, u.missing])).toEqual([
      ['1号楼1单元', 2],
      ['1号楼2单元', 12],
    ]);
    expect(list[0].households).toEqual([
      expect.objectContaining({ householdId: units[0].households[10].id, answer: 'REFUSE', visits: 0, lastContactAt: null, phone: expect.stringMatching(/^1\d{10}$/) }),
      expect.objectContaining({ householdId: units[0].households[11].id, answer: null }),
    ]);
  });

  it('records visits and shows their count and last contact', async () => {
    const refuser = units[0].households[10].id;
    const recorded = await visit(refuser, 'REFUSED', '担心停水，解释了临时供水点').expect(201);
    expect(recorded.body).toMatchObject({ outcome: 'REFUSED', householdId: refuser, staffId: expect.any(String) });
    expect((await visit(refuser, 'MAYBE').expect(400)).body.message).toContain('上门结果只能是');
    await t.http.post(`/api/households/${refuser}/visits`).set(bearer(owners[0])).send({ consultationId, outcome: 'REFUSED', note: 'x' }).expect(403);
    const entry = (await outstanding())[0].households[0];
    expect(entry).toMatchObject({ visits: 1, lastContactAt: recorded.body.visitedAt });
    // The visit note stays readable afterwards, with who went.
    const history = await t.http.get(`/api/households/${refuser}/visits?consultationId=${consultationId}`).set(bearer(committee)).expect(200);
    expect(history.body).toEqual([expect.objectContaining({ note: '担心停水，解释了临时供水点', staffName: '光明社区 李主任' })]);
  });

  it('lets staff mark a refusal final only after the required visits; the unit then fails with the reason and a written notice', async () => {
    const refuser = units[0].households[10].id;
    const early = await t.http.post(`/api/consultations/${consultationId}/households/${refuser}/final-refusal`).set(bearer(committee)).expect(409);
    expect(early.body.message).toContain('至少 3 次');
    await visit(refuser, 'NOT_HOME', '不在家').expect(201);
    await visit(refuser, 'REFUSED', '仍不同意').expect(201);
    await t.http.post(`/api/consultations/${consultationId}/households/${refuser}/final-refusal`).set(bearer(committee)).expect(409);
    await visit(refuser, 'REFUSED', '第三次仍不同意，已告知后果').expect(201);
    const final = await t.http.post(`/api/consultations/${consultationId}/households/${refuser}/final-refusal`).set(bearer(committee)).expect(200);
    expect(final.body.groupState).toBe(GroupState.Failed);
    expect(final.body.noticeText).toContain('幸福苑小区1号楼1单元');
    expect(final.body.noticeText).toContain('“十四五”期间政府不再安排资金');
    const [group] = await groupsOf(t, committee, consultationId);
    expect(group).toMatchObject({ label: '1号楼1单元', state: GroupState.Failed, reason: expect.stringContaining('多次上门沟通仍不同意') });
    expect((await outstanding())[0].households[0]).toMatchObject({ finalRefusal: true, visits: 4 });
  });

  it('lets the unit recover if the household changes its mind', async () => {
    await apply(t, owners[10], consultationId, units[0].households[10].id).expect(200);
    const response = await apply(t, owners[11], consultationId, units[0].households[11].id).expect(200);
    expect(response.body.groupState).toBe(GroupState.Reached);
    expect((await outstanding()).map((u: { label: string }) => u.label)).toEqual(['1号楼2单元']);
  });

  it('downloads the chase list as an Excel file', async () => {
    const response = await t.http.get(`/api/consultations/${consultationId}/outstanding?format=xlsx`).set(bearer(committee)).buffer(true).parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(['单元', '房屋', '电话', '上门次数']));
    expect(sheet.rowCount).toBe(2 + 12);
    expect(sheet.getRow(3).getCell(1).text).toBe('1号楼2单元');
  });

  it('keeps the chase list for committee and street staff', async () => {
    await t.http.get(`/api/consultations/${consultationId}/outstanding`).set(bearer(owners[0])).expect(403);
    await t.http.get(`/api/consultations/${consultationId}/outstanding`).set(bearer(await staffToken(t, 'committee2-demo'))).expect(404);
    await t.http.get(`/api/consultations/${consultationId}/outstanding`).set(bearer(await staffToken(t, 'street-demo'))).expect(200);
  });
});
