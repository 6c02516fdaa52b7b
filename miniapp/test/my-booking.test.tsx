import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { BOOKING_REFUSAL_TEXT, CONTACT_PHONE_HINT, DEFAULT_WORK_STEPS, windowSpanText } from '@linyi/shared'
import type { BookingView, MyWorkPlan, MyWorkWindow } from '@linyi/shared'
import Taro, { conflict, ok, resetTaro, sent, serve, storage } from './taro-mock'
import { catchBrowserDownloads } from './dom-events'
import { myWorkPlan } from './resident-fixtures'
import MyBookingPage from '../src/works/booking/index'
import { StorageKey } from '../src/api/storage'
import { ApiError } from '../src/api'
import { bookingFailure, remainingText, typedPhone, windowAction } from '../src/works/components/booking.rules'
import { setLargeType } from '../src/store/large-type'

const LIST = 'GET /me/work-windows'
const BOOK = 'PUT /households/h-301/booking'
const CANCEL = 'DELETE /households/h-301/booking?workPlanId=p-1'

function win(overrides: Partial<MyWorkWindow> & { id: string }): MyWorkWindow {
  return { startsAt: '2099-12-09T00:30:00.000Z', endsAt: '2099-12-09T09:30:00.000Z', remaining: 3, priority: false, bookable: true, unavailableReason: null, ...overrides }
}

// Offer order as the server sends it: by start, the priority window first (held for care households).
const held = win({ id: 'w-held', startsAt: '2099-12-08T00:30:00.000Z', endsAt: '2099-12-08T09:30:00.000Z', remaining: 4, priority: true, bookable: false, unavailableReason: BOOKING_REFUSAL_TEXT.PRIORITY_WINDOW_HELD })
const open = win({ id: 'w-open' })
const full = win({ id: 'w-full', startsAt: '2099-12-10T00:30:00.000Z', endsAt: '2099-12-10T09:30:00.000Z', remaining: 0 })

/** The plan with its water arrangements told and three windows offered. */
const plan = (overrides: Partial<MyWorkPlan> = {}): MyWorkPlan =>
  myWorkPlan({
    waterCut: '施工当天 8:00—18:00 全单元停水',
    temporaryWater: '一楼楼道口设临时水龙头',
    temporarySewage: '停水期间请勿使用马桶，小区东门设临时厕所',
    contactPhone: '13900001111',
    windows: [held, open, full],
    ...overrides,
  })

function booking(overrides: Partial<BookingView> = {}): BookingView {
  return {
    householdId: 'h-301',
    workPlanId: 'p-1',
    windowId: 'w-open',
    startsAt: open.startsAt,
    endsAt: open.endsAt,
    unitLabel: '1号楼2单元',
    householdLabel: '1号楼2单元301',
    contactPhone: null,
    bookedAt: '2099-12-01T02:05:00.000Z',
    bookedBy: 'RESIDENT',
    changesCloseAt: '2099-12-08T00:30:00.000Z',
    ...overrides,
  }
}

/** The list after the household booked the open window: one place fewer there. */
const afterBooking = (b = booking()) => plan({ windows: [held, { ...open, remaining: open.remaining - 1 }, full], booking: b })

const card = (container: HTMLElement, id: string) => container.querySelector(`.work-window[data-window-id="${id}"]`) as HTMLElement
const findCard = (container: HTMLElement, id: string) =>
  waitFor(() => {
    const found = card(container, id)
    if (!found) throw new Error(`window ${id} not shown yet`)
    return found
  })
const receipt = (container: HTMLElement) => container.querySelector('.booking-receipt') as HTMLElement | null
const rowText = (container: HTMLElement, name: string) => container.querySelector(`.booking-receipt__${name} .receipt-row__value`)!.textContent

