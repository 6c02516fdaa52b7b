/** The crew list and the committee's bookings on a household's behalf (issue 10), against a fake server speaking the contract. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { StaffRole, WorkPlanStatus } from '@linyi/shared'
import type { BookingView, CrewList } from '@linyi/shared'
import Taro, { conflict, ok, resetTaro, sent, serve, useRouter } from './taro-mock'
import { typeInto } from './dom-events'
import { findIn, signInAs } from './staff-fixtures'
import { crewList, planView } from './staff-works-fixtures'
import StaffWorkBookingsPage from '../src/staff/work-bookings/index'

jest.setTimeout(20_000)

const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((el) => el.textContent)
const published = planView({ status: WorkPlanStatus.Published, publishedAt: '2026-12-01T02:00:00.000Z' })

function booking(overrides: Partial<BookingView> = {}): BookingView {
  return {
    householdId: 'h103',
    workPlanId: 'p1',
    windowId: 'w1',
    startsAt: '2026-12-08T00:30:00.000Z',
    endsAt: '2026-12-08T09:30:00.000Z',
    unitLabel: '1号楼1单元',
    householdLabel: '1号楼1单元103',
    contactPhone: null,
    bookedAt: '2026-12-02T02:00:00.000Z',
    bookedBy: 'STAFF',
    changesCloseAt: '2026-12-07T00:30:00.000Z',
    ...overrides,
  }
}

/** h103 now in w1 (full), out of the unbooked. */
const afterBooking: CrewList = (() => {
  const list = crewList()
  list.windows[0].households.push({ householdId: 'h103', label: '1号楼1单元103', contactPhone: '13900002222', assistanceNote: null })
  list.unbooked = list.unbooked.filter((h) => h.householdId !== 'h103')
  return list
})()

beforeEach(() => {
  resetTaro()
  useRouter.mockReturnValue({ params: { id: 'p1' } })
})

async function openBookings(role: StaffRole, extra: Parameters<typeof serve>[0] = {}) {
  serve({ ...signInAs(role), 'GET /work-plans/p1': ok(published), 'GET /work-plans/p1/bookings': ok(crewList()), ...extra })
  const utils = render(<StaffWorkBookingsPage />)
  await findIn(utils.container, '#crew-window-w1')
  return utils
}

