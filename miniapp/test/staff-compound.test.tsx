import { ConsultationKind, ConsultationStatus, StaffRole } from '@linyi/shared'
import type { HouseholdState } from '@linyi/shared'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro, { ok, resetTaro, sent, serve, storage, useRouter } from './taro-mock'
import { consultation } from './consultation-fixtures'
import { signInAs } from './staff-fixtures'
import StaffCompoundPage from '../src/staff/compound/index'
import { StorageKey } from '../src/api/storage'

const household = (id: string, label: string, room: string, floor: number) => ({ id, label, room, floor, areaM2: 86.5 })

const structure = {
  id: 'c1',
  name: '幸福里小区',
  buildings: [
    {
      id: 'b1',
      name: '1号楼',
      units: [
        { id: 'u11', name: '1单元', households: [household('h101', '1号楼1单元101', '101', 1), household('h102', '1号楼1单元102', '102', 1)] },
        { id: 'u12', name: '2单元', households: [household('h1201', '1号楼2单元301', '301', 3), household('h1202', '1号楼2单元302', '302', 3)] },
      ],
    },
    {
      id: 'b3',
      name: '3号楼',
      units: [{ id: 'u32', name: '2单元', households: [household('h501', '3号楼2单元501', '501', 5), household('h1301', '3号楼2单元1301', '1301', 13)] }],
    },
  ],
}

function state(householdId: string, unitId: string, overrides: Partial<HouseholdState>): HouseholdState {
  return {
    householdId,
    label: '',
    room: '',
    floor: 1,
    buildingId: '',
    unitId,
    ownerName: '',
    phone: null,
    boundResidents: 0,
    answer: null,
    optionId: null,
    channel: null,
    answeredAt: null,
    visits: 0,
    lastVisitAt: null,
    finalRefusal: false,
    ...overrides,
  } as HouseholdState
}

const states = (consultationId: string | null) => ({
  compoundId: 'c1',
  consultationId,
  households: [
    state('h101', 'u11', { ownerName: '王桂兰', boundResidents: 1, answer: 'AGREE', channel: 'ONLINE' } as Partial<HouseholdState>),
    state('h102', 'u11', { ownerName: '李建国', visits: 2 }),
    state('h1201', 'u12', { ownerName: '王小明', boundResidents: 1, answer: 'REFUSE', channel: 'PAPER', visits: 1 } as Partial<HouseholdState>),
    state('h1202', 'u12', { ownerName: '赵敏' }),
    state('h501', 'u32', { ownerName: '陈红', boundResidents: 2, answer: 'ABSTAIN', channel: 'ONLINE' } as Partial<HouseholdState>),
    state('h1301', 'u32', { ownerName: '刘强' }),
  ],
})

const open = consultation({ id: 'c-plumbing', status: ConsultationStatus.Open })
const older = consultation({ id: 'c-old', title: '满意度调查', kind: ConsultationKind.SatisfactionSurvey, status: ConsultationStatus.Closed })

function serveCompound(extra: Parameters<typeof serve>[0] = {}) {
  serve({
    ...signInAs(StaffRole.Committee),
    'GET /compounds/c1/structure': ok(structure),
    'GET /consultations?compoundId=c1': ok([older, open]),
    'GET /compounds/c1/households?consultationId=c-plumbing': ok(states('c-plumbing')),
    'GET /compounds/c1/households?consultationId=c-old': ok({ ...states('c-old'), households: states('c-old').households.map((s) => ({ ...s, answer: null, channel: null })) }),
    ...extra,
  })
}

const rooms = (container: HTMLElement) => [...container.querySelectorAll('.staff-household__room')].map((room) => room.textContent)

/** Types into the search box as Taro's Input reports it. */
function search(container: HTMLElement, text: string) {
  const input = container.querySelector('.compound-search-input') as HTMLElement
  fireEvent(input, Object.assign(new Event('input', { bubbles: true }), { detail: { value: text } }))
}

/** Waits until the households' states are shown (the building figures count answers). */
const statesShown = () => screen.findAllByText(/已答复 \d/, {}, { timeout: 5000 })

beforeEach(() => {
  resetTaro()
  useRouter.mockReturnValue({ params: { id: 'c1' } })
})

