import { PLUMBING_DISCLOSURES, REFUSAL_NOTICE_TITLE, type AnswerHistory, type CompoundBoards, type RefusalNoticeView } from '@linyi/shared';
import { createHash } from 'node:crypto';
import { apply, bindResident, openConsultation, SIGNATURE } from './support/consent.js';
import { compoundsAs, structureOf } from './support/demo-places.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';
import { binary, pdfText } from './support/warranty-fixtures.js';

const squeezed = (text: string) => text.replace(/\s+/g, '');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Printable records (issue 12, design part B): the written application as signed, with every
 * acknowledged disclosure and its evidence hash; the final-refusal notice stored and delivered to
 * the household's inbox.
 */
describe('printable records: the signed application and the final-refusal notice', () => {
  let t: TestApp;
  let committee: string;
  let committee2: string;
  let street: string;
  let contractor: string;
  let consultationId: string;
  let flats: Array<{ id: string; label: string }>;
  let owner: string;
  let refuserOwner: string;
  let neighbour: string;

  const applicationPdf = (token: string, householdId: string, id = consultationId) =>
    t.http.get(`/api/consultations/${id}/responses/${householdId}/application.pdf`).set(bearer(token)).buffer(true).parse(binary);
  const noticeUrl = (householdId: string) => `/api/consultations/${consultationId}/households/${householdId}/refusal-notice`;
  const visit = (householdId: string, outcome: string) => t.http.post(`/api/households/${householdId}/visits`).set(bearer(committee)).send({ consultationId, outcome, note: '上门沟通' }).expect(201);
  const markFinal = (householdId: string) => t.http.post(`/api/consultations/${consultationId}/households/${householdId}/final-refusal`).set(bearer(committee));
  const currentAnswer = async (householdId: string) => ((await t.http.get(`/api/consultations/${consultationId}/responses/${householdId}`).set(bearer(committee)).expect(200)).body as AnswerHistory).current!;

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    [committee, committee2, street, contractor] = await Promise.all(['committee-demo', 'committee2-demo', 'street-demo', 'contractor-demo'].map((u) => staffToken(t, u)));
    const compoundId = (await compoundsAs(t, committee)).find((c) => c.name === '幸福苑小区')!.id;
    const unit = (await structureOf(t, committee, compoundId)).buildings[0].units[0];
    flats = unit.households;
    consultationId = (await openConsultation(t, committee, { compoundId, unitIds: [unit.id] })).id;
    owner = await bindResident(t, committee, flats[0].id, 'records-owner');
    refuserOwner = await bindResident(t, committee, flats[1].id, 'records-refuser');
    neighbour = await bindResident(t, committee, flats[2].id, 'records-neighbour');
    await apply(t, owner, consultationId, flats[0].id).expect(200);
    await apply(t, refuserOwner, consultationId, flats[1].id, { answer: 'REFUSE', signaturePng: undefined, acknowledgedDisclosureIds: [] }).expect(200);
  }, 60_000);

  afterAll(() => t?.close());

  describe('the signed application', () => {
    it('prints the consultation text, every acknowledged disclosure in full, the answer, the time and the evidence hash of that answer', async () => {
      const answer = await currentAnswer(flats[0].id);
      const response = await applicationPdf(owner, flats[0].id).expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(response.body as Buffer);
      // The disclosures as this consultation states them (the emergency phone is the compound's).
      const { disclosures } = (await t.http.get(`/api/consultations/${consultationId}`).set(bearer(owner)).expect(200)).body as { disclosures: Array<{ id: string; text: string }> };
      expect(disclosures.map((d) => d.id).sort()).toEqual(PLUMBING_DISCLOSURES.map((d) => d.id).sort());
      for (const disclosure of disclosures) expect(text).toContain(squeezed(disclosure.text));
      expect(text).toContain(answer.evidenceSha256);
      expect(text).toContain(`幸福苑小区${squeezed(flats[0].label)}`);
      expect(text).toContain('请阅读告知事项后签名申请。');
      expect(text).toContain('意见：同意');
      expect(text).toContain('线上签名');
      expect(text).toContain('与证据哈希一致');
      expect(text).toContain('（北京时间）');
      // The signer's ids and the image hash are printed, so the hash can be recomputed from the paper.
      expect(text).toContain(answer.signatureSha256!);
      expect(text).toContain(answer.residentId!);
      expect(text).toContain('签名检查点');
    });

    it('embeds the signature image as stored', async () => {
      const bytes = (await applicationPdf(committee, flats[0].id).expect(200)).body as Buffer;
      // pdfkit keeps a PNG's pixel data as an image XObject: one is there.
      expect(bytes.toString('latin1')).toMatch(/\/Subtype \/Image/);
    });

    it('says a paper answer is paper, prints the entering staff member and the scan', async () => {
      await t.http.put(`/api/consultations/${consultationId}/responses/${flats[3].id}`).set(bearer(committee)).send({ answer: 'AGREE', channel: 'PAPER', paperScanPng: SIGNATURE, acknowledgedDisclosureIds: PLUMBING_DISCLOSURES.map((d) => d.id) }).expect(200);
      const answer = await currentAnswer(flats[3].id);
      const bytes = (await applicationPdf(street, flats[3].id).expect(200)).body as Buffer;
      const text = await pdfText(bytes);
      expect(text).toContain('纸质');
      expect(text).toContain('光明社区李主任');
      expect(text).toContain(answer.evidenceSha256);
      expect(text).toContain(answer.paperScanSha256!);
      expect(bytes.toString('latin1')).toMatch(/\/Subtype \/Image/);
    });

    it('answers 404 for a household that has not answered, in words', async () => {
      const missing = await applicationPdf(committee, flats[4].id).expect(404);
      expect(JSON.parse((missing.body as Buffer).toString('utf8')).message).toContain('还没有作答');
    });

    it('is for the household’s own residents and for staff who print records in scope', async () => {
      await applicationPdf(neighbour, flats[0].id).expect(404);
      await applicationPdf(committee2, flats[0].id).expect(404);
      await applicationPdf(contractor, flats[0].id).expect(403);
    });
  });

  describe('the final-refusal notice', () => {
    let notice: RefusalNoticeView;

    beforeAll(async () => {
      for (const outcome of ['REFUSED', 'REFUSED', 'REFUSED']) await visit(flats[1].id, outcome);
    });

    it('is stored when the refusal is made final, and the response names it', async () => {
      await t.http.get(noticeUrl(flats[1].id)).set(bearer(committee)).expect(404);
      const final = await markFinal(flats[1].id).expect(200);
      expect(final.body).toMatchObject({ noticeId: expect.any(String), noticeText: expect.stringContaining('“十四五”期间政府不再安排资金') });
      notice = (await t.http.get(noticeUrl(flats[1].id)).set(bearer(committee)).expect(200)).body;
      expect(notice).toEqual({
        id: final.body.noticeId,
        consultationId,
        householdId: flats[1].id,
        householdLabel: flats[1].label,
        text: final.body.noticeText,
        textSha256: sha256(final.body.noticeText),
        visits: 3,
        issuedAt: expect.any(String),
      });
      const [row] = await t.dataSource.query('SELECT text, textSha256 FROM refusal_notice WHERE id = ?', [notice.id]);
      expect(row).toEqual({ text: notice.text, textSha256: notice.textSha256 });
    });

    it('is in the household’s inbox with the notice as its text, and only in that household’s', async () => {
      const inbox = (await t.http.get('/api/me/inbox').set(bearer(refuserOwner)).expect(200)).body as Array<{ kind: string; title: string; body: string; consultationId: string }>;
      expect(inbox.filter((m) => m.kind === 'REFUSAL_NOTICE')).toEqual([expect.objectContaining({ title: REFUSAL_NOTICE_TITLE, body: notice.text, consultationId })]);
      const others = (await t.http.get('/api/me/inbox').set(bearer(owner)).expect(200)).body as Array<{ kind: string }>;
      expect(others.filter((m) => m.kind === 'REFUSAL_NOTICE')).toEqual([]);
    });

    it('is readable and printable by the household’s resident; the PDF carries the text and its hash', async () => {
      expect((await t.http.get(noticeUrl(flats[1].id)).set(bearer(refuserOwner)).expect(200)).body).toEqual(notice);
      const pdf = await t.http.get(`${noticeUrl(flats[1].id)}.pdf`).set(bearer(refuserOwner)).buffer(true).parse(binary).expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(pdf.body as Buffer);
      for (const line of notice.text.split('\n')) expect(text).toContain(squeezed(line));
      expect(text).toContain(notice.textSha256);
      await t.http.get(noticeUrl(flats[1].id)).set(bearer(owner)).expect(404);
      await t.http.get(noticeUrl(flats[1].id)).set(bearer(committee2)).expect(404);
      await t.http.get(noticeUrl(flats[1].id)).set(bearer(contractor)).expect(403);
      await t.http.get(noticeUrl(flats[0].id)).set(bearer(owner)).expect(404);
    });

    it('is issued once: marked final again, the stored notice comes back and nobody is told twice', async () => {
      const again = await markFinal(flats[1].id).expect(200);
      expect(again.body).toMatchObject({ noticeId: notice.id, noticeText: notice.text });
      const inbox = (await t.http.get('/api/me/inbox').set(bearer(refuserOwner)).expect(200)).body as Array<{ kind: string }>;
      expect(inbox.filter((m) => m.kind === 'REFUSAL_NOTICE')).toHaveLength(1);
      const [{ count }] = await t.dataSource.query('SELECT COUNT(*) AS count FROM refusal_notice WHERE householdId = ?', [flats[1].id]);
      expect(Number(count)).toBe(1);
    });

    it('is audited on the household’s chain with the text hash', async () => {
      const entries = (await t.dataSource.query("SELECT actor, payload FROM audit_entry WHERE chainKey = ? AND action = 'REFUSAL_NOTICE_ISSUED'", [`household:${flats[1].id}`])) as Array<{ actor: string; payload: string }>;
      expect(entries).toHaveLength(1);
      expect(JSON.parse(entries[0].payload)).toMatchObject({ consultationId, noticeId: notice.id, textSha256: notice.textSha256, visits: 3, by: 'STAFF' });
      expect(entries[0].actor).toMatch(/^staff:/);
    });
  });
});