describe('the crew list', () => {
  it('gives per window each household’s label, a phone to ring and the care plan’s line for the crew; then the unbooked', async () => {
    const { container } = await openBookings(StaffRole.Contractor)
    expect(screen.getByText('1号楼上下水立管更换')).toBeTruthy()
    expect(screen.getByText(/每次打开本页都会被记录/)).toBeTruthy()
    const w1 = container.querySelector('#crew-window-w1')!
    expect(w1.querySelector('.works-crew-window__span')!.textContent).toBe('12月8日（周二）08:30—17:30')
    expect(w1.querySelector('.works-priority')).toBeTruthy()
    expect(w1.querySelector('.works-crew-window__count')!.textContent).toBe('已约 1 / 2 户 · 还剩 1 户')
    const h101 = container.querySelector('#crew-household-h101')!
    expect(h101.querySelector('.works-crew-household__label')!.textContent).toBe('1号楼1单元101')
    expect(h101.querySelector('a.works-phone')!.getAttribute('href')).toBe('tel:13800001111')
    expect(h101.querySelector('.works-assistance')!.textContent).toBe('照顾说明：施工前一天先给女儿打电话，当天留一个水龙头')
    const h102 = container.querySelector('#crew-household-h102')!
    expect(h102.querySelector('.works-assistance')).toBeNull()
    expect(h102.querySelector('.works-no-phone')!.textContent).toBe('没有联系电话')
    expect(container.querySelector('#crew-window-w2 .works-crew-window__span')!.textContent).toBe('12月9日（周三）07:30—17:30')
    expect(container.querySelector('#crew-window-w2 .works-crew-window__count')!.textContent).toBe('已约 1 / 1 户 · 已约满')
    expect(texts(container, '.works-crew-unit > .section-title')).toEqual(['1号楼1单元', '1号楼2单元'])

    const unbooked = container.querySelector('#works-unbooked')!
    expect(unbooked.querySelector('.section-title')!.textContent).toBe('未预约（2 户）')
    expect(texts(unbooked, '.works-crew-household__label')).toEqual(['1号楼1单元103', '1号楼2单元201'])
    // The crew reads; booking for a household is the committee's.
    for (const selector of ['.works-book-for', '.works-move', '.works-cancel']) expect([selector, container.querySelector(selector)]).toEqual([selector, null])
    expect(sent('GET /work-plans/p1/bookings')).toHaveLength(1)
  })

  it.each([StaffRole.Street, StaffRole.Admin])('a %s is not shown it, and nothing is asked of the server', async (role) => {
    serve({ ...signInAs(role), 'GET /work-plans/p1/bookings': ok(crewList()) })
    render(<StaffWorkBookingsPage />)
    expect(await screen.findByText('您的账号不能查看此页面')).toBeTruthy()
    await waitFor(() => expect(sent('GET /staff/me')).toHaveLength(1))
    expect(sent('GET /work-plans/p1/bookings')).toHaveLength(0)
  })

  it('exports the XLSX with the token after warning what it holds', async () => {
    const fetchMock = jest.fn(async (_url: string, _init?: RequestInit) => ({ status: 200, ok: true, json: async () => null, blob: async () => new Blob(['x']) }))
    globalThis.fetch = fetchMock as unknown as typeof fetch
    URL.createObjectURL = jest.fn(() => 'blob:crew')
    URL.revokeObjectURL = jest.fn()
    const saved: string[] = []
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download)
    })
    const { container } = await openBookings(StaffRole.Contractor)
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    fireEvent.click(container.querySelector('.works-crew-export-button')!)
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(Taro.showModal.mock.calls[0][0].content).toContain('联系电话和照顾说明')
    await act(async () => {})
    expect(fetchMock).not.toHaveBeenCalled()

    fireEvent.click(container.querySelector('.works-crew-export-button')!)
    await findIn(container, '.works-crew-export-done')
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/work-plans/p1/bookings?format=xlsx'])
    expect((fetchMock.mock.calls[0][1]?.headers as Record<string, string>).Authorization).toBe('Bearer staff-token')
    expect(saved).toEqual([expect.stringMatching(/^入户名单-1号楼上下水立管更换-\d{4}-\d{2}-\d{2}\.xlsx$/)])
    click.mockRestore()
  })
})