it('starts with buildings and units folded to their figures: 户数、已绑定、已答复、不同意', async () => {
  serveCompound()
  const { container } = render(<StaffCompoundPage />)
  await statesShown()
  expect(container.querySelectorAll('.household-row')).toHaveLength(0)
  expect(container.querySelectorAll('.unit-toggle')).toHaveLength(0)
  const building = container.querySelector('#building-b1 .building-toggle') as HTMLElement
  expect(building.textContent).toContain('4户 · 已绑定 2 · 已答复 2 · 不同意 1')

  fireEvent.click(building)
  const units = [...container.querySelectorAll('#building-b1 .unit-toggle')].map((unit) => unit.textContent)
  expect(units[0]).toContain('1号楼1单元2户 · 已绑定 1 · 已答复 1 · 不同意 0')
  expect(units[1]).toContain('1号楼2单元2户 · 已绑定 1 · 已答复 1 · 不同意 1')
  expect(container.querySelectorAll('.household-row')).toHaveLength(0)

  fireEvent.click(container.querySelector('#unit-u12 .unit-toggle')!)
  expect(rooms(container)).toEqual(['301室', '302室'])
  // The default consultation is the open one, although the closed one comes first from the server.
  expect(sent('GET /compounds/c1/households?consultationId=c-plumbing')).toHaveLength(1)
  expect(sent('GET /compounds/c1/households?consultationId=c-old')).toHaveLength(0)
})

it('shows each household’s state in words', async () => {
  serveCompound()
  const { container } = render(<StaffCompoundPage />)
  await statesShown()
  fireEvent.click(container.querySelector('#building-b1 .building-toggle')!)
  fireEvent.click(container.querySelector('#unit-u12 .unit-toggle')!)
  fireEvent.click(container.querySelector('#unit-u11 .unit-toggle')!)
  const badges = (id: string) => [...container.querySelectorAll(`#staff-household-${id} .household-state`)].map((b) => b.textContent)
  expect(badges('h1201')).toEqual(['已绑定', '不同意', '纸质', '已走访 1 次'])
  expect(badges('h101')).toEqual(['已绑定', '同意'])
  expect(badges('h102')).toEqual(['未绑定', '未答复', '已走访 2 次'])
  expect(container.querySelector('#staff-household-h1201')!.textContent).toContain('业主：王小明')
})

it.each([
  ['1-2-301', ['1号楼2单元301']],
  ['１－２－３０１', ['1号楼2单元301']],
  ['301', ['1号楼2单元301']],
  ['13', ['3号楼2单元1301']],
  ['王', ['1号楼1单元101', '1号楼2单元301']],
  ['2单元30', ['1号楼2单元301', '1号楼2单元302']],
])('the search "%s" narrows to the matching rooms and owners, opened', async (query, labels) => {
  serveCompound()
  const { container } = render(<StaffCompoundPage />)
  await statesShown()
  search(container, query)
  const shown = [...container.querySelectorAll('.household-row')].map((row) => row.id.replace('staff-household-', ''))
  const byId = new Map(structure.buildings.flatMap((b) => b.units.flatMap((u) => u.households)).map((h) => [h.id, h.label]))
  expect(shown.map((id) => byId.get(id))).toEqual(labels)
  expect(screen.getByText(`找到 ${labels.length} 户`)).toBeTruthy()
})

it('a search that finds nobody says so; clearing it folds everything again', async () => {
  serveCompound()
  const { container } = render(<StaffCompoundPage />)
  await statesShown()
  search(container, '999')
  expect(screen.getByText('没有符合条件的住户。')).toBeTruthy()
  expect(container.querySelectorAll('.building-section')).toHaveLength(0)
  fireEvent.click(screen.getByText('清除搜索'))
  expect(container.querySelectorAll('.building-section')).toHaveLength(2)
  expect(container.querySelectorAll('.household-row')).toHaveLength(0)
})

it.each([
  ['未绑定', ['h102', 'h1202', 'h1301']],
  ['未答复', ['h102', 'h1202', 'h1301']],
  ['不同意', ['h1201']],
  ['已走访', ['h102', 'h1201']],
])('the chip %s shows those households only', async (chip, ids) => {
  serveCompound()
  const { container } = render(<StaffCompoundPage />)
  await statesShown()
  fireEvent.click(within(container.querySelector('.filter-chips') as HTMLElement).getByText(chip))
  expect([...container.querySelectorAll('.household-row')].map((row) => row.id.replace('staff-household-', ''))).toEqual(ids)
})

it('picking another consultation shows its answers', async () => {
  serveCompound()
  const { container } = render(<StaffCompoundPage />)
  await statesShown()
  expect(container.querySelector('.consultation-pick--on')!.textContent).toBe('楼内上下水管线改造申请')
  fireEvent.click(within(container.querySelector('.consultation-picker') as HTMLElement).getByText('满意度调查'))
  await waitFor(() => expect(container.querySelector('#building-b1 .building-toggle')!.textContent).toContain('已答复 0 · 不同意 0'))
  expect(sent('GET /compounds/c1/households?consultationId=c-old')).toHaveLength(1)
})