/** The compound's publicity boards (公示牌): materials, responsible parties, complaint phone, owner supervisors. */
describe('publicity boards', () => {
  let t: TestApp;
  let committee: string;
  let committee2: string;
  let contractor: string;
  let street: string;
  let compoundId: string;
  let otherCompoundId: string;
  let resident: string;
  let outsider: string;
  let supervisorHousehold: string;

  const url = (id = compoundId) => `/api/compounds/${id}/boards`;
  const board = {
    materials: [{ name: ' PP-R 给水管 ', maker: '某某管业有限公司', testReport: 'JC2025-0131 某市建材检测中心' }],
    parties: [
      { role: '施工单位', organisation: '某某建设工程有限公司', person: '张工', phone: '138 0000 1111' },
      { role: '监理单位', organisation: '某某监理公司', person: '', phone: '' },
    ],
    complaintPhone: '０１０－６４００１２３４',
  };
  const put = (token: string, body: unknown, id = compoundId) => t.http.put(url(id)).set(bearer(token)).send(body as object);

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    [committee, committee2, contractor, street] = await Promise.all(['committee-demo', 'committee2-demo', 'contractor-demo', 'street-demo'].map((u) => staffToken(t, u)));
    const compounds = await compoundsAs(t, committee);
    compoundId = compounds.find((c) => c.name === '光明里小区')!.id;
    otherCompoundId = compounds.find((c) => c.name === '幸福苑小区')!.id;
    const [mine] = (await structureOf(t, committee, compoundId)).buildings[0].units[0].households;
    const [theirs] = (await structureOf(t, committee, otherCompoundId)).buildings[0].units[0].households;
    resident = await bindResident(t, committee, mine.id, 'boards-resident', 'TENANT');
    outsider = await bindResident(t, committee, theirs.id, 'boards-outsider');
    supervisorHousehold = (await structureOf(t, committee, compoundId)).buildings[0].units[0].households[1].id;
    await t.http.put(`/api/compounds/${compoundId}/owner-supervisors`).set(bearer(committee)).send({ supervisors: [{ householdId: supervisorHousehold, name: '王建国' }] }).expect(200);
  }, 60_000);

  afterAll(() => t?.close());

  it('shows empty boards before anything is posted; the supervisors are the ones the committee named', async () => {
    // The demo posts 光明里小区's boards; 幸福苑小区 has none.
    expect((await t.http.get(url(otherCompoundId)).set(bearer(outsider)).expect(200)).body).toEqual({
      compoundId: otherCompoundId,
      compoundName: '幸福苑小区',
      materials: [],
      parties: [],
      complaintPhone: null,
      supervisors: [],
      updatedAt: null,
    });
    expect((await t.http.get(url()).set(bearer(resident)).expect(200)).body.supervisors).toEqual([{ householdId: supervisorHousehold, name: '王建国' }]);
  });

  it('lets the contractor post the boards, stored plain (trimmed, phones written one way), audited on the compound chain with their hash', async () => {
    const saved = (await put(contractor, board).expect(200)).body as CompoundBoards;
    expect(saved).toMatchObject({
      materials: [{ name: 'PP-R 给水管', maker: '某某管业有限公司', testReport: 'JC2025-0131 某市建材检测中心' }],
      parties: [{ role: '施工单位', organisation: '某某建设工程有限公司', person: '张工', phone: '13800001111' }, { role: '监理单位', organisation: '某某监理公司', person: '', phone: '' }],
      complaintPhone: '010-64001234',
      supervisors: [{ householdId: supervisorHousehold, name: '王建国' }],
      updatedAt: expect.any(String),
    });
    expect((await t.http.get(url()).set(bearer(street)).expect(200)).body).toEqual(saved);
    const [entry] = (await t.dataSource.query("SELECT actor, payload FROM audit_entry WHERE chainKey = ? AND action = 'BOARDS_UPDATED' ORDER BY seq DESC LIMIT 1", [`compound:${compoundId}`])) as Array<{ actor: string; payload: string }>;
    const payload = JSON.parse(entry.payload);
    expect(payload).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), materials: saved.materials, parties: saved.parties, complaintPhone: '010-64001234' });
    expect(entry.actor).toMatch(/^staff:/);
  });

  it('refuses boards that cannot be posted with a 400 a committee member can read', async () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{ ...board, materials: [{ name: '', maker: '甲', testReport: '' }] }, 'BOARDS_INVALID', /第 1 种材料：请填写材料名称/],
      [{ ...board, parties: [{ ...board.parties[0], phone: '110' }] }, 'BOARDS_INVALID', /第 1 个责任单位（某某建设工程有限公司）的联系电话有误：联系电话应为手机号或带区号的座机/],
      [{ ...board, complaintPhone: '打居委会' }, 'BOARDS_INVALID', /投诉电话有误/],
      [{ ...board, materials: Array(51).fill(board.materials[0]) }, 'BOARDS_INVALID', /材料最多 50 种/],
      [{ ...board, parties: [{ ...board.parties[0], organisation: '公'.repeat(61) }] }, 'BOARDS_INVALID', /单位名称最多 60 个字/],
      [{ ...board, materials: [{ name: '管', maker: 3, testReport: '' }] }, 'VALIDATION_FAILED', /生产厂家必须是文字/],
      [{ ...board, parties: 'none' }, 'VALIDATION_FAILED', /责任单位必须是列表/],
      [{ materials: [], parties: [] }, 'VALIDATION_FAILED', /投诉电话必须是文字/],
    ];
    for (const [body, code, message] of cases) {
      const response = await put(committee, body).expect(400);
      expect(response.body).toMatchObject({ code, message: expect.stringMatching(message) });
    }
    // Nothing refused was stored.
    expect((await t.http.get(url()).set(bearer(committee)).expect(200)).body.parties[0].phone).toBe('13800001111');
  });

  it('lets the committee take the complaint phone off (null)', async () => {
    expect((await put(committee, { ...board, complaintPhone: null }).expect(200)).body.complaintPhone).toBeNull();
    await put(committee, board).expect(200);
  });

  it('is read by residents of the compound only, and by staff in scope', async () => {
    await t.http.get(url()).set(bearer(resident)).expect(200);
    await t.http.get(url()).set(bearer(outsider)).expect(404);
    await t.http.get(`${url()}.pdf`).set(bearer(outsider)).expect(404);
    await t.http.get(url(otherCompoundId)).set(bearer(resident)).expect(404);
    await t.http.get(url()).set(bearer(committee2)).expect(404);
    await t.http.get(url(otherCompoundId)).set(bearer(contractor)).expect(404);
  });

  it('is posted only by the contractor and the committee of the place', async () => {
    await put(street, board).expect(403);
    await put(resident, board).expect(403);
    await put(committee2, board).expect(404);
    await put(contractor, board, otherCompoundId).expect(404);
  });

  it('prints the board: materials with maker and test report, parties, complaint phone, supervisors', async () => {
    const pdf = await t.http.get(`${url()}.pdf`).set(bearer(resident)).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.body as Buffer);
    for (const expected of ['施工公示牌', '光明里小区', 'PP-R给水管', '某某管业有限公司', 'JC2025-0131某市建材检测中心', '施工单位', '某某建设工程有限公司', '13800001111', '某某监理公司', '010-64001234', '王建国']) {
      expect(text).toContain(expected);
    }
  });
});
