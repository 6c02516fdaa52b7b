/** The pure rules behind the screening screens: what may be saved, and exactly what is sent. */
import { ASSISTANCE_NOTE_MAX, CONTACT_PHONE_HINT, LegalBasis, MeasureKind, NOTE_MAX, NeedCode, ScreeningStatus } from '@linyi/shared'
import type { ScreeningView } from '@linyi/shared'
import {
  draftOf,
  lossSaveLabel,
  lossWarning,
  nothingNeededLoss,
  screeningDraftProblem,
  screeningRequestOf,
  standingConsentOf,
  toggleNeed,
  type ScreeningDraft,
  type StandingConsent,
} from '../src/staff/components/screening/screening-form.rules'
import { carePlanDraftOf, carePlanProblem, carePlanRequestOf, phoneProblem, toggleMeasure, type CarePlanDraft } from '../src/staff/components/screening/care-plan-form.rules'
import { chipOf, compoundTotals, gapsLine, householdsByFloor, screenedPercent, unitsGapsFirst, unitsLine } from '../src/staff/components/screening/screening-progress.rules'

const ONLINE: StandingConsent = { kind: 'ONLINE', givenAt: null }
const KEPT_SCAN: StandingConsent = { kind: 'SCAN', givenAt: '2026-12-01T02:00:00.000Z' }
const draft = (overrides: Partial<ScreeningDraft>): ScreeningDraft => ({ needsCare: true, needs: [NeedCode.Mobility], note: '', legalBasis: LegalBasis.StatutoryDuty, consentScanPng: null, ...overrides })

