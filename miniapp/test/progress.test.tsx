import { fireEvent, render, screen, within } from '@testing-library/react'
import { Answer, GroupState, StaffRole } from '@linyi/shared'
import type { ConsultationHouseholds, HouseholdAnswerClass } from '@linyi/shared'
import Taro, { ok, resetTaro, sent, serve, useRouter } from './taro-mock'
import { consultation, group } from './consultation-fixtures'
import { findIn, signInAs } from './staff-fixtures'
import StaffProgressPage from '../src/staff/progress/index'

const home = (room: string, answer: HouseholdAnswerClass['answer'], extra: Partial<HouseholdAnswerClass> = {}): HouseholdAnswerClass => ({
  householdId: `h-${room}`,
  label: `1号楼1单元${room}`,
  room,
  floor: Number(room[0]),
  answer,
  optionId: null,
  finalRefusal: false,
  ...extra,
})

const households: ConsultationHouseholds = {
  consultationId: 'c-plumbing',
  compoundId: 'compound-1',
  buildings: [
    {
      id: 'b-1',
      name: '1号楼',
      units: [
        {
          id: 'unit-1',
          name: '1单元',
          groupState: 'PENDING',
          households: [
            // A server that sent too much must still not put a name or phone on screen.
            { ...home('101', Answer.Agree), ownerName: '张秀英', phone: '13900000101' } as HouseholdAnswerClass,
            home('102', Answer.Refuse, { finalRefusal: true }),
            home('201', Answer.Abstain),
            home('202', null),
          ],
        },
        { id: 'unit-2', name: '2单元', groupState: 'REACHED', households: [home('101', Answer.Agree, { householdId: 'h-2-101' }), home('102', Answer.Agree, { householdId: 'h-2-102' })] },
      ],
    },
    { id: 'b-2', name: '2号楼', units: [{ id: 'unit-3', name: '1单元', groupState: 'FAILED', households: [home('101', Answer.Refuse, { householdId: 'h-3-101' })] }] },
  ],
} as ConsultationHouseholds

const groups = [
  group({ groupId: 'unit-1', label: '1号楼1单元', state: GroupState.Pending, reason: '还有 2 户未申请', agreed: 1, households: 4 }),
  group({ groupId: 'unit-2', label: '1号楼2单元', state: GroupState.Reached, reason: '全体同意', agreed: 2, households: 2 }),
  group({ groupId: 'unit-3', label: '2号楼1单元', state: GroupState.Failed, reason: '有住户确认不同意', agreed: 0, households: 1 }),
]

/** The drill-down's data, with `routes` (the signed-in account's, and any changes) on top. */
function serveProgress(routes: Parameters<typeof serve>[0]) {
  serve({
    'GET /consultations/c-plumbing': ok(consultation()),
    'GET /consultations/c-plumbing/households': ok(households),
    'GET /consultations/c-plumbing/groups': ok(groups),
    'GET /compounds': ok([{ id: 'compound-1', name: '幸福里小区', communityId: 'comm-1' }]),
    ...routes,
  })
}

beforeEach(() => {
  resetTaro()
  useRouter.mockReturnValue({ params: { id: 'c-plumbing' } })
})

it('shows compound → building → unit with counts at every level and each group’s state', async () => {
  serveProgress(signInAs(StaffRole.Street))
  const { container } = render(<StaffProgressPage />)
  const compound = await findIn(container, '.progress-compound')
  expect(compound.textContent).toContain('幸福里小区 · 7 户')
  expect(compound.textContent).toContain('申请 3 · 不同意 2 · 弃权 1 · 未答复 1')

  const first = container.querySelector('.progress-building[data-id="b-1"]')!
  expect(first.querySelector('.fold-header__title')!.textContent).toBe('1号楼 · 6 户')
  expect(first.querySelector('.progress-counts')!.textContent).toBe('申请 3 · 不同意 1 · 弃权 1 · 未答复 1')
  const unit = container.querySelector('.progress-unit[data-id="unit-1"]')!
  expect(unit.querySelector('.progress-counts')!.textContent).toBe('申请 1 · 不同意 1 · 弃权 1 · 未答复 1')
  expect(unit.querySelector('.group-state')!.textContent).toContain('进行中')
  expect(unit.textContent).toContain('还有 2 户未申请')
  expect(container.querySelector('.progress-unit[data-id="unit-2"] .group-state')!.textContent).toContain('已达成')
  expect(container.querySelector('.progress-unit[data-id="unit-3"] .group-state')!.getAttribute('data-state')).toBe('FAILED')
  expect(screen.getByText(/北京时间/)).toBeTruthy()
})

it('draws each household as its room with an answer class and a printed symbol, never a name or a phone', async () => {
  serveProgress(signInAs(StaffRole.Street))
  const { container } = render(<StaffProgressPage />)
  const unit = await findIn(container, '.progress-unit[data-id="unit-1"]')
  const tiles = [...unit.querySelectorAll('.progress-household')]
  expect(tiles.map((t) => [t.getAttribute('data-answer'), t.querySelector('.answer-tile__room')!.textContent, t.querySelector('.answer-tile__symbol')!.textContent])).toEqual([
    ['AGREE', '101', '✓'],
    ['REFUSE', '102', '✗!'],
    ['ABSTAIN', '201', '—'],
    ['NONE', '202', '○'],
  ])
  expect(tiles[1].getAttribute('aria-label')).toBe('102 不同意（已确认不同意）')
  expect(container.querySelectorAll('.progress-household[data-answer=AGREE]')).toHaveLength(3)
  expect(container.textContent).not.toContain('张秀英')
  expect(container.textContent).not.toContain('13900000101')
  expect(container.innerHTML).not.toContain('张秀英')
})

