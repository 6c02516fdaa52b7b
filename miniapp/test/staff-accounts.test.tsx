import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { ScopeType, StaffRole } from '@linyi/shared'
import type { AssignableScope, StaffAccountView, StaffView } from '@linyi/shared'
import Taro, { conflict, ok, resetTaro, sent, serve, storage } from './taro-mock'
import StaffAccountsPage from '../src/staff/accounts/index'
import { StorageKey } from '../src/api/storage'
import { passwordProblem, usernameProblem } from '../src/staff/components/accounts/account-form.rules'

const wx = Taro as unknown as Record<string, jest.Mock>

const street: StaffView = { id: 'me', username: 'street-li', displayName: '李街道', role: StaffRole.Street, scope: { type: ScopeType.StreetOffice, id: 'so1' } }

function account(overrides: Partial<StaffAccountView>): StaffAccountView {
  return {
    id: 'a1',
    username: 'xfl-committee',
    displayName: '幸福里居委会 王芳',
    role: StaffRole.Committee,
    scope: { type: ScopeType.Community, id: 'cm1' },
    scopeName: '幸福里社区',
    disabled: false,
    createdAt: '2026-11-01T02:00:00.000Z',
    ...overrides,
  }
}

const accounts = [
  account({ id: 'me', username: 'street-li', displayName: '李街道', role: StaffRole.Street, scope: { type: ScopeType.StreetOffice, id: 'so1' }, scopeName: '临沂路街道' }),
  account({}),
  account({ id: 'a2', username: 'builder-zhang', displayName: '张工', role: StaffRole.Contractor, scope: { type: ScopeType.Compound, id: 'c1' }, scopeName: '幸福里小区', disabled: true }),
]

const scopes: AssignableScope[] = [
  { role: StaffRole.Committee, type: ScopeType.Community, id: 'cm1', name: '幸福里社区' },
  { role: StaffRole.Committee, type: ScopeType.Community, id: 'cm2', name: '和平社区' },
  { role: StaffRole.Contractor, type: ScopeType.Compound, id: 'c1', name: '幸福里小区' },
]

function signIn(staff: StaffView, routes: Parameters<typeof serve>[0] = {}) {
  storage.set(StorageKey.staffToken, 'staff-token')
  storage.set(StorageKey.staffProfile, JSON.stringify(staff))
  serve({ 'GET /staff/me': ok(staff), 'GET /staff-accounts': ok(accounts), 'GET /staff-accounts/scopes': ok(scopes), ...routes })
}

/** Types once Taro's input has rendered its inner <input>, as a person could only then. */
async function type(container: HTMLElement, selector: string, value: string) {
  const field = await waitFor(() => {
    const element = container.querySelector(selector)
    if (!element?.querySelector('input')) throw new Error(`${selector} not rendered yet`)
    return element
  })
  fireEvent(field, new CustomEvent('input', { bubbles: true, detail: { value } }))
}

const rowOf = (container: HTMLElement, username: string) => container.querySelector(`.account-row[data-username="${username}"]`) as HTMLElement

async function fillCreateForm(container: HTMLElement, password = 'linyi2026') {
  const roles = container.querySelector('.account-role-choices') as HTMLElement
  fireEvent.click(within(roles).getByText('居委会'))
  fireEvent.click(within(container.querySelector('.account-scope-choices') as HTMLElement).getByText('和平社区'))
  await type(container, '.account-username-input', 'hp-committee')
  await type(container, '.account-display-name-input', '和平社区居委会 赵敏')
  await type(container, '.account-password-input', password)
}

beforeEach(() => {
  resetTaro()
  wx.showModal = jest.fn(async () => ({ confirm: true, cancel: false }))
})

it('a committee profile sees no accounts screen, and nothing is asked of the server', async () => {
  const committee: StaffView = { ...street, id: 'c-me', role: StaffRole.Committee, scope: { type: ScopeType.Community, id: 'cm1' } }
  signIn(committee)
  const { container } = render(<StaffAccountsPage />)
  expect(await screen.findByText(/您的账号（居委会）不能查看或修改账号/)).toBeTruthy()
  await waitFor(() => expect(sent('GET /staff/me')).toHaveLength(1))
  expect(sent('GET /staff-accounts')).toHaveLength(0)
  expect(container.querySelector('.account-create-submit')).toBeNull()
})

it('lists accounts with their role in Chinese, scope and a 已停用 badge; no actions on one’s own account', async () => {
  signIn(street)
  const { container } = render(<StaffAccountsPage />)
  await screen.findByText('幸福里居委会 王芳')
  const committee = rowOf(container, 'xfl-committee')
  expect(committee.textContent).toContain('居委会 · 幸福里社区')
  expect(committee.querySelector('.account-disabled-badge')).toBeNull()
  const contractor = rowOf(container, 'builder-zhang')
  expect(contractor.textContent).toContain('施工单位 · 幸福里小区')
  expect(contractor.querySelector('.account-disabled-badge')?.textContent).toBe('已停用')
  expect(contractor.querySelector('.account-enable')).toBeTruthy()

  const mine = rowOf(container, 'street-li')
  expect(mine.textContent).toContain('街道 · 临沂路街道')
  // The server refuses disabling or moving oneself; a new password for oneself it accepts.
  expect(mine.querySelector('.account-disable, .account-enable, .account-rescope')).toBeNull()
  expect(mine.querySelector('.account-reset-password')?.textContent).toBe('修改我的密码')
})

