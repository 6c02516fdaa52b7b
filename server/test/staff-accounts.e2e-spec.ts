import { ScopeType, StaffRole, type AssignableScope, type StaffAccountView, type StaffView } from '@linyi/shared';
import bcrypt from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../src/demo/demo-data.js';
import { Community } from '../src/places/community.entity.js';
import { Compound } from '../src/places/compound.entity.js';
import { StreetOffice } from '../src/places/street-office.entity.js';
import { StaffAccount } from '../src/staff/staff-account.entity.js';
import { compoundsAs } from './support/demo-places.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';

const PASSWORD = 'guangming-2025';

describe('staff accounts: street and admin staff create, re-scope and disable accounts in their scope', () => {
  let t: TestApp;
  let street: string;
  let admin: string;
  let committee: string;
  let contractor: string;
  const place: Record<string, string> = {};

  beforeAll(async () => {
    t = await bootTestApp();
    [street, committee, contractor] = await Promise.all(['street-demo', 'committee-demo', 'contractor-demo'].map((u) => staffToken(t, u)));
    for (const { name, id } of (await t.dataSource.query('SELECT name, id FROM community')) as Array<{ name: string; id: string }>) place[name] = id;
    for (const { name, id } of (await t.dataSource.query('SELECT name, id FROM compound')) as Array<{ name: string; id: string }>) place[name] = id;
    place.street = (await t.dataSource.getRepository(StaffAccount).findOneByOrFail({ username: 'street-demo' })).scopeId!;
    // A second street office (东风), out of street-demo's reach, with one community and compound.
    const ds = t.dataSource;
    const office = await ds.getRepository(StreetOffice).save({ id: randomUUID(), name: '东风街道办事处' });
    const community = await ds.getRepository(Community).save({ id: randomUUID(), name: '东风社区', streetOfficeId: office.id });
    const compound = await ds.getRepository(Compound).save({ id: randomUUID(), name: '东风小区', address: null, communityId: community.id });
    Object.assign(place, { otherStreet: office.id, 东风社区: community.id, 东风小区: compound.id });
    const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 4);
    await ds.getRepository(StaffAccount).save([
      { id: randomUUID(), username: 'dongfeng-committee', displayName: '东风社区 孙主任', role: StaffRole.Committee, scopeType: ScopeType.Community, scopeId: community.id, passwordHash },
      { id: randomUUID(), username: 'admin-test', displayName: '区住建委 管理员', role: StaffRole.Admin, scopeType: ScopeType.All, scopeId: null, passwordHash },
    ]);
    admin = await staffToken(t, 'admin-test');
  }, 60_000);

  afterAll(() => t.close());

  const list = async (token: string): Promise<StaffAccountView[]> => (await t.http.get('/api/staff-accounts').set(bearer(token)).expect(200)).body;
  const create = (token: string, body: Record<string, unknown>) => t.http.post('/api/staff-accounts').set(bearer(token)).send(body);
  const patch = (token: string, id: string, body: Record<string, unknown>) => t.http.patch(`/api/staff-accounts/${id}`).set(bearer(token)).send(body);
  const me = async (token: string): Promise<StaffView> => (await t.http.get('/api/staff/me').set(bearer(token)).expect(200)).body;
  const login = (username: string, password: string) => t.http.post('/api/auth/staff/login').send({ username, password });
  const accountCount = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM staff_account'))[0].n);
  const audited = async (accountId: string): Promise<Array<{ action: string; actor: string; payload: Record<string, unknown> }>> =>
    ((await t.dataSource.query('SELECT action, actor, payload FROM audit_entry WHERE chainKey = ? ORDER BY seq', [`staff-account:${accountId}`])) as Array<{ action: string; actor: string; payload: string }>).map((row) => ({
      ...row,
      payload: JSON.parse(row.payload),
    }));
  const idOf = async (username: string) => (await t.dataSource.getRepository(StaffAccount).findOneByOrFail({ username })).id;
  const newCommittee = (username: string, scopeId = place['光明社区']) => ({ username, displayName: '光明社区 王干事', role: StaffRole.Committee, scopeId, password: PASSWORD });

  describe('GET /api/staff/me', () => {
    it('answers the caller as the database says now', async () => {
      expect(await me(committee)).toEqual({ id: await idOf('committee-demo'), username: 'committee-demo', displayName: '光明社区 李主任', role: 'COMMITTEE', scope: { type: 'COMMUNITY', id: place['光明社区'] } });
      expect(await me(contractor)).toMatchObject({ role: 'CONTRACTOR', scope: { type: 'COMPOUND', id: place['光明里小区'] } });
      expect(JSON.stringify(await me(street))).not.toMatch(/passwordHash|\$2[aby]\$/);
    });
  });

  describe('listing', () => {
    it("shows street staff the accounts of its own street office, with place names and the demo's disabled contractor", async () => {
      const accounts = await list(street);
      expect(accounts.map((a) => [a.username, a.role, a.scopeName, a.disabled])).toEqual([
        ['street-demo', 'STREET', '和平里街道办事处', false],
        ['committee-demo', 'COMMITTEE', '光明社区', false],
        ['committee2-demo', 'COMMITTEE', '红星社区', false],
        ['contractor-demo', 'CONTRACTOR', '光明里小区', false],
        ['contractor-old-demo', 'CONTRACTOR', '幸福苑小区', true],
      ]);
      expect(accounts[1]).toEqual({
        id: await idOf('committee-demo'),
        username: 'committee-demo',
        displayName: '光明社区 李主任',
        role: 'COMMITTEE',
        scope: { type: 'COMMUNITY', id: place['光明社区'] },
        scopeName: '光明社区',
        disabled: false,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(JSON.stringify(accounts)).not.toMatch(/passwordHash|\$2[aby]\$/);
    });

    it('shows an admin every account, other street offices and admins included', async () => {
      const usernames = (await list(admin)).map((a) => a.username);
      expect(usernames).toEqual(expect.arrayContaining(['street-demo', 'committee-demo', 'dongfeng-committee', 'admin-test']));
      expect((await list(admin)).find((a) => a.username === 'admin-test')).toMatchObject({ scope: { type: 'ALL', id: null }, scopeName: '全部' });
    });

    it('is for street and admin staff only', async () => {
      await t.http.get('/api/staff-accounts').set(bearer(committee)).expect(403);
      await t.http.get('/api/staff-accounts').set(bearer(contractor)).expect(403);
      await t.http.get('/api/staff-accounts/scopes').set(bearer(committee)).expect(403);
      await t.http.get('/api/staff-accounts').expect(401);
    });
  });

  describe('assignable scopes', () => {
    it("offers street staff its communities for committees and its compounds for contractors, nothing else", async () => {
      const scopes: AssignableScope[] = (await t.http.get('/api/staff-accounts/scopes').set(bearer(street)).expect(200)).body;
      expect(scopes).toEqual([
        { role: 'COMMITTEE', type: 'COMMUNITY', id: place['光明社区'], name: '光明社区' },
        { role: 'COMMITTEE', type: 'COMMUNITY', id: place['红星社区'], name: '红星社区' },
        { role: 'CONTRACTOR', type: 'COMPOUND', id: place['光明里小区'], name: '光明里小区' },
        { role: 'CONTRACTOR', type: 'COMPOUND', id: place['红星小区'], name: '红星小区' },
        { role: 'CONTRACTOR', type: 'COMPOUND', id: place['幸福苑小区'], name: '幸福苑小区' },
      ]);
    });

    it('offers an admin every street office as well', async () => {
      const scopes: AssignableScope[] = (await t.http.get('/api/staff-accounts/scopes').set(bearer(admin)).expect(200)).body;
      expect(scopes.filter((s) => s.role === 'STREET').map((s) => s.id).sort()).toEqual([place.street, place.otherStreet].sort());
      expect(scopes.filter((s) => s.role === 'COMMITTEE').map((s) => s.name)).toContain('东风社区');
      expect(scopes.some((s) => s.role === 'ADMIN')).toBe(false);
    });
  });

  describe('creating', () => {
    it('creates a committee account that signs in and sees its community, stored by the name the database compares', async () => {
      const response = await create(street, newCommittee('  GM-Wang ')).expect(201);
      expect(response.body).toMatchObject({ username: 'gm-wang', displayName: '光明社区 王干事', role: 'COMMITTEE', scope: { type: 'COMMUNITY', id: place['光明社区'] }, scopeName: '光明社区', disabled: false });
      const token = (await login('gm-wang', PASSWORD).expect(200)).body.accessToken;
      expect((await compoundsAs(t, token)).map((c) => c.name).sort()).toEqual(['光明里小区', '幸福苑小区'].sort());
      const [entry] = await audited(response.body.id);
      expect(entry).toMatchObject({ action: 'STAFF_ACCOUNT_CREATED', actor: `staff:${await idOf('street-demo')}`, payload: { username: 'gm-wang', role: 'COMMITTEE', scopeType: 'COMMUNITY', scopeId: place['光明社区'] } });
      expect(JSON.stringify(entry.payload)).not.toContain(PASSWORD);
      expect(JSON.stringify(entry.payload)).not.toMatch(/\$2[aby]\$/);
    });

    it('creates a contractor account for a compound of the street office', async () => {
      const response = await create(street, { username: 'xingfu-builder', displayName: '幸福苑施工队 周经理', role: 'CONTRACTOR', scopeId: place['幸福苑小区'], password: PASSWORD }).expect(201);
      expect(response.body).toMatchObject({ role: 'CONTRACTOR', scope: { type: 'COMPOUND', id: place['幸福苑小区'] }, scopeName: '幸福苑小区' });
    });

    it('refuses a name already taken in any case or with trailing spaces: 409 USERNAME_TAKEN, in Chinese', async () => {
      for (const username of ['GM-WANG', 'gm-wang   ', 'Committee-Demo', 'ＧＭ-wang']) {
        const response = await create(street, newCommittee(username)).expect(409);
        expect(response.body).toMatchObject({ statusCode: 409, code: 'USERNAME_TAKEN', message: expect.stringMatching(/已被使用/) });
      }
    });

    it('gives one of two simultaneous requests for the same name the account, and the other 409', async () => {
      const results = await Promise.all([create(street, newCommittee('twin-name')), create(admin, newCommittee('Twin-Name'))]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('USERNAME_TAKEN');
    });

    it('lets street staff create only committee and contractor accounts in its own street office, and writes nothing otherwise', async () => {
      const before = await accountCount();
      const refusals: Array<[Record<string, unknown>, number, RegExp]> = [
        [{ ...newCommittee('s-street'), role: 'STREET', scopeId: place.street }, 403, /只能管理/],
        [{ ...newCommittee('s-admin'), role: 'ADMIN' }, 403, /只能管理/],
        [newCommittee('s-foreign', place['东风社区']), 404, /社区不存在或无权查看/],
        [{ ...newCommittee('s-foreign2'), role: 'CONTRACTOR', scopeId: place['东风小区'] }, 404, /小区不存在或无权查看/],
        // A compound id is no community: the role decides what the scope id must name.
        [newCommittee('s-wrong-type', place['光明里小区']), 404, /社区不存在/],
        [newCommittee('s-nowhere', randomUUID()), 404, /社区不存在/],
      ];
      for (const [body, status, message] of refusals) {
        const response = await create(street, body);
        expect([body.username, response.status, response.body.message]).toEqual([body.username, status, expect.stringMatching(message)]);
      }
      await create(committee, newCommittee('c-self')).expect(403);
      await create(contractor, newCommittee('k-self')).expect(403);
      expect(await accountCount()).toBe(before);
    });

    it('explains a bad field in Chinese with 400', async () => {
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ ...newCommittee('short-pass'), password: '1234567' }, /密码至少需要 8 个字符/],
        [{ ...newCommittee('same-as-name'), password: 'Same-As-Name' }, /密码不能与用户名相同/],
        [newCommittee('li wei'), /用户名只能包含/],
        [newCommittee('ab'), /用户名应为 3 到 64 个字符/],
        [{ ...newCommittee('no-name'), displayName: '   ' }, /显示名称应为 1 到 60 个字/],
        [{ ...newCommittee('bad-role'), role: 'MAYOR' }, /角色只能是/],
        [{ ...newCommittee('bad-scope'), scopeId: 'guangming' }, /管辖范围/],
        [{ ...newCommittee('extra'), isAdmin: true }, /不接受字段“isAdmin”/],
        [{ ...newCommittee('number-name'), username: 12345 }, /请填写用户名/],
        [{ ...newCommittee('number-pass'), password: 12345678 }, /请填写密码/],
        [{ ...newCommittee('number-display'), displayName: 7 }, /请填写显示名称/],
      ];
      for (const [body, message] of cases) {
        const response = await create(street, body).expect(400);
        expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(message) });
      }
    });

    it('lets an admin create a street account for any street office', async () => {
      const response = await create(admin, { username: 'dongfeng-street', displayName: '东风街道 吴科长', role: 'STREET', scopeId: place.otherStreet, password: PASSWORD }).expect(201);
      expect(response.body).toMatchObject({ role: 'STREET', scope: { type: 'STREET_OFFICE', id: place.otherStreet }, scopeName: '东风街道办事处' });
      await create(admin, { ...newCommittee('admin-admin'), role: 'ADMIN' }).expect(403);
    });
  });

  describe('changing', () => {
    async function freshCommittee(username: string, scopeId = place['光明社区']) {
      const created = (await create(street, newCommittee(username, scopeId)).expect(201)).body as StaffAccountView;
      return { id: created.id, token: (await login(username, PASSWORD).expect(200)).body.accessToken as string };
    }

    it('disables an account: its token answers 401 from the next request, it cannot sign in; enabled again, it works', async () => {
      const account = await freshCommittee('to-disable');
      await t.http.get('/api/compounds').set(bearer(account.token)).expect(200);
      const disabled = await patch(street, account.id, { disabled: true }).expect(200);
      expect(disabled.body).toMatchObject({ id: account.id, disabled: true });
      expect((await t.http.get('/api/compounds').set(bearer(account.token)).expect(401)).body.code).toBe('ACCOUNT_DISABLED');
      await t.http.get('/api/staff/me').set(bearer(account.token)).expect(401);
      expect((await login('to-disable', PASSWORD).expect(401)).body.code).toBe('ACCOUNT_DISABLED');
      expect((await list(street)).find((a) => a.id === account.id)!.disabled).toBe(true);

      await patch(street, account.id, { disabled: false }).expect(200);
      await t.http.get('/api/compounds').set(bearer(account.token)).expect(200);
      const actions = (await audited(account.id)).map((e) => [e.action, e.payload.disabled]);
      expect(actions).toEqual([
        ['STAFF_ACCOUNT_CREATED', undefined],
        ['STAFF_ACCOUNT_CHANGED', { from: false, to: true }],
        ['STAFF_ACCOUNT_CHANGED', { from: true, to: false }],
      ]);
    });

    it('re-scopes a committee account: from the next request it sees only the new community, keeping its role', async () => {
      const account = await freshCommittee('to-move');
      const guangming = place['光明里小区'];
      await t.http.get(`/api/compounds/${guangming}/structure`).set(bearer(account.token)).expect(200);
      const moved = await patch(street, account.id, { scopeId: place['红星社区'] }).expect(200);
      expect(moved.body).toMatchObject({ role: 'COMMITTEE', scope: { type: 'COMMUNITY', id: place['红星社区'] }, scopeName: '红星社区' });
      expect((await compoundsAs(t, account.token)).map((c) => c.name)).toEqual(['红星小区']);
      expect((await t.http.get(`/api/compounds/${guangming}/structure`).set(bearer(account.token)).expect(404)).body.code).toBe('NOT_FOUND');
      await t.http.get(`/api/compounds/${place['红星小区']}/structure`).set(bearer(account.token)).expect(200);
      expect(await me(account.token)).toMatchObject({ role: 'COMMITTEE', scope: { type: 'COMMUNITY', id: place['红星社区'] } });
      const [, change] = await audited(account.id);
      expect(change.payload).toEqual({ scopeId: { from: place['光明社区'], to: place['红星社区'] } });
    });

    it('re-scopes a contractor to another compound of the street office', async () => {
      const contractorId = await idOf('xingfu-builder');
      await patch(street, contractorId, { scopeId: place['红星小区'] }).expect(200);
      expect((await list(street)).find((a) => a.id === contractorId)).toMatchObject({ scope: { type: 'COMPOUND', id: place['红星小区'] }, scopeName: '红星小区' });
    });

    it('renames and resets a password: the old one stops working, the new one signs in', async () => {
      const account = await freshCommittee('to-reset');
      const renamed = await patch(street, account.id, { displayName: '光明社区 赵干事', password: 'brand-new-2025' }).expect(200);
      expect(renamed.body.displayName).toBe('光明社区 赵干事');
      await login('to-reset', PASSWORD).expect(401);
      await login('to-reset', 'brand-new-2025').expect(200);
      const [, change] = await audited(account.id);
      expect(change.payload).toEqual({ displayName: { from: '光明社区 王干事', to: '光明社区 赵干事' }, password: 'RESET' });
      expect(JSON.stringify(change.payload)).not.toContain('brand-new-2025');
    });

    it('changes nothing and records nothing for an empty or same-value request', async () => {
      const account = await freshCommittee('no-change');
      await patch(street, account.id, {}).expect(200);
      await patch(street, account.id, { displayName: '光明社区 王干事', scopeId: place['光明社区'], disabled: false }).expect(200);
      expect(await audited(account.id)).toHaveLength(1);
    });

    it('lets nobody disable or re-scope themselves (409), but rename themselves', async () => {
      const streetId = await idOf('street-demo');
      const selfDisable = await patch(street, streetId, { disabled: true }).expect(409);
      expect(selfDisable.body).toMatchObject({ code: 'OWN_ACCOUNT_CHANGE_REFUSED', message: expect.stringMatching(/不能停用自己的账号/) });
      const selfMove = await patch(admin, await idOf('admin-test'), { scopeId: place.street }).expect(409);
      expect(selfMove.body.message).toMatch(/不能更改自己账号的管辖范围/);
      await t.http.get('/api/compounds').set(bearer(street)).expect(200);
      await patch(street, streetId, { displayName: '和平里街道 张科长（值班）' }).expect(200);
      expect((await me(street)).displayName).toBe('和平里街道 张科长（值班）');
    });

    it("keeps street staff to its own office's committee and contractor accounts, and to its own places", async () => {
      const account = await freshCommittee('stay-home');
      const before = await audited(account.id);
      // Another street office's account: as if it did not exist.
      expect((await patch(street, await idOf('dongfeng-committee'), { disabled: true }).expect(404)).body.message).toMatch(/账号不存在或无权查看/);
      // An account of its own office moved out of it, or to a place of the wrong type.
      expect((await patch(street, account.id, { scopeId: place['东风社区'] }).expect(404)).body.message).toMatch(/社区不存在或无权查看/);
      await patch(street, account.id, { scopeId: place['光明里小区'] }).expect(404);
      // Street accounts (even of its own office) and admins are managed by admins.
      const colleague = (await create(admin, { username: 'street-colleague', displayName: '和平里街道 陈科员', role: 'STREET', scopeId: place.street, password: PASSWORD }).expect(201)).body;
      expect((await patch(street, colleague.id, { disabled: true }).expect(403)).body.message).toMatch(/只能管理/);
      await patch(street, await idOf('admin-test'), { displayName: 'x' }).expect(404);
      await patch(committee, account.id, { disabled: true }).expect(403);
      await patch(street, randomUUID(), { disabled: true }).expect(404);
      await patch(street, 'not-an-id', { disabled: true }).expect(404);
      expect(await audited(account.id)).toEqual(before);
      expect((await list(street)).find((a) => a.id === colleague.id)!.disabled).toBe(false);
      // An admin may move a street account to another street office.
      await patch(admin, colleague.id, { scopeId: place.otherStreet }).expect(200);
      expect((await list(street)).some((a) => a.id === colleague.id)).toBe(false);
    });
  });
});
