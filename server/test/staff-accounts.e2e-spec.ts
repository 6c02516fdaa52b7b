import { ScopeType, StaffRole, type AssignableScope, type StaffAccountView, type StaffView } from '@linyi/shared';
import bcrypt from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { StaffCredentials1764907200000 } from '../src/database/migrations/1764907200000-staff-credentials.js';
import { isUniqueViolation } from '../src/database/unique-violation.js';
import { isUsernameClash } from '../src/staff-accounts/staff-accounts.exception.js';
import { DEMO_PASSWORD } from '../src/demo/demo-data.js';
import { Community } from '../src/places/community.entity.js';
import { Compound } from '../src/places/compound.entity.js';
import { StreetOffice } from '../src/places/street-office.entity.js';
import { StaffAccount } from '../src/staff/staff-account.entity.js';
import { compoundsAs } from './support/demo-places.js';
import { createTestDatabase } from './support/test-database.js';
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

    it("ends the account's sessions when a manager resets its password: the old token answers 401 SESSION_ENDED", async () => {
      const account = await freshCommittee('reset-ends');
      const otherDevice = (await login('reset-ends', PASSWORD).expect(200)).body.accessToken as string;
      // A rename leaves sessions alone.
      await patch(street, account.id, { displayName: '光明社区 钱干事' }).expect(200);
      await me(account.token);
      const reset = await patch(street, account.id, { password: 'after-reset-2025' }).expect(200);
      // The manager's own session is not the one that ended: no token for it in the answer.
      expect(reset.body).not.toHaveProperty('accessToken');
      for (const token of [account.token, otherDevice]) {
        const ended = await t.http.get('/api/staff/me').set(bearer(token)).expect(401);
        expect(ended.body).toMatchObject({ statusCode: 401, code: 'SESSION_ENDED', message: '密码已修改，请重新登录' });
        await t.http.get('/api/compounds').set(bearer(token)).expect(401);
      }
      await me(street);
      const again = (await login('reset-ends', 'after-reset-2025').expect(200)).body.accessToken as string;
      expect((await me(again)).displayName).toBe('光明社区 钱干事');
    });

    describe("one's own password", () => {
      async function freshStreet(username: string) {
        const created = (await create(admin, { username, displayName: '和平里街道 孙科员', role: 'STREET', scopeId: place.street, password: PASSWORD }).expect(201)).body as StaffAccountView;
        return { id: created.id, token: (await login(username, PASSWORD).expect(200)).body.accessToken as string };
      }

      it('needs the current password: without it 400, wrong 403, and nothing changes', async () => {
        const self = await freshStreet('self-checked');
        const missing = await patch(self.token, self.id, { password: 'my-new-pass-2025' }).expect(400);
        expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/请填写当前密码/) });
        const wrong = await patch(self.token, self.id, { password: 'my-new-pass-2025', currentPassword: 'not-my-password' }).expect(403);
        expect(wrong.body).toMatchObject({ statusCode: 403, code: 'CURRENT_PASSWORD_WRONG', message: '当前密码不正确，密码没有修改' });
        expect((await patch(self.token, self.id, { password: 'my-new-pass-2025', currentPassword: 42 }).expect(400)).body.message).toMatch(/请填写当前密码/);
        // The session still works, the old password still signs in, and nothing was recorded.
        await me(self.token);
        await login('self-checked', PASSWORD).expect(200);
        await login('self-checked', 'my-new-pass-2025').expect(401);
        expect(await audited(self.id)).toHaveLength(1);
      });

      it('ends every other session and answers with a fresh token, which keeps the console signed in', async () => {
        const self = await freshStreet('self-changer');
        const phone = (await login('self-changer', PASSWORD).expect(200)).body.accessToken as string;
        const changed = await patch(self.token, self.id, { password: 'my-new-pass-2025', currentPassword: PASSWORD }).expect(200);
        expect(changed.body).toMatchObject({ id: self.id, username: 'self-changer', accessToken: expect.any(String) });
        expect(JSON.stringify(changed.body)).not.toMatch(/passwordHash|\$2[aby]\$|my-new-pass/);
        for (const token of [self.token, phone]) expect((await t.http.get('/api/staff/me').set(bearer(token)).expect(401)).body.code).toBe('SESSION_ENDED');
        expect(await me(changed.body.accessToken)).toMatchObject({ id: self.id, role: 'STREET' });
        await login('self-changer', PASSWORD).expect(401);
        await login('self-changer', 'my-new-pass-2025').expect(200);
        const [, change] = await audited(self.id);
        expect(change).toMatchObject({ action: 'STAFF_ACCOUNT_CHANGED', actor: `staff:${self.id}`, payload: { password: 'RESET' } });
      });

      it('counts wrong current passwords against the sign-in lock: after five, 429 here and at sign-in', async () => {
        const self = await freshStreet('self-guesser');
        for (let i = 0; i < 5; i++) await patch(self.token, self.id, { password: 'my-new-pass-2025', currentPassword: `guess-${i}` }).expect(403);
        const blocked = await patch(self.token, self.id, { password: 'my-new-pass-2025', currentPassword: PASSWORD }).expect(429);
        expect(blocked.body).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: expect.stringMatching(/请 15 分钟后再试/) });
        expect((await login('self-guesser', PASSWORD).expect(429)).body.code).toBe('TOO_MANY_ATTEMPTS');
        await me(self.token);
      });
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

