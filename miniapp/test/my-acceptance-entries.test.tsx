/** The ways into 入户施工验收 and 业主监督员签字: 入户施工预约, home, and the 请验收 inbox message. */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { AcceptanceStatus } from '@linyi/shared'
import type { SupervisionPlan } from '@linyi/shared'
import Taro, { ok, resetTaro, sent, serve, storage } from './taro-mock'
import { homeReads, myWorkPlan } from './resident-fixtures'
import MyBookingPage from '../src/works/booking/index'
import HomePage from '../src/pages/home/index'
import InboxPage from '../src/pages/inbox/index'
import SupervisionPage from '../src/acceptance/supervision/index'
import { StorageKey } from '../src/api/storage'
import { inboxKindLabel, opensAcceptance, opensBooking } from '../src/lib/reminder-text'
import { acceptanceEntry } from '../src/lib/acceptance-entry'

const home = homeReads([{ id: 'h-301', label: '1号楼2单元301', compoundId: 'c1', compoundName: '光明里小区', unitId: 'u1', role: 'OWNER' }])

const canAccept = { status: AcceptanceStatus.Pending, inspected: true, canAccept: true }
const DETAIL = '/acceptance/detail/index?householdId=h-301&workPlanId=p-1'

beforeEach(() => {
  resetTaro()
  storage.set(StorageKey.residentToken, 'resident-token')
})

describe('入户施工预约', () => {
  it('once the flat passed its inspection, leads into 入户施工验收 for that household and plan', async () => {
    serve({ 'GET /me/work-windows': ok([myWorkPlan({ acceptance: canAccept })]) })
    const { container } = render(<MyBookingPage />)
    const card = await waitFor(() => (container.querySelector('#work-plan-acceptance-h-301-p-1') as HTMLElement) ?? Promise.reject(new Error('no card')))
    expect(within(card).getByText('施工已检测合格，请您验收')).toBeTruthy()
    fireEvent.click(within(card).getByText('去验收'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: DETAIL })
  })

  it('before any inspection there is no acceptance card', async () => {
    serve({ 'GET /me/work-windows': ok([myWorkPlan()]) })
    const { container } = render(<MyBookingPage />)
    await screen.findByText('房屋：1号楼2单元301')
    expect(container.querySelector('.work-plan-acceptance')).toBeNull()
  })
})

const supervision: SupervisionPlan = {
    compoundId: 'c1',
    compoundName: '光明里小区',
    supervisorName: '李监督',
    workPlanId: 'p-1',
    title: '1号楼2单元上下水立管更换',
    households: [
      { householdId: 'h-301', label: '1号楼2单元301', status: AcceptanceStatus.Accepted, acceptedAt: '2026-12-03T08:00:00.000Z', signedOff: false },
      { householdId: 'h-302', label: '1号楼2单元302', status: AcceptanceStatus.Accepted, acceptedAt: '2026-12-03T08:00:00.000Z', signedOff: true },
      { householdId: 'h-401', label: '1号楼2单元401', status: AcceptanceStatus.Rework, acceptedAt: null, signedOff: false },
    ],
}