async function typePhone(container: HTMLElement, value: string) {
  const field = await waitFor(() => {
    const element = container.querySelector('.booking-phone')
    if (!element?.querySelector('input')) throw new Error('phone field not rendered yet')
    return element
  })
  act(() => {
    fireEvent(field, new CustomEvent('input', { bubbles: true, detail: { value } }))
  })
}


beforeEach(() => {
  resetTaro()
  setLargeType(false)
  storage.set(StorageKey.residentToken, 'resident-token')
})

it('shows each window as a card with its time in Beijing time and what is left, in the server’s order; the plan’s steps, water and phone', async () => {
  serve({ [LIST]: ok([plan()]) })
  const { container } = render(<MyBookingPage />)
  expect(await screen.findByText('1号楼2单元上下水立管更换')).toBeTruthy()
  expect(screen.getByText('房屋：1号楼2单元301')).toBeTruthy()
  expect(screen.getByText('您家尚未预约')).toBeTruthy()

  const cards = [...container.querySelectorAll('.work-window')] as HTMLElement[]
  expect(cards.map((c) => c.dataset.windowId)).toEqual(['w-held', 'w-open', 'w-full'])
  expect(card(container, 'w-open').querySelector('.work-window__time')!.textContent).toBe('12月9日（周三）08:30—17:30（北京时间）')
  expect(cards.map((c) => c.querySelector('.work-window__remaining')!.textContent)).toEqual(['还剩 4 户', '还剩 3 户', '已约满'])
  expect(card(container, 'w-open').getAttribute('aria-label')).toBe('12月9日（周三）08:30—17:30（北京时间），还剩 3 户')

  // The priority window: its badge and why, and why it cannot be booked now; no button.
  const priority = card(container, 'w-held')
  expect(within(priority).getByText('优先时段')).toBeTruthy()
  expect(within(priority).getByText(/先留给施工期间需要照顾的住户/)).toBeTruthy()
  expect(within(priority).getByText('此时段暂为需要照顾的住户保留')).toBeTruthy()
  expect(priority.className).toContain('work-window--unavailable')
  expect(priority.querySelector('.work-window__book')).toBeNull()
  // A full window has no button either; the open one has exactly one.
  expect(card(container, 'w-full').querySelector('.work-window__book')).toBeNull()
  expect(card(container, 'w-full').className).toContain('work-window--no-room')
  expect(within(card(container, 'w-open')).getByText('预约这个时段').closest('.big-button')).toBeTruthy()

  // What will happen, in order, and the arrangements.
  expect([...container.querySelectorAll('.work-step__title')].map((s) => s.textContent)).toEqual(DEFAULT_WORK_STEPS.map((s, i) => `第${i + 1}步：${s.title}`))
  expect(screen.getByText('施工当天 8:00—18:00 全单元停水')).toBeTruthy()
  expect(screen.getByText('一楼楼道口设临时水龙头')).toBeTruthy()
  expect(screen.getByText('停水期间请勿使用马桶，小区东门设临时厕所')).toBeTruthy()
  expect(container.querySelector('a.works-call')!.getAttribute('href')).toBe('tel:13900001111')
  // The phone field starts empty and says where the number goes.
  expect((container.querySelector('.booking-phone input') as HTMLInputElement | null)?.value ?? '').toBe('')
  expect(screen.getByText(/这个号码会交给施工队/)).toBeTruthy()
  expect(sent(LIST)[0].header.Authorization).toBe('Bearer resident-token')
})

