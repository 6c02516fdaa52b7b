/** A work plan's screen: its windows in Beijing time, adding and removing them, publishing with every problem, the stairwell notice. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { StaffRole, WorkPlanStatus, fromShanghai, shanghaiDate } from '@linyi/shared'
import Taro, { conflict, ok, resetTaro, sent, serve, storage, useRouter } from './taro-mock'
import { typeInto } from './dom-events'
import { findIn, signInAs } from './staff-fixtures'
import { COMPOUND, applications, planView, problems, structure, win } from './staff-works-fixtures'
import StaffWorkPlanPage from '../src/staff/work-plan/index'
import { StorageKey } from '../src/api/storage'
import { setLargeType } from '../src/store/large-type'

jest.setTimeout(20_000)

const pickIn = (box: Element, value: string) => fireEvent(box.closest('taro-picker-core')!, Object.assign(new Event('change', { bubbles: true }), { detail: { value } }))
const inactive = (button: Element) => button.className.includes('big-button--inactive')
const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((el) => el.textContent)
const DAY_MS = 24 * 3600 * 1000
const notReady = { statusCode: 409, data: { statusCode: 409, code: 'WORK_PLAN_NOT_READY', message: '施工计划还不能发布', problems } }

beforeEach(() => {
  resetTaro()
  setLargeType(false)
  useRouter.mockReturnValue({ params: { id: 'p1' } })
})

async function openPlan(role: StaffRole, extra: Parameters<typeof serve>[0] = {}) {
  serve({ ...signInAs(role), 'GET /work-plans/p1': ok(planView()), ...extra })
  const utils = render(<StaffWorkPlanPage />)
  await findIn(utils.container, '#work-unit-u1')
  return utils
}

describe('the plan', () => {
  it('shows the steps, the water arrangements and each unit’s windows in Beijing time with booked, left and 优先', async () => {
    const { container } = await openPlan(StaffRole.Contractor)
    expect(container.querySelector('.works-plan-title')!.textContent).toBe('1号楼上下水立管更换')
    expect(texts(container, '.works-detail-step__title')).toEqual(['1. 断水', '2. 拆除旧立管'])
    expect(container.querySelector('.works-detail-waterCut')!.textContent).toBe('停水安排：施工当天 8:00—18:00 全单元停水')
    expect(container.querySelector('.works-detail-temporaryWater')!.textContent).toBe('临时供水：（未填写）')
    expect(container.querySelector('.works-detail-phone')!.textContent).toBe('联系电话：010-64001234')
    expect(container.querySelector('.works-units-title')!.textContent).toBe('各单元施工时段（北京时间）')

    const w1 = container.querySelector('#work-window-w1')!
    expect(w1.querySelector('.works-window__span')!.textContent).toBe('12月8日（周二）08:30—17:30')
    expect(w1.querySelector('.works-priority')!.textContent).toBe('优先')
    expect(w1.querySelector('.works-window__figures')!.textContent).toBe('可安排 4 户 · 已约 0 户 · 还剩 4 户')
    // 23:30 UTC is the next morning in Beijing, whatever the device's zone.
    const w2 = container.querySelector('#work-window-w2')!
    expect(w2.querySelector('.works-window__span')!.textContent).toBe('12月9日（周三）07:30—17:30')
    expect(w2.querySelector('.works-priority')).toBeNull()
    expect(w2.querySelector('.works-window__figures')!.textContent).toBe('可安排 2 户 · 已约 2 户 · 已约满')
    expect(container.querySelector('#work-unit-u2 .works-no-windows')!.textContent).toContain('还没有施工时段')
  })

  it('puts the whole page in large type', async () => {
    setLargeType(true)
    const { container } = await openPlan(StaffRole.Contractor)
    expect(container.querySelector('.screen.staff-work-plan')!.className).toContain('large-type')
  })

  it.each([StaffRole.Street, StaffRole.Admin])('a %s reads it, with the notice, but is offered no change', async (role) => {
    const { container } = await openPlan(role)
    expect(container.querySelector('.works-print-notice')).toBeTruthy()
    for (const selector of ['.works-window-remove', '.works-add-window-open', '.works-publish', '.works-discard', '.works-edit-plan']) expect([selector, container.querySelector(selector)]).toEqual([selector, null])
  })
})

describe('windows', () => {
  it('adds a window for a unit from Beijing-time day and hours, then shows the plan as the server now has it', async () => {
    const added = win({ id: 'w9', unitId: 'u2', unitLabel: '1号楼2单元' })
    const { container } = await openPlan(StaffRole.Contractor, {
      'POST /work-plans/p1/windows': { statusCode: 201, data: added },
      'GET /work-plans/p1': [ok(planView()), ok(planView({ windows: [...planView().windows, added] }))],
    })
    fireEvent.click(container.querySelector('#work-unit-u2 .works-add-window-open')!)
    const form = container.querySelector('#work-unit-u2 .works-add-window') as HTMLElement
    // No window yet: four days on, in Beijing.
    expect(form.querySelector('.works-window-date .works-picker__value')!.textContent).toBe(shanghaiDate(new Date(Date.now() + 4 * DAY_MS)))
    const day = shanghaiDate(new Date(Date.now() + 10 * DAY_MS))
    pickIn(form.querySelector('.works-window-date')!, day)
    pickIn(form.querySelector('.works-window-start')!, '18:00')
    const save = () => form.querySelector('.works-add-window-save')!
    expect([inactive(save()), save().textContent]).toEqual([true, '结束时间须晚于开始时间'])
    pickIn(form.querySelector('.works-window-start')!, '07:30')
    typeInto(form.querySelector('.works-capacity-input')!, '0')
    expect(save().textContent).toBe('每个时段可安排的户数须为 1 到 100 之间的整数')
    fireEvent.click(form.querySelector('.works-capacity-more')!)
    fireEvent.click(form.querySelector('.works-capacity-more')!)
    fireEvent.click(form.querySelector('.works-window-priority')!)
    expect(save().textContent).toBe('添加这个时段')
    fireEvent.click(save())

    await findIn(container, '#work-window-w9')
    expect(sent('POST /work-plans/p1/windows').map((r) => r.data)).toEqual([
      { unitId: 'u2', startsAt: fromShanghai(day, '07:30').toISOString(), endsAt: fromShanghai(day, '17:30').toISOString(), capacity: 2, priority: true },
    ])
    expect(form.querySelector('.works-add-window-done')!.textContent).toContain('已添加')
    // The next window is offered for the next day.
    expect(form.querySelector('.works-window-date .works-picker__value')!.textContent).toBe(shanghaiDate(fromShanghai(day).getTime() + DAY_MS))
  })

  it('offers the day after the unit’s last window first', async () => {
    const { container } = await openPlan(StaffRole.Committee)
    fireEvent.click(container.querySelector('#work-unit-u1 .works-add-window-open')!)
    expect(container.querySelector('#work-unit-u1 .works-window-date .works-picker__value')!.textContent).toBe('2026-12-10')
  })

  it('says why the server refused a window', async () => {
    const { container } = await openPlan(StaffRole.Contractor, {
      'POST /work-plans/p1/windows': { statusCode: 400, data: { statusCode: 400, code: 'WINDOW_INVALID', message: '须提前3天告知住户，最早可安排在12月12日' } },
    })
    // A unit without windows: its first is offered four days on, whatever today is.
    fireEvent.click(container.querySelector('#work-unit-u2 .works-add-window-open')!)
    fireEvent.click(container.querySelector('#work-unit-u2 .works-add-window-save')!)
    expect((await findIn(container, '#work-unit-u2 .works-add-window-error')).textContent).toBe('须提前3天告知住户，最早可安排在12月12日')
  })

  it('removes a draft’s window and shows the plan without it', async () => {
    const after = planView({ windows: [planView().windows[1]] })
    const { container } = await openPlan(StaffRole.Contractor, {
      'DELETE /work-plans/p1/windows/w1': ok({ deleted: true }),
      'GET /work-plans/p1': [ok(planView()), ok(after)],
    })
    fireEvent.click(container.querySelector('#work-window-w1 .works-window-remove')!)
    await waitFor(() => expect(container.querySelector('#work-window-w1')).toBeNull())
    expect(sent('DELETE /work-plans/p1/windows/w1')).toHaveLength(1)
    expect(container.querySelector('#work-window-w2')).toBeTruthy()
  })

  it('a published plan keeps its windows (they may hold bookings) but takes new ones', async () => {
    const { container } = await openPlan(StaffRole.Contractor, { 'GET /work-plans/p1': ok(planView({ status: WorkPlanStatus.Published, publishedAt: '2026-12-01T02:00:00.000Z' })) })
    expect(container.querySelector('.works-window-remove')).toBeNull()
    expect(container.querySelector('.works-add-window-open')).toBeTruthy()
    expect(container.querySelector('.works-publish')).toBeNull()
    expect(container.querySelector('.works-discard')).toBeNull()
    fireEvent.click(container.querySelector('.works-open-bookings')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/work-bookings/index?id=p1' })
  })
})

describe('publishing', () => {
  it('shows every problem unit by unit, with the way to each unit’s screening for the committee; then publishes once fixed', async () => {
    const published = planView({ status: WorkPlanStatus.Published, publishedAt: '2026-12-02T02:00:00.000Z' })
    const { container } = await openPlan(StaffRole.Committee, { 'POST /work-plans/p1/publish': [notReady, ok(published)] })
    fireEvent.click(container.querySelector('.works-publish')!)
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(Taro.showModal.mock.calls[0][0].content).toContain('各单元的每一户都会收到入户施工通知')

    const panel = await findIn(container, '.works-problems')
    expect(panel.getAttribute('role')).toBe('alert')
    expect(panel.querySelector('.works-problems__summary')!.textContent).toBe('2 个单元共 4 个问题，请全部处理后再点“发布”。')
    const unit = (id: string) => panel.querySelector(`#work-problems-${id}`)!
    expect(unit('u1').querySelector('.works-problem-unit__label')!.textContent).toBe('1号楼1单元')
    expect(texts(unit('u1'), '.works-problem')).toEqual(['· 102尚未完成特殊需求排查', '· 有1户需要照顾，尚未制定照顾方案，请在“特殊需求排查”中处理'])
    expect(texts(unit('u2'), '.works-problem')).toEqual(['· 本单元尚未全部住户提交书面申请，不能入户施工', '· 本单元还没有施工时段'])
    // Only a unit with screening problems gets the way to its screening page.
    expect(unit('u2').querySelector('.works-problem-screening')).toBeNull()
    fireEvent.click(unit('u1').querySelector('.works-problem-screening')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/screening-unit/index?unitId=u1' })

    fireEvent.click(container.querySelector('.works-publish')!)
    await findIn(container, '.works-published-line')
    expect(container.querySelector('.works-problems')).toBeNull()
    expect(container.querySelector('.works-status')!.textContent).toBe('已发布')
    expect(container.querySelector('.works-window-remove')).toBeNull()
    expect(sent('POST /work-plans/p1/publish')).toHaveLength(2)
  })

  it('tells a contractor who fixes screening problems instead of linking to a page it may not open', async () => {
    const { container } = await openPlan(StaffRole.Contractor, { 'POST /work-plans/p1/publish': notReady })
    fireEvent.click(container.querySelector('.works-publish')!)
    const panel = await findIn(container, '.works-problems')
    expect(panel.querySelector('.works-problem-screening')).toBeNull()
    expect(panel.querySelector('#work-problems-u1 .works-problem-who')!.textContent).toContain('由居委会或街道办完成')
    expect(panel.querySelectorAll('.works-problem')).toHaveLength(4)
  })

  it('shows a building left out of the year’s plan in the server’s words', async () => {
    const message = '2号楼未列入年度改造计划（外窗护栏等违法建设拆除未获同意），不能安排施工'
    const { container } = await openPlan(StaffRole.Contractor, { 'POST /work-plans/p1/publish': conflict('BUILDING_EXCLUDED', message) })
    fireEvent.click(container.querySelector('.works-publish')!)
    expect((await findIn(container, '.works-publish-error')).textContent).toBe(message)
    expect(container.querySelector('.works-problems')).toBeNull()
  })

  it('sends nothing when the confirmation is cancelled', async () => {
    const { container } = await openPlan(StaffRole.Contractor, { 'POST /work-plans/p1/publish': notReady })
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    fireEvent.click(container.querySelector('.works-publish')!)
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    await act(async () => {})
    expect(sent('POST /work-plans/p1/publish')).toHaveLength(0)
  })

  it('discards a draft after asking, and goes back to the plans', async () => {
    const { container } = await openPlan(StaffRole.Contractor, { 'DELETE /work-plans/p1': ok({ deleted: true }) })
    fireEvent.click(container.querySelector('.works-discard')!)
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect(Taro.showModal.mock.calls[0][0].content).toContain('所有时段会一起删除')
    expect(sent('DELETE /work-plans/p1')).toHaveLength(1)
  })

  it('edits a draft: sends only what changed, and shows the answer', async () => {
    const { container } = await openPlan(StaffRole.Contractor, {
      [`GET /compounds/${COMPOUND}/structure`]: ok(structure),
      [`GET /consultations?compoundId=${COMPOUND}`]: ok(applications),
      'PATCH /work-plans/p1': ok(planView({ title: '1号楼立管更换（修订）', contactPhone: null })),
    })
    fireEvent.click(container.querySelector('.works-edit-plan')!)
    const form = await findIn(container, '.works-plan-form')
    expect(form.querySelector('.works-application-fixed')!.textContent).toBe('1号楼上下水管线改造申请')
    typeInto(form.querySelector('.works-title-input')!, '1号楼立管更换（修订）')
    typeInto(form.querySelector('.works-phone-input')!, '')
    fireEvent.click(form.querySelector('.works-plan-save')!)
    await waitFor(() => expect(container.querySelector('.works-plan-form')).toBeNull())
    expect(sent('PATCH /work-plans/p1').map((r) => r.data)).toEqual([{ title: '1号楼立管更换（修订）', contactPhone: '' }])
    expect(container.querySelector('.works-plan-title')!.textContent).toBe('1号楼立管更换（修订）')
    expect(container.querySelector('.works-detail-phone')!.textContent).toBe('联系电话：（未填写，通知上印小区的应急电话）')
  })
})

describe('the stairwell notice', () => {
  it('fetches the unit’s PDF with the token and opens it in a new tab to print', async () => {
    const fetchMock = jest.fn(async (_url: string, _init?: RequestInit) => ({ status: 200, ok: true, json: async () => null, blob: async () => new Blob(['%PDF']) }))
    globalThis.fetch = fetchMock as unknown as typeof fetch
    URL.createObjectURL = jest.fn(() => 'blob:notice')
    URL.revokeObjectURL = jest.fn()
    const open = jest.spyOn(window, 'open').mockImplementation(() => ({}) as Window)
    const { container } = await openPlan(StaffRole.Contractor)
    fireEvent.click(container.querySelector('#work-unit-u2 .works-print-notice')!)
    expect((await findIn(container, '#work-unit-u2 .works-notice-done')).textContent).toContain('新的浏览器窗口')
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/work-plans/p1/notice.pdf?unitId=u2'])
    expect((fetchMock.mock.calls[0][1]?.headers as Record<string, string>).Authorization).toBe('Bearer staff-token')
    expect(open).toHaveBeenCalledWith('blob:notice', '_blank')
    expect(container.querySelector('#work-unit-u1 .works-notice-done')).toBeNull()
    open.mockRestore()
  })

  it('says why it could not be made', async () => {
    globalThis.fetch = jest.fn(async () => ({ status: 400, ok: false, json: async () => ({ statusCode: 400, code: 'WORK_PLAN_INVALID', message: '这个单元不在施工计划中' }) })) as unknown as typeof fetch
    const { container } = await openPlan(StaffRole.Contractor)
    fireEvent.click(container.querySelector('#work-unit-u1 .works-print-notice')!)
    expect((await findIn(container, '#work-unit-u1 .works-notice-error')).textContent).toBe('这个单元不在施工计划中')
  })

  it('a refused token (401) ends the stored session, so the next screen asks to sign in again', async () => {
    globalThis.fetch = jest.fn(async () => ({ status: 401, ok: false, json: async () => ({ statusCode: 401, code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' }) })) as unknown as typeof fetch
    const { container } = await openPlan(StaffRole.Contractor)
    fireEvent.click(container.querySelector('#work-unit-u1 .works-print-notice')!)
    expect((await findIn(container, '#work-unit-u1 .works-notice-error')).textContent).toBe('登录已过期，请重新登录')
    expect([storage.has(StorageKey.staffToken), storage.has(StorageKey.staffProfile)]).toEqual([false, false])
  })

  it('on weapp opens the downloaded PDF in WeChat', async () => {
    process.env.TARO_ENV = 'weapp'
    try {
      Taro.downloadFile.mockResolvedValueOnce({ statusCode: 200, tempFilePath: 'wxfile://tmp/notice.pdf' })
      Taro.openDocument.mockResolvedValueOnce({ errMsg: 'openDocument:ok' })
      const { container } = await openPlan(StaffRole.Contractor)
      fireEvent.click(container.querySelector('#work-unit-u1 .works-print-notice')!)
      expect((await findIn(container, '#work-unit-u1 .works-notice-done')).textContent).toContain('微信中打开')
      expect(Taro.downloadFile.mock.calls[0][0]).toMatchObject({ url: 'http://127.0.0.1:3000/api/work-plans/p1/notice.pdf?unitId=u1', header: { Authorization: 'Bearer staff-token' } })
      expect(Taro.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/notice.pdf', fileType: 'pdf', showMenu: true })
    } finally {
      process.env.TARO_ENV = 'h5'
    }
  })
})

it('a street member never sees the crew list entry (it is the crew’s and the committee’s)', async () => {
  const { container } = await openPlan(StaffRole.Street, { 'GET /work-plans/p1': ok(planView({ status: WorkPlanStatus.Published })) })
  expect(container.querySelector('.works-open-bookings')).toBeNull()
  expect(screen.getByText('1号楼上下水立管更换')).toBeTruthy()
})