describe('业主监督员签字', () => {
  it('lists the accepted households awaiting the signature first, and opens one read-only for signing', async () => {
    serve({ 'GET /me/supervision': ok([{ ...supervision, households: [...supervision.households].reverse() }]) })
    const { container } = render(<SupervisionPage />)
    await screen.findByText('1 户已验收，等您签字')
    expect([...container.querySelectorAll('.supervision-household .warranty-item__part')].map((e) => e.textContent)).toEqual(['1号楼2单元301', '1号楼2单元302', '1号楼2单元401'])
    expect(within(container.querySelector('#supervision-household-h-302') as HTMLElement).getByText('已验收（2026年12月3日 16:00（北京时间）） · 您已签字')).toBeTruthy()
    expect(within(container.querySelector('#supervision-household-h-401') as HTMLElement).getByText('整改中')).toBeTruthy()
    fireEvent.click(screen.getByText('查看结果并签字'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/acceptance/detail/index?householdId=h-301&workPlanId=p-1&supervisor=1' })
    fireEvent.click(within(container.querySelector('#supervision-household-h-302') as HTMLElement).getByText('查看检测和验收记录'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/acceptance/detail/index?householdId=h-302&workPlanId=p-1&supervisor=1&signed=1' })
  })

  it('for a resident who is not a supervisor it says so', async () => {
    serve({ 'GET /me/supervision': ok([]) })
    render(<SupervisionPage />)
    expect(await screen.findByText('您不是业主监督员，或者目前没有需要监督的入户施工。')).toBeTruthy()
  })
})

describe('home', () => {

  it('the works card leads into 入户施工验收 when it is the resident’s turn', async () => {
    serve({ ...home, 'GET /me/work-windows': ok([myWorkPlan({ acceptance: canAccept })]), 'GET /me/supervision': ok([]) })
    const { container } = render(<HomePage />)
    const card = await waitFor(() => (container.querySelector('#works-entry-h-301-p-1') as HTMLElement) ?? Promise.reject(new Error('no card')))
    expect(within(card).getByText('验收：施工已检测合格，请您验收')).toBeTruthy()
    fireEvent.click(within(card).getByText('去验收'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: DETAIL })
    expect(container.querySelector('.supervision-entry')).toBeNull()
  })

  it('after acceptance the card no longer offers the booking', async () => {
    serve({ ...home, 'GET /me/work-windows': ok([myWorkPlan({ acceptance: { status: AcceptanceStatus.Accepted, inspected: true, canAccept: false } })]), 'GET /me/supervision': ok([]) })
    const { container } = render(<HomePage />)
    const card = await waitFor(() => (container.querySelector('#works-entry-h-301-p-1') as HTMLElement) ?? Promise.reject(new Error('no card')))
    expect(within(card).getByText('查看验收和保修')).toBeTruthy()
    expect(within(card).queryByText('去预约施工时段')).toBeNull()
  })

  it('an owner supervisor sees how many acceptances wait for their signature, and the way there', async () => {
    serve({ ...home, 'GET /me/work-windows': ok([]), 'GET /me/supervision': ok([supervision]) })
    const { container } = render(<HomePage />)
    expect(await screen.findByText('您是光明里小区的业主监督员。有 1 户已验收，等您查看并签字。')).toBeTruthy()
    fireEvent.click(within(container.querySelector('.supervision-entry') as HTMLElement).getByText('去签字'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/acceptance/supervision/index' })
    expect(sent('GET /me/supervision')[0].header.Authorization).toBe('Bearer resident-token')
  })

  it('everyone else, or a failed read, sees no supervisor entry', async () => {
    serve({ ...home, 'GET /me/work-windows': ok([]), 'GET /me/supervision': { statusCode: 500, data: {} } })
    const { container } = render(<HomePage />)
    await screen.findByText('1号楼2单元301')
    await waitFor(() => expect(sent('GET /me/supervision')).toHaveLength(1))
    expect(container.querySelector('.supervision-entry')).toBeNull()
    expect(container.querySelector('.error-message')).toBeNull()
  })
})

describe('the 请验收 message', () => {
  const message = {
    id: 'm-a',
    kind: 'ACCEPTANCE_DUE',
    title: '请验收入户施工',
    body: '您家的入户施工已检测合格，请在小程序上查看检测结果并签字验收。',
    consultationId: 'c-plumbing',
    createdAt: '2026-12-03T07:00:00.000Z',
    readAt: null,
  }

  it('is labelled 请验收 and opens 入户施工验收, not the consultation it names', async () => {
    serve({ 'GET /me/inbox': ok([message]), 'POST /inbox/m-a/read': ok({ id: 'm-a', readAt: '2026-12-03T08:00:00.000Z' }) })
    const { container } = render(<InboxPage />)
    await screen.findByText('请验收入户施工')
    expect(container.querySelector('#inbox-m-a .kind-tag')!.textContent).toBe('请验收')
    expect(container.querySelector('#inbox-m-a .inbox-item__open')!.textContent).toBe('查看检测结果并验收 ›')
    fireEvent.click(screen.getByText('请验收入户施工'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/acceptance/detail/index' }))
    expect(Taro.navigateTo).toHaveBeenCalledTimes(1)
    expect(sent('POST /inbox/m-a/read')).toHaveLength(1)
  })

  it('the rules tell it from the booking messages', () => {
    expect(inboxKindLabel('ACCEPTANCE_DUE')).toBe('请验收')
    expect(opensAcceptance({ kind: 'ACCEPTANCE_DUE' })).toBe(true)
    expect(opensBooking({ kind: 'ACCEPTANCE_DUE' })).toBe(false)
    expect(opensAcceptance({ kind: 'WORKS_ANNOUNCED' })).toBe(false)
  })
})

it('says each acceptance state in words, the resident’s turn as the one to do', () => {
  expect(acceptanceEntry(canAccept)).toMatchObject({ state: '施工已检测合格，请您验收', button: '去验收', todo: true })
  expect(acceptanceEntry({ status: AcceptanceStatus.Rework, inspected: true, canAccept: false }).todo).toBe(false)
  expect(acceptanceEntry({ status: AcceptanceStatus.Pending, inspected: true, canAccept: false }).state).toBe('检测没有通过，施工单位整改后会重新检测')
  expect(acceptanceEntry({ status: AcceptanceStatus.Accepted, inspected: true, canAccept: false }).state).toBe('已验收')
})