it('booking sends exactly the contract body, shows the receipt, and the re-read list shows one place fewer', async () => {
  serve({ [LIST]: [ok([plan()]), ok([afterBooking()])], [BOOK]: ok(booking()) })
  const { container } = render(<MyBookingPage />)
  fireEvent.click(within(await findCard(container, 'w-open')).getByText('预约这个时段'))

  await waitFor(() => expect(receipt(container)).toBeTruthy())
  expect(sent(BOOK).map((r) => r.data)).toEqual([{ workPlanId: 'p-1', windowId: 'w-open' }])
  expect(Taro.showModal).not.toHaveBeenCalled()
  expect(rowText(container, 'household')).toBe('1号楼2单元301')
  expect(rowText(container, 'window')).toBe(`${windowSpanText(open.startsAt, open.endsAt)}（北京时间）`)
  expect(rowText(container, 'booked-at')).toBe('2099年12月1日 10:05（北京时间）')
  expect(rowText(container, 'closes-at')).toBe('2099年12月8日 08:30（北京时间）')
  expect(rowText(container, 'by')).toBe('本人')
  expect(rowText(container, 'phone')).toBe('使用社区登记的电话')
  expect(receipt(container)!.getAttribute('aria-label')).toBe('预约回执')

  await waitFor(() => expect(card(container, 'w-open').querySelector('.work-window__remaining')!.textContent).toBe('还剩 2 户'))
  expect(sent(LIST)).toHaveLength(2)
  expect(within(card(container, 'w-open')).getByText('✓ 您家已约这个时段')).toBeTruthy()
  expect(card(container, 'w-open').querySelector('.work-window__book')).toBeNull()
  expect(container.querySelector('.booking-outcome')!.textContent).toMatch(/^预约成功：12月9日（周三）08:30—17:30（北京时间）/)
  expect(screen.queryByText('您家尚未预约')).toBeNull()
})

it('sends the typed phone as one plain number, and checks it before asking the server', async () => {
  serve({ [LIST]: [ok([plan()]), ok([afterBooking(booking({ contactPhone: '13800001234' }))])], [BOOK]: ok(booking({ contactPhone: '13800001234' })) })
  const { container } = render(<MyBookingPage />)
  await typePhone(container, '12345')
  fireEvent.click(within(card(container, 'w-open')).getByText('预约这个时段'))
  expect(await screen.findByText(CONTACT_PHONE_HINT)).toBeTruthy()
  expect(container.querySelector('.booking-phone-error')).toBeTruthy()
  expect(sent(BOOK)).toHaveLength(0)

  await typePhone(container, '138 0000 1234')
  fireEvent.click(within(card(container, 'w-open')).getByText('预约这个时段'))
  await waitFor(() => expect(receipt(container)).toBeTruthy())
  expect(sent(BOOK).map((r) => r.data)).toEqual([{ workPlanId: 'p-1', windowId: 'w-open', contactPhone: '13800001234' }])
  expect(rowText(container, 'phone')).toBe('13800001234')
})

it('a window that filled meanwhile: says so at that window, re-reads the list and shows it full', async () => {
  const filled = plan({ windows: [held, { ...open, remaining: 0 }, full] })
  serve({ [LIST]: [ok([plan()]), ok([filled])], [BOOK]: conflict('WINDOW_FULL', '该时段已约满') })
  const { container } = render(<MyBookingPage />)
  fireEvent.click(within(await findCard(container, 'w-open')).getByText('预约这个时段'))

  const message = await within(card(container, 'w-open')).findByText('这个时段刚刚约满了。剩余户数已经刷新，请另选一个时段。')
  expect(message.closest('[role="alert"]')).toBeTruthy()
  await waitFor(() => expect(card(container, 'w-open').querySelector('.work-window__remaining')!.textContent).toBe('已约满'))
  expect(card(container, 'w-open').querySelector('.work-window__book')).toBeNull()
  expect(sent(LIST)).toHaveLength(2)
  expect(receipt(container)).toBeNull()
})

