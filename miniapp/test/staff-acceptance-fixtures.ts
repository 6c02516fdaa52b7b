/** Server answers for the staff acceptance screens, shaped like shared/src/acceptance.ts. */
import {
  AcceptanceChannel,
  AcceptanceDecision,
  AcceptanceStatus,
  INSPECTION_TEMPLATES,
  InspectionTest,
  RepairStatus,
  WARRANTY_PART_SCOPES,
  WarrantyIssueReason,
  WarrantyPart,
  WorkKind,
  WorkPlanStatus,
} from '@linyi/shared'
import type {
  AcceptanceProgressHousehold,
  AcceptanceProgressView,
  AcceptanceRecordView,
  HouseholdAcceptanceView,
  InspectionView,
  RepairView,
  WarrantyView,
} from '@linyi/shared'
import { planView } from './staff-works-fixtures'

const DAY_MS = 24 * 3600 * 1000
export const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString()

export const publishedPlan = planView({ status: WorkPlanStatus.Published, publishedAt: '2026-12-01T02:00:00.000Z' })

function household(room: number, overrides: Partial<AcceptanceProgressHousehold>): AcceptanceProgressHousehold {
  return { householdId: `h${room}`, label: `1号楼1单元${room}`, inspected: false, passed: false, status: AcceptanceStatus.Pending, passedAt: null, acceptedAt: null, ...overrides }
}

/** In room order, as the server lists them: one of each stage, two waiting on the resident. */
export const unitOneList: AcceptanceProgressHousehold[] = [
  household(101, { inspected: true, passed: true, status: AcceptanceStatus.Accepted, passedAt: daysAgo(6), acceptedAt: daysAgo(5) }),
  household(102, { inspected: true, passed: true, passedAt: daysAgo(1) }),
  household(103, { inspected: true, passed: true, status: AcceptanceStatus.Rework }),
  household(104, { inspected: true, passed: false }),
  household(105, {}),
  household(106, { inspected: true, passed: true, passedAt: daysAgo(3) }),
]

export function progressView(overrides: Partial<AcceptanceProgressView> = {}): AcceptanceProgressView {
  return {
    workPlanId: 'p1',
    title: publishedPlan.title,
    kind: WorkKind.Plumbing,
    units: [
      { unitId: 'u1', label: '1号楼1单元', households: 6, inspected: 5, passed: 4, accepted: 1, rework: 1, complete: false, completedAt: null, list: unitOneList },
      {
        unitId: 'u2',
        label: '1号楼2单元',
        households: 1,
        inspected: 1,
        passed: 1,
        accepted: 1,
        rework: 0,
        complete: true,
        completedAt: '2026-12-05T03:00:00.000Z',
        list: [{ householdId: 'h2201', label: '1号楼2单元201', inspected: true, passed: true, status: AcceptanceStatus.Accepted, passedAt: '2026-12-04T03:00:00.000Z', acceptedAt: '2026-12-05T03:00:00.000Z' }],
      },
    ],
    ...overrides,
  }
}

/** Recorded 14:30 in Beijing, 06:30 UTC. */
export const failedInspection: InspectionView = {
  id: 'i-1',
  at: '2026-12-03T06:30:00.000Z',
  passed: false,
  missing: [InspectionTest.NoLeak],
  results: [{ test: InspectionTest.BallPass, passed: true, value: 'Φ75 球，一次通过', photoSha256: 'sha-ball' }],
  note: '管根待通水后复查',
  inspectorName: '施工单位王工',
  evidenceSha256: 'ev-i1',
}

export const rejection: AcceptanceRecordView = {
  id: 'rec-1',
  decision: AcceptanceDecision.Reject,
  channel: AcceptanceChannel.Online,
  at: '2026-12-04T02:00:00.000Z',
  signedBy: '居民本人（线上签名）',
  inspectionId: 'i-0',
  defects: [{ description: '卫生间立管接口滴水', photoSha256: 'sha-drip' }],
  signatureSha256: 'sha-sign',
  paperScanSha256: null,
  evidenceSha256: 'ev-rec-1',
  signOffs: [],
}

export function acceptanceView(overrides: Partial<HouseholdAcceptanceView> = {}): HouseholdAcceptanceView {
  return {
    householdId: 'h104',
    label: '1号楼1单元104',
    workPlanId: 'p1',
    title: publishedPlan.title,
    kind: WorkKind.Plumbing,
    status: AcceptanceStatus.Pending,
    inspected: false,
    passed: false,
    canAccept: false,
    template: INSPECTION_TEMPLATES[WorkKind.Plumbing],
    inspections: [],
    records: [],
    acceptedAt: null,
    ...overrides,
  }
}

export function warrantyView(): WarrantyView {
  const item = (part: WarrantyPart, partLabel: string, years: number, endsOn: string) => ({
    workPlanId: 'p1',
    part,
    partLabel,
    title: publishedPlan.title,
    scope: WARRANTY_PART_SCOPES[part],
    years,
    startsOn: '2026-12-05',
    endsOn,
    restartedByRepairId: null,
  })
  return {
    householdId: 'h101',
    label: '1号楼1单元101',
    version: 1,
    issuedAt: '2026-12-05T03:00:00.000Z',
    items: [item(WarrantyPart.Pipes, '给排水管道', 2, '2028-12-04'), item(WarrantyPart.Waterproofing, '管根及卫生间防水', 5, '2031-12-04')],
    history: [{ version: 1, issuedAt: '2026-12-05T03:00:00.000Z', reason: WarrantyIssueReason.Acceptance }],
  }
}

export function repair(overrides: Partial<RepairView> & Pick<RepairView, 'id'>): RepairView {
  return {
    householdId: 'h101',
    label: '1号楼1单元101',
    workPlanId: 'p1',
    part: WarrantyPart.Pipes,
    description: '厨房下水返味，地上有水',
    photoSha256: 'sha-repair',
    underWarranty: true,
    status: RepairStatus.Open,
    reportedAt: '2027-03-01T02:00:00.000Z',
    repairedAt: null,
    acceptedAt: null,
    inspections: [],
    ...overrides,
  }
}