describe('the screening form', () => {
  it('asks for the choice, a need, the basis and, with separate consent, the scan or the online consent', () => {
    expect(screeningDraftProblem(draft({ needsCare: null }), null)).toMatch(/^请先选择/)
    expect(screeningDraftProblem(draft({ needsCare: false, needs: [] }), null)).toBeNull()
    expect(screeningDraftProblem(draft({ needs: [] }), null)).toBe('请至少勾选一项需要照顾的情况')
    expect(screeningDraftProblem(draft({ legalBasis: null }), null)).toMatch(/^请选择登记依据/)
    expect(screeningDraftProblem(draft({ legalBasis: LegalBasis.SeparateConsent }), null)).toBe('请先拍摄居民签字的同意书')
    expect(screeningDraftProblem(draft({ legalBasis: LegalBasis.SeparateConsent }), ONLINE)).toBeNull()
    expect(screeningDraftProblem(draft({ legalBasis: LegalBasis.SeparateConsent, consentScanPng: 'data:image/png;base64,AA' }), null)).toBeNull()
    expect(screeningDraftProblem(draft({ legalBasis: LegalBasis.SeparateConsent }), KEPT_SCAN)).toBeNull()
    expect(screeningDraftProblem(draft({}), null)).toBeNull()
  })

  it('counts the note in characters, and wants words for 其他困难', () => {
    expect(screeningDraftProblem(draft({ note: '字'.repeat(NOTE_MAX) }), null)).toBeNull()
    expect(screeningDraftProblem(draft({ note: '字'.repeat(NOTE_MAX + 1) }), null)).toBe(`简要说明最多 ${NOTE_MAX} 个字`)
    expect(screeningDraftProblem(draft({ needs: [NeedCode.Other], note: '  ' }), null)).toMatch(/其他困难/)
  })

  it('sends only the contract’s fields: nothing about needs when nothing is needed, the scan only with separate consent', () => {
    expect(screeningRequestOf(draft({ needsCare: false, note: '旧的说明', consentScanPng: 'x' }), null)).toEqual({ needsCare: false })
    expect(screeningRequestOf(draft({ note: ' 需要陪同 ', consentScanPng: 'x' }), null)).toEqual({ needsCare: true, needs: [NeedCode.Mobility], note: '需要陪同', legalBasis: LegalBasis.StatutoryDuty })
    expect(screeningRequestOf(draft({ legalBasis: LegalBasis.SeparateConsent, consentScanPng: 'x' }), null)).toEqual({ needsCare: true, needs: [NeedCode.Mobility], legalBasis: LegalBasis.SeparateConsent, consentScanPng: 'x' })
    expect(screeningRequestOf(draft({ legalBasis: LegalBasis.SeparateConsent, consentScanPng: 'x' }), ONLINE)).toEqual({ needsCare: true, needs: [NeedCode.Mobility], legalBasis: LegalBasis.SeparateConsent })
  })

  it('counts a scan kept with the record, or the online consent, as consent on file; a new scan is sent only when taken', () => {
    const view = (overrides: Partial<ScreeningView>) => ({ onlineConsentAvailable: false, onlineConsentGivenAt: null, consent: null, ...overrides }) as ScreeningView
    const scan = { kind: 'SCAN' as const, sha256: 'a'.repeat(64), givenAt: '2026-12-01T02:00:00.000Z' }
    expect(standingConsentOf(view({ consent: { ...scan, scanAvailable: true } }))).toEqual(KEPT_SCAN)
    expect(standingConsentOf(view({ consent: { ...scan, scanAvailable: false } }))).toBeNull()
    expect(standingConsentOf(view({ consent: { ...scan, scanAvailable: false }, onlineConsentAvailable: true }))).toEqual(ONLINE)
    expect(standingConsentOf(view({ onlineConsentAvailable: true, onlineConsentGivenAt: '2026-12-02T00:00:00.000Z' }))).toEqual({ kind: 'ONLINE', givenAt: '2026-12-02T00:00:00.000Z' })
    const separate = draft({ legalBasis: LegalBasis.SeparateConsent })
    expect(screeningRequestOf(separate, KEPT_SCAN)).toEqual({ needsCare: true, needs: [NeedCode.Mobility], legalBasis: LegalBasis.SeparateConsent })
    expect(screeningRequestOf({ ...separate, consentScanPng: 'new' }, KEPT_SCAN).consentScanPng).toBe('new')
  })

  it('lists what 无特殊需要 deletes from a record of needs, and nothing otherwise', () => {
    const record = { status: ScreeningStatus.NeedsCare, note: '每天用水', carePlan: { householdId: 'h' }, consent: { kind: 'SCAN', scanAvailable: true } } as unknown as ScreeningView
    const nothing = draft({ needsCare: false })
    expect(nothingNeededLoss(record, nothing)).toEqual(['登记的情况', '说明', '照顾方案', '同意书扫描件'])
    expect(nothingNeededLoss({ ...record, note: null, carePlan: null, consent: null }, nothing)).toEqual(['登记的情况'])
    expect(nothingNeededLoss(record, draft({}))).toBeNull()
    expect(nothingNeededLoss({ ...record, status: ScreeningStatus.NothingNeeded }, nothing)).toBeNull()
    expect(lossWarning(['登记的情况', '说明', '照顾方案'])).toBe('登记的情况、说明和照顾方案会被删除，不能恢复。确定改为“无特殊需要”吗？')
    expect(lossWarning(['登记的情况'])).toBe('登记的情况会被删除，不能恢复。确定改为“无特殊需要”吗？')
    expect([lossSaveLabel(['登记的情况', '照顾方案']), lossSaveLabel(['登记的情况'])]).toEqual(['保存（将删除照顾方案）', '保存（将删除登记的情况）'])
  })

  it('keeps needs in the contract’s order, and starts from the record without reusing a scan', () => {
    expect(toggleNeed(toggleNeed([], NeedCode.Infant), NeedCode.ElderlyAlone)).toEqual([NeedCode.ElderlyAlone, NeedCode.Infant])
    expect(toggleNeed([NeedCode.ElderlyAlone, NeedCode.Infant], NeedCode.ElderlyAlone)).toEqual([NeedCode.Infant])
    const view = { status: ScreeningStatus.NeedsCare, needs: [NeedCode.Vision], note: null, legalBasis: LegalBasis.SeparateConsent } as unknown as ScreeningView
    expect(draftOf(view)).toEqual({ needsCare: true, needs: [NeedCode.Vision], note: '', legalBasis: LegalBasis.SeparateConsent, consentScanPng: null })
    expect(draftOf({ ...view, status: ScreeningStatus.NothingNeeded }).needsCare).toBe(false)
    for (const status of [null, ScreeningStatus.Withdrawn, ScreeningStatus.Erased]) expect(draftOf({ ...view, status }).needsCare).toBeNull()
  })
})