it('a window held for care households or past its cut-off: the server’s refusal in words, and the list is read again', async () => {
  const closedNow = plan({ windows: [held, { ...open, bookable: false, unavailableReason: BOOKING_REFUSAL_TEXT.BOOKING_CLOSED }, full] })
  serve({ [LIST]: [ok([plan()]), ok([closedNow])], [BOOK]: conflict('BOOKING_CLOSED', '已过截止时间') })
  const { container } = render(<MyBookingPage />)
  fireEvent.click(within(await findCard(container, 'w-open')).getByText('预约这个时段'))
  expect(await within(card(container, 'w-open')).findByText(`${BOOKING_REFUSAL_TEXT.BOOKING_CLOSED}。`)).toBeTruthy()
  await waitFor(() => expect(card(container, 'w-open').className).toContain('work-window--unavailable'))
  expect(within(card(container, 'w-open')).getByText(BOOKING_REFUSAL_TEXT.BOOKING_CLOSED)).toBeTruthy()
  expect(sent(LIST)).toHaveLength(2)
})

it('moving asks first and sends the new window; declining sends nothing', async () => {
  const later = win({ id: 'w-later', startsAt: '2099-12-11T00:30:00.000Z', endsAt: '2099-12-11T09:30:00.000Z', remaining: 2 })
  const booked = plan({ windows: [held, { ...open, remaining: 2 }, full, later], booking: booking() })
  const moved = booking({ windowId: 'w-later', startsAt: later.startsAt, endsAt: later.endsAt })
  serve({ [LIST]: [ok([booked]), ok([plan({ windows: [held, { ...open, remaining: 3 }, full, { ...later, remaining: 1 }], booking: moved })])], [BOOK]: ok(moved) })
  const { container } = render(<MyBookingPage />)
  Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
  fireEvent.click(within(await findCard(container, 'w-later')).getByText('改约到这个时段'))
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
  expect(Taro.showModal.mock.calls[0][0].content).toContain('12月11日（周五）08:30—17:30（北京时间）')
  expect(Taro.showModal.mock.calls[0][0].confirmText!.length).toBeLessThanOrEqual(4)
  await act(async () => {})
  expect(sent(BOOK)).toHaveLength(0)

  fireEvent.click(within(card(container, 'w-later')).getByText('改约到这个时段'))
  await waitFor(() => expect(rowText(container, 'window')).toBe('12月11日（周五）08:30—17:30（北京时间）'))
  expect(sent(BOOK).map((r) => (r.data as { windowId: string }).windowId)).toEqual(['w-later'])
  await waitFor(() => expect(card(container, 'w-open').querySelector('.work-window__remaining')!.textContent).toBe('还剩 3 户'))
  expect(container.querySelector('.booking-outcome')!.textContent).toMatch(/^已改约/)
})

it('cancelling asks first; confirmed, it cancels this plan’s booking and the window gets its place back', async () => {
  serve({ [LIST]: [ok([afterBooking()]), ok([plan()])], [CANCEL]: ok({ cancelled: true }) })
  const { container } = render(<MyBookingPage />)
  Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
  fireEvent.click(await screen.findByText('取消预约'))
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
  await act(async () => {})
  expect(sent(CANCEL)).toHaveLength(0)
  expect(receipt(container)).toBeTruthy()

  fireEvent.click(screen.getByText('取消预约'))
  expect(await screen.findByText('已取消预约。截止时间前您还可以重新选一个时段。')).toBeTruthy()
  expect(sent(CANCEL)).toHaveLength(1)
  expect(receipt(container)).toBeNull()
  await waitFor(() => expect(card(container, 'w-open').querySelector('.work-window__remaining')!.textContent).toBe('还剩 3 户'))
  expect(screen.getByText('您家尚未预约')).toBeTruthy()
  expect(within(card(container, 'w-open')).getByText('预约这个时段')).toBeTruthy()
})

