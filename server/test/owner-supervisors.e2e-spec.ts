import { WorkPlanStatus, type OwnerSupervisorView, type SupervisionPlan, type SupervisorSignOffView } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import { signOffEvidenceSha256 } from '../src/acceptance/acceptance-evidence.js';
import { AcceptanceSignOff } from '../src/acceptance/acceptance-sign-off.entity.js';
import { OwnerSupervisorsService } from '../src/acceptance/owner-supervisors.service.js';
import type { Household } from '../src/places/household.entity.js';
import type { WorkPlan } from '../src/works/work-plan.entity.js';
import { acceptancePlan, acceptOnline, contractorOf, inspect, passingPlumbing, pngSha256 } from './support/acceptance-fixtures.js';
import { acceptedWithRecord, setAcceptanceState } from './support/acceptance-state.js';
import { uniqueSignaturePng } from './support/authz-png.js';
import { bindResident, SIGNATURE } from './support/consent.js';
import { bearer, bootTestApp, residentToken, staffToken, type TestApp } from './support/test-app.js';
import { clearWorks, demoUnit } from './support/works-fixtures.js';

/**
 * Owner supervisors (seed 002 §五(五)3; design: helper C): the committee names at most two
 * households of the compound; a resident of one of them adds their own signature to an accepted
 * household's acceptance, once, bound by an evidence hash; `/me/supervision` lists what they may sign.
 */