it('issues an invite code from an expanded household, in big type', async () => {
  serveCompound({ 'POST /households/h1201/invite-codes': { statusCode: 201, data: { code: 'K7M3Q9TX', expiresAt: '2026-12-03T06:05:00.000Z' } } })
  const { container } = render(<StaffCompoundPage />)
  await statesShown()
  search(container, '1-2-301')
  const row = container.querySelector('#staff-household-h1201') as HTMLElement
  expect(row.textContent).toContain('3层 · 86.5平方米')
  fireEvent.click(within(row).getByText('生成邀请码'))
  expect(await within(row).findByText('K7M3 Q9TX')).toBeTruthy()
  expect(row.querySelector('.invite-code')?.textContent).toBe('K7M3 Q9TX')
  expect(within(row).getByText(/^有效期至 2026年12月3日 14:05（北京时间）/)).toBeTruthy()
})

it('after the staff session expired offers to sign in again', async () => {
  storage.set(StorageKey.staffToken, 'staff-token')
  const expired = { statusCode: 401, data: { statusCode: 401, code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' } }
  serve({ 'GET /compounds/c1/structure': expired, 'GET /consultations?compoundId=c1': expired, 'GET /staff/me': expired })
  render(<StaffCompoundPage />)
  expect((await screen.findAllByText('登录已过期，请重新登录')).length).toBeGreaterThan(0)
  expect(screen.getByText('重新登录')).toBeTruthy()
  expect(storage.has(StorageKey.staffToken)).toBe(false)
})

it('lists the compound’s consultations, open ones first, and opens one', async () => {
  serveCompound()
  const { container } = render(<StaffCompoundPage />)
  expect(await screen.findByText('楼内上下水管线改造申请', { selector: '.consultation-item__title' })).toBeTruthy()
  const cards = container.querySelectorAll('.consultation-entry-card')
  expect(cards[0].textContent).toContain('上下水管线改造申请 · 进行中')
  expect(cards[1].textContent).toContain('满意度调查 · 已截止')
  fireEvent.click(cards[0].querySelector('.consultation-entry')!)
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/consultation/index?id=c-plumbing' })
})

it('offers 发起征询 and 导入名册 for this compound to its committee', async () => {
  serveCompound()
  const { container } = render(<StaffCompoundPage />)
  await statesShown()
  fireEvent.click(container.querySelector('[data-action=AUTHOR_CONSULTATION] .big-button')!)
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/author/index?compoundId=c1' })
  fireEvent.click(container.querySelector('[data-action=UPLOAD_ROSTER] .big-button')!)
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/roster/index?compoundId=c1' })
})

it('a household outside the consultation’s units says so, and is not counted as 未答复', async () => {
  const partial = states('c-plumbing')
  partial.households = partial.households.map((s) => ({ ...s, inConsultation: s.unitId !== 'u32' }))
  serveCompound({ 'GET /compounds/c1/households?consultationId=c-plumbing': ok(partial) })
  const { container } = render(<StaffCompoundPage />)
  await statesShown()
  search(container, '1301')
  expect([...container.querySelectorAll('#staff-household-h1301 .household-state')].map((b) => b.textContent)).toEqual(['未绑定', '不参与本次征询'])
  search(container, '')
  fireEvent.click(within(container.querySelector('.filter-chips') as HTMLElement).getByText('未答复'))
  expect([...container.querySelectorAll('.household-row')].map((row) => row.id.replace('staff-household-', ''))).toEqual(['h102', 'h1202'])
})

/** The compound's households as street staff get them: owners' names masked, no phones. */
const maskedStates = () => {
  const whole = states('c-plumbing')
  return { ...whole, households: whole.households.map((s) => ({ ...s, ownerName: s.ownerName.slice(0, 1) + '*'.repeat(s.ownerName.length - 1), phone: null })) }
}

it('tells street staff once that names and phones are not shown, and finds owners by the surname they see', async () => {
  serve({
    ...signInAs(StaffRole.Street),
    'GET /compounds/c1/structure': ok(structure),
    'GET /consultations?compoundId=c1': ok([older, open]),
    'GET /compounds/c1/households?consultationId=c-plumbing': ok(maskedStates()),
  })
  const { container } = render(<StaffCompoundPage />)
  await statesShown()
  expect(screen.getAllByText('（街道账号不显示姓名电话）')).toHaveLength(1)
  search(container, '王')
  expect([...container.querySelectorAll('.household-row')].map((row) => row.id.replace('staff-household-', ''))).toEqual(['h101', 'h1201'])
  expect(container.querySelector('#staff-household-h1201')!.textContent).toContain('业主：王**')
  search(container, '王小')
  expect(screen.getByText('没有符合条件的住户。')).toBeTruthy()
})

it('shows the committee owners’ names with no masking hint', async () => {
  serveCompound()
  render(<StaffCompoundPage />)
  await statesShown()
  expect(screen.queryByText(/不显示姓名电话/)).toBeNull()
})