describe('booking on a household’s behalf (committee)', () => {
  it('books an unbooked household into a window of its own unit with room, with the phone to ring, and shows the new list', async () => {
    const { container } = await openBookings(StaffRole.Committee, {
      'PUT /households/h103/booking': ok(booking({ contactPhone: '13900002222' })),
      'GET /work-plans/p1/bookings': [ok(crewList()), ok(afterBooking)],
    })
    fireEvent.click(container.querySelector('#unbooked-h103 .works-book-for')!)
    const picker = await findIn(container, '#unbooked-h103 .works-booking-picker')
    // Only 1号楼1单元's windows with room: w2 is full, w3 is another unit's.
    expect([...picker.querySelectorAll('.works-booking-choice')].map((c) => c.getAttribute('data-window-id'))).toEqual(['w1'])
    expect(picker.querySelector('.works-booking-choice__left')!.textContent).toBe('还剩 1 户')
    const confirm = () => picker.querySelector('.works-booking-confirm')!
    expect(confirm().textContent).toBe('请先选择一个时段')
    fireEvent.click(picker.querySelector('[data-window-id=w1]')!)
    typeInto(picker.querySelector('.works-booking-phone')!, '139-0000-2222')
    expect(confirm().textContent).toBe('确认预约')
    fireEvent.click(confirm())

    const done = await findIn(container, '#crew-household-h103 .works-booking-done')
    expect(done.textContent).toBe('已为 1号楼1单元103 预约 12月8日（周二）08:30—17:30（北京时间）')
    expect(sent('PUT /households/h103/booking').map((r) => r.data)).toEqual([{ workPlanId: 'p1', windowId: 'w1', contactPhone: '13900002222' }])
    expect(container.querySelector('#unbooked-h103')).toBeNull()
    expect(container.querySelector('#crew-window-w1 .works-crew-window__count')!.textContent).toBe('已约 2 / 2 户 · 已约满')
  })

  it('a full window: says so plainly, keeps the picker open and shows the real counts at once', async () => {
    const full = crewList()
    full.windows[0].households.push({ householdId: 'h999', label: '1号楼1单元999', contactPhone: null, assistanceNote: null })
    const { container } = await openBookings(StaffRole.Committee, {
      'PUT /households/h103/booking': conflict('WINDOW_FULL', '该时段已约满'),
      'GET /work-plans/p1/bookings': [ok(crewList()), ok(full)],
    })
    fireEvent.click(container.querySelector('#unbooked-h103 .works-book-for')!)
    fireEvent.click((await findIn(container, '#unbooked-h103 [data-window-id=w1]'))!)
    fireEvent.click(container.querySelector('#unbooked-h103 .works-booking-confirm')!)
    const error = await findIn(container, '#unbooked-h103 .works-booking-error')
    expect(error.textContent).toBe('这个时段刚刚约满了。名单已刷新，请另选一个还有空位的时段。')
    await waitFor(() => expect(sent('GET /work-plans/p1/bookings')).toHaveLength(2))
    expect(container.querySelector('#crew-window-w1 .works-crew-window__count')!.textContent).toBe('已约 2 / 2 户 · 已约满')
    // Nothing left to offer in that unit now.
    expect(container.querySelector('#unbooked-h103 .works-no-room')!.textContent).toContain('没有还有空位的时段')
  })

  it('moves a booked household to another window of its unit', async () => {
    const { container } = await openBookings(StaffRole.Committee, { 'PUT /households/h102/booking': ok(booking({ householdId: 'h102', householdLabel: '1号楼1单元102' })) })
    fireEvent.click(container.querySelector('#crew-household-h102 .works-move')!)
    const picker = await findIn(container, '#crew-household-h102 .works-booking-picker')
    expect([...picker.querySelectorAll('.works-booking-choice')].map((c) => c.getAttribute('data-window-id'))).toEqual(['w1'])
    fireEvent.click(picker.querySelector('[data-window-id=w1]')!)
    expect(picker.querySelector('.works-booking-confirm')!.textContent).toBe('确认改约')
    fireEvent.click(picker.querySelector('.works-booking-confirm')!)
    expect((await findIn(container, '#crew-household-h102 .works-booking-done')).textContent).toBe('已为 1号楼1单元102 改约到 12月8日（周二）08:30—17:30（北京时间）')
    expect(sent('PUT /households/h102/booking').map((r) => r.data)).toEqual([{ workPlanId: 'p1', windowId: 'w1' }])
  })

  it('cancels after asking; past the cut-off it says the change is closed and whom to call', async () => {
    const { container } = await openBookings(StaffRole.Committee, {
      'DELETE /households/h101/booking?workPlanId=p1': [ok({ cancelled: true }), conflict('BOOKING_CLOSED', '已过预约截止时间')],
    })
    fireEvent.click(container.querySelector('#crew-household-h101 .works-cancel')!)
    await waitFor(() => expect(sent('DELETE /households/h101/booking?workPlanId=p1')).toHaveLength(1))
    expect(Taro.showModal.mock.calls[0][0].content).toContain('确定取消 1号楼1单元101 的预约吗')
    // The fake server still lists it: the outcome is said under it.
    expect((await findIn(container, '#crew-household-h101 .works-booking-done')).textContent).toBe('已取消 1号楼1单元101 的预约，这一户回到“未预约”名单')

    fireEvent.click(container.querySelector('#crew-household-h101 .works-cancel')!)
    const error = await findIn(container, '#crew-household-h101 .works-booking-error')
    expect(error.textContent).toBe('已过预约截止时间：临近施工，已不能再预约、改约或取消。确需调整，请直接与施工单位电话商量。')
  })

  it('sends no cancellation when the committee member says 不取消', async () => {
    const { container } = await openBookings(StaffRole.Committee, { 'DELETE /households/h101/booking?workPlanId=p1': ok({ cancelled: true }) })
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    fireEvent.click(container.querySelector('#crew-household-h101 .works-cancel')!)
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    await act(async () => {})
    expect(sent('DELETE /households/h101/booking?workPlanId=p1')).toHaveLength(0)
  })
})
