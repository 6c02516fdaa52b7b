import { bearer, bootTestApp, residentToken, staffToken, type TestApp } from './support/test-app.js';
import { compoundsAs, households, structureOf } from './support/demo-places.js';

describe('households, invite codes and scopes', () => {
  let t: TestApp;
  let committee: string;
  let committee2: string;
  let street: string;
  let contractor: string;
  let ownCompoundId: string;
  let otherCompoundId: string;
  let householdIds: string[];

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    [committee, committee2, street, contractor] = await Promise.all(
      ['committee-demo', 'committee2-demo', 'street-demo', 'contractor-demo'].map((name) => staffToken(t, name)),
    );
    const own = await compoundsAs(t, committee);
    ownCompoundId = own[0].id;
    otherCompoundId = (await compoundsAs(t, committee2))[0].id;
    householdIds = households(await structureOf(t, committee, ownCompoundId)).map((h) => h.id);
  });

  afterAll(() => t.close());

  async function invite(householdId: string, token = committee) {
    return (await t.http.post(`/api/households/${householdId}/invite-codes`).set(bearer(token)).send({}).expect(201)).body as { code: string; expiresAt: string };
  }

  describe('scopes', () => {
    it('shows each staff member only the compounds of their scope', async () => {
      expect((await compoundsAs(t, committee)).map((c) => c.name).sort()).toEqual(['光明里小区', '幸福苑小区'].sort());
      expect((await compoundsAs(t, committee2)).map((c) => c.name)).toEqual(['红星小区']);
      expect(await compoundsAs(t, street)).toHaveLength(3);
      expect((await compoundsAs(t, contractor)).map((c) => c.name)).toEqual(['光明里小区']);
    });

    it('answers 404 when a committee asks for another community’s compound', async () => {
      const response = await t.http.get(`/api/compounds/${otherCompoundId}/structure`).set(bearer(committee)).expect(404);
      expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      const otherHousehold = households(await structureOf(t, committee2, otherCompoundId))[0];
      await t.http.post(`/api/households/${otherHousehold.id}/invite-codes`).set(bearer(committee)).send({}).expect(404);
      await t.http.post(`/api/compounds/${otherCompoundId}/roster`).set(bearer(committee)).attach('file', Buffer.from('x'), 'r.csv').expect(404);
    });

    it('gives the structure with every household of the compound', async () => {
      const structure = await structureOf(t, street, ownCompoundId);
      expect(structure.buildings.map((b) => b.name)).toEqual(['1号楼', '2号楼', '3号楼', '4号楼', '5号楼']);
      expect(structure.buildings[0].units[0].households[0]).toMatchObject({ room: '101', floor: 1, label: '1号楼1单元101' });
      expect(households(structure)).toHaveLength(180);
    });

    it('keeps staff pages away from residents and contractors away from invite codes', async () => {
      const resident = await residentToken(t, 'scope-resident');
      expect((await t.http.get('/api/compounds').set(bearer(resident)).expect(403)).body.code).toBe('FORBIDDEN');
      await t.http.post(`/api/households/${householdIds[0]}/invite-codes`).set(bearer(contractor)).send({}).expect(403);
      await t.http.get('/api/me').set(bearer(committee)).expect(403);
    });

    it('answers 404 for an id that is not an id', async () => {
      await t.http.get('/api/compounds/not-a-uuid/structure').set(bearer(committee)).expect(404);
    });
  });

  describe('binding a resident with an invite code', () => {
    it('binds once; the household then shows on the resident’s home', async () => {
      const { code, expiresAt } = await invite(householdIds[0]);
      expect(code).toMatch(/^[2-9A-Z]{8}$/);
      expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);
      const resident = await residentToken(t, 'resident-bind-1');
      const bound = await t.http.post('/api/me/bindings').set(bearer(resident)).send({ inviteCode: ` ${code.toLowerCase()} ` }).expect(200);
      expect(bound.body.household).toMatchObject({ id: householdIds[0], label: '1号楼1单元101', role: 'OWNER', compoundName: '光明里小区' });
      const me = await t.http.get('/api/me').set(bearer(resident)).expect(200);
      expect(me.body.households).toEqual([expect.objectContaining({ id: householdIds[0], compoundId: ownCompoundId, unitId: expect.any(String) })]);
    });

    it('refuses a code that was already used, with a readable message', async () => {
      const { code } = await invite(householdIds[1]);
      await t.http.post('/api/me/bindings').set(bearer(await residentToken(t, 'first-user'))).send({ inviteCode: code }).expect(200);
      const second = await t.http.post('/api/me/bindings').set(bearer(await residentToken(t, 'second-user'))).send({ inviteCode: code }).expect(409);
      expect(second.body).toMatchObject({ code: 'INVITE_CODE_USED', message: expect.stringContaining('已被使用') });
      const me = await t.http.get('/api/me').set(bearer(await residentToken(t, 'second-user'))).expect(200);
      expect(me.body.households).toEqual([]);
    });

    it('lets exactly one of many residents racing for one code win', async () => {
      const { code } = await invite(householdIds[2]);
      const tokens = await Promise.all(Array.from({ length: 10 }, (_, i) => residentToken(t, `racer-${i}`)));
      const results = await Promise.all(tokens.map((token) => t.http.post('/api/me/bindings').set(bearer(token)).send({ inviteCode: code })));
      expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
      const [{ count }] = await t.dataSource.query(
        "SELECT COUNT(*) AS count FROM household_member m JOIN resident r ON r.id = m.residentId WHERE m.householdId = ? AND r.openid LIKE 'racer-%'",
        [householdIds[2]],
      );
      expect(Number(count)).toBe(1);
    });

    it('refuses an expired code and an unknown code', async () => {
      const { code } = await invite(householdIds[3]);
      t.clock.advance(7 * 24 * 3600 * 1000 + 1000);
      const resident = await residentToken(t, 'late-user');
      const expired = await t.http.post('/api/me/bindings').set(bearer(resident)).send({ inviteCode: code }).expect(400);
      expect(expired.body).toMatchObject({ code: 'INVITE_CODE_EXPIRED', message: expect.stringContaining('已过期') });
      const unknown = await t.http.post('/api/me/bindings').set(bearer(resident)).send({ inviteCode: 'ZZZZZZZZ' }).expect(400);
      expect(unknown.body.code).toBe('INVITE_CODE_INVALID');
    });

    it('lets a resident read their own household but not another one', async () => {
      const { code } = await invite(householdIds[4]);
      const resident = await residentToken(t, 'reader');
      await t.http.post('/api/me/bindings').set(bearer(resident)).send({ inviteCode: code }).expect(200);
      const own = await t.http.get(`/api/households/${householdIds[4]}`).set(bearer(resident)).expect(200);
      expect(own.body).toMatchObject({ id: householdIds[4] });
      expect(own.body).not.toHaveProperty('phone');
      const other = await t.http.get(`/api/households/${householdIds[5]}`).set(bearer(resident)).expect(404);
      expect(other.body.code).toBe('NOT_FOUND');
      await t.http.post(`/api/households/${householdIds[5]}/invite-codes`).set(bearer(resident)).send({}).expect(403);
    });

    it('lets committee issue a tenant code and refuses an unknown role', async () => {
      const tenantInvite = await t.http.post(`/api/households/${householdIds[6]}/invite-codes`).set(bearer(committee)).send({ role: 'TENANT' }).expect(201);
      const resident = await residentToken(t, 'tenant');
      const bound = await t.http.post('/api/me/bindings').set(bearer(resident)).send({ inviteCode: tenantInvite.body.code }).expect(200);
      expect(bound.body.household.role).toBe('TENANT');
      const bad = await t.http.post(`/api/households/${householdIds[6]}/invite-codes`).set(bearer(committee)).send({ role: 'LANDLORD' }).expect(400);
      expect(bad.body.message).toContain('身份只能是');
    });
  });
});