describe.each(['MariaDB', 'embedded SQLite'])('staff credentials migration on %s', (engine) => {
  let dataSource: DataSource;
  let database: { url: string; drop: () => Promise<void> };

  beforeAll(async () => {
    database = engine === 'MariaDB' ? await createTestDatabase() : { url: '', drop: async () => undefined };
    const options = await dataSourceOptions({ databaseUrl: database.url, dataDir: mkdtempSync(join(tmpdir(), 'linyi-staff-credentials-')) });
    dataSource = new DataSource({ ...options, migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(StaffCredentials1764907200000) + 1) });
    await dataSource.initialize();
    await dataSource.runMigrations();
  }, 60_000);

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const insertAccount = (username: string, id = randomUUID()) =>
    dataSource.query("INSERT INTO staff_account (id, username, displayName, passwordHash, role, scopeType, scopeId) VALUES (?, ?, '旧账号', 'x', 'ADMIN', 'ALL', NULL)", [id, username]);
  const usernames = async () => ((await dataSource.query('SELECT username FROM staff_account ORDER BY username')) as Array<{ username: string }>).map((row) => row.username);
  const lastMigration = async () => (await dataSource.query('SELECT name FROM migrations ORDER BY id DESC LIMIT 1'))[0].name as string;
  const hasVersionColumn = () => dataSource.query('SELECT credentialsVersion FROM staff_account').then(() => true, () => false);

  it('stores names written before canonicalisation canonical, adds credentialsVersion 0, and undoes the column', async () => {
    await dataSource.undoLastMigration();
    expect(await hasVersionColumn()).toBe(false);
    await insertAccount('GM-Wang');
    await insertAccount(' Li.Na ');
    await insertAccount('Émile');
    await insertAccount('plain-name');

    await dataSource.runMigrations();
    expect(await lastMigration()).toBe('StaffCredentials1764907200000');
    expect(await usernames()).toEqual(['emile', 'gm-wang', 'li.na', 'plain-name']);
    expect((await dataSource.query('SELECT DISTINCT credentialsVersion AS v FROM staff_account')).map((r: { v: unknown }) => Number(r.v))).toEqual([0]);
    if (engine === 'MariaDB') {
      const drift = (await dataSource.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query).filter((q) => q.includes('staff_account'));
      expect(drift).toEqual([]);
    } else {
      // SQLite's schema builder would rebuild the table anyway, for `disabled` (stored DEFAULT false since
      // 1764561600000, generated as 0): the new column is checked as stored instead.
      const columns: Array<{ name: string; type: string; notnull: number; dflt_value: string }> = await dataSource.query('PRAGMA table_info(staff_account)');
      expect(columns.find((c) => c.name === 'credentialsVersion')).toMatchObject({ type: 'INTEGER', notnull: 1, dflt_value: '0' });
    }

    await dataSource.undoLastMigration();
    expect(await hasVersionColumn()).toBe(false);
    expect(await usernames()).toEqual(['emile', 'gm-wang', 'li.na', 'plain-name']);
    await dataSource.runMigrations();
  });

  it('refuses, naming both, to merge two names that canonicalise alike, and changes nothing until one is renamed', async () => {
    await dataSource.undoLastMigration();
    await insertAccount('gm-li');
    const clashing = randomUUID();
    await insertAccount('  gm-li', clashing);
    await insertAccount('Zhang-San');

    await expect(dataSource.runMigrations()).rejects.toThrow(/"  gm-li" = "gm-li".*Rename or delete/);
    expect(await lastMigration()).toBe('CompoundSettings1764820800000');
    expect(await hasVersionColumn()).toBe(false);
    expect(await usernames()).toContain('Zhang-San');

    await dataSource.query("UPDATE staff_account SET username = 'gm-li-2' WHERE id = ?", [clashing]);
    await dataSource.runMigrations();
    expect(await usernames()).toEqual(expect.arrayContaining(['gm-li', 'gm-li-2', 'zhang-san']));
  });

  it("tells a taken username from another unique index's refusal", async () => {
    const id = randomUUID();
    await insertAccount('unique-probe', id);
    const duplicateName = await insertAccount('unique-probe').catch((error: unknown) => error);
    const duplicateId = await insertAccount('unique-probe-2', id).catch((error: unknown) => error);
    expect([isUniqueViolation(duplicateName), isUsernameClash(duplicateName)]).toEqual([true, true]);
    expect([isUniqueViolation(duplicateId), isUsernameClash(duplicateId)]).toEqual([true, false]);
    expect(isUniqueViolation(duplicateName, { name: 'uq_other', columns: 'staff_account.displayName' })).toBe(false);
    expect(isUniqueViolation(new Error('connection lost'))).toBe(false);
  });
});