it('offers only the roles the server lists scopes for, and each role only its scopes', async () => {
  signIn(street)
  const { container } = render(<StaffAccountsPage />)
  await screen.findByText('幸福里居委会 王芳')
  const roles = container.querySelector('.account-role-choices') as HTMLElement
  expect([...roles.querySelectorAll('.choice-button')].map((b) => b.textContent)).toEqual(['居委会', '施工单位'])
  fireEvent.click(within(roles).getByText('施工单位'))
  // The one compound on offer is chosen already.
  expect([...container.querySelectorAll('.account-scope-choices .choice-button')].map((b) => b.textContent)).toEqual(['✓ 幸福里小区'])
})

it('creating an account sends the form as the request body, then reloads the list', async () => {
  signIn(street, { 'POST /staff-accounts': { statusCode: 201, data: account({ id: 'a9', username: 'hp-committee', displayName: '和平社区居委会 赵敏' }) } })
  const { container } = render(<StaffAccountsPage />)
  await screen.findByText('幸福里居委会 王芳')
  await fillCreateForm(container)
  fireEvent.click(container.querySelector('.account-create-submit')!)

  expect(await screen.findByText(/已创建账号：和平社区居委会 赵敏（hp-committee）/)).toBeTruthy()
  expect(sent('POST /staff-accounts')[0].data).toEqual({
    username: 'hp-committee',
    displayName: '和平社区居委会 赵敏',
    role: StaffRole.Committee,
    scopeId: 'cm2',
    password: 'linyi2026',
  })
  expect(sent('POST /staff-accounts')[0].header.Authorization).toBe('Bearer staff-token')
  await waitFor(() => expect(sent('GET /staff-accounts')).toHaveLength(2))
})

it('shows each field’s problem next to it and sends nothing', async () => {
  signIn(street)
  const { container } = render(<StaffAccountsPage />)
  await screen.findByText('幸福里居委会 王芳')
  fireEvent.click(container.querySelector('.account-create-submit')!)
  expect(container.querySelector('.account-role-error')?.textContent).toBe('请选择账号类型')
  expect(container.querySelector('.account-username-error')?.textContent).toBe('请填写用户名')
  await fillCreateForm(container, 'short1')
  fireEvent.click(container.querySelector('.account-create-submit')!)
  expect(container.querySelector('.account-password-error')?.textContent).toBe('密码至少需要 8 个字符')
  expect(container.querySelector('.account-role-error')).toBeNull()
  expect(sent('POST /staff-accounts')).toHaveLength(0)
})

it('a taken username is shown at the username field', async () => {
  signIn(street, { 'POST /staff-accounts': conflict('USERNAME_TAKEN', '用户名 hp-committee 已被使用') })
  const { container } = render(<StaffAccountsPage />)
  await screen.findByText('幸福里居委会 王芳')
  await fillCreateForm(container)
  fireEvent.click(container.querySelector('.account-create-submit')!)
  await waitFor(() => expect(container.querySelector('.account-username-error')?.textContent).toBe('用户名 hp-committee 已被使用'))
  expect(container.querySelector('.account-create-error')).toBeNull()
})

it('disabling asks first; cancelled, nothing is sent; confirmed, the account is disabled and the list reloaded', async () => {
  signIn(street, { 'PATCH /staff-accounts/a1': ok(account({ disabled: true })) })
  const { container } = render(<StaffAccountsPage />)
  await screen.findByText('幸福里居委会 王芳')
  const row = rowOf(container, 'xfl-committee')

  wx.showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
  fireEvent.click(row.querySelector('.account-disable')!)
  await waitFor(() => expect(wx.showModal).toHaveBeenCalledTimes(1))
  expect(wx.showModal.mock.calls[0][0].content).toContain('停用后该账号立即无法使用')
  expect(sent('PATCH /staff-accounts/a1')).toHaveLength(0)

  fireEvent.click(row.querySelector('.account-disable')!)
  expect(await within(row).findByText('已停用：该账号已无法使用')).toBeTruthy()
  expect(sent('PATCH /staff-accounts/a1').map((request) => request.data)).toEqual([{ disabled: true }])
  await waitFor(() => expect(sent('GET /staff-accounts')).toHaveLength(2))
})