it('after the cut-off the receipt says so and offers neither cancelling nor moving', async () => {
  const past = booking({ startsAt: '2020-03-02T00:30:00.000Z', endsAt: '2020-03-02T09:30:00.000Z', changesCloseAt: '2020-03-01T00:30:00.000Z', bookedBy: 'STAFF' })
  const later = win({ id: 'w-later', startsAt: '2020-03-03T00:30:00.000Z', endsAt: '2020-03-03T09:30:00.000Z', remaining: 2 })
  serve({ [LIST]: ok([plan({ windows: [{ ...open, remaining: 2 }, later], booking: past })]) })
  const { container } = render(<MyBookingPage />)
  await waitFor(() => expect(receipt(container)).toBeTruthy())
  expect(rowText(container, 'by')).toBe('社区代为预约')
  expect(within(receipt(container)!).getByText(`${BOOKING_REFUSAL_TEXT.BOOKING_CLOSED}。`)).toBeTruthy()
  expect(screen.queryByText('取消预约')).toBeNull()
  expect(screen.queryByText('改约到这个时段')).toBeNull()
  expect(container.querySelector('.booking-phone')).toBeNull()
  // A window with room is still shown, but the booking can no longer move there.
  expect(card(container, 'w-later').className).toContain('work-window--locked')
  expect(card(container, 'w-later').querySelector('.work-window__book')).toBeNull()
})

describe('加入手机日历', () => {
  const calendarFile = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'
  let clicked: HTMLAnchorElement[]

  beforeEach(() => {
    clicked = catchBrowserDownloads('blob:ics-1')
  })

  afterEach(() => jest.restoreAllMocks())

  it('H5: fetches the booking’s .ics with the resident’s token and hands it to the browser as a download', async () => {
    const fetchMock = jest.fn(async (_url: string, _init?: RequestInit) => ({ status: 200, ok: true, blob: async () => new Blob([calendarFile], { type: 'text/calendar' }), json: async () => null }))
    globalThis.fetch = fetchMock as unknown as typeof fetch
    serve({ [LIST]: ok([afterBooking()]) })
    render(<MyBookingPage />)
    fireEvent.click(await screen.findByText('加入手机日历'))
    expect(await screen.findByText('日历文件已下载，打开它即可加入手机日历。')).toBeTruthy()
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(fetchMock.mock.calls[0][0]).toBe('/api/me/households/h-301/booking.ics?workPlanId=p-1')
    expect(fetchMock.mock.calls[0][1]).toEqual({ headers: { Authorization: 'Bearer resident-token' } })
    expect(clicked.map((a) => [a.getAttribute('href'), a.download])).toEqual([['blob:ics-1', '入户施工预约.ics']])
    // Nothing about the booking changed: the list is not read again.
    expect(sent(LIST)).toHaveLength(1)
  })

  it('H5: a booking the server no longer has is said in its words', async () => {
    globalThis.fetch = jest.fn(async () => ({ status: 404, ok: false, json: async () => ({ statusCode: 404, code: 'NOT_FOUND', message: '您家没有这项预约' }) })) as unknown as typeof fetch
    serve({ [LIST]: ok([afterBooking()]) })
    const { container } = render(<MyBookingPage />)
    fireEvent.click(await screen.findByText('加入手机日历'))
    expect(await screen.findByText('您家没有这项预约')).toBeTruthy()
    expect(container.querySelector('.booking-calendar-error')).toBeTruthy()
    expect(clicked).toHaveLength(0)
  })

  it('weapp: adds the window to the phone’s calendar through WeChat, reminding a day ahead', async () => {
    serve({ [LIST]: ok([afterBooking()]) })
    render(<MyBookingPage />)
    const button = await screen.findByText('加入手机日历')
    const add = jest.fn((option: { success: () => void }) => option.success())
    const taro = Taro as unknown as Record<string, unknown>
    taro.addPhoneCalendar = add
    process.env.TARO_ENV = 'weapp'
    try {
      fireEvent.click(button)
      expect(await screen.findByText('已加入手机日历，施工前一天会提醒您。')).toBeTruthy()
    } finally {
      process.env.TARO_ENV = 'h5'
      delete taro.addPhoneCalendar
    }
    expect(add).toHaveBeenCalledWith(expect.objectContaining({
      title: '1号楼2单元上下水立管更换',
      startTime: Date.parse(open.startsAt) / 1000,
      endTime: String(Date.parse(open.endsAt) / 1000),
      alarmOffset: 86400,
      description: expect.stringContaining('施工顺序：1.断水 → 2.拆除旧立管'),
    }))
  })
})

