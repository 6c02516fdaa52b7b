import { Answer, ConsultationKind } from '@linyi/shared'
import { fireEvent, render, screen } from '@testing-library/react'
import Taro, { ok, resetTaro, serve, storage } from './taro-mock'
import { consultation, group, mine } from './consultation-fixtures'
import HomePage from '../src/pages/home/index'
import { StorageKey } from '../src/api/storage'

const resident = { id: 'r1', openid: 'h5-demo-x', name: null }
const households = [
  { id: 'h1', label: '3号楼2单元501', compoundId: 'c1', compoundName: '幸福里小区', unitId: 'u1', role: 'OWNER' },
  { id: 'h2', label: '5号楼1单元302', compoundId: 'c1', compoundName: '幸福里小区', unitId: 'u2', role: 'TENANT' },
]

beforeEach(() => {
  resetTaro()
  storage.set(StorageKey.residentToken, 'resident-token')
})

it('lists my households', async () => {
  serve({ 'GET /me': ok({ resident, households }), 'GET /me/consultations': ok([]), 'GET /me/inbox/unread-count': ok({ unread: 0 }) })
  const { container } = render(<HomePage />)
  expect(await screen.findByText('3号楼2单元501')).toBeTruthy()
  expect(container.querySelectorAll('.household-item')).toHaveLength(2)
  expect(screen.getByText('幸福里小区 · 租户')).toBeTruthy()
  expect(screen.queryByText('您还没有绑定房屋')).toBeNull()
  expect(await screen.findByText('目前没有需要您填写的意见征询。')).toBeTruthy()
})

it('without households offers one big button to bind', async () => {
  serve({ 'GET /me': ok({ resident, households: [] }), 'GET /me/consultations': ok([]), 'GET /me/inbox/unread-count': ok({ unread: 0 }) })
  render(<HomePage />)
  fireEvent.click(await screen.findByText('绑定我的房屋'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index' })
  expect(screen.queryByText(/我的意见征询/)).toBeNull()
})

it('shows why loading failed and loads again on request', async () => {
  serve({ 'GET /me': [new Error('request:fail'), ok({ resident, households: [] })], 'GET /me/consultations': ok([]), 'GET /me/inbox/unread-count': ok({ unread: 0 }) })
  render(<HomePage />)
  fireEvent.click(await screen.findByText('重新加载'))
  expect(await screen.findByText('您还没有绑定房屋')).toBeTruthy()
})

it('has a modest staff entry', async () => {
  serve({ 'GET /me': ok({ resident, households: [] }), 'GET /me/consultations': ok([]), 'GET /me/inbox/unread-count': ok({ unread: 0 }) })
  render(<HomePage />)
  fireEvent.click(screen.getByText('工作人员入口'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/login/index' })
  await screen.findByText('您还没有绑定房屋')
})

it('lists my open consultations, unanswered first, with my answer and my unit’s progress', async () => {
  const vote = consultation({ id: 'c-vote', kind: ConsultationKind.DesignVote, title: '大门设计方案投票', deadline: '2099-01-01T00:00:00.000Z' })
  serve({
    'GET /me': ok({ resident, households }),
    'GET /me/inbox/unread-count': ok({ unread: 0 }),
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
