import { Answer, ConsultationKind } from '@linyi/shared'
import type { BookingView, MyWorkPlan } from '@linyi/shared'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro, { ok, resetTaro, sent, serve, storage } from './taro-mock'
import { consultation, group, mine } from './consultation-fixtures'
import { homeReads, myWorkPlan, resident } from './resident-fixtures'
import HomePage from '../src/pages/home/index'
import { StorageKey } from '../src/api/storage'

const households = [
  { id: 'h1', label: '3号楼2单元501', compoundId: 'c1', compoundName: '幸福里小区', unitId: 'u1', role: 'OWNER' },
  { id: 'h2', label: '5号楼1单元302', compoundId: 'c1', compoundName: '幸福里小区', unitId: 'u2', role: 'TENANT' },
]

beforeEach(() => {
  resetTaro()
  storage.set(StorageKey.residentToken, 'resident-token')
})

it('lists my households', async () => {
  serve(homeReads(households))
  const { container } = render(<HomePage />)
  expect(await screen.findByText('3号楼2单元501')).toBeTruthy()
  expect(container.querySelectorAll('.household-item')).toHaveLength(2)
  expect(screen.getByText('幸福里小区 · 租户')).toBeTruthy()
  expect(screen.queryByText('您还没有绑定房屋')).toBeNull()
  expect(await screen.findByText('目前没有需要您填写的意见征询。')).toBeTruthy()
})

it('without households offers one big button to bind', async () => {
  serve(homeReads([]))
  render(<HomePage />)
  fireEvent.click(await screen.findByText('绑定我的房屋'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index' })
  expect(screen.queryByText(/我的意见征询/)).toBeNull()
})

it('shows why loading failed and loads again on request', async () => {
  serve({ ...homeReads([]), 'GET /me': [new Error('request:fail'), ok({ resident, households: [] })] })
  render(<HomePage />)
  fireEvent.click(await screen.findByText('重新加载'))
  expect(await screen.findByText('您还没有绑定房屋')).toBeTruthy()
})

it('has a modest staff entry', async () => {
  serve(homeReads([]))
  render(<HomePage />)
  fireEvent.click(screen.getByText('工作人员入口'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/login/index' })
  await screen.findByText('您还没有绑定房屋')
})

it('lists my open consultations, unanswered first, with my answer and my unit’s progress', async () => {
  const vote = consultation({ id: 'c-vote', kind: ConsultationKind.DesignVote, title: '大门设计方案投票', deadline: '2099-01-01T00:00:00.000Z' })
  serve({
    ...homeReads(households),
    'GET /me/consultations': ok([
      mine({ consultation: vote, householdId: 'h1', answer: Answer.Option, optionId: 'a', answeredAt: '2026-11-30T00:00:00.000Z', group: group({ responded: 30, households: 48 }) }),
      mine({ householdId: 'h1', householdLabel: '3号楼2单元501' }),
    ]),
  })
  const { container } = render(<HomePage />)
  expect(await screen.findByText('楼内上下水管线改造申请')).toBeTruthy()
  expect(screen.getByText(/1项待填写/)).toBeTruthy()
  const items = container.querySelectorAll('.consultation-item')
  expect(items).toHaveLength(2)
  expect(items[0].textContent).toContain('上下水管线改造申请')
  expect(items[0].textContent).toContain('未填写')
  expect(items[0].textContent).toContain('本单元 9/12 户已申请')
  expect(items[1].textContent).toContain('已投票')
  expect(items[1].textContent).toContain('本单元 30/48 户已投票')

  fireEvent.click(screen.getByText('去填写'))
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/consult/detail/index?id=c-plumbing&household=h1' })
})

describe('入户施工预约 on home', () => {
  const works = (overrides: Partial<MyWorkPlan>) =>
    myWorkPlan({ householdId: 'h1', householdLabel: '3号楼2单元501', workPlanId: 'p1', title: '3号楼2单元上下水立管更换', steps: [{ title: '断水', description: '' }], ...overrides })
  const booked: BookingView = {
    householdId: 'h2', workPlanId: 'p2', windowId: 'w1', startsAt: '2099-12-09T00:30:00.000Z', endsAt: '2099-12-09T09:30:00.000Z', unitLabel: '5号楼1单元',
    householdLabel: '5号楼1单元302', contactPhone: null, bookedAt: '2099-12-01T00:00:00.000Z', bookedBy: 'RESIDENT', changesCloseAt: '2099-12-08T00:30:00.000Z',
  }
  const base = homeReads(households)

  it('shows a card per household in a published plan, saying whether it has booked, and opens the booking page', async () => {
    serve({ ...base, 'GET /me/work-windows': ok([works({}), works({ householdId: 'h2', householdLabel: '5号楼1单元302', workPlanId: 'p2', title: '5号楼1单元上下水立管更换', booking: booked })]) })
    const { container } = render(<HomePage />)
    const unbooked = await waitFor(() => container.querySelector('#works-entry-h1-p1') ?? Promise.reject(new Error('no card yet')))
    expect(unbooked.textContent).toContain('3号楼2单元上下水立管更换')
    expect(unbooked.textContent).toContain('您家尚未预约')
    expect(container.querySelector('#works-entry-h2-p2')!.textContent).toContain('已预约：12月9日（周三）08:30—17:30（北京时间）')
    fireEvent.click(screen.getByText('去预约施工时段'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/works/booking/index' })
    expect(screen.getByText('查看预约')).toBeTruthy()
  })

  it('shows no card without a plan, or when the list cannot be read', async () => {
    serve({ ...base, 'GET /me/work-windows': [ok([]), { statusCode: 500, data: {} }] })
    const first = render(<HomePage />)
    await screen.findByText('3号楼2单元501')
    await waitFor(() => expect(sent('GET /me/work-windows').length).toBeGreaterThan(0))
    expect(first.container.querySelector('.works-entry')).toBeNull()
    first.unmount()
    render(<HomePage />)
    await waitFor(() => expect(sent('GET /me/work-windows').length).toBeGreaterThan(1))
    await screen.findByText('3号楼2单元501')
    expect(document.querySelector('.works-entry')).toBeNull()
    expect(document.querySelector('.error-message')).toBeNull()
  })
})
