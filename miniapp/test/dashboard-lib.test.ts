import { DecisionRule, GroupState } from '@linyi/shared'
import type { StreetStatus, StreetStatusConsultation } from '@linyi/shared'
import { group } from './consultation-fixtures'
import { NO_PIPELINE } from './pipeline-fixtures'
import { formatDateTime } from '../src/lib/format'
import {
  answerCounts,
  answerSymbol,
  closestGroups,
  countsText,
  dashboardTotals,
  missingText,
  optionTally,
  percentOf,
  trendBars,
} from '../src/lib/dashboard'

function open(id: string, groups: StreetStatusConsultation['groups'], households: StreetStatusConsultation['households']): StreetStatusConsultation {
  return { id, title: id, kind: 'PLUMBING_APPLICATION', rule: 'UNANIMOUS', groupBy: 'UNIT', status: 'OPEN', deadline: '2026-12-31T10:00:00.000Z', groups, households } as StreetStatusConsultation
}

describe('dashboardTotals', () => {
  it('adds up every open consultation of every compound of every community', () => {
    const status: StreetStatus = {
      streetOfficeId: 's1',
      name: '兰山街道',
      communities: [
        { id: 'c1', name: '一社区', compounds: [{ id: 'k1', name: 'A小区', pipeline: NO_PIPELINE, consultations: [open('a', { total: 4, reached: 1, pending: 2, failed: 1 }, { answered: 30, total: 48 })] }] },
        {
          id: 'c2',
          name: '二社区',
          compounds: [
            { id: 'k2', name: 'B小区', pipeline: NO_PIPELINE, consultations: [] },
            { id: 'k3', name: 'C小区', pipeline: NO_PIPELINE, consultations: [open('b', { total: 1, reached: 0, pending: 1, failed: 0 }, { answered: 7, total: 120 }), open('c', { total: 3, reached: 3, pending: 0, failed: 0 }, { answered: 36, total: 36 })] },
          ],
        },
      ],
    }
    expect(dashboardTotals(status)).toEqual({ openConsultations: 3, groupsTotal: 8, groupsReached: 4, groupsPending: 3, groupsFailed: 1, householdsAnswered: 73, householdsTotal: 204 })
  })

  it('is all zeros for a street with nothing open', () => {
    expect(dashboardTotals({ streetOfficeId: 's', name: 's', communities: [] }).openConsultations).toBe(0)
  })
})

it('percentOf rounds down, caps at 100 and treats 0 of 0 as 0', () => {
  expect(percentOf(2, 3)).toBe(66)
  expect(percentOf(5, 4)).toBe(100)
  expect(percentOf(0, 0)).toBe(0)
})

describe('closestGroups', () => {
  const groups = [
    group({ groupId: 'u1', label: '1号楼1单元', missing: 4 }),
    group({ groupId: 'u2', label: '1号楼2单元', missing: 1 }),
    group({ groupId: 'u3', label: '2号楼1单元', missing: 0, state: GroupState.Reached }),
    group({ groupId: 'u4', label: '2号楼2单元', missing: 2, state: GroupState.Failed }),
    group({ groupId: 'u5', label: '10号楼1单元', missing: 1 }),
    group({ groupId: 'u6', label: '3号楼1单元', missing: 3 }),
    group({ groupId: 'u7', label: '3号楼2单元', missing: 6 }),
    group({ groupId: 'u8', label: '4号楼1单元', missing: 5 }),
  ]

  it('ranks pending groups by households missing, ties in building order, at most five', () => {
    expect(closestGroups(groups, DecisionRule.CivilCodeMajor).map((g) => [g.groupId, g.missing])).toEqual([
      ['u2', 1],
      ['u5', 1],
      ['u6', 3],
      ['u1', 4],
      ['u8', 5],
    ])
  })

  it('honours a smaller limit', () => {
    expect(closestGroups(groups, DecisionRule.CivilCodeMajor, 3)).toHaveLength(3)
  })

  it('without the server’s figure, a unanimous group misses everyone not yet agreed; other rules are not guessed', () => {
    const old = [group({ groupId: 'a', households: 12, agreed: 9 }), group({ groupId: 'b', households: 6, agreed: 5 })]
    expect(closestGroups(old, DecisionRule.Unanimous)).toEqual([
      { groupId: 'b', label: '1号楼1单元', missing: 1 },
      { groupId: 'a', label: '1号楼1单元', missing: 3 },
    ])
    expect(closestGroups(old, DecisionRule.CivilCodeOrdinary)).toEqual([])
  })
})