it('with no published plan it says so kindly', async () => {
  serve({ [LIST]: ok([]) })
  render(<MyBookingPage />)
  expect(await screen.findByText(/您家目前没有需要预约的入户施工/)).toBeTruthy()
})

it('a failed read can be retried', async () => {
  serve({ [LIST]: [new Error('request:fail'), ok([plan()])] })
  render(<MyBookingPage />)
  fireEvent.click(await screen.findByText('重新加载'))
  expect(await screen.findByText('1号楼2单元上下水立管更换')).toBeTruthy()
})

it('in large type the page, its windows, field and buttons follow the type-mode classes', async () => {
  setLargeType(true)
  serve({ [LIST]: ok([plan({ windows: [held, open], booking: null }), afterBooking()].map((p, i) => ({ ...p, householdId: `h-30${i + 1}` }))) })
  const { container } = render(<MyBookingPage />)
  await waitFor(() => expect(container.querySelectorAll('.work-plan-booking')).toHaveLength(2))
  expect(container.querySelector('.screen')!.classList.contains('large-type')).toBe(true)
  expect(container.querySelector('.page-title')!.textContent).toBe('入户施工预约')
  // Every control is a big button, the tel link included, and the field is the global text input (≥ the tap size).
  const buttons = [...container.querySelectorAll('button, [role="button"], a')]
  expect(buttons.length).toBeGreaterThan(3)
  expect(buttons.filter((b) => !b.closest('.big-button, .back-bar__button'))).toEqual([])
  expect(container.querySelector('.booking-phone')!.classList.contains('text-input')).toBe(true)
  // Field ids stay unique with two households.
  const ids = [...container.querySelectorAll('[id]')].map((e) => e.id)
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
})

describe('booking rules', () => {
  const now = new Date('2099-12-01T00:00:00.000Z')

  it('says what can be done with each window', () => {
    expect(windowAction(open, null, now)).toBe('book')
    expect(windowAction(open, booking({ windowId: 'w-full' }), now)).toBe('move')
    expect(windowAction(open, booking(), now)).toBe('mine')
    expect(windowAction(full, null, now)).toBe('full')
    expect(windowAction(held, null, now)).toBe('unavailable')
    expect(windowAction(open, booking({ windowId: 'w-full', changesCloseAt: '2099-11-30T00:00:00.000Z' }), now)).toBe('locked')
  })

  it('counts the places left, and calls none left 已约满', () => {
    expect(remainingText(1)).toBe('还剩 1 户')
    expect(remainingText(0)).toBe('已约满')
  })

  it('an empty phone is left out; a typed one is made plain or refused', () => {
    expect(typedPhone('  ')).toEqual({ problem: null })
    expect(typedPhone('010-6400 1234')).toEqual({ phone: '010-64001234', problem: null })
    expect(typedPhone('12')).toEqual({ problem: CONTACT_PHONE_HINT })
  })

  it('turns each refusal into words and says when the list must be read again', () => {
    expect(bookingFailure(new ApiError('x', 409, 'PRIORITY_WINDOW_HELD'))).toEqual({ message: '此时段暂为需要照顾的住户保留，请另选一个时段。', refresh: true })
    expect(bookingFailure(new ApiError('x', 409, 'NOT_BOOKED')).refresh).toBe(true)
    expect(bookingFailure(new ApiError('施工计划不存在', 404, 'NOT_FOUND'))).toEqual({ message: '施工计划不存在', refresh: true })
    expect(bookingFailure(new ApiError('联系电话有误', 400, 'VALIDATION_FAILED'))).toEqual({ message: '联系电话有误', refresh: false })
    expect(bookingFailure(new Error('boom')).message).toBe('网络连接失败，请检查网络后重试')
  })
})
