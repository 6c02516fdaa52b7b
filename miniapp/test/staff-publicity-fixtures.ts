/** Server answers for the staff publicity, boards and records tests, shaped like shared/src/{publicity,records}.ts. */
import { AnswerClass, ConsultationStatus, ObjectionStatus, PublicityStage } from '@linyi/shared'
import type { CompoundBoards, ObjectionView, PublicityGroup, PublicityView } from '@linyi/shared'
import { PAST, consultation } from './consultation-fixtures'

export const CLOSES_AT = '2026-12-10T10:00:00.000Z' // 18:00 in Beijing
export const closedConsultation = () => consultation({ status: ConsultationStatus.Closed, deadline: PAST, closedAt: PAST })

export function publicityGroup(overrides: Partial<PublicityGroup> = {}): PublicityGroup {
  return {
    groupId: 'unit-1',
    label: '1号楼1单元',
    state: 'REACHED',
    households: 4,
    agreed: 2,
    refused: 1,
    abstained: 0,
    noAnswer: 1,
    areaM2: { total: 340.5, agreed: 172.25, refused: 86.5, abstained: 0, noAnswer: 81.75 },
    entries: [
      { householdId: 'h-101', label: '1号楼1单元101', answerClass: AnswerClass.Agreed, optionId: null },
      { householdId: 'h-102', label: '1号楼1单元102', answerClass: AnswerClass.Agreed, optionId: null },
      { householdId: 'h-201', label: '1号楼1单元201', answerClass: AnswerClass.Refused, optionId: null },
      { householdId: 'h-202', label: '1号楼1单元202', answerClass: AnswerClass.NoAnswer, optionId: null },
    ],
    ...overrides,
  } as PublicityGroup
}

export function objection(overrides: Partial<ObjectionView> = {}): ObjectionView {
  return {
    id: 'o-1',
    consultationId: 'c-plumbing',
    householdId: 'h-201',
    householdLabel: '1号楼1单元201',
    text: '我家已经签了纸质同意书，不是不同意。',
    status: ObjectionStatus.Open,
    resolution: null,
    upheld: null,
    resolvedAt: null,
    createdAt: '2026-12-04T02:00:00.000Z',
    mine: false,
    filedByHouseholdLabel: '1号楼1单元201',
    ...overrides,
  }
}

export function publicityView(overrides: Partial<PublicityView> = {}): PublicityView {
  return {
    consultationId: 'c-plumbing',
    compoundId: 'compound-1',
    kind: 'PLUMBING_APPLICATION',
    title: '楼内上下水管线改造申请',
    rule: 'UNANIMOUS',
    stage: PublicityStage.None,
    preview: true,
    preliminaryAt: null,
    objectionDays: null,
    objectionClosesAt: null,
    windowOpen: false,
    finalAt: null,
    snapshotSha256: null,
    groups: [publicityGroup()],
    objections: [],
    openObjections: 0,
    ...overrides,
  } as PublicityView
}

/** Published on 3 Dec, the window open until 10 Dec 18:00 Beijing time. */
export const preliminary = (overrides: Partial<PublicityView> = {}) =>
  publicityView({
    stage: PublicityStage.Preliminary,
    preview: false,
    preliminaryAt: '2026-12-03T02:00:00.000Z',
    objectionDays: 7,
    objectionClosesAt: CLOSES_AT,
    windowOpen: true,
    snapshotSha256: 'ab'.repeat(32),
    ...overrides,
  })

export function boards(overrides: Partial<CompoundBoards> = {}): CompoundBoards {
  return {
    compoundId: 'c1',
    compoundName: '幸福里小区',
    materials: [{ name: 'PPR给水管', maker: '北京某某管业有限公司', testReport: 'JC-2026-0012 北京市建设工程质量检测中心' }],
    parties: [{ role: '施工单位', organisation: '北京某某建设集团', person: '王工', phone: '13800001111' }],
    complaintPhone: '010-64001234',
    supervisors: [{ householdId: 'h-301', name: '刘淑芬' }],
    updatedAt: '2026-12-01T02:00:00.000Z',
    ...overrides,
  }
}

/** A PDF fetch as H5 makes it, opened in a new tab; returns the fetch mock to read the URLs and headers. */
export function servePdfs() {
  const fetchMock = jest.fn(async (_url: string, _init?: RequestInit) => ({ status: 200, ok: true, json: async () => null, blob: async () => new Blob(['%PDF']) }))
  globalThis.fetch = fetchMock as unknown as typeof fetch
  URL.createObjectURL = jest.fn(() => 'blob:pdf')
  URL.revokeObjectURL = jest.fn()
  const open = jest.spyOn(window, 'open').mockImplementation(() => ({}) as Window)
  return { fetchMock, open }
}
