import { ScopeType, StaffRole, type StaffAccountView } from '@linyi/shared';
import { accountChanges, assignableScopes, canonicalUsername, mayManage, ownAccountProblem, passwordProblem, sortAccounts, usernameProblem } from './staff-accounts.rules.js';

const { Committee, Street, Contractor, Admin } = StaffRole;

describe('staff account rules', () => {
  it('street staff manage committees and contractors; admins anyone but admins; nobody else anyone', () => {
    expect([Committee, Street, Contractor, Admin].filter((r) => mayManage(Street, r))).toEqual([Committee, Contractor]);
    expect([Committee, Street, Contractor, Admin].filter((r) => mayManage(Admin, r))).toEqual([Committee, Street, Contractor]);
    for (const actor of [Committee, Contractor]) expect([Committee, Street, Contractor, Admin].filter((r) => mayManage(actor, r))).toEqual([]);
  });

  it('stores a username the way MariaDB compares it: case, accents, full-width forms and trailing spaces folded', () => {
    expect(canonicalUsername('  Li-Wei  ')).toBe('li-wei');
    expect(canonicalUsername('José')).toBe('jose');
    expect(canonicalUsername('ＧＭ-wang')).toBe('gm-wang');
    expect(canonicalUsername('Straße')).toBe('strasse');
    expect(canonicalUsername('光明社区-王')).toBe('光明社区-王');
  });

  it('accepts names of letters, digits, 汉字 and . _ - @ only, 3 to 64 long', () => {
    for (const ok of ['gm-wang', 'li.wei_2', 'wang@guangming', '王小明']) expect([ok, usernameProblem(ok)]).toEqual([ok, null]);
    for (const bad of ['ab', 'a'.repeat(65), 'li wei', '-wang', 'wang/1', 'x\u0000y', '']) expect(usernameProblem(bad)).toEqual(expect.any(String));
  });

  it('asks for 8 to 64 characters that bcrypt reads whole, not the username', () => {
    expect(passwordProblem('linyi-2025')).toBeNull();
    expect(passwordProblem('1234567')).toMatch(/至少需要 8/);
    expect(passwordProblem('a'.repeat(65))).toMatch(/最多 64/);
    expect(passwordProblem('密'.repeat(25))).toMatch(/72 个字节/);
    expect(passwordProblem('        ')).toMatch(/空格/);
    expect(passwordProblem('GM-Wang-1', 'gm-wang-1')).toMatch(/用户名相同/);
  });

  it('lists only what a PATCH changes; a password is always a reset', () => {
    const account = { id: 'a', displayName: '李主任', scopeId: 'c1', disabled: false };
    expect(accountChanges(account, {})).toEqual({});
    expect(accountChanges(account, { displayName: '李主任', scopeId: 'c1', disabled: false })).toEqual({});
    expect(accountChanges(account, { displayName: '王主任', scopeId: 'c2', disabled: true, password: 'x' })).toEqual({
      displayName: { from: '李主任', to: '王主任' },
      scopeId: { from: 'c1', to: 'c2' },
      disabled: { from: false, to: true },
      password: 'RESET',
    });
  });

  it('refuses to let anyone disable or move their own account, but not to rename it or change its password', () => {
    expect(ownAccountProblem({ disabled: { from: false, to: true } })).toMatch(/不能停用自己/);
    expect(ownAccountProblem({ scopeId: { from: 'a', to: 'b' } })).toMatch(/管辖范围/);
    expect(ownAccountProblem({ displayName: { from: 'a', to: 'b' }, password: 'RESET' })).toBeNull();
  });

  it('offers street staff their communities and compounds, admins street offices as well', () => {
    const reach = { offices: [{ id: 's', name: '和平里街道办事处' }], communities: [{ id: 'c2', name: '红星社区' }, { id: 'c1', name: '光明社区' }], compounds: [{ id: 'p', name: '光明里小区' }] };
    expect(assignableScopes(Street, reach)).toEqual([
      { role: Committee, type: ScopeType.Community, id: 'c1', name: '光明社区' },
      { role: Committee, type: ScopeType.Community, id: 'c2', name: '红星社区' },
      { role: Contractor, type: ScopeType.Compound, id: 'p', name: '光明里小区' },
    ]);
    expect(assignableScopes(Admin, reach)[0]).toEqual({ role: Street, type: ScopeType.StreetOffice, id: 's', name: '和平里街道办事处' });
    expect(assignableScopes(Committee, reach)).toEqual([]);
  });

  it('sorts street accounts first, then by place, enabled before disabled, then by username', () => {
    const view = (username: string, role: StaffRole, scopeName: string, disabled = false) => ({ username, role, scopeName, disabled }) as StaffAccountView;
    const sorted = sortAccounts([view('z', Contractor, '光明里小区'), view('b', Committee, '光明社区', true), view('a', Committee, '光明社区'), view('s', Street, '和平里街道办事处')]);
    expect(sorted.map((a) => a.username)).toEqual(['s', 'a', 'b', 'z']);
  });
});
