/** Where the screening screens are reached from: the compound page (every role, counts) and the street’s 工作台 (the access log). */
import { fireEvent, render, screen } from '@testing-library/react'
import { StaffRole } from '@linyi/shared'
import Taro, { ok, resetTaro, serve, useRouter } from './taro-mock'
import { findIn, signInAs } from './staff-fixtures'
import StaffCompoundPage from '../src/staff/compound/index'
import StaffHomePage from '../src/staff/home/index'

const structure = { id: 'c1', name: '幸福里小区', buildings: [] }

beforeEach(() => resetTaro())

describe('the compound page', () => {
  beforeEach(() => useRouter.mockReturnValue({ params: { id: 'c1' } }))

  it.each([
    [StaffRole.Committee, '特殊困难户摸排'],
    [StaffRole.Street, '特殊困难户摸排'],
    [StaffRole.Contractor, '特殊困难户摸排（只看户数）'],
    [StaffRole.Admin, '特殊困难户摸排（只看户数）'],
  ])('offers a %s the screening entry: %s', async (role, text) => {
    serve({ ...signInAs(role), 'GET /compounds/c1/structure': ok(structure), 'GET /consultations?compoundId=c1': ok([]), 'GET /compounds/c1/households': ok({ compoundId: 'c1', consultationId: null, households: [] }) })
    const { container } = render(<StaffCompoundPage />)
    const entry = await findIn(container, '[data-action=VIEW_SCREENING_COUNTS] .compound-screening-entry')
    expect(entry.textContent).toBe(text)
    fireEvent.click(entry)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/screening/index?compoundId=c1' })
  })
})

describe('the 工作台', () => {
  it('street staff open their own street office’s access log', async () => {
    serve(signInAs(StaffRole.Street))
    const { container } = render(<StaffHomePage />)
    await screen.findByText('街道总览')
    const entry = await findIn(container, '[data-action=VIEW_SENSITIVE_ACCESS_LOG] .staff-access-log-entry')
    expect(entry.textContent).toBe('敏感信息查看记录')
    fireEvent.click(entry)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/access-log/index?streetOfficeId=scope-1' })
  })

  it.each([StaffRole.Committee, StaffRole.Contractor, StaffRole.Admin])('a %s is not offered the access log', async (role) => {
    serve({ ...signInAs(role), 'GET /compounds': ok([]) })
    const { container } = render(<StaffHomePage />)
    await screen.findByText('工作台')
    await screen.findByText('退出登录')
    expect(container.querySelector('.staff-access-log-entry')).toBeNull()
    expect(screen.queryByText('敏感信息查看记录')).toBeNull()
  })
})