describe('owner supervisors and their sign-offs', () => {
  let t: TestApp;
  let committee: string;
  let committee2: string;
  let street: string;
  let contractor: string;
  let compoundId: string;
  let xingfuId: string;
  let xingfuHousehold: Household;
  let households: Household[];
  /** Residents bound to the two supervisor households (201 and 202 of 1号楼1单元) and one to 101, not a supervisor. */
  let supervisorA: string;
  let supervisorA2: string;
  let supervisorB: string;
  let neighbour: string;
  let p: WorkPlan;

  const room = (r: string) => households.find((h) => h.room === r)!;
  const url = (id = compoundId) => `/api/compounds/${id}/owner-supervisors`;
  const put = (token: string, supervisors: unknown[], id = compoundId) => t.http.put(url(id)).set(bearer(token)).send({ supervisors });
  const signOff = (token: string, householdId: string, body: Record<string, unknown> = {}) =>
    t.http.post(`/api/households/${householdId}/acceptance/sign-offs`).set(bearer(token)).send({ workPlanId: p.id, signaturePng: SIGNATURE, ...body });
  const auditOf = async (chainKey: string) => (await t.dataSource.query('SELECT action, actor, payload FROM audit_entry WHERE chainKey = ? ORDER BY seq', [chainKey])) as Array<{ action: string; actor: string; payload: string }>;
  const nameBoth = () => put(committee, [{ householdId: room('201').id, name: '王建国' }, { householdId: room('202').id, name: '李秀英' }]).expect(200);

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    [committee, committee2, street, contractor] = await Promise.all(['committee-demo', 'committee2-demo', 'street-demo', 'contractor-demo'].map((u) => staffToken(t, u)));
    const unit = await demoUnit(t.dataSource, '1号楼1单元');
    compoundId = unit.compound.id;
    households = unit.households;
    [{ id: xingfuId }] = await t.dataSource.query("SELECT id FROM compound WHERE name = '幸福苑小区'");
    [xingfuHousehold] = await t.dataSource.query('SELECT * FROM household WHERE compoundId = ? ORDER BY id LIMIT 1', [xingfuId]);
    supervisorA = await bindResident(t, committee, room('201').id, 'supervisor-a');
    supervisorA2 = await bindResident(t, committee, room('201').id, 'supervisor-a2', 'TENANT');
    supervisorB = await bindResident(t, committee, room('202').id, 'supervisor-b');
    neighbour = await bindResident(t, committee, room('101').id, 'supervisor-neighbour');
  });
  afterAll(() => t?.close());
  beforeEach(async () => {
    await clearWorks(t.dataSource);
    p = await acceptancePlan(t, compoundId, [households[0].unitId]);
  });

  describe('naming them', () => {
    it('the committee names up to two households of the compound, replacing the list; staff of the place read it; each change is audited', async () => {
      expect((await t.http.get(url()).set(bearer(street)).expect(200)).body).toEqual([]);
      // The compound's chain holds its settings and the demo's naming too: only what follows is this test's.
      const before = (await auditOf(`compound:${compoundId}`)).length;
      const named: OwnerSupervisorView[] = (await nameBoth()).body;
      expect(named).toEqual([
        { householdId: room('201').id, label: room('201').label, name: '王建国' },
        { householdId: room('202').id, label: room('202').label, name: '李秀英' },
      ]);
      for (const token of [committee, street, contractor]) expect((await t.http.get(url()).set(bearer(token)).expect(200)).body).toEqual(named);
      const [kept] = await t.dataSource.query('SELECT namedAt, namedBy FROM owner_supervisor WHERE householdId = ?', [room('201').id]);
      // Replaced by one: the one named again keeps when it was first named.
      expect((await put(committee, [{ householdId: room('201').id, name: '王建国' }]).expect(200)).body).toEqual([named[0]]);
      expect(await t.dataSource.query('SELECT namedAt, namedBy FROM owner_supervisor WHERE householdId = ?', [room('201').id])).toEqual([kept]);
      expect((await put(committee, []).expect(200)).body).toEqual([]);
      const audit = (await auditOf(`compound:${compoundId}`)).slice(before);
      expect(audit.map((a) => a.action)).toEqual(['OWNER_SUPERVISORS_NAMED', 'OWNER_SUPERVISORS_NAMED', 'OWNER_SUPERVISORS_NAMED']);
      expect(JSON.parse(audit[0].payload).supervisors).toEqual([{ householdId: room('201').id, name: '王建国' }, { householdId: room('202').id, name: '李秀英' }]);
      expect(JSON.parse(audit[2].payload).supervisors).toEqual([]);
    });

    it('refuses a third, a household of another compound or none at all, one named twice and a bad name, each in words', async () => {
      const three = await put(committee, ['201', '202', '301'].map((r, i) => ({ householdId: room(r).id, name: `监督员${i}` }))).expect(400);
      expect(three.body).toMatchObject({ code: 'TOO_MANY_SUPERVISORS', message: expect.stringContaining('最多') });
      for (const householdId of [xingfuHousehold.id, randomUUID()]) {
        const foreign = await put(committee, [{ householdId, name: '外小区业主' }]).expect(400);
        expect(foreign.body.message).toContain('不在本小区');
      }
      expect((await put(committee, [{ householdId: room('201').id, name: '甲' }, { householdId: room('201').id, name: '乙' }]).expect(400)).body.message).toContain('同一户');
      for (const name of ['', '   ', '张'.repeat(21), 7]) expect((await put(committee, [{ householdId: room('201').id, name }]).expect(400)).body.message).toMatch(/姓名/);
      expect((await put(committee, [{ householdId: 'not-a-uuid', name: '王' }]).expect(400)).body.message).toContain('房屋');
      expect((await t.http.put(url()).set(bearer(committee)).send({}).expect(400)).body.message).toContain('监督员');
      expect((await t.http.get(url()).set(bearer(committee)).expect(200)).body).toEqual([]);
    });

    it('only the committee names them; staff elsewhere get 404, residents 403', async () => {
      const body = [{ householdId: room('201').id, name: '王建国' }];
      await put(contractor, body).expect(403);
      await put(street, body).expect(403);
      await put(supervisorA, body).expect(403);
      await put(committee2, body).expect(404);
      await t.http.get(url()).set(bearer(committee2)).expect(404);
      await t.http.get(url()).set(bearer(await contractorOf(t, xingfuId, 'contractor-supervisors-elsewhere'))).expect(404);
      await t.http.get(url()).set(bearer(neighbour)).expect(403);
      await t.http.get(url(randomUUID())).set(bearer(committee)).expect(404);
      await t.http.get('/api/compounds/not-a-uuid/owner-supervisors').set(bearer(committee)).expect(404);
      expect((await t.http.get(url()).set(bearer(committee)).expect(200)).body).toEqual([]);
    });

    it('supervisesCompound: a resident bound to a supervisor household, never staff or a neighbour, and no longer once removed', async () => {
      await nameBoth();
      const service = t.app.get(OwnerSupervisorsService);
      const residentOf = async (openid: string) => ({ kind: 'resident' as const, id: (await t.dataSource.query('SELECT id FROM resident WHERE openid = ?', [openid]))[0].id as string });
      expect(await service.supervisesCompound(await residentOf('supervisor-a2'), compoundId)).toMatchObject({ householdId: room('201').id, name: '王建国' });
      expect(await service.supervisesCompound(await residentOf('supervisor-b'), compoundId)).toMatchObject({ householdId: room('202').id });
      expect(await service.supervisesCompound(await residentOf('supervisor-neighbour'), compoundId)).toBeNull();
      expect(await service.supervisesCompound(await residentOf('supervisor-a'), xingfuId)).toBeNull();
      const [staff] = await t.dataSource.query("SELECT id, role, scopeType, scopeId FROM staff_account WHERE username = 'committee-demo'");
      expect(await service.supervisesCompound({ kind: 'staff', ...staff }, compoundId)).toBeNull();
      await put(committee, [{ householdId: room('202').id, name: '李秀英' }]).expect(200);
      expect(await service.supervisesCompound(await residentOf('supervisor-a'), compoundId)).toBeNull();
    });
  });

  describe('signing off', () => {
    it('a supervisor signs an accepted household’s acceptance once, bound by an evidence hash, in the household’s audit chain', async () => {
      await nameBoth();
      const h = room('102');
      const record = await acceptedWithRecord(t, p.id, h, t.clock.stamp());
      const signature = uniqueSignaturePng(0x51_9e_0f);
      const created = await signOff(supervisorA, h.id, { signaturePng: signature, note: '现场查看，管根干燥' }).expect(201);
      const view: SupervisorSignOffView = created.body;
      expect(view).toEqual({ supervisorName: '王建国', at: expect.any(String), evidenceSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const [row] = await t.dataSource.getRepository(AcceptanceSignOff).findBy({ householdId: h.id });
      expect(row).toMatchObject({ acceptanceRecordId: record.id, workPlanId: p.id, supervisorHouseholdId: room('201').id, supervisorName: '王建国', signatureSha256: pngSha256(signature), note: '现场查看，管根干燥', evidenceSha256: view.evidenceSha256 });
      expect(row.at.toISOString()).toBe(view.at);
      expect(
        signOffEvidenceSha256({ acceptanceRecordId: record.id, acceptanceEvidenceSha256: record.evidenceSha256, supervisorHouseholdId: room('201').id, residentId: row.residentId, signatureSha256: row.signatureSha256, note: row.note, at: row.at }),
      ).toBe(view.evidenceSha256);
      const evidence = await t.dataSource.query('SELECT COUNT(*) AS n FROM evidence_chunk WHERE sha256 = ?', [pngSha256(signature)]);
      expect(Number(evidence[0].n)).toBeGreaterThan(0);
      const audit = await auditOf(`household:${h.id}`);
      expect(audit.at(-1)).toMatchObject({ action: 'SUPERVISOR_SIGNED_OFF', actor: expect.stringMatching(/^resident:/) });
      expect(JSON.parse(audit.at(-1)!.payload)).toMatchObject({ workPlanId: p.id, acceptanceRecordId: record.id, supervisorHouseholdId: room('201').id, evidenceSha256: view.evidenceSha256 });

      // The same supervisor household again (the other resident of 201): refused; the other supervisor may add theirs.
      expect((await signOff(supervisorA2, h.id).expect(409)).body).toMatchObject({ code: 'ALREADY_SIGNED' });
      expect((await signOff(supervisorB, h.id).expect(201)).body.supervisorName).toBe('李秀英');
      expect(await t.dataSource.getRepository(AcceptanceSignOff).countBy({ householdId: h.id })).toBe(2);
    });

    it('two residents of one supervisor household signing at the same moment: one signature is kept', async () => {
      await nameBoth();
      const h = room('301');
      await acceptedWithRecord(t, p.id, h, t.clock.stamp());
      const answers = await Promise.all([signOff(supervisorA, h.id), signOff(supervisorA2, h.id)]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      expect(await t.dataSource.getRepository(AcceptanceSignOff).countBy({ householdId: h.id })).toBe(1);
    });

    it('refuses a non-supervisor (404, as if the household did not exist), a household not accepted (409), no signature (400), an unknown plan or household (404), staff (403)', async () => {
      await nameBoth();
      const [accepted, pending, rework] = [room('302'), room('401'), room('402')];
      await acceptedWithRecord(t, p.id, accepted, t.clock.stamp());
      await setAcceptanceState(t, p.id, pending, { step: 'passed', at: t.clock.stamp() });
      await setAcceptanceState(t, p.id, rework, { step: 'rework', at: t.clock.stamp() });
      expect((await signOff(neighbour, accepted.id).expect(404)).body.code).toBe('NOT_FOUND');
      for (const h of [pending, rework, room('501')]) expect((await signOff(supervisorA, h.id).expect(409)).body).toMatchObject({ code: 'NOT_ACCEPTED', message: expect.stringContaining('还没有验收') });
      expect((await signOff(supervisorA, accepted.id, { signaturePng: undefined }).expect(400)).body).toMatchObject({ code: 'SIGNATURE_REQUIRED', message: '请先签名' });
      expect((await signOff(supervisorA, accepted.id, { signaturePng: 'data:image/png;base64,AAAA' }).expect(400)).body.message).toContain('签名');
      expect((await signOff(supervisorA, accepted.id, { note: 'x'.repeat(301) }).expect(400)).body.message).toContain('备注');
      await signOff(supervisorA, accepted.id, { workPlanId: randomUUID() }).expect(404);
      const draft = await acceptancePlan(t, compoundId, [households[0].unitId], { status: WorkPlanStatus.Draft });
      await signOff(supervisorA, accepted.id, { workPlanId: draft.id }).expect(404);
      // A published plan of the compound that does not hold the household's unit: as if missing too.
      const otherUnit = await acceptancePlan(t, compoundId, [(await demoUnit(t.dataSource, '1号楼3单元')).unit.id]);
      await signOff(supervisorA, accepted.id, { workPlanId: otherUnit.id }).expect(404);
      await signOff(supervisorA, randomUUID()).expect(404);
      await signOff(supervisorA, 'not-a-uuid').expect(404);
      // A supervisor of 光明里 is nobody in 幸福苑.
      expect((await signOff(supervisorA, xingfuHousehold.id).expect(404)).body.code).toBe('NOT_FOUND');
      await signOff(committee, accepted.id).expect(403);
      await t.http.post(`/api/households/${accepted.id}/acceptance/sign-offs`).send({ workPlanId: p.id, signaturePng: SIGNATURE }).expect(401);
      expect(await t.dataSource.getRepository(AcceptanceSignOff).count()).toBe(0);
    });
  });

  describe('/me/supervision', () => {
    it('lists each published plan of the compound with every household, its status and whether this supervisor signed it', async () => {
      await nameBoth();
      const [signed, unsigned, pending] = [room('501'), room('502'), room('601')];
      await acceptedWithRecord(t, p.id, signed, t.clock.stamp());
      await acceptedWithRecord(t, p.id, unsigned, t.clock.stamp());
      await setAcceptanceState(t, p.id, pending, { step: 'passed', at: t.clock.stamp() });
      await acceptancePlan(t, compoundId, [households[0].unitId], { status: WorkPlanStatus.Draft });
      await signOff(supervisorA, signed.id).expect(201);
      const [plan]: SupervisionPlan[] = (await t.http.get('/api/me/supervision').set(bearer(supervisorA2)).expect(200)).body;
      expect(plan).toMatchObject({ compoundId, compoundName: '光明里小区', supervisorName: '王建国', workPlanId: p.id, title: p.title });
      expect(plan.households.map((h) => h.householdId)).toEqual(households.map((h) => h.id));
      const of = (h: Household) => plan.households.find((x) => x.householdId === h.id);
      expect(of(signed)).toEqual({ householdId: signed.id, label: signed.label, status: 'ACCEPTED', acceptedAt: expect.any(String), signedOff: true });
      expect(of(unsigned)).toMatchObject({ status: 'ACCEPTED', signedOff: false });
      expect(of(pending)).toMatchObject({ status: 'PENDING', acceptedAt: null, signedOff: false });
      // The other supervisor has not signed anything yet.
      const [other]: SupervisionPlan[] = (await t.http.get('/api/me/supervision').set(bearer(supervisorB)).expect(200)).body;
      expect(other.households.filter((h) => h.signedOff)).toEqual([]);
      expect((await t.http.get('/api/me/supervision').set(bearer(neighbour)).expect(200)).body).toEqual([]);
      expect((await t.http.get('/api/me/supervision').set(bearer(await residentToken(t, 'supervision-unbound'))).expect(200)).body).toEqual([]);
      await t.http.get('/api/me/supervision').set(bearer(committee)).expect(403);
    });
  });

  it('through the real routes: inspected, accepted by the resident, then signed off by a supervisor, who may read that household’s acceptance', async () => {
    await nameBoth();
    const h = room('602');
    const resident = await bindResident(t, committee, h.id, 'supervised-resident');
    await inspect(t, contractor, h.id, p.id, passingPlumbing()).expect(201);
    await signOff(supervisorA, h.id).expect(409);
    await acceptOnline(t, resident, h.id, p.id).expect(200);
    const view = (await t.http.get(`/api/households/${h.id}/acceptance`).query({ workPlanId: p.id }).set(bearer(supervisorB)).expect(200)).body;
    expect(view.status).toBe('ACCEPTED');
    const signed: SupervisorSignOffView = (await signOff(supervisorB, h.id).expect(201)).body;
    const after = (await t.http.get(`/api/households/${h.id}/acceptance`).query({ workPlanId: p.id }).set(bearer(resident)).expect(200)).body;
    expect(after.records[0].signOffs).toEqual([signed]);
    await t.http.get(`/api/households/${h.id}/acceptance`).query({ workPlanId: p.id }).set(bearer(neighbour)).expect(404);
  });
});
