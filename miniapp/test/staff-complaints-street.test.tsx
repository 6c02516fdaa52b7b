/** The street office's overview of complaints: per compound the open count and the oldest one's wait, reached from the street dashboard. */
import { fireEvent, render } from '@testing-library/react'
import { StaffRole } from '@linyi/shared'
import Taro, { ok, resetTaro, sent, serve, useRouter } from './taro-mock'
import { findIn, signInAs } from './staff-fixtures'
import { streetRow } from './staff-complaints-fixtures'
import StaffStreetComplaintsPage from '../src/staff/street-complaints/index'
import StaffDashboardPage from '../src/staff/dashboard/index'
import { setLargeType } from '../src/store/large-type'

const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((el) => el.textContent)
// The signed-in street officer's scope is street office `scope-1` (staff-fixtures).
const ROWS = 'GET /street-offices/scope-1/complaints'

const rows = [
  streetRow({ compoundId: 'k-quiet', compoundName: '东方花园', communityName: '银雀山社区', open: 0, oldestOpenAt: null, oldestOpenDays: null }),
  streetRow({ compoundId: 'k-some', compoundName: '幸福里小区', communityName: '金雀山社区', open: 4, oldestOpenDays: 2 }),
  streetRow({ compoundId: 'k-late', compoundName: '春晖园', communityName: '金雀山社区', open: 1, oldestOpenDays: 12 }),
  streetRow({ compoundId: 'k-new', compoundName: '阳光小区', communityName: '银雀山社区', open: 1, oldestOpenDays: 0 }),
]

beforeEach(() => {
  resetTaro()
  setLargeType(false)
  useRouter.mockReturnValue({ params: {} })
})

async function openOverview(params: Record<string, string> = {}, routes: Parameters<typeof serve>[0] = {}) {
  useRouter.mockReturnValue({ params })
  serve({ ...signInAs(StaffRole.Street), [ROWS]: ok(rows), ...routes })
  const utils = render(<StaffStreetComplaintsPage />)
  await findIn(utils.container, '.street-complaint-row')
  return utils
}

it('lists the compounds with the longest wait on top, a week or more marked, those with none last', async () => {
  const { container } = await openOverview()
  expect(texts(container, '.street-complaint-row__compound')).toEqual(['春晖园', '幸福里小区', '阳光小区', '东方花园'])
  expect(texts(container, '.street-complaint-row__open')).toEqual(['待答复 1 条', '待答复 4 条', '待答复 1 条', '待答复 0 条'])
  expect(texts(container, '.street-complaint-row__oldest')).toEqual(['最久的已等待 12 天', '最久的已等待 2 天', '最早的一条今天提交', '没有待答复的意见'])
  expect(texts(container, '.street-complaint-row__community')).toEqual(['金雀山社区', '金雀山社区', '银雀山社区', '银雀山社区'])
  expect(container.querySelector('#street-complaints-k-late')!.className).toContain('street-complaint-row--overdue')
  expect(container.querySelector('#street-complaints-k-some')!.className).not.toContain('street-complaint-row--overdue')
  expect(container.querySelector('.street-complaints-total')!.textContent).toBe('共 6 条待答复')
})

it('opens a compound’s complaints from its row', async () => {
  const { container } = await openOverview()
  fireEvent.click(container.querySelector('#street-complaints-k-late')!)
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/complaints/index?compoundId=k-late' })
})

it('asks for the street office the link names', async () => {
  await openOverview({ streetOfficeId: 'street-9' }, { 'GET /street-offices/street-9/complaints': ok(rows.slice(0, 1)) })
  expect(sent('GET /street-offices/street-9/complaints')).toHaveLength(1)
  expect(sent(ROWS)).toHaveLength(0)
})

it('says when no compound has anything waiting', async () => {
  const { container } = await openOverview({}, { [ROWS]: ok([rows[0]]) })
  expect(container.querySelector('.street-complaints-total')!.textContent).toBe('各小区都没有待答复的意见建议')
})

it('a committee member without a street in the link is told where to come from', async () => {
  serve(signInAs(StaffRole.Committee))
  const { container } = render(<StaffStreetComplaintsPage />)
  expect((await findIn(container, '.works-no-id')).textContent).toContain('街道征询总览')
})

describe('the street dashboard’s link', () => {
  const dashboardRoutes = { 'GET /street-offices': ok([]) }

  it('takes a street officer to their street office’s overview', async () => {
    serve({ ...signInAs(StaffRole.Street), ...dashboardRoutes })
    const { container } = render(<StaffDashboardPage />)
    fireEvent.click(await findIn(container, '.dashboard-street-complaints'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/street-complaints/index?streetOfficeId=scope-1' })
  })

  it('is not offered to an admin: no street office of their own, and the complaints route refuses them', async () => {
    serve({ ...signInAs(StaffRole.Admin), ...dashboardRoutes })
    const { container } = render(<StaffDashboardPage />)
    await findIn(container, '.dashboard-no-street')
    expect(container.querySelector('.dashboard-street-complaints')).toBeNull()
  })
})
