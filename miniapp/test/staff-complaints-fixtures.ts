/** Complaints as the server answers them, filed a given number of days ago. */
import { ComplaintStatus, ComplaintTopic } from '@linyi/shared'
import type { ComplaintView, StreetComplaintsRow } from '@linyi/shared'

export const COMPOUND = 'compound-1'
const DAY_MS = 24 * 3600 * 1000
export const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString()

export function complaint(overrides: Partial<ComplaintView> = {}): ComplaintView {
  return {
    id: 'c1',
    compoundId: COMPOUND,
    householdId: 'h101',
    householdLabel: '1号楼1单元101',
    topic: ComplaintTopic.Works,
    text: '楼道里的建筑垃圾三天没清了。',
    hasPhoto: false,
    status: ComplaintStatus.Open,
    reply: null,
    repliedAt: null,
    createdAt: daysAgo(3),
    ...overrides,
  }
}

export const replied = (overrides: Partial<ComplaintView> = {}) =>
  complaint({ status: ComplaintStatus.Replied, reply: '已联系施工单位，明天上午清理。', repliedAt: '2026-12-02T02:00:00.000Z', ...overrides })

/** In the server's order (open first, oldest first) — the screen keeps it whatever order arrives. */
export const complaints = () => [
  complaint({ id: 'c-old', householdLabel: '2号楼1单元302', topic: ComplaintTopic.Plan, text: '方案里的电梯位置挡住了我家窗户。', createdAt: daysAgo(9), hasPhoto: true }),
  complaint(),
  complaint({ id: 'c-today', householdLabel: '1号楼2单元201', topic: ComplaintTopic.Other, text: '能否周末不施工？', createdAt: new Date().toISOString() }),
  replied({ id: 'c-done', householdLabel: '3号楼1单元101', createdAt: daysAgo(20) }),
]

export function streetRow(overrides: Partial<StreetComplaintsRow> = {}): StreetComplaintsRow {
  return { compoundId: 'k1', compoundName: '幸福里小区', communityName: '和平社区', open: 2, oldestOpenAt: daysAgo(3), oldestOpenDays: 3, ...overrides }
}
