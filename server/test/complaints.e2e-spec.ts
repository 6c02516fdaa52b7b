import { ComplaintStatus, ComplaintTopic, type ComplaintView, type StreetComplaintsRow } from '@linyi/shared';
import { createHash } from 'node:crypto';
import { Complaint } from '../src/complaints/complaint.entity.js';
import type { Household } from '../src/places/household.entity.js';
import { contractorOf } from './support/acceptance-fixtures.js';
import { bindResident } from './support/consent.js';
import { compoundsAs } from './support/demo-places.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';
import { binary, shanghai } from './support/warranty-fixtures.js';
import { demoUnit } from './support/works-fixtures.js';

/** A JPEG as the server checks one (magic bytes and some body): the bytes the household gets back must be these. */
const JPEG_BYTES = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 7), Buffer.from([0xff, 0xd9])]);
const JPEG = `data:image/jpeg;base64,${JPEG_BYTES.toString('base64')}`;
const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * Complaints and suggestions (问计于民, issue 12): a bound resident files one for their household,
 * with an optional photo that only the household and the staff who see complaints may fetch; the
 * committee answers once; the street sees per compound how many are open and for how long.
 * Through the HTTP API on real MariaDB, on the fake clock.
 */
describe('complaints (MariaDB)', () => {
  let t: TestApp;
  let committee: string, committee2: string, street: string, contractor: string;
  let compoundId: string;
  let streetOfficeId: string;
  let flats: Household[];
  // residents[0] and residents[1] are bound to flats[0] and flats[1] of 光明里小区 3号楼1单元.
  let residents: string[];

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    t.clock.set(shanghai('2026-12-01T10:00:00'));
    [committee, committee2, street] = await Promise.all(['committee-demo', 'committee2-demo', 'street-demo'].map((u) => staffToken(t, u)));
    streetOfficeId = (await t.http.post('/api/auth/staff/login').send({ username: 'street-demo', password: 'linyi-demo' })).body.staff.scope.id;
    const unit = await demoUnit(t.dataSource, '3号楼1单元');
    compoundId = unit.compound.id;
    flats = unit.households;
    contractor = await contractorOf(t, compoundId, 'contractor-complaints');
    residents = [await bindResident(t, committee, flats[0].id, 'complaints-resident-0'), await bindResident(t, committee, flats[1].id, 'complaints-resident-1', 'TENANT')];
  }, 90_000);

  afterAll(() => t.close());

  beforeEach(async () => {
    await t.dataSource.getRepository(Complaint).createQueryBuilder().delete().execute();
    t.clock.set(shanghai('2026-12-01T10:00:00'));
  });

  const file = (token: string, body: Record<string, unknown>) => t.http.post('/api/complaints').set(bearer(token)).send(body);
  const mine = async (token: string): Promise<ComplaintView[]> => (await t.http.get('/api/me/complaints').set(bearer(token)).expect(200)).body;
  const listOf = async (token: string, query = ''): Promise<ComplaintView[]> => (await t.http.get(`/api/compounds/${compoundId}/complaints${query}`).set(bearer(token)).expect(200)).body;
  const photo = (token: string, id: string) => t.http.get(`/api/complaints/${id}/photo`).set(bearer(token)).buffer(true).parse(binary);
  const reply = (token: string, id: string, text: string) => t.http.put(`/api/complaints/${id}/reply`).set(bearer(token)).send({ reply: text });
  const auditOf = async (householdId: string, action: string) =>
    ((await t.dataSource.query('SELECT actor, payload FROM audit_entry WHERE chainKey = ? AND action = ? ORDER BY seq', [`household:${householdId}`, action])) as Array<{ actor: string; payload: string }>).map((row) => ({ actor: row.actor, payload: JSON.parse(row.payload) }));

  it('files a complaint with a photo, shows it to the household, and records the text and photo hashes', async () => {
    const created = await file(residents[0], { householdId: flats[0].id, topic: ComplaintTopic.Works, text: '  楼门口的建筑垃圾堆了一周  ', photo: JPEG }).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      compoundId,
      householdId: flats[0].id,
      householdLabel: flats[0].label,
      topic: 'WORKS',
      text: '楼门口的建筑垃圾堆了一周',
      hasPhoto: true,
      status: 'OPEN',
      reply: null,
      repliedAt: null,
      createdAt: shanghai('2026-12-01T10:00:00').toISOString().replace(/\.\d+Z$/, '.000Z'),
    });
    expect((await mine(residents[0])).map((c) => c.id)).toEqual([created.body.id]);
    expect(await mine(residents[1])).toEqual([]);
    const [entry] = (await auditOf(flats[0].id, 'COMPLAINT_FILED')).filter((e) => e.payload.complaintId === created.body.id);
    expect(entry).toEqual({ actor: expect.stringMatching(/^resident:/), payload: { complaintId: created.body.id, topic: 'WORKS', textSha256: sha('楼门口的建筑垃圾堆了一周'), photoSha256: sha(JPEG_BYTES), by: 'RESIDENT' } });
  });

  it('shows the photo to the household and the committee and street only', async () => {
    const { id } = (await file(residents[0], { householdId: flats[0].id, topic: ComplaintTopic.Works, text: '楼道墙皮脱落', photo: JPEG }).expect(201)).body;
    for (const token of [residents[0], committee, street]) {
      const response = await photo(token, id).expect(200);
      expect(response.headers['content-type']).toBe('image/jpeg');
      expect(Buffer.compare(response.body as Buffer, JPEG_BYTES)).toBe(0);
    }
    // A neighbour in the same compound and another community's committee: as if it did not exist; the crew may not look.
    for (const token of [residents[1], committee2]) expect((await photo(token, id).expect(404)).headers['content-type']).toMatch(/json/);
    await photo(contractor, id).expect(403);
    const plain = (await file(residents[0], { householdId: flats[0].id, topic: ComplaintTopic.Other, text: '没有照片' }).expect(201)).body;
    expect(plain.hasPhoto).toBe(false);
    await photo(residents[0], plain.id).expect(404);
  });

  it('refuses what is not a complaint (400), a household the resident is not bound to (404), and staff filing (403)', async () => {
    const base = { householdId: flats[0].id, topic: ComplaintTopic.Plan, text: '方案里没有加装电梯' };
    const bad: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...base, text: '   ' }, /请写下您的意见或建议/],
      [{ ...base, text: '长'.repeat(501) }, /1 到 500 个字/],
      [{ ...base, topic: 'NOISE' }, /请选择类别/],
      [{ ...base, photo: 'data:image/png;base64,aGVsbG8=' }, /照片必须是 PNG 或 JPEG 图片/],
      [{ ...base, photo: null }, /不能为 null/],
      [{ ...base, householdId: 'x' }, /householdId 格式不正确/],
    ];
    for (const [body, message] of bad) expect((await file(residents[0], body).expect(400)).body.message).toMatch(message);
    await file(residents[1], base).expect(404);
    await file(committee, base).expect(403);
    expect(await mine(residents[0])).toEqual([]);
  });

  it('lists open complaints first, oldest first, takes one reply, and shows it to the household', async () => {
    const ids: string[] = [];
    for (const [i, text] of ['第一条', '第二条', '第三条'].entries()) {
      ids.push((await file(residents[i % 2], { householdId: flats[i % 2].id, topic: ComplaintTopic.Works, text }).expect(201)).body.id);
      t.clock.advance(3600_000);
    }
    const answered = await reply(committee, ids[0], '  已通知施工单位本周清运  ').expect(200);
    expect(answered.body).toMatchObject({ id: ids[0], status: 'REPLIED', reply: '已通知施工单位本周清运', repliedAt: expect.any(String) });
    expect((await listOf(committee)).map((c) => c.id)).toEqual([ids[1], ids[2], ids[0]]);
    expect((await listOf(street, '?status=OPEN')).map((c) => c.id)).toEqual([ids[1], ids[2]]);
    expect((await listOf(committee, '?status=REPLIED')).map((c) => c.id)).toEqual([ids[0]]);
    expect((await t.http.get(`/api/compounds/${compoundId}/complaints?status=DONE`).set(bearer(committee)).expect(400)).body.message).toMatch(/status 只能是 OPEN、REPLIED/);
    await t.http.get(`/api/compounds/${compoundId}/complaints`).set(bearer(committee2)).expect(404);
    await t.http.get(`/api/compounds/${compoundId}/complaints`).set(bearer(contractor)).expect(403);

    const again = await reply(committee, ids[0], '再说一遍').expect(409);
    expect(again.body).toMatchObject({ code: 'COMPLAINT_ALREADY_REPLIED', message: expect.stringContaining('已经答复过了') });
    await reply(street, ids[1], '街道答复').expect(403);
    await reply(committee2, ids[1], '别的社区').expect(404);
    expect((await reply(committee, ids[1], '   ').expect(400)).body.message).toMatch(/请写下答复内容/);
    const [seen] = (await mine(residents[0])).filter((c) => c.id === ids[0]);
    expect(seen).toMatchObject({ status: ComplaintStatus.Replied, reply: '已通知施工单位本周清运' });
    expect((await auditOf(flats[0].id, 'COMPLAINT_REPLIED')).filter((e) => e.payload.complaintId === ids[0])).toEqual([{ actor: expect.stringMatching(/^staff:/), payload: { complaintId: ids[0], replySha256: sha('已通知施工单位本周清运'), by: 'STAFF' } }]);
  });

  it('takes one of two replies given at the same moment', async () => {
    const { id } = (await file(residents[0], { householdId: flats[0].id, topic: ComplaintTopic.Other, text: '同时答复' }).expect(201)).body;
    const statuses = (await Promise.all(['答复甲', '答复乙', '答复丙', '答复丁'].map((text) => reply(committee, id, text)))).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409]);
    expect((await auditOf(flats[0].id, 'COMPLAINT_REPLIED')).filter((e) => e.payload.complaintId === id)).toHaveLength(1);
  });

  it('gives the street each compound\'s open count and how many Beijing days the oldest has waited', async () => {
    t.clock.set(shanghai('2026-12-01T22:00:00'));
    await file(residents[0], { householdId: flats[0].id, topic: ComplaintTopic.Works, text: '最早的一条' }).expect(201);
    t.clock.set(shanghai('2026-12-03T09:00:00'));
    const later = (await file(residents[1], { householdId: flats[1].id, topic: ComplaintTopic.Works, text: '后来的一条' }).expect(201)).body;
    await reply(committee, later.id, '已处理').expect(200);
    t.clock.set(shanghai('2026-12-05T08:00:00'));

    const rows: StreetComplaintsRow[] = (await t.http.get(`/api/street-offices/${streetOfficeId}/complaints`).set(bearer(street)).expect(200)).body;
    const names = (await compoundsAs(t, street)).map((c) => c.name).sort();
    expect(rows.map((r) => r.compoundName).sort()).toEqual(names);
    expect(rows.find((r) => r.compoundId === compoundId)).toEqual({ compoundId, compoundName: '光明里小区', communityName: '光明社区', open: 1, oldestOpenAt: shanghai('2026-12-01T22:00:00').toISOString(), oldestOpenDays: 4 });
    expect(rows.filter((r) => r.compoundId !== compoundId).every((r) => r.open === 0 && r.oldestOpenAt === null && r.oldestOpenDays === null)).toBe(true);

    await t.http.get(`/api/street-offices/${streetOfficeId}/complaints`).set(bearer(committee)).expect(403);
    await t.http.get('/api/street-offices/00000000-0000-4000-8000-000000000000/complaints').set(bearer(street)).expect(404);
  });
});
