/** Server answers for the works screens, shaped like shared/src/works.ts. */
import { ConsultationKind, WorkKind, WorkPlanStatus, WorkProblemReason } from '@linyi/shared'
import type { CompoundStructure, CrewList, WorkPlanProblem, WorkPlanSummary, WorkPlanView, WorkWindowView } from '@linyi/shared'
import { consultation } from './consultation-fixtures'

export const COMPOUND = 'c1'

export const structure: CompoundStructure = {
  id: COMPOUND,
  name: '幸福里小区',
  buildings: [
    {
      id: 'b1',
      name: '1号楼',
      units: [
        { id: 'u1', name: '1单元', households: [101, 102].map((room) => ({ id: `h${room}`, label: `1号楼1单元${room}`, room: String(room), floor: 1, areaM2: 60 })) },
        { id: 'u2', name: '2单元', households: [201].map((room) => ({ id: `h2${room}`, label: `1号楼2单元${room}`, room: String(room), floor: 2, areaM2: 60 })) },
      ],
    },
    { id: 'b2', name: '2号楼', units: [{ id: 'u3', name: '1单元', households: [{ id: 'h3101', label: '2号楼1单元101', room: '101', floor: 1, areaM2: 60 }] }] },
  ],
}

/** The compound's plumbing application asked 1号楼 only; a design vote is not a plan's basis. */
export const applications = [
  consultation({ id: 'k-plumbing', compoundId: COMPOUND, title: '1号楼上下水管线改造申请', unitIds: ['u1', 'u2'] }),
  consultation({ id: 'k-design', compoundId: COMPOUND, kind: ConsultationKind.DesignVote, title: '外立面设计方案投票' }),
]

export const summaries: WorkPlanSummary[] = [
  { id: 'p2', title: '1号楼1单元立管更换', kind: WorkKind.Plumbing, status: WorkPlanStatus.Published, units: 1, windows: 3, booked: 5, households: 8, firstStartsAt: '2026-12-08T00:30:00.000Z', publishedAt: '2026-12-01T02:00:00.000Z' },
  { id: 'p1', title: '1号楼上下水立管更换', kind: WorkKind.Plumbing, status: WorkPlanStatus.Draft, units: 2, windows: 2, booked: 0, households: 3, firstStartsAt: null, publishedAt: null },
]

export function win(overrides: Partial<WorkWindowView> & Pick<WorkWindowView, 'id'>): WorkWindowView {
  return {
    unitId: 'u1',
    unitLabel: '1号楼1单元',
    // 08:30–17:30 in Beijing on Tuesday 8 December.
    startsAt: '2026-12-08T00:30:00.000Z',
    endsAt: '2026-12-08T09:30:00.000Z',
    capacity: 4,
    booked: 1,
    remaining: 3,
    priority: false,
    ...overrides,
  }
}

export function planView(overrides: Partial<WorkPlanView> = {}): WorkPlanView {
  return {
    id: 'p1',
    compoundId: COMPOUND,
    consultationId: 'k-plumbing',
    title: '1号楼上下水立管更换',
    kind: WorkKind.Plumbing,
    status: WorkPlanStatus.Draft,
    steps: [
      { title: '断水', description: '施工当天全单元关闭总阀停水，请提前储水。' },
      { title: '拆除旧立管', description: '' },
    ],
    waterCut: '施工当天 8:00—18:00 全单元停水',
    temporaryWater: null,
    temporarySewage: '停水期间请勿使用马桶',
    contactPhone: '010-64001234',
    units: [
      { unitId: 'u1', label: '1号楼1单元', households: 2 },
      { unitId: 'u2', label: '1号楼2单元', households: 1 },
    ],
    windows: [
      win({ id: 'w1', priority: true, booked: 0, remaining: 4 }),
      // 23:30 UTC is 07:30 the next morning in Beijing.
      win({ id: 'w2', startsAt: '2026-12-08T23:30:00.000Z', endsAt: '2026-12-09T09:30:00.000Z', capacity: 2, booked: 2, remaining: 0 }),
    ],
    createdAt: '2026-12-01T01:00:00.000Z',
    publishedAt: null,
    ...overrides,
  }
}

export const problems: WorkPlanProblem[] = [
  { unitId: 'u1', label: '1号楼1单元', code: WorkProblemReason.NotScreened, reason: '102尚未完成特殊需求排查' },
  { unitId: 'u1', label: '1号楼1单元', code: WorkProblemReason.NeedsCarePlan, reason: '有1户需要照顾，尚未制定照顾方案，请在“特殊需求排查”中处理' },
  { unitId: 'u2', label: '1号楼2单元', code: WorkProblemReason.GroupNotReached, reason: '本单元尚未全部住户提交书面申请，不能入户施工' },
  { unitId: 'u2', label: '1号楼2单元', code: WorkProblemReason.NoWindow, reason: '本单元还没有施工时段' },
]

export function crewList(overrides: Partial<CrewList> = {}): CrewList {
  return {
    windows: [
      {
        windowId: 'w1',
        unitId: 'u1',
        unitLabel: '1号楼1单元',
        startsAt: '2026-12-08T00:30:00.000Z',
        endsAt: '2026-12-08T09:30:00.000Z',
        capacity: 2,
        priority: true,
        households: [{ householdId: 'h101', label: '1号楼1单元101', contactPhone: '13800001111', assistanceNote: '施工前一天先给女儿打电话，当天留一个水龙头' }],
      },
      {
        windowId: 'w2',
        unitId: 'u1',
        unitLabel: '1号楼1单元',
        startsAt: '2026-12-08T23:30:00.000Z',
        endsAt: '2026-12-09T09:30:00.000Z',
        capacity: 1,
        priority: false,
        households: [{ householdId: 'h102', label: '1号楼1单元102', contactPhone: null, assistanceNote: null }],
      },
      { windowId: 'w3', unitId: 'u2', unitLabel: '1号楼2单元', startsAt: '2026-12-10T00:30:00.000Z', endsAt: '2026-12-10T09:30:00.000Z', capacity: 3, priority: false, households: [] },
    ],
    unbooked: [
      { householdId: 'h103', label: '1号楼1单元103', unitId: 'u1' },
      { householdId: 'h2201', label: '1号楼2单元201', unitId: 'u2' },
    ],
    ...overrides,
  }
}
