import type { AssignableScope, StaffRole } from '@linyi/shared'

/**
 * Checks of the account form, done before sending so that each message stands next to its field.
 * The server checks again; these mirror its rules and never accept what it refuses.
 */

export type AccountField = 'role' | 'scopeId' | 'username' | 'displayName' | 'password'
export type AccountFieldErrors = Partial<Record<AccountField, string>>

export interface AccountDraft {
  role: StaffRole | null
  scopeId: string | null
  username: string
  displayName: string
  password: string
}

export const USERNAME_HINT = '3 到 64 个字符，可用字母、数字、汉字和 . _ - @，以字母、数字或汉字开头；登录时使用，创建后不能修改'
export const PASSWORD_HINT = '8 到 64 个字符，不能与用户名相同，建议混用字母和数字；请当面或电话告知对方'

// Mirrors server/src/staff-accounts/staff-accounts.rules.ts, which has the last word.
const USERNAME_SHAPE = /^[\p{L}\p{N}][\p{L}\p{N}._@-]*$/u
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u
// bcrypt reads only the first 72 bytes, so the server refuses longer passwords.
const PASSWORD_MAX_BYTES = 72

/** The form the server stores and compares: accents dropped, lower case, trailing spaces ignored. */
const canonical = (typed: string) =>
  typed
    .trim()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')

function utf8Bytes(text: string): number {
  let bytes = 0
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
  }
  return bytes
}

export function usernameProblem(typed: string): string | null {
  const username = canonical(typed)
  if (!username) return '请填写用户名'
  if (username.length < 3 || username.length > 64) return '用户名应为 3 到 64 个字符'
  return USERNAME_SHAPE.test(username) ? null : '用户名只能包含字母、数字、汉字和 . _ - @，并以字母、数字或汉字开头'
}

/** `username`: the account's, when known, since a password may not repeat it. */
export function passwordProblem(password: string, username?: string): string | null {
  if (!password) return '请填写密码'
  if (password.length < 8) return '密码至少需要 8 个字符'
  if (password.length > 64) return '密码最多 64 个字符'
  if (utf8Bytes(password) > PASSWORD_MAX_BYTES) return `密码太长：最多 ${PASSWORD_MAX_BYTES} 个字节（一个汉字占 3 个字节）`
  if (!password.trim()) return '密码不能全是空格'
  if (username && canonical(password) === canonical(username)) return '密码不能与用户名相同'
  return null
}

export function displayNameProblem(displayName: string): string | null {
  const name = displayName.trim()
  if (!name) return '请填写姓名或单位名称'
  if (name.length > 60) return '姓名或单位名称最多 60 个字'
  return NO_CONTROL_CHARACTERS.test(name) ? null : '姓名或单位名称中不能有换行或控制字符'
}

/** Every field's problem; an empty object means the draft may be sent. */
export function checkAccountDraft(draft: AccountDraft, scopes: AssignableScope[]): AccountFieldErrors {
  const errors: AccountFieldErrors = {}
  if (!draft.role) errors.role = '请选择账号类型'
  else if (!draft.scopeId || !scopes.some((scope) => scope.role === draft.role && scope.id === draft.scopeId)) errors.scopeId = '请选择账号的管理范围'
  const username = usernameProblem(draft.username)
  if (username) errors.username = username
  const displayName = displayNameProblem(draft.displayName)
  if (displayName) errors.displayName = displayName
  const password = passwordProblem(draft.password, draft.username)
  if (password) errors.password = password
  return errors
}

/** The roles the caller may create, in the order the server lists their scopes. */
export function rolesOffered(scopes: AssignableScope[]): StaffRole[] {
  return [...new Set(scopes.map((scope) => scope.role))]
}

export const scopesFor = (scopes: AssignableScope[], role: StaffRole | null) => (role ? scopes.filter((scope) => scope.role === role) : [])
