import { JwtService } from '@nestjs/jwt';
import { bearer, bootTestApp, residentToken, staffToken, type TestApp } from './support/test-app.js';
import { compoundsAs } from './support/demo-places.js';

/**
 * A token proves who signed in, nothing more: every request reads the account as it is now. The
 * accounts are changed directly in the database, as an operator (or a later admin screen) would.
 */
describe('tokens follow the account', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
  });

  afterAll(() => t.close());

  const sql = (query: string, params: unknown[] = []) => t.dataSource.query(query, params);
  const accountId = async (username: string) => (await sql('SELECT id FROM staff_account WHERE username = ?', [username]))[0].id as string;
  const communityId = async (name: string) => (await sql('SELECT id FROM community WHERE name = ?', [name]))[0].id as string;

  it('answers 401 on the very next request once the account is deleted', async () => {
    const token = await staffToken(t, 'contractor-demo');
    await t.http.get('/api/compounds').set(bearer(token)).expect(200);
    await sql('DELETE FROM staff_account WHERE id = ?', [await accountId('contractor-demo')]);
    const response = await t.http.get('/api/compounds').set(bearer(token)).expect(401);
    expect(response.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED', message: '账号不存在，请重新登录' });
  });

  it('answers 401 at once while the account is disabled, and refuses to sign it in', async () => {
    const token = await staffToken(t, 'street-demo');
    await t.http.get('/api/compounds').set(bearer(token)).expect(200);
    await sql('UPDATE staff_account SET disabled = 1 WHERE username = ?', ['street-demo']);
    const refused = await t.http.get('/api/compounds').set(bearer(token)).expect(401);
    expect(refused.body).toMatchObject({ code: 'ACCOUNT_DISABLED', message: '账号已停用，请联系街道办事处' });
    const login = await t.http.post('/api/auth/staff/login').send({ username: 'street-demo', password: 'linyi-demo' }).expect(401);
    expect(login.body.code).toBe('ACCOUNT_DISABLED');
    expect(login.body).not.toHaveProperty('accessToken');
    // Enabled again, the same token works again: nothing about the account was frozen into it.
    await sql('UPDATE staff_account SET disabled = 0 WHERE username = ?', ['street-demo']);
    await t.http.get('/api/compounds').set(bearer(token)).expect(200);
  });

  it('gives a committee member moved to another community that community, and 404 on the old one, from the next request', async () => {
    const token = await staffToken(t, 'committee-demo');
    const before = await compoundsAs(t, token);
    expect(before.map((c) => c.name).sort()).toEqual(['光明里小区', '幸福苑小区'].sort());
    const oldCompoundId = before[0].id;
    const { body: oldConsultations } = await t.http.get('/api/consultations').query({ compoundId: before.find((c) => c.name === '光明里小区')!.id }).set(bearer(token)).expect(200);
    expect(oldConsultations.length).toBeGreaterThan(0);
    await t.http.get(`/api/compounds/${oldCompoundId}/structure`).set(bearer(token)).expect(200);

    await sql('UPDATE staff_account SET scopeId = ? WHERE username = ?', [await communityId('红星社区'), 'committee-demo']);

    expect((await compoundsAs(t, token)).map((c) => c.name)).toEqual(['红星小区']);
    expect((await t.http.get(`/api/compounds/${oldCompoundId}/structure`).set(bearer(token)).expect(404)).body.code).toBe('NOT_FOUND');
    await t.http.get(`/api/consultations/${oldConsultations[0].id}`).set(bearer(token)).expect(404);
    await t.http.get(`/api/consultations/${oldConsultations[0].id}/groups`).set(bearer(token)).expect(404);
    // Moved back, the old community is theirs again with the same token.
    await sql('UPDATE staff_account SET scopeId = ? WHERE username = ?', [await communityId('光明社区'), 'committee-demo']);
    await t.http.get(`/api/compounds/${oldCompoundId}/structure`).set(bearer(token)).expect(200);
  });

  it('applies a changed role from the next request', async () => {
    const token = await staffToken(t, 'committee2-demo');
    const [hongxing] = await compoundsAs(t, token);
    const household = (await t.dataSource.query('SELECT id FROM household WHERE compoundId = ? LIMIT 1', [hongxing.id]))[0].id as string;
    await t.http.post(`/api/households/${household}/invite-codes`).set(bearer(token)).send({}).expect(201);
    await sql("UPDATE staff_account SET role = 'CONTRACTOR', scopeType = 'COMPOUND', scopeId = ? WHERE username = ?", [hongxing.id, 'committee2-demo']);
    // Contractors may not issue invite codes: the new role is what the guard checks.
    await t.http.post(`/api/households/${household}/invite-codes`).set(bearer(token)).send({}).expect(403);
    expect((await compoundsAs(t, token)).map((c) => c.id)).toEqual([hongxing.id]);
  });

  it('answers 401 to a resident whose record no longer exists', async () => {
    const token = await residentToken(t, 'resident-who-leaves');
    await t.http.get('/api/me/inbox').set(bearer(token)).expect(200);
    await sql('DELETE FROM resident WHERE openid = ?', ['resident-who-leaves']);
    expect((await t.http.get('/api/me/inbox').set(bearer(token)).expect(401)).body.code).toBe('UNAUTHENTICATED');
  });

  it('puts no role or scope into new tokens, so an old copy cannot be replayed with a stale role', async () => {
    const token = await staffToken(t, 'committee-demo');
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
    expect(Object.keys(payload).sort()).toEqual(['credentialsVersion', 'exp', 'iat', 'kind', 'sub']);
    expect(payload.credentialsVersion).toBe(0);
  });

  it('takes a token issued before credentials were versioned as version 0: valid until the password changes', async () => {
    const id = await accountId('committee-demo');
    const sign = (payload: Record<string, unknown>) => t.app.get(JwtService, { strict: false }).sign(payload);
    const older = sign({ kind: 'staff', sub: id });
    await t.http.get('/api/staff/me').set(bearer(older)).expect(200);
    for (const credentialsVersion of ['0', -1, 0.5, null]) {
      const odd = await t.http.get('/api/staff/me').set(bearer(sign({ kind: 'staff', sub: id, credentialsVersion }))).expect(401);
      expect(odd.body.code).toBe('UNAUTHENTICATED');
    }
    // As a password change would (the API raises the version with the new hash).
    await sql('UPDATE staff_account SET credentialsVersion = credentialsVersion + 1 WHERE id = ?', [id]);
    const ended = await t.http.get('/api/staff/me').set(bearer(older)).expect(401);
    expect(ended.body).toMatchObject({ statusCode: 401, code: 'SESSION_ENDED', message: '密码已修改，请重新登录' });
    // Signed in again, the new token carries the new version and works.
    const fresh = await staffToken(t, 'committee-demo');
    expect(JSON.parse(Buffer.from(fresh.split('.')[1], 'base64url').toString('utf8')).credentialsVersion).toBe(1);
    await t.http.get('/api/staff/me').set(bearer(fresh)).expect(200);
  });
});
