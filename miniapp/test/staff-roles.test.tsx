/** Each role sees only what it may do (shared/src/staff-actions.ts): no button that would answer 403. */
import { StaffRole } from '@linyi/shared'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro, { ok, resetTaro, sent, serve, useRouter } from './taro-mock'
import { consultation, group, outstanding } from './consultation-fixtures'
import { findIn, signInAs, staffView } from './staff-fixtures'
import StaffHomePage from '../src/staff/home/index'
import StaffCompoundPage from '../src/staff/compound/index'
import StaffConsultationPage from '../src/staff/consultation/index'
import { StorageKey } from '../src/api/storage'
import { storage } from './taro-mock'

/** Everything a committee member may do, and which the contractor must never be offered. */
const COMMITTEE_ACTIONS = ['AUTHOR_CONSULTATION', 'UPLOAD_ROSTER', 'ISSUE_INVITE_CODE', 'RECORD_VISIT', 'RECORD_PAPER_ANSWER', 'MANAGE_REMINDERS']
const COMMITTEE_BUTTONS = ['.issue-invite-button', '.visit-entry', '.paper-entry', '.nudge-button', '.reminder-pause-toggle', '.call-button', '.household-filter']

const compounds = [{ id: 'c1', name: '幸福里小区', communityId: 'community-1' }]
const structure = {
  id: 'c1',
  name: '幸福里小区',
  buildings: [{ id: 'b1', name: '1号楼', units: [{ id: 'u1', name: '1单元', households: [{ id: 'h101', label: '1号楼1单元101', room: '101', floor: 1, areaM2: 80 }, { id: 'h301', label: '1号楼1单元301', room: '301', floor: 3, areaM2: 80 }] }] }],
}

function expectNoCommitteeAction(container: HTMLElement) {
  for (const action of COMMITTEE_ACTIONS) expect(container.querySelector(`[data-action=${action}]`)).toBeNull()
  for (const selector of COMMITTEE_BUTTONS) expect(container.querySelector(selector)).toBeNull()
}

// These pages render many rows in jsdom: allow them longer than the default second.
const findSlowly = (container: HTMLElement, selector: string) => findIn(container, selector, 5000)

beforeEach(() => resetTaro())

