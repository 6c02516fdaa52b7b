/** Shapes the server answers for a resident's acceptance, warranty and repairs (shared/src/acceptance.ts). */
import { AcceptanceChannel, AcceptanceDecision, AcceptanceStatus, InspectionTest, RepairStatus, WARRANTY_PART_LABELS, WARRANTY_PART_SCOPES, WarrantyIssueReason, WarrantyPart, WorkKind, INSPECTION_TEMPLATES } from '@linyi/shared'
import type { AcceptanceRecordView, HouseholdAcceptanceView, InspectionView, RepairView, WarrantyView } from '@linyi/shared'

/** Recorded 14:30 in Beijing, 06:30 UTC. */
export const passing: InspectionView = {
  id: 'i-2',
  at: '2026-12-03T06:30:00.000Z',
  passed: true,
  missing: [],
  results: [
    { test: InspectionTest.BallPass, passed: true, value: 'Φ75 球，一次通过', photoSha256: 'sha-ball' },
    { test: InspectionTest.NoLeak, passed: true, value: null, photoSha256: null },
  ],
  note: '立管已固定',
  inspectorName: '王师傅',
  evidenceSha256: 'ev-i2',
}

export const failing: InspectionView = {
  id: 'i-1',
  at: '2026-12-02T02:00:00.000Z',
  passed: false,
  missing: [InspectionTest.NoLeak],
  results: [{ test: InspectionTest.BallPass, passed: false, value: '球卡在二层', photoSha256: null }],
  note: null,
  inspectorName: '王师傅',
  evidenceSha256: 'ev-i1',
}

export function record(overrides: Partial<AcceptanceRecordView> = {}): AcceptanceRecordView {
  return {
    id: 'rec-1',
    decision: AcceptanceDecision.Accept,
    channel: AcceptanceChannel.Online,
    at: '2026-12-03T08:00:00.000Z',
    signedBy: '居民本人（线上签名）',
    inspectionId: 'i-2',
    defects: [],
    signatureSha256: 'sha-sign',
    paperScanSha256: null,
    evidenceSha256: 'ev-rec-1',
    signOffs: [],
    ...overrides,
  }
}

export function acceptanceView(overrides: Partial<HouseholdAcceptanceView> = {}): HouseholdAcceptanceView {
  return {
    householdId: 'h-301',
    label: '1号楼2单元301',
    workPlanId: 'p-1',
    title: '1号楼2单元上下水立管更换',
    kind: WorkKind.Plumbing,
    status: AcceptanceStatus.Pending,
    inspected: true,
    passed: true,
    canAccept: true,
    template: INSPECTION_TEMPLATES[WorkKind.Plumbing],
    inspections: [passing, failing],
    records: [],
    acceptedAt: null,
    ...overrides,
  }
}

export const accepted = (overrides: Partial<HouseholdAcceptanceView> = {}) =>
  acceptanceView({ status: AcceptanceStatus.Accepted, canAccept: false, acceptedAt: '2026-12-03T08:00:00.000Z', records: [record()], ...overrides })

const item = (part: WarrantyPart, years: number, startsOn: string, endsOn: string, restartedByRepairId: string | null = null) => ({
  workPlanId: 'p-1',
  part,
  scope: WARRANTY_PART_SCOPES[part],
  years,
  startsOn,
  endsOn,
  restartedByRepairId,
  partLabel: WARRANTY_PART_LABELS[part],
  title: '1号楼2单元上下水立管更换',
})

/** Accepted 2026-12-03 00:30 Beijing = 2026-12-02 16:30 UTC: the dates are the Beijing day. */
export function warrantyView(overrides: Partial<WarrantyView> = {}): WarrantyView {
  return {
    householdId: 'h-301',
    label: '1号楼2单元301',
    version: 1,
    issuedAt: '2026-12-02T16:30:00.000Z',
    items: [
      item(WarrantyPart.Pipes, 2, '2026-12-03', '2028-12-02'),
      item(WarrantyPart.Waterproofing, 5, '2026-12-03', '2031-12-02'),
      item(WarrantyPart.Finishes, 2, '2026-12-03', '2028-12-02'),
    ],
    history: [{ version: 1, issuedAt: '2026-12-02T16:30:00.000Z', reason: WarrantyIssueReason.Acceptance }],
    ...overrides,
  }
}

/** After the pipes' repair was accepted on 2027-06-10 (Beijing): version 2, only the pipes moved. */
export const restartedWarranty = () =>
  warrantyView({
    version: 2,
    issuedAt: '2027-06-10T02:00:00.000Z',
    items: [
      item(WarrantyPart.Pipes, 2, '2027-06-10', '2029-06-09', 'r-1'),
      item(WarrantyPart.Waterproofing, 5, '2026-12-03', '2031-12-02'),
      item(WarrantyPart.Finishes, 2, '2026-12-03', '2028-12-02'),
    ],
    history: [
      { version: 2, issuedAt: '2027-06-10T02:00:00.000Z', reason: WarrantyIssueReason.Repair },
      { version: 1, issuedAt: '2026-12-02T16:30:00.000Z', reason: WarrantyIssueReason.Acceptance },
    ],
  })

export function repair(overrides: Partial<RepairView> = {}): RepairView {
  return {
    id: 'r-1',
    householdId: 'h-301',
    label: '1号楼2单元301',
    workPlanId: 'p-1',
    part: WarrantyPart.Pipes,
    description: '厨房水管接头滴水',
    photoSha256: null,
    underWarranty: true,
    status: RepairStatus.Open,
    reportedAt: '2027-06-01T01:00:00.000Z',
    repairedAt: null,
    acceptedAt: null,
    inspections: [],
    ...overrides,
  }
}

export const repaired = () =>
  repair({
    status: RepairStatus.Repaired,
    repairedAt: '2027-06-09T07:00:00.000Z',
    inspections: [{ ...passing, id: 'i-r1', at: '2027-06-09T07:00:00.000Z', note: null }],
  })
