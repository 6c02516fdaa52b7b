/** Server answers for consultation tests, shaped like shared/src/consultation-api.ts. */
import { PLUMBING_DISCLOSURES } from '@linyi/shared'
import type { ConsultationView, GroupView, MyConsultation, OutstandingUnit, SubmitResponseResult } from '@linyi/shared'

export const FUTURE = '2099-12-31T10:00:00.000Z'
export const PAST = '2020-01-01T10:00:00.000Z'

export function consultation(overrides: Partial<ConsultationView> = {}): ConsultationView {
  return {
    id: 'c-plumbing',
    compoundId: 'compound-1',
    kind: 'PLUMBING_APPLICATION',
    title: '楼内上下水管线改造申请',
    body: '本次改造更换楼内上下水立管。',
    rule: 'UNANIMOUS',
    groupBy: 'UNIT',
    options: [],
    disclosures: PLUMBING_DISCLOSURES,
    opensAt: '2026-11-01T00:00:00.000Z',
    deadline: FUTURE,
    status: 'OPEN',
    unitIds: null,
    turnoutPercent: 50,
    ownersOnly: true,
    visitsBeforeFinal: 3,
    textSha256: 'f'.repeat(64),
    createdAt: '2026-11-01T00:00:00.000Z',
    publishedAt: '2026-11-01T00:00:00.000Z',
    closedAt: null,
    ...overrides,
  } as ConsultationView
}

export function group(overrides: Partial<GroupView> = {}): GroupView {
  return {
    groupId: 'unit-1',
    label: '1号楼1单元',
    households: 12,
    responded: 9,
    agreed: 9,
    refused: 0,
    abstained: 0,
    pending: 3,
    state: 'PENDING',
    reason: '还有 3 户未申请',
    leadingOptionId: null,
    unpaidUpgrades: 0,
    ...overrides,
  } as GroupView
}

export function mine(overrides: Partial<MyConsultation> = {}): MyConsultation {
  return {
    consultation: consultation(),
    householdId: 'h-301',
    householdLabel: '1号楼1单元301',
    answer: null,
    optionId: null,
    answeredAt: null,
    group: group(),
    canAnswer: true,
    ...overrides,
  } as MyConsultation
}

export function submitted(overrides: Partial<SubmitResponseResult> = {}): SubmitResponseResult {
  return {
    householdId: 'h-301',
    answer: 'AGREE',
    optionId: null,
    version: 1,
    signatureSha256: 'a'.repeat(64),
    evidenceSha256: '3f9a2c71d0e4b5a6c7d8e9f00112233445566778899aabbccddeeff001122334',
    answeredAt: '2026-12-03T06:05:00.000Z',
    groupState: 'PENDING',
    group: group({ agreed: 10, responded: 10, pending: 2 }),
    ...overrides,
  } as SubmitResponseResult
}

export function outstanding(): OutstandingUnit[] {
  return [
    {
      unitId: 'unit-2',
      label: '2号楼3单元',
      missing: 1,
      households: [
        { householdId: 'h-502', label: '2号楼3单元502', ownerName: '王桂兰', phone: '13800000502', answer: null, visits: 0, lastContactAt: null, finalRefusal: false },
      ],
    },
    {
      unitId: 'unit-1',
      label: '1号楼1单元',
      missing: 3,
      households: [
        { householdId: 'h-101', label: '1号楼1单元101', ownerName: '李建国', phone: '13900000101', answer: 'REFUSE', visits: 2, lastContactAt: '2026-11-20T02:30:00.000Z', finalRefusal: false },
        { householdId: 'h-102', label: '1号楼1单元102', ownerName: '赵敏', phone: null, answer: null, visits: 0, lastContactAt: null, finalRefusal: false },
      ],
    },
  ] as OutstandingUnit[]
}