describe('the 工作台', () => {
  const actions = (container: HTMLElement) => [...container.querySelectorAll('.staff-home-action')].map((a) => `${a.getAttribute('data-action')} ${a.textContent}`)

  it('a committee member sees each compound with 进度与住户, 改造进度, 发起征询 and 导入名册', async () => {
    serve({ ...signInAs(StaffRole.Committee), 'GET /compounds': ok(compounds) })
    const { container } = render(<StaffHomePage />)
    await screen.findByText('幸福里小区')
    expect(actions(container)).toEqual(['VIEW_PROGRESS 进度与住户', 'VIEW_PIPELINE 改造进度', 'AUTHOR_CONSULTATION 发起征询', 'UPLOAD_ROSTER 导入名册'])
    fireEvent.click(within(container.querySelector('[data-action=AUTHOR_CONSULTATION]') as HTMLElement).getByText('发起征询'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/author/index?compoundId=c1' })
    fireEvent.click(container.querySelector('.compound-item')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/compound/index?id=c1' })
  })

  it('a contractor sees its compound read-only, and no committee action', async () => {
    serve({ ...signInAs(StaffRole.Contractor), 'GET /compounds': ok(compounds) })
    const { container } = render(<StaffHomePage />)
    await screen.findByText('幸福里小区')
    expect(actions(container)).toEqual(['VIEW_PROGRESS 查看进度（只读）', 'VIEW_PIPELINE 改造进度'])
    expectNoCommitteeAction(container)
  })

  it('street staff see the street-wide entries and no compound list of their own', async () => {
    serve({ ...signInAs(StaffRole.Street), 'GET /staff/me': ok(staffView(StaffRole.Street, { displayName: '街道李科长（已改名）' })) })
    const { container } = render(<StaffHomePage />)
    // The 工作台 follows the account as the server now holds it.
    expect(await screen.findByText(/^街道李科长（已改名） · 街道办事处/)).toBeTruthy()
    expect(actions(container)).toEqual(['VIEW_STREET_DASHBOARD 街道总览', 'VIEW_COMPOUNDS 小区与住户', 'MANAGE_STAFF_ACCOUNTS 工作人员账号'])
    fireEvent.click(screen.getByText('街道总览'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/dashboard/index' })
    expect(sent('GET /compounds')).toHaveLength(0)
  })

  it.each([
    [StaffRole.Committee, '您的社区还没有小区。街道办事处录入小区后'],
    [StaffRole.Contractor, '还没有为您的账号指定小区。街道办事处为您指定负责的小区后'],
  ])('a %s with no compound yet is told what will appear and who provides it', async (role, text) => {
    serve({ ...signInAs(role), 'GET /compounds': ok([]) })
    render(<StaffHomePage />)
    expect(await screen.findByText(new RegExp(`^${text}`))).toBeTruthy()
  })

  it('has the resident home’s 大字 switch: it puts the whole 工作台 in large type, and back', async () => {
    serve({ ...signInAs(StaffRole.Committee), 'GET /compounds': ok(compounds) })
    const { container } = render(<StaffHomePage />)
    await screen.findByText('幸福里小区')
    const page = container.querySelector('.screen.staff-home')!
    expect(page.classList.contains('normal-type')).toBe(true)
    fireEvent.click(screen.getByText('大字模式'))
    expect(page.classList.contains('large-type')).toBe(true)
    expect(container.querySelector('.large-type-switch')!.getAttribute('aria-pressed')).toBe('true')
    expect(storage.get(StorageKey.largeType)).toBe('on')
    fireEvent.click(screen.getByText('大字模式'))
    expect(page.classList.contains('normal-type')).toBe(true)
    expect(storage.get(StorageKey.largeType)).toBe('off')
  })

  it('signs out', async () => {
    serve({ ...signInAs(StaffRole.Committee), 'GET /compounds': ok(compounds) })
    render(<StaffHomePage />)
    await screen.findByText('幸福里小区')
    fireEvent.click(screen.getByText('退出登录'))
    expect(storage.has(StorageKey.staffToken)).toBe(false)
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/staff/login/index' })
  })

  it('without a session asks to sign in', () => {
    serve({})
    render(<StaffHomePage />)
    fireEvent.click(screen.getByText('去登录'))
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/login/index' })
  })
})

describe('the compound page', () => {
  beforeEach(() => useRouter.mockReturnValue({ params: { id: 'c1' } }))

  it('a contractor sees the buildings and can search rooms, but no household states and no committee action', async () => {
    serve({ ...signInAs(StaffRole.Contractor), 'GET /compounds/c1/structure': ok(structure), 'GET /consultations?compoundId=c1': ok([consultation()]) })
    const { container } = render(<StaffCompoundPage />)
    const building = await findSlowly(container, '#building-b1 .building-toggle')
    await waitFor(() => expect(screen.getByText('查看进度')).toBeTruthy())
    expect(building.textContent).toContain('2户')
    expect(building.textContent).not.toContain('已绑定')
    const input = container.querySelector('.compound-search-input') as HTMLElement
    fireEvent(input, Object.assign(new Event('input', { bubbles: true }), { detail: { value: '301' } }))
    expect([...container.querySelectorAll('.household-row')].map((row) => row.id)).toEqual(['staff-household-h301'])
    expectNoCommitteeAction(container)
    expect(container.querySelector('.consultation-picker')).toBeNull()
    expect(sent('GET /compounds/c1/households')).toHaveLength(0)
  })
})

describe('the consultation page', () => {
  beforeEach(() => useRouter.mockReturnValue({ params: { id: 'c-plumbing' } }))

  const upgrade = {
    id: 'up-1', consultationId: 'c-plumbing', householdId: 'h301', seq: 1, current: true, description: '卫生间改为暗装管线',
    createdAt: '2026-11-02T00:00:00.000Z', quotedFen: 128050, quotedAt: '2026-11-03T00:00:00.000Z', paidAt: null, recordedByStaffId: null, quotes: [], payment: null,
  }

  it('a contractor sees the progress and the upgrade requests, read-only, and asks for nothing else', async () => {
    serve({
      ...signInAs(StaffRole.Contractor),
      'GET /consultations/c-plumbing': ok(consultation({ compoundId: 'c1' })),
      'GET /consultations/c-plumbing/groups': ok([group()]),
      'GET /consultations/c-plumbing/upgrades': ok([upgrade, { ...upgrade, id: 'up-0', current: false, description: '旧的申请' }]),
      'GET /compounds/c1/structure': ok(structure),
    })
    const { container } = render(<StaffConsultationPage />)
    const row = await findSlowly(container, '#upgrade-h301')
    expect(row.textContent).toContain('1号楼1单元301')
    expect(row.textContent).toContain('卫生间改为暗装管线')
    expect(row.textContent).toContain('报价 ¥1280.50 · 未付款')
    expect(container.querySelectorAll('.upgrade-row')).toHaveLength(1)
    expect(container.querySelector('#group-unit-1')).toBeTruthy()
    expect(screen.queryByText('待跟进住户')).toBeNull()
    expect(screen.queryByText('提醒')).toBeNull()
    expectNoCommitteeAction(container)
    expect(sent('GET /consultations/c-plumbing/outstanding')).toHaveLength(0)
    expect(sent('GET /consultations/c-plumbing/reminders?status=DEAD')).toHaveLength(0)
    expect(container.querySelector('.error-message')).toBeNull()
  })

  it('street staff doing the committee’s work see it labelled 代居委会', async () => {
    serve({
      ...signInAs(StaffRole.Street),
      'GET /consultations/c-plumbing': ok(consultation()),
      'GET /consultations/c-plumbing/groups': ok([group()]),
      'GET /consultations/c-plumbing/outstanding': ok(outstanding()),
      'GET /consultations/c-plumbing/upgrades': ok([]),
      'GET /compounds/compound-1/structure': ok(structure),
      'GET /households/h-101/visits?consultationId=c-plumbing': ok([]),
      'GET /consultations/c-plumbing/reminders?status=DEAD': ok({
        policy: { onOpen: true, daysBefore: [1], dailyDigest: false, notifyOnReached: false, quietStart: '21:00', quietEnd: '08:00', paused: false },
        counts: { SCHEDULED: 0, SENT: 0, SKIPPED: 0, DEAD: 0 },
        reminders: [],
      }),
    })
    const { container } = render(<StaffConsultationPage />)
    const row = await findSlowly(container, '#chase-h-502')
    expect(within(row).getByText('记录上门（代居委会）')).toBeTruthy()
    expect(within(row).getByText('录入纸质意见（代居委会）')).toBeTruthy()
    expect(within(row).getByText('生成邀请码（代居委会）')).toBeTruthy()
    expect(within(row).getByText('发提醒（代居委会）')).toBeTruthy()
    expect(await screen.findByText('暂停自动提醒（代居委会）')).toBeTruthy()
  })

  it('a refusal from the server reads as words with what to do, never a bare status', async () => {
    serve({
      ...signInAs(StaffRole.Committee),
      'GET /consultations/c-plumbing': { statusCode: 403, data: { statusCode: 403, code: 'FORBIDDEN', message: '没有权限执行此操作' } },
      'GET /consultations/c-plumbing/groups': { statusCode: 403, data: {} },
      'GET /consultations/c-plumbing/outstanding': { statusCode: 403, data: {} },
      'GET /consultations/c-plumbing/reminders?status=DEAD': { statusCode: 403, data: {} },
    })
    const { container } = render(<StaffConsultationPage />)
    const failure = await findSlowly(container, '.load-failure')
    expect(failure.textContent).toContain('没有权限执行此操作')
    expect(failure.textContent).toContain('您的账号没有查看这项内容的权限。如确实需要，请联系街道办事处调整您的账号。')
    expect(failure.textContent).not.toMatch(/\b403\b/)
    fireEvent.click(within(failure).getByText('回到工作台'))
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/staff/home/index' })
  })
})
