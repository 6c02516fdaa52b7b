import { StaffRole } from '@linyi/shared'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro, { ok, resetTaro, sent, serve, storage } from './taro-mock'
import { signInAs, staffView } from './staff-fixtures'
import StaffLoginPage from '../src/staff/login/index'
import { StorageKey } from '../src/api/storage'

const typeInto = (selector: string, value: string) =>
  fireEvent(document.querySelector(selector)!, Object.assign(new Event('input', { bubbles: true }), { detail: { value } }))

beforeEach(() => resetTaro())

it('with a stored session the server still accepts, goes straight to the 工作台', async () => {
  serve(signInAs(StaffRole.Committee))
  render(<StaffLoginPage />)
  await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/home/index' }))
  expect(sent('GET /staff/me')[0].header.Authorization).toBe('Bearer staff-token')
  expect(document.querySelector('.staff-login-submit')).toBeNull()
})

it('keeps the profile the server answers (a re-scoped account follows at once)', async () => {
  signInAs(StaffRole.Committee)
  const moved = staffView(StaffRole.Committee, { scope: { type: 'COMMUNITY' as never, id: 'scope-2' } })
  serve({ 'GET /staff/me': ok(moved) })
  render(<StaffLoginPage />)
  await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
  expect(JSON.parse(storage.get(StorageKey.staffProfile) as string).scope.id).toBe('scope-2')
})

it('with an expired session stays on the sign-in form', async () => {
  signInAs(StaffRole.Committee)
  serve({ 'GET /staff/me': { statusCode: 401, data: { statusCode: 401, code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' } } })
  render(<StaffLoginPage />)
  expect(await screen.findByText('工作人员登录')).toBeTruthy()
  expect(Taro.redirectTo).not.toHaveBeenCalled()
  expect(storage.has(StorageKey.staffToken)).toBe(false)
})

it('without a session shows the form at once and asks nothing', () => {
  serve({})
  render(<StaffLoginPage />)
  expect(screen.getByText('工作人员登录')).toBeTruthy()
  expect(Taro.request).not.toHaveBeenCalled()
})

it('after signing in goes to the 工作台', async () => {
  serve({ 'POST /auth/staff/login': ok({ accessToken: 'fresh-token', staff: staffView(StaffRole.Street) }) })
  render(<StaffLoginPage />)
  typeInto('.staff-username-input', 'street-demo')
  typeInto('.staff-password-input', 'linyi-demo')
  fireEvent.click(screen.getByText('登录'))
  await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/home/index' }))
  expect(storage.get(StorageKey.staffToken)).toBe('fresh-token')
})
