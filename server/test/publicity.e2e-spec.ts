import { AnswerClass, fromShanghai, GroupState, ObjectionStatus, PublicityStage, publicitySnapshotText, shanghaiDate, type CompoundStructure, type ObjectionView, type PublicityView } from '@linyi/shared';
import { createHash } from 'node:crypto';
import { ConsultationScheduler } from '../src/consultations/consultation-scheduler.js';
import { apply, bindResident, openConsultation } from './support/consent.js';
import { compoundsAs, structureOf } from './support/demo-places.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';
import { binary, pdfText } from './support/warranty-fixtures.js';

const DAY = 24 * 3600 * 1000;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Preliminary result → objections → final result (issue 12, API.md "Publicity, objections and
 * printable records") on real MariaDB: what residents may see, the window and the answers that gate
 * the final result, one final result under concurrency, and every household told.
 */
describe('publicity of results: preliminary, objections, final', () => {
  let t: TestApp;
  let committee: string;
  let street: string;
  let consultationId: string;
  let units: CompoundStructure['buildings'][number]['units'];
  let electorate: string[];
  let owners: string[];
  let neighbour: string;

  const url = (path = '') => `/api/consultations/${consultationId}${path}`;
  const publicity = async (token: string): Promise<PublicityView> => (await t.http.get(url('/publicity')).set(bearer(token)).expect(200)).body;
  const preliminary = (token: string, objectionDays = 7) => t.http.post(url('/preliminary-result')).set(bearer(token)).send({ objectionDays });
  const final = (token: string) => t.http.post(url('/final-result')).set(bearer(token));
  const object = (token: string, householdId: string, text = '我家已签字同意，公示却是未表态') => t.http.post(url('/objections')).set(bearer(token)).send({ householdId, text });
  const answer = (objectionId: string, body: Record<string, unknown>) => t.http.put(url(`/objections/${objectionId}`)).set(bearer(committee)).send(body);
  const inboxOf = async (token: string) => (await t.http.get('/api/me/inbox').set(bearer(token)).expect(200)).body as Array<{ kind: string; body: string; consultationId: string }>;
  const remindersOf = async (kind: string): Promise<string[]> =>
    (await t.dataSource.query('SELECT householdId FROM reminder WHERE consultationId = ? AND kind = ?', [consultationId, kind])).map((r: { householdId: string }) => r.householdId).sort();
  const auditActions = async (action: string) => t.dataSource.query('SELECT payload FROM audit_entry WHERE chainKey = ? AND action = ? ORDER BY seq', [`consultation:${consultationId}`, action]);

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    // Daytime in Beijing, so nothing waits on quiet hours.
    t.clock.set(fromShanghai(shanghaiDate(Date.now() + DAY), '10:00'));
    committee = await staffToken(t, 'committee-demo');
    street = await staffToken(t, 'street-demo');
    const compoundId = (await compoundsAs(t, committee)).find((c) => c.name === '幸福苑小区')!.id;
    units = (await structureOf(t, committee, compoundId)).buildings[0].units;
    consultationId = (await openConsultation(t, committee, { compoundId, unitIds: units.map((u) => u.id) })).id;
    electorate = units.flatMap((u) => u.households.map((h) => h.id)).sort();
    // Unit 1 applies in full; in unit 2 one owner refuses and the rest never answer.
    owners = await Promise.all(units[0].households.map((h, i) => bindResident(t, committee, h.id, `publicity-owner-${i}`)));
    for (let i = 0; i < owners.length; i++) await apply(t, owners[i], consultationId, units[0].households[i].id).expect(200);
    neighbour = await bindResident(t, committee, units[1].households[0].id, 'publicity-neighbour');
    await apply(t, neighbour, consultationId, units[1].households[0].id, { answer: 'REFUSE', signaturePng: undefined, acknowledgedDisclosureIds: [] }).expect(200);
  }, 90_000);

  afterAll(() => t.close());

  it('refuses the preliminary result while the consultation is still open, naming the deadline', async () => {
    const response = await preliminary(committee).expect(409);
    expect(response.body).toMatchObject({ code: 'RESULT_NOT_READY', message: expect.stringContaining('截止') });
    expect(response.body.message).toContain('北京时间');
  });

  it('shows residents nothing before publication, and staff a live preview', async () => {
    t.clock.advance(15 * DAY);
    await t.app.get(ConsultationScheduler).sweep();
    const resident = await publicity(owners[0]);
    expect(resident).toMatchObject({ stage: PublicityStage.None, preview: false, groups: [], snapshotSha256: null, windowOpen: false });
    const staff = await publicity(committee);
    expect(staff.preview).toBe(true);
    expect(staff.groups.map((g) => [g.label, g.state, g.agreed, g.refused, g.noAnswer])).toEqual([
      ['1号楼1单元', GroupState.Reached, 12, 0, 0],
      ['1号楼2单元', GroupState.Failed, 0, 1, 11],
    ]);
    await t.http.get(url('/result-notice.pdf')).set(bearer(committee)).expect(409);
  });

  it('publishes the preliminary result once: a hashed snapshot, the window, audited, every household told', async () => {
    const response = await preliminary(committee, 7).expect(200);
    const view: PublicityView = response.body;
    expect(view).toMatchObject({ stage: PublicityStage.Preliminary, preview: false, objectionDays: 7, windowOpen: true, finalAt: null });
    expect(new Date(view.objectionClosesAt!).getTime() - new Date(view.preliminaryAt!).getTime()).toBe(7 * DAY);
    expect(view.snapshotSha256).toBe(sha256(publicitySnapshotText(view.groups)));
    const unit2 = view.groups.find((g) => g.label === '1号楼2单元')!;
    expect(unit2.entries.find((e) => e.householdId === units[1].households[0].id)).toMatchObject({ label: units[1].households[0].label, answerClass: AnswerClass.Refused });
    expect(unit2.areaM2.total).toBeGreaterThan(0);
    expect((await preliminary(committee).expect(409)).body.code).toBe('PRELIMINARY_ALREADY_PUBLISHED');

    const [audit] = await auditActions('PRELIMINARY_PUBLISHED');
    expect(JSON.parse(audit.payload)).toMatchObject({ snapshotSha256: view.snapshotSha256, objectionDays: 7 });
    expect(await remindersOf('PRELIMINARY_RESULT')).toEqual(electorate);
    const [notice] = (await inboxOf(neighbour)).filter((m) => m.kind === 'PRELIMINARY_RESULT');
    expect(notice).toMatchObject({ consultationId, body: expect.stringContaining('北京时间') });
    expect(notice.body).toContain('1号楼2单元：未通过');
  });

  it('answers a resident with room labels and answer classes only: no owner name or phone of any household', async () => {
    await object(neighbour, units[0].households[3].id).expect(201);
    const json = JSON.stringify(await publicity(neighbour)) + JSON.stringify(await publicity(owners[0])) + JSON.stringify((await t.http.get('/api/me/publicity').set(bearer(neighbour)).expect(200)).body);
    const households: Array<{ ownerName: string; phone: string | null }> = await t.dataSource.query('SELECT ownerName, phone FROM household');
    expect(households.length).toBeGreaterThan(500);
    const leaked = households.flatMap((h) => [h.ownerName, h.phone]).filter((value): value is string => !!value && value.length >= 2 && json.includes(value));
    expect(leaked).toEqual([]);
    // The scan can fail: the board does carry each room label.
    expect(json).toContain(units[0].households[3].label);
  });

  it('lets a bound resident object to any entry while the window is open; residents see only their own objections', async () => {
    const filed = await object(owners[1], units[1].households[5].id, '这户已经在纸质申请书上签字了').expect(201);
    expect(filed.body).toMatchObject({ status: ObjectionStatus.Open, householdLabel: units[1].households[5].label, mine: true, filedByHouseholdLabel: null, upheld: null });
    expect((await object(owners[1], '00000000-0000-4000-8000-000000000000').expect(400)).body.message).toContain('公示的名单');
    await object(owners[1], units[1].households[5].id, '   ').expect(400);
    const mine = (await publicity(owners[1])).objections;
    expect(mine.map((o) => o.id)).toEqual([filed.body.id]);
    const staff = (await t.http.get(url('/objections')).set(bearer(street)).expect(200)).body as ObjectionView[];
    expect(staff).toHaveLength(2);
    expect(staff.find((o) => o.id === filed.body.id)).toMatchObject({ mine: false, filedByHouseholdLabel: units[0].households[1].label });
    expect((await publicity(committee)).openObjections).toBe(2);
    expect(await auditActions('OBJECTION_FILED')).toHaveLength(2);
  });

  it('refuses the final result while the window is open, naming its end, and while an objection is unanswered', async () => {
    const open = await final(committee).expect(409);
    expect(open.body.code).toBe('OBJECTION_WINDOW_OPEN');
    expect(open.body.message).toContain('北京时间');
    expect(open.body.message).toContain('2 条异议未答复');

    t.clock.advance(7 * DAY + 60_000);
    const closed = await object(owners[2], units[1].households[6].id).expect(409);
    expect(closed.body.code).toBe('OBJECTION_WINDOW_CLOSED');
    const unresolved = await final(committee).expect(409);
    expect(unresolved.body).toMatchObject({ code: 'OBJECTIONS_UNRESOLVED', message: expect.stringContaining('2 条') });

    const [first, second] = (await t.http.get(url('/objections')).set(bearer(committee)).expect(200)).body as ObjectionView[];
    const answered = await answer(first.id, { resolution: '经核对纸质申请书，统计无误', upheld: false }).expect(200);
    expect(answered.body).toMatchObject({ status: ObjectionStatus.Resolved, upheld: false, resolution: '经核对纸质申请书，统计无误' });
    expect((await answer(first.id, { resolution: '再答复一次' }).expect(409)).body.code).toBe('OBJECTION_ALREADY_ANSWERED');
    await t.http.put(url(`/objections/${second.id}`)).set(bearer(street)).send({ resolution: '街道代答' }).expect(403);
    expect((await final(committee).expect(409)).body.message).toContain('1 条');
    await answer(second.id, { resolution: '异议成立，已更正', upheld: true }).expect(200);
    expect(await auditActions('OBJECTION_ANSWERED')).toHaveLength(2);
  });

  it('publishes the final result exactly once when called concurrently, and tells every household', async () => {
    const responses = await Promise.all(Array.from({ length: 6 }, () => final(street)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409]);
    expect(responses.filter((r) => r.status === 409).every((r) => r.body.code === 'RESULT_ALREADY_FINAL')).toBe(true);
    const won: PublicityView = responses.find((r) => r.status === 200)!.body;
    expect(won).toMatchObject({ stage: PublicityStage.Final, windowOpen: false, openObjections: 0 });
    expect(won.snapshotSha256).toBe(sha256(publicitySnapshotText(won.groups)));

    expect(await auditActions('FINAL_PUBLISHED')).toHaveLength(1);
    expect(await remindersOf('FINAL_RESULT')).toEqual(electorate);
    for (const token of [...owners, neighbour]) expect((await inboxOf(token)).filter((m) => m.kind === 'FINAL_RESULT' && m.consultationId === consultationId)).toHaveLength(1);

    const resident = await publicity(neighbour);
    expect(resident).toMatchObject({ stage: PublicityStage.Final, snapshotSha256: won.snapshotSha256 });
    expect(resident.objections.map((o) => o.status)).toEqual([ObjectionStatus.Resolved]);
    expect((await object(neighbour, units[0].households[0].id).expect(409)).body.code).toBe('RESULT_ALREADY_FINAL');
    const listed = (await t.http.get('/api/me/publicity').set(bearer(neighbour)).expect(200)).body as Array<{ consultationId: string }>;
    expect(listed.filter((p) => p.consultationId === consultationId)).toEqual([
      expect.objectContaining({ consultationId, stage: PublicityStage.Final, windowOpen: false, finalAt: won.finalAt }),
    ]);
  });

  it('prints the result notice: stage, per-group counts, the snapshot hash; no household list, no names', async () => {
    const response = await t.http.get(url('/result-notice.pdf')).set(bearer(neighbour)).buffer(true).parse(binary).expect(200);
    expect(response.headers['content-type']).toContain('application/pdf');
    const text = await pdfText(response.body);
    const view = await publicity(committee);
    for (const words of ['结果公示', '幸福苑小区', '1号楼1单元', '1号楼2单元', '未通过', '同意12户', '共收到异议2条', '异议成立1条', view.snapshotSha256!]) expect(text).toContain(words);
    expect(text).not.toContain(units[1].households[5].label);
    const names: Array<{ ownerName: string }> = await t.dataSource.query('SELECT ownerName FROM household WHERE compoundId = ?', [view.compoundId]);
    expect(names.filter((n) => text.includes(n.ownerName))).toEqual([]);
  });

  it('keeps publishing to the committee and street office of the place, and the board to the compound', async () => {
    await t.http.post(url('/final-result')).set(bearer(owners[0])).expect(403);
    await t.http.post(url('/final-result')).set(bearer(await staffToken(t, 'contractor-demo'))).expect(403);
    await t.http.get(url('/publicity')).set(bearer(await staffToken(t, 'committee2-demo'))).expect(404);
    const outsider = await bindResident(t, await staffToken(t, 'committee2-demo'), (await t.dataSource.query("SELECT h.id FROM household h JOIN compound c ON c.id = h.compoundId WHERE c.name = '红星小区' LIMIT 1"))[0].id, 'publicity-outsider');
    await t.http.get(url('/publicity')).set(bearer(outsider)).expect(404);
    await t.http.get(url('/result-notice.pdf')).set(bearer(outsider)).expect(404);
    expect((await t.http.get('/api/me/publicity').set(bearer(outsider)).expect(200)).body).toEqual([]);
  });
});
