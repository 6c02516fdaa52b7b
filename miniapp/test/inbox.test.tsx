import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro, { ok, resetTaro, sent, serve, storage } from './taro-mock'
import { homeReads } from './resident-fixtures'
import HomePage from '../src/pages/home/index'
import InboxPage from '../src/pages/inbox/index'
import { StorageKey } from '../src/api/storage'
import type { InboxMessage } from '../src/api/reminder-types'

const households = [{ id: 'h1', label: '3号楼2单元501', compoundId: 'c1', compoundName: '幸福里小区', unitId: 'u1', role: 'OWNER' }]

function message(overrides: Partial<InboxMessage> = {}): InboxMessage {
  return {
    id: 'm1',
    kind: 'MANUAL_NUDGE',
    title: '社区提醒您填写意见',
    body: '“楼内上下水管线改造申请”将于12月26日 13:04截止，社区工作人员提醒您尽快填写。',
    consultationId: 'c-plumbing',
    createdAt: '2026-11-26T05:00:00.000Z',
    readAt: null,
    ...overrides,
  }
}

beforeEach(() => {
  resetTaro()
  storage.set(StorageKey.residentToken, 'resident-token')
})

describe('home', () => {
  const home = (unread: number) => serve({ ...homeReads(households), 'GET /me/inbox/unread-count': ok({ unread }) })

  it('shows the server’s unread count as a badge on the 消息 entry, which opens the inbox', async () => {
    home(3)
    const { container } = render(<HomePage />)
    await waitFor(() => expect(container.querySelector('.unread-badge')?.textContent).toBe('3'))
    expect(container.querySelector('#inbox-entry')!.textContent).toContain('条未读')
    fireEvent.click(container.querySelector('#inbox-entry')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/inbox/index' })
  })

  it('shows no badge when nothing is unread', async () => {
    home(0)
    const { container } = render(<HomePage />)
    expect(await screen.findByText('没有新消息')).toBeTruthy()
    expect(container.querySelector('.unread-badge')).toBeNull()
  })

  it('says nothing about messages when the count cannot be loaded, and keeps the rest of home working', async () => {
    serve({ ...homeReads(households), 'GET /me/inbox/unread-count': { statusCode: 500, data: {} } })
    const { container } = render(<HomePage />)
    expect(await screen.findByText('3号楼2单元501')).toBeTruthy()
    await waitFor(() => expect(sent('GET /me/inbox/unread-count')).toHaveLength(1))
    expect(container.querySelector('.unread-badge')).toBeNull()
    expect(container.querySelector('.error-message')).toBeNull()
  })
})

describe('inbox', () => {
  const older = message({ id: 'm-old', kind: 'CONSULTATION_OPENED', title: '新的意见征询', createdAt: '2026-11-20T01:00:00.000Z', readAt: '2026-11-20T02:00:00.000Z' })
  const notice = message({ id: 'm-notice', kind: 'SOMETHING_NEW', title: '停水通知', body: '明天 9:00–12:00 停水。', consultationId: null, createdAt: '2026-11-25T01:00:00.000Z' })
  const nudge = message({ id: 'm-nudge' })

  it('lists messages newest first and marks the unread ones', async () => {
    serve({ 'GET /me/inbox': ok([older, nudge, notice]) })
    const { container } = render(<InboxPage />)
    await screen.findByText('社区提醒您填写意见')
    const items = [...container.querySelectorAll('.inbox-item')]
    expect(items.map((item) => item.id)).toEqual(['inbox-m-nudge', 'inbox-m-notice', 'inbox-m-old'])
    expect(items.map((item) => item.className.includes('inbox-item--unread'))).toEqual([true, true, false])
    expect(items[0].textContent).toContain('未读')
    expect(items[0].textContent).toContain('社区提醒')
    expect(items[1].textContent).toContain('通知')
    expect(items[2].textContent).toContain('已读')
    expect(screen.getByText('2 条未读，点一下即可查看')).toBeTruthy()
  })

  it('opening a message marks it read on the server, then opens its consultation', async () => {
    serve({ 'GET /me/inbox': ok([nudge]), 'POST /inbox/m-nudge/read': ok({ id: 'm-nudge', readAt: '2026-11-26T06:00:00.000Z' }) })
    const { container } = render(<InboxPage />)
    fireEvent.click(await screen.findByText('社区提醒您填写意见'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/consult/detail/index?id=c-plumbing' }))
    expect(sent('POST /inbox/m-nudge/read')).toHaveLength(1)
    // The server knew before the consultation opened: home's badge is right when we come back.
    const order = (fn: jest.Mock) => fn.mock.invocationCallOrder[fn.mock.invocationCallOrder.length - 1]
    expect(order(Taro.request)).toBeLessThan(order(Taro.navigateTo as jest.Mock))
    expect(container.querySelector('#inbox-m-nudge')!.className).toContain('inbox-item--read')
    expect(screen.getByText('全部已读')).toBeTruthy()
  })

  it('a message without a consultation is marked read and stays on screen', async () => {
    serve({ 'GET /me/inbox': ok([notice]), 'POST /inbox/m-notice/read': ok({ id: 'm-notice', readAt: '2026-11-26T06:00:00.000Z' }) })
    const { container } = render(<InboxPage />)
    fireEvent.click(await screen.findByText('停水通知'))
    await waitFor(() => expect(container.querySelector('#inbox-m-notice')!.className).toContain('inbox-item--read'))
    expect(sent('POST /inbox/m-notice/read')).toHaveLength(1)
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })

  it('a message already read is not marked again', async () => {
    serve({ 'GET /me/inbox': ok([older]) })
    render(<InboxPage />)
    fireEvent.click(await screen.findByText('新的意见征询'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/consult/detail/index?id=c-plumbing' }))
    expect(sent('POST /inbox/m-old/read')).toHaveLength(0)
  })

  it('when marking fails it says so, keeps the message unread and still opens the consultation', async () => {
    serve({ 'GET /me/inbox': ok([nudge]), 'POST /inbox/m-nudge/read': { statusCode: 404, data: { statusCode: 404, code: 'NOT_FOUND', message: '消息不存在' } } })
    const { container } = render(<InboxPage />)
    fireEvent.click(await screen.findByText('社区提醒您填写意见'))
    expect(await screen.findByText('消息不存在')).toBeTruthy()
    expect(container.querySelector('#inbox-m-nudge')!.className).toContain('inbox-item--unread')
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledTimes(1))
  })

  it('a works message opens 入户施工预约, not the plumbing consultation it belongs to', async () => {
    const works = ['WORKS_ANNOUNCED', 'WORK_TOMORROW', 'BOOKING_REMINDER'].map((kind, i) =>
      message({ id: `m-w${i}`, kind, title: `施工消息${i}`, consultationId: 'c-plumbing', createdAt: `2026-11-2${i + 1}T01:00:00.000Z` }),
    )
    serve({ 'GET /me/inbox': ok(works), 'POST /inbox/m-w0/read': ok({ id: 'm-w0', readAt: '2026-11-26T06:00:00.000Z' }) })
    const { container } = render(<InboxPage />)
    await screen.findByText('施工消息0')
    expect([...container.querySelectorAll('.inbox-item .kind-tag')].map((tag) => tag.textContent)).toEqual(['预约提醒', '明天施工', '入户施工'])
    expect([...container.querySelectorAll('.inbox-item__open')].map((tag) => tag.textContent)).toEqual(Array(3).fill('查看施工预约 ›'))
    fireEvent.click(screen.getByText('施工消息0'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/works/booking/index' }))
    expect(Taro.navigateTo).toHaveBeenCalledTimes(1)
    expect(sent('POST /inbox/m-w0/read')).toHaveLength(1)
  })

  it('says so when there are no messages', async () => {
    serve({ 'GET /me/inbox': ok([]) })
    render(<InboxPage />)
    expect(await screen.findByText('还没有消息。社区的通知和提醒会出现在这里。')).toBeTruthy()
    await act(async () => undefined)
  })
})
