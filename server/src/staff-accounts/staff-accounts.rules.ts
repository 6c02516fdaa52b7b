import { ScopeType, StaffRole, type AssignableScope, type StaffAccountView } from '@linyi/shared';
import { canonicalUsername } from '../auth/attempt-keys.rules.js';

// Stored names are canonical; sign-in looks names up the same way (auth/), so the rule lives there.
export { canonicalUsername };

const { Committee, Street, Contractor, Admin } = StaffRole;

/** Whom each role may create, re-scope and disable: street staff their committees and contractors, admins anyone but admins. */
export const MANAGED_ROLES: Record<StaffRole, readonly StaffRole[]> = {
  [Committee]: [],
  [Contractor]: [],
  [Street]: [Committee, Contractor],
  [Admin]: [Committee, Street, Contractor],
};

export const mayManage = (actorRole: StaffRole, targetRole: StaffRole) => MANAGED_ROLES[actorRole].includes(targetRole);

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 64;
const USERNAME_SHAPE = /^[\p{L}\p{N}][\p{L}\p{N}._@-]*$/u;

/** Why a canonical username cannot be used, or null. */
export function usernameProblem(username: string): string | null {
  if (username.length < USERNAME_MIN || username.length > USERNAME_MAX) return `用户名应为 ${USERNAME_MIN} 到 ${USERNAME_MAX} 个字符`;
  if (!USERNAME_SHAPE.test(username)) return '用户名只能包含字母、数字、汉字和 . _ - @，并以字母、数字或汉字开头';
  return null;
}

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 64;
// bcrypt reads only the first 72 bytes: a longer password would silently match its own prefix.
const PASSWORD_MAX_BYTES = 72;

/** Why a new password cannot be used, or null. `username` is canonical. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < PASSWORD_MIN) return `密码至少需要 ${PASSWORD_MIN} 个字符`;
  if (password.length > PASSWORD_MAX) return `密码最多 ${PASSWORD_MAX} 个字符`;
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) return `密码太长：最多 ${PASSWORD_MAX_BYTES} 个字节（一个汉字占 3 个字节）`;
  if (!password.trim()) return '密码不能全是空格';
  if (username !== undefined && canonicalUsername(password) === username) return '密码不能与用户名相同';
  return null;
}

/** What a PATCH would change on an account, compared with the account as it is. */
export interface AccountState {
  id: string;
  displayName: string;
  scopeId: string | null;
  disabled: boolean;
}

export interface AccountChanges {
  displayName?: { from: string; to: string };
  scopeId?: { from: string | null; to: string };
  disabled?: { from: boolean; to: boolean };
  password?: 'RESET';
}

export function accountChanges(account: AccountState, request: { displayName?: string; scopeId?: string; disabled?: boolean; password?: string }): AccountChanges {
  const changes: AccountChanges = {};
  if (request.displayName !== undefined && request.displayName !== account.displayName) changes.displayName = { from: account.displayName, to: request.displayName };
  if (request.scopeId !== undefined && request.scopeId !== account.scopeId) changes.scopeId = { from: account.scopeId, to: request.scopeId };
  if (request.disabled !== undefined && request.disabled !== account.disabled) changes.disabled = { from: account.disabled, to: request.disabled };
  if (request.password !== undefined) changes.password = 'RESET';
  return changes;
}

/** A caller who locks themselves out, or moves themselves, cannot undo it: someone else must. */
export function ownAccountProblem(changes: AccountChanges): string | null {
  if (changes.disabled?.to) return '不能停用自己的账号，请由其他街道或管理员账号操作';
  if (changes.scopeId) return '不能更改自己账号的管辖范围，请由其他街道或管理员账号操作';
  return null;
}

export interface PlaceName {
  id: string;
  name: string;
}

/** Where the caller may place a new account of each role, sorted by name within each role. */
export function assignableScopes(actorRole: StaffRole, reach: { offices: PlaceName[]; communities: PlaceName[]; compounds: PlaceName[] }): AssignableScope[] {
  const byName = (a: PlaceName, b: PlaceName) => a.name.localeCompare(b.name, 'zh-Hans-CN', { numeric: true });
  const of = (role: StaffRole, type: ScopeType, places: PlaceName[]) => (mayManage(actorRole, role) ? [...places].sort(byName).map((p) => ({ role, type, id: p.id, name: p.name })) : []);
  return [...of(Street, ScopeType.StreetOffice, reach.offices), ...of(Committee, ScopeType.Community, reach.communities), ...of(Contractor, ScopeType.Compound, reach.compounds)];
}

const ROLE_ORDER = [Street, Committee, Contractor, Admin];

/** The accounts screen's order: by role (street first), then place, then username; disabled ones last within their place. */
export function sortAccounts(accounts: StaffAccountView[]): StaffAccountView[] {
  const natural = (a: string, b: string) => a.localeCompare(b, 'zh-Hans-CN', { numeric: true });
  return [...accounts].sort(
    (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || natural(a.scopeName, b.scopeName) || Number(a.disabled) - Number(b.disabled) || natural(a.username, b.username),
  );
}