describe('the care-plan form', () => {
  const plan = (overrides: Partial<CarePlanDraft>): CarePlanDraft => ({
    ticked: [MeasureKind.Helper],
    descriptions: { [MeasureKind.Helper]: '小王8点到场' },
    contactName: '',
    contactPhone: '',
    assistanceNote: '施工前一天先打电话',
    ...overrides,
  })

  it('wants a measure with its arrangement, a readable phone, and a crew line without a diagnosis', () => {
    expect(carePlanProblem(plan({}))).toBeNull()
    expect(carePlanProblem(plan({ ticked: [] }))).toBe('请至少勾选一项照顾措施')
    expect(carePlanProblem(plan({ ticked: [MeasureKind.Helper, MeasureKind.Other] }))).toMatch(/^请写明“其他安排”/)
    // The server's own rule (shared): the page refuses exactly what the server would.
    expect(carePlanProblem(plan({ contactPhone: '打给女儿' }))).toBe(CONTACT_PHONE_HINT)
    for (const phone of ['0539-1234567', '010-64001234', '１３８ ００００ １１１１', '+86 13800001111', '  ']) expect([phone, phoneProblem(phone)]).toEqual([phone, null])
    for (const phone of ['12800001111', '64001234', '010-1234']) expect([phone, phoneProblem(phone)]).toEqual([phone, CONTACT_PHONE_HINT])
    expect(carePlanProblem(plan({ assistanceNote: '' }))).toMatch(/^请填写给施工队的一句提示/)
    expect(carePlanProblem(plan({ assistanceNote: '老人有心脏病' }))).toMatch(/不要写病情/)
    expect(carePlanProblem(plan({ assistanceNote: '请'.repeat(ASSISTANCE_NOTE_MAX + 1) }))).toBe(`给施工队的提示最多 ${ASSISTANCE_NOTE_MAX} 个字`)
  })

  it('sends the ticked measures in order, trimmed, and empty contacts as null; an unticked description is not sent', () => {
    const ticked = toggleMeasure(toggleMeasure([], MeasureKind.WaterDelivery), MeasureKind.TemporaryStay)
    expect(ticked).toEqual([MeasureKind.TemporaryStay, MeasureKind.WaterDelivery])
    const body = carePlanRequestOf(plan({ ticked, descriptions: { [MeasureKind.TemporaryStay]: ' 住女儿家 ', [MeasureKind.WaterDelivery]: '每天两桶', [MeasureKind.Helper]: '不再需要' }, contactName: ' ', contactPhone: '' }))
    expect(body).toEqual({
      measures: [
        { kind: MeasureKind.TemporaryStay, description: '住女儿家' },
        { kind: MeasureKind.WaterDelivery, description: '每天两桶' },
      ],
      contactName: null,
      contactPhone: null,
      assistanceNote: '施工前一天先打电话',
    })
    expect(carePlanDraftOf(null).ticked).toEqual([])
    // The phone goes as the server stores it.
    expect(carePlanRequestOf(plan({ contactPhone: ' 138-0000-1111 ' })).contactPhone).toBe('13800001111')
    expect(carePlanRequestOf(plan({ contactPhone: '０１０－６４００１２３４' })).contactPhone).toBe('010-64001234')
  })
})

describe('a unit’s progress', () => {
  const unit = { unitId: 'u1', label: '1单元', households: 6, screened: 4, needsCare: 3, withCarePlan: 1 }

  it('says what is missing, or that nothing is', () => {
    expect(gapsLine(unit)).toBe('还差 2 户未摸排 · 2 户需要照顾方案')
    expect(gapsLine({ ...unit, screened: 6 })).toBe('还差 2 户需要照顾方案')
    expect(gapsLine({ ...unit, withCarePlan: 3 })).toBe('还差 2 户未摸排')
    expect(gapsLine({ ...unit, screened: 6, withCarePlan: 3 })).toBe('已全部摸排，需要照顾的住户都有照顾方案')
    expect(gapsLine({ ...unit, households: 0, screened: 0, needsCare: 0, withCarePlan: 0 })).toBe('本单元还没有住户')
    expect(screenedPercent(unit)).toBe(67)
    expect(screenedPercent({ ...unit, households: 0 })).toBe(0)
  })

  it('adds the units up for the compound, and puts the units still missing something first', () => {
    const done = { ...unit, unitId: 'u2', screened: 6, withCarePlan: 3 }
    const empty = { ...unit, unitId: 'u3', households: 0, screened: 0, needsCare: 0, withCarePlan: 0 }
    const other = { ...unit, unitId: 'u4' }
    expect(compoundTotals([unit, done])).toMatchObject({ households: 12, screened: 10, needsCare: 6, withCarePlan: 4 })
    expect(unitsGapsFirst([done, unit, empty, other]).map((u) => u.unitId)).toEqual(['u1', 'u4', 'u2', 'u3'])
    expect(unitsLine([done, unit, empty, other])).toBe('共 4 个单元，2 个还没完成')
    expect(unitsLine([done])).toBe('共 1 个单元，都已完成')
  })

  it('names each household’s state, and orders floors and rooms', () => {
    expect([null, ScreeningStatus.NothingNeeded, ScreeningStatus.Withdrawn, ScreeningStatus.Erased].map((s) => chipOf(s, false))).toEqual(['NOT_SCREENED', 'NOTHING_NEEDED', 'WITHDRAWN', 'ERASED'])
    expect([chipOf(ScreeningStatus.NeedsCare, false), chipOf(ScreeningStatus.NeedsCare, true)]).toEqual(['NEEDS_PLAN', 'PLANNED'])
    const item = (room: string, floor: number) => ({ householdId: room, label: room, room, floor, status: null, readiness: 'NOT_SCREENED' as const, withCarePlan: false, screenedAt: null })
    expect(householdsByFloor([item('1002', 10), item('202', 2), item('201', 2)]).map((f) => [f.floor, f.households.map((h) => h.room)])).toEqual([
      [2, ['201', '202']],
      [10, ['1002']],
    ])
  })
})