it('missingText names what is missing', () => {
  expect(missingText(2, DecisionRule.Unanimous)).toBe('还差 2 户同意')
  expect(missingText(3, DecisionRule.Plurality)).toBe('还差 3 户投票')
  expect(missingText(0, DecisionRule.CivilCodeMajor)).toBe('同意户数已够，等待结果')
})

describe('trendBars', () => {
  const days = (n: number) => Array.from({ length: n }, (_, i) => ({ date: `2026-12-${String(i + 1).padStart(2, '0')}`, answered: i % 4, cumulative: 0 }))

  it('scales bars to the busiest day and says each day in words', () => {
    const bars = trendBars({ days: [
      { date: '2026-12-01', answered: 5, cumulative: 5 },
      { date: '2026-12-02', answered: 0, cumulative: 5 },
      { date: '2026-12-03', answered: 10, cumulative: 15 },
    ] })
    expect(bars.map((b) => [b.day, b.height, b.spoken])).toEqual([
      ['12月1日', 50, '12月1日 答复 5 户'],
      ['12月2日', 0, '12月2日 答复 0 户'],
      ['12月3日', 100, '12月3日 答复 10 户'],
    ])
    // Under a narrow bar the date takes two lines, month then day.
    expect([bars[0].month, bars[0].dayOfMonth]).toEqual(['12月', '1日'])
  })

  it('keeps the last 14 days and marks all but the last 7 as desktop-only', () => {
    const bars = trendBars({ days: days(20) })
    expect(bars).toHaveLength(14)
    expect(bars[0].date).toBe('2026-12-07')
    expect(bars.filter((b) => !b.older).map((b) => b.date)).toEqual(['2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18', '2026-12-19', '2026-12-20'])
  })

  it('a window where nobody answered has flat bars, not NaN', () => {
    expect(trendBars({ days: [{ date: '2026-12-01', answered: 0, cumulative: 0 }] })[0].height).toBe(0)
  })
})

it('the dashboard\'s deadline format shows Beijing time and says so, whatever the device zone', () => {
  // 16:30 UTC is half past midnight the next day in Shanghai.
  expect(formatDateTime('2026-12-01T16:30:00.000Z')).toBe('2026年12月2日 00:30（北京时间）')
})

describe('answer classes', () => {
  const options = [
    { id: 'o1', title: '方案一', description: '' },
    { id: 'o2', title: '方案二', description: '' },
  ]

  it('every class has a printed symbol; a design vote prints the option’s letter', () => {
    expect(answerSymbol({ answer: 'AGREE', optionId: null } as never)).toBe('✓')
    expect(answerSymbol({ answer: 'REFUSE', optionId: null } as never)).toBe('✗')
    expect(answerSymbol({ answer: 'ABSTAIN', optionId: null } as never)).toBe('—')
    expect(answerSymbol({ answer: null, optionId: null })).toBe('○')
    expect(answerSymbol({ answer: 'OPTION', optionId: 'o2' } as never, options)).toBe('B')
  })

  it('counts each class and writes them in the consultation’s words', () => {
    const counts = answerCounts([{ answer: 'AGREE' }, { answer: 'AGREE' }, { answer: 'REFUSE' }, { answer: null }, { answer: 'ABSTAIN' }] as never)
    expect(counts).toEqual({ households: 5, agreed: 2, refused: 1, abstained: 1, voted: 0, notYet: 1 })
    expect(countsText(counts, 'PLUMBING_APPLICATION' as never)).toBe('申请 2 · 不同意 1 · 弃权 1 · 未答复 1')
    expect(countsText(counts, 'WINDOW_GUARD_CONSENT' as never)).toBe('同意 2 · 不同意 1 · 弃权 1 · 未答复 1')
  })

  it('optionTally lists every option in order, 0 for options nobody chose', () => {
    expect(optionTally(options, [{ optionId: 'o2', votes: 7 }])).toEqual([
      { optionId: 'o1', title: '方案一', votes: 0 },
      { optionId: 'o2', title: '方案二', votes: 7 },
    ])
  })
})
