import { render, screen } from '@testing-library/react'
import { ConsultationKind, DecisionRule, GroupBy, GroupState } from '@linyi/shared'
import { GroupProgressList } from '../src/staff/components/GroupProgressList'
import { consultation, group } from './consultation-fixtures'

const vote = consultation({
  id: 'c-design',
  kind: ConsultationKind.DesignVote,
  rule: DecisionRule.Plurality,
  groupBy: GroupBy.Compound,
  disclosures: [],
  options: [
    { id: 'a', title: '方案A：保留原门楼', description: null, imageUrl: null },
    { id: 'b', title: '方案B：新建门楼', description: null, imageUrl: null },
    { id: 'c', title: '方案C：只换门禁', description: null, imageUrl: null },
  ],
} as never)

const compound = (overrides: Parameters<typeof group>[0] = {}) =>
  group({ groupId: 'compound-1', label: '幸福里小区', households: 180, responded: 61, agreed: 0, abstained: 3, pending: 119, leadingOptionId: 'b', ...overrides })

it('a compound-wide vote is summed up as the compound’s outcome, not as a count of 小区', () => {
  const { rerender } = render(<GroupProgressList consultation={vote} groups={[compound()]} />)
  expect(screen.getByText('全小区：进行中')).toBeTruthy()
  expect(screen.queryByText(/个小区/)).toBeNull()
  rerender(<GroupProgressList consultation={vote} groups={[compound({ state: GroupState.Reached })]} />)
  expect(screen.getByText('全小区：已通过')).toBeTruthy()
  rerender(<GroupProgressList consultation={vote} groups={[compound({ state: GroupState.Failed })]} />)
  expect(screen.getByText('全小区：未通过')).toBeTruthy()
})

it('counts buildings as 楼栋 and units as 单元', () => {
  const guards = consultation({ groupBy: GroupBy.Building })
  const { rerender } = render(<GroupProgressList consultation={guards} groups={[group({ state: GroupState.Reached }), group({ groupId: 'b2' })]} />)
  expect(screen.getByText('已达成 1 个楼栋 · 进行中 1 个 · 未达成 0 个')).toBeTruthy()
  rerender(<GroupProgressList consultation={consultation()} groups={[group()]} />)
  expect(screen.getByText('已达成 0 个单元 · 进行中 1 个 · 未达成 0 个')).toBeTruthy()
})

it('shows the votes per option with the leader marked', () => {
  const { container } = render(
    <GroupProgressList consultation={vote} groups={[compound({ optionVotes: [{ optionId: 'a', votes: 20 }, { optionId: 'b', votes: 38 }] })]} />,
  )
  const row = (id: string) => container.querySelector(`#tally-compound-1-${id}`)!
  expect(row('a').textContent).toBe('方案A：保留原门楼20 票')
  expect(row('b').textContent).toBe('方案B：新建门楼领先38 票')
  expect(row('b').className).toContain('option-tally__row--leading')
  // An option nobody chose still shows, with 0.
  expect(row('c').textContent).toBe('方案C：只换门禁0 票')
  expect(container.querySelectorAll('.option-tally__row--leading')).toHaveLength(1)
  expect(screen.getByText('弃权 3 户')).toBeTruthy()
  expect(container.querySelector('#group-compound-1')!.textContent).toContain('61/180 已投票')
})

it('without a leader from the server, every option on the top count leads; with no votes none does', () => {
  const { container, rerender } = render(
    <GroupProgressList consultation={vote} groups={[compound({ leadingOptionId: null, optionVotes: [{ optionId: 'a', votes: 5 }, { optionId: 'c', votes: 5 }] })]} />,
  )
  const leaders = () => Array.from(container.querySelectorAll('.option-tally__row--leading')).map((el) => el.id)
  expect(leaders()).toEqual(['tally-compound-1-a', 'tally-compound-1-c'])
  rerender(<GroupProgressList consultation={vote} groups={[compound({ leadingOptionId: null, optionVotes: [] })]} />)
  expect(leaders()).toEqual([])
})

it('falls back to the leader alone when the server sends no tally', () => {
  const { container } = render(<GroupProgressList consultation={vote} groups={[compound()]} />)
  expect(container.querySelector('.option-tally')).toBeNull()
  expect(screen.getByText('领先：方案B：新建门楼')).toBeTruthy()
})