it('folds and unfolds a unit and a building', async () => {
  serveProgress(signInAs(StaffRole.Street))
  const { container } = render(<StaffProgressPage />)
  const unit = await findIn(container, '.progress-unit[data-id="unit-1"]')
  fireEvent.click(within(unit).getByText('1单元 · 4 户'))
  expect(unit.querySelector('.progress-household')).toBeNull()
  // Folded, the counts stay readable.
  expect(unit.querySelector('.progress-counts')!.textContent).toBe('申请 1 · 不同意 1 · 弃权 1 · 未答复 1')
  fireEvent.click(within(unit).getByText('1单元 · 4 户'))
  expect(unit.querySelectorAll('.progress-household')).toHaveLength(4)

  const building = container.querySelector('.progress-building[data-id="b-2"]')!
  fireEvent.click(within(building as HTMLElement).getByText('2号楼 · 1 户'))
  expect(building.querySelector('.progress-unit')).toBeNull()
})

it('a design vote shows each group’s tally per option and each tile’s option letter', async () => {
  const options = [
    { id: 'o-a', title: '方案一：中式门楼', description: '' },
    { id: 'o-b', title: '方案二：简约门廊', description: '' },
  ]
  const vote = consultation({ kind: 'DESIGN_VOTE', rule: 'PLURALITY', groupBy: 'COMPOUND', options } as never)
  const oneUnit = {
    ...households,
    buildings: [{ id: 'b-1', name: '1号楼', units: [{ id: 'unit-1', name: '1单元', groupState: null, households: [home('101', Answer.Option, { optionId: 'o-b' }), home('102', Answer.Option, { optionId: 'o-a' }), home('201', Answer.Option, { optionId: 'o-b' })] }] }],
  } as ConsultationHouseholds
  serveProgress({
    ...signInAs(StaffRole.Street),
    'GET /consultations/c-plumbing': ok(vote),
    'GET /consultations/c-plumbing/households': ok(oneUnit),
    'GET /consultations/c-plumbing/groups': ok([group({ groupId: 'compound-1', label: '幸福里小区', leadingOptionId: 'o-b', optionVotes: [{ optionId: 'o-a', votes: 1 }, { optionId: 'o-b', votes: 2 }] })]),
  })
  const { container } = render(<StaffProgressPage />)
  const compound = await findIn(container, '.progress-compound')
  expect([...compound.querySelectorAll('.option-tally__item')].map((i) => i.textContent)).toEqual(['方案一：中式门楼：1 票', '方案二：简约门廊：2 票（领先）'])
  expect(compound.querySelector('.group-state')!.textContent).toContain('进行中')
  expect(compound.textContent).toContain('已投票 3 · 不同意 0 · 弃权 0 · 未答复 0')
  const tiles = [...container.querySelectorAll('.progress-household')]
  expect(tiles.map((t) => t.querySelector('.answer-tile__symbol')!.textContent)).toEqual(['B', 'A', 'B'])
  expect(tiles[0].getAttribute('aria-label')).toBe('101 已投票 方案B')
})

it('a contractor sees why, a way back to 工作台, and no request for answer classes', async () => {
  serveProgress(signInAs(StaffRole.Contractor))
  const { container } = render(<StaffProgressPage />)
  const denied = await findIn(container, '.staff-gate--denied')
  fireEvent.click(within(denied).getByText('返回工作台'))
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/home/index' })
  expect(sent('GET /consultations/c-plumbing/households')).toHaveLength(0)
})

it('a link without a consultation id says what is missing', async () => {
  useRouter.mockReturnValue({ params: {} })
  serveProgress(signInAs(StaffRole.Street))
  render(<StaffProgressPage />)
  expect(await screen.findByText('链接中缺少征询编号，请从街道征询总览进入。')).toBeTruthy()
})

it('shows the server’s message when the consultation is outside the account’s scope', async () => {
  serveProgress({ ...signInAs(StaffRole.Street), 'GET /consultations/c-plumbing/households': { statusCode: 404, data: { statusCode: 404, code: 'NOT_FOUND', message: '征询不存在' } } })
  render(<StaffProgressPage />)
  expect(await screen.findByText('征询不存在')).toBeTruthy()
  expect(document.querySelector('.progress-tree')).toBeNull()
})

it('a large compound opens on the buildings’ counts with its units folded', async () => {
  const rooms = Array.from({ length: 130 }, (_, i) => home(String(101 + i), i % 2 ? Answer.Agree : null, { householdId: `h-big-${i}` }))
  const big = { ...households, buildings: [{ id: 'b-big', name: '9号楼', units: [{ id: 'u-big', name: '1单元', groupState: GroupState.Pending, households: rooms }] }] } as ConsultationHouseholds
  serveProgress({ ...signInAs(StaffRole.Street), 'GET /consultations/c-plumbing/households': ok(big) })
  const { container } = render(<StaffProgressPage />)
  const unit = await findIn(container, '.progress-unit[data-id="u-big"]')
  expect(unit.querySelector('.progress-household')).toBeNull()
  expect(unit.querySelector('.progress-counts')!.textContent).toBe('申请 65 · 不同意 0 · 弃权 0 · 未答复 65')
  fireEvent.click(within(unit).getByText('1单元 · 130 户'))
  expect(unit.querySelectorAll('.progress-household')).toHaveLength(130)
})