it('moves an account to another scope of its role, and resets a password', async () => {
  signIn(street, { 'PATCH /staff-accounts/a1': ok(account({})) })
  const { container } = render(<StaffAccountsPage />)
  await screen.findByText('幸福里居委会 王芳')
  const row = rowOf(container, 'xfl-committee')

  fireEvent.click(row.querySelector('.account-rescope')!)
  const choices = row.querySelector('.account-rescope-choices') as HTMLElement
  expect([...choices.querySelectorAll('.choice-button')].map((b) => b.textContent)).toEqual(['✓ 幸福里社区', '和平社区'])
  fireEvent.click(within(choices).getByText('和平社区'))
  fireEvent.click(row.querySelector('.account-rescope-save')!)
  expect(await within(row).findByText('已调整范围：和平社区')).toBeTruthy()

  fireEvent.click(row.querySelector('.account-reset-password')!)
  await type(row, '.account-new-password-input', 'XFL-committee')
  fireEvent.click(row.querySelector('.account-password-save')!)
  expect(row.querySelector('.account-new-password-error')?.textContent).toBe('密码不能与用户名相同')
  await type(row, '.account-new-password-input', 'newpass2026')
  fireEvent.click(row.querySelector('.account-password-save')!)
  expect(await within(row).findByText('已重置密码：该账号已登录的设备需用新密码重新登录，请把新密码告知对方')).toBeTruthy()

  expect(sent('PATCH /staff-accounts/a1').map((request) => request.data)).toEqual([{ scopeId: 'cm2' }, { password: 'newpass2026' }])
  // Someone else's password: no current password asked, and the caller's own session is untouched.
  expect(row.querySelector('.account-current-password-input')).toBeNull()
  expect(storage.get(StorageKey.staffToken)).toBe('staff-token')
})

it('changing one’s own password asks for the current one, then keeps the console signed in with the token sent back', async () => {
  const changed = { ...accounts[0], accessToken: 'fresh-token' }
  signIn(street, { 'PATCH /staff-accounts/me': ok(changed) })
  const { container } = render(<StaffAccountsPage />)
  await screen.findByText('幸福里居委会 王芳')
  const mine = rowOf(container, 'street-li')

  fireEvent.click(mine.querySelector('.account-reset-password')!)
  await type(mine, '.account-new-password-input', 'newpass2026')
  fireEvent.click(mine.querySelector('.account-password-save')!)
  expect(mine.querySelector('.account-current-password-error')?.textContent).toBe('请填写当前密码')
  expect(sent('PATCH /staff-accounts/me')).toHaveLength(0)

  await type(mine, '.account-current-password-input', 'oldpass2025')
  expect(mine.querySelector('.account-current-password-error')).toBeNull()
  fireEvent.click(mine.querySelector('.account-password-save')!)
  expect(await within(mine).findByText('已修改密码：其他设备上的登录已退出，下次登录请用新密码')).toBeTruthy()
  expect(sent('PATCH /staff-accounts/me').map((request) => request.data)).toEqual([{ password: 'newpass2026', currentPassword: 'oldpass2025' }])
  expect(storage.get(StorageKey.staffToken)).toBe('fresh-token')
  expect(JSON.parse(storage.get(StorageKey.staffProfile) as string)).toEqual(street)
  // The list reloads as the same person, with the new token: the old one has ended.
  await waitFor(() => expect(sent('GET /staff-accounts')).toHaveLength(2))
  expect(sent('GET /staff-accounts')[1].header.Authorization).toBe('Bearer fresh-token')
})

it('a wrong current password is shown under its field, and the session is kept as it was', async () => {
  signIn(street, { 'PATCH /staff-accounts/me': { statusCode: 403, data: { statusCode: 403, code: 'CURRENT_PASSWORD_WRONG', message: '当前密码不正确，密码没有修改' } } })
  const { container } = render(<StaffAccountsPage />)
  await screen.findByText('幸福里居委会 王芳')
  const mine = rowOf(container, 'street-li')
  fireEvent.click(mine.querySelector('.account-reset-password')!)
  await type(mine, '.account-current-password-input', 'not-my-pass')
  await type(mine, '.account-new-password-input', 'newpass2026')
  fireEvent.click(mine.querySelector('.account-password-save')!)
  await waitFor(() => expect(mine.querySelector('.account-current-password-error')?.textContent).toBe('当前密码不正确，密码没有修改'))
  expect(mine.querySelector('.account-update-error')).toBeNull()
  expect(storage.get(StorageKey.staffToken)).toBe('staff-token')
})

describe('the form’s checks mirror the server’s rules', () => {
  it('accepts what the server accepts: Chinese names, dots and @, any letters in a password', () => {
    expect(usernameProblem('光明社区-王')).toBeNull()
    expect(usernameProblem('wang.fang@gm')).toBeNull()
    expect(passwordProblem('只用汉字的长密码啊')).toBeNull()
  })

  it('refuses what the server refuses, with its words', () => {
    expect(usernameProblem('ab')).toBe('用户名应为 3 到 64 个字符')
    expect(usernameProblem('-wang')).toBe('用户名只能包含字母、数字、汉字和 . _ - @，并以字母、数字或汉字开头')
    expect(passwordProblem('        ')).toBe('密码不能全是空格')
    expect(passwordProblem('汉'.repeat(25))).toBe('密码太长：最多 72 个字节（一个汉字占 3 个字节）')
    expect(passwordProblem('Wang-Fang ', 'wang-fang')).toBe('密码不能与用户名相同')
  })
})
