/** The staff screens of special-needs screening (issue 9), against a fake server speaking the contract. */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { CONTACT_PHONE_HINT, LegalBasis, MeasureKind, NeedCode, ScreeningStatus, SensitiveAccessAction, StaffRole } from '@linyi/shared'
import type { ScreeningView, SensitiveAccessEntry, UnitScreeningList, UnitScreeningSummary } from '@linyi/shared'
import Taro, { ok, resetTaro, sent, serve, useRouter } from './taro-mock'
import { agreeToPrivacyGuide } from './privacy-agreed'
import { typeInto } from './dom-events'
import { findIn, signInAs } from './staff-fixtures'
import StaffScreeningPage from '../src/staff/screening/index'
import StaffScreeningUnitPage from '../src/staff/screening-unit/index'
import StaffScreeningHouseholdPage from '../src/staff/screening-household/index'
import StaffCarePlanPage from '../src/staff/care-plan/index'
import StaffAccessLogPage from '../src/staff/access-log/index'
import { setLargeType } from '../src/store/large-type'

jest.mock('../src/lib/paper-scan', () => ({
  choosePhoto: jest.fn(async () => 'blob:consent-photo'),
  photoToPngDataUrl: jest.fn(async () => 'data:image/png;base64,Q09OU0VOVA=='),
}))

const units: UnitScreeningSummary[] = [
  { unitId: 'u1', label: '1号楼1单元', households: 4, screened: 3, needsCare: 2, withCarePlan: 1 },
  { unitId: 'u2', label: '1号楼2单元', households: 2, screened: 2, needsCare: 0, withCarePlan: 0 },
]

const unitList: UnitScreeningList = {
  ...units[0],
  compoundId: 'c1',
  items: [
    { householdId: 'h301', label: '1号楼1单元301', room: '301', floor: 3, status: null, readiness: 'NOT_SCREENED', withCarePlan: false, screenedAt: null },
    { householdId: 'h101', label: '1号楼1单元101', room: '101', floor: 1, status: ScreeningStatus.NeedsCare, readiness: 'NEEDS_PLAN', withCarePlan: false, screenedAt: '2026-12-01T02:00:00.000Z' },
    { householdId: 'h102', label: '1号楼1单元102', room: '102', floor: 1, status: ScreeningStatus.NeedsCare, readiness: 'READY', withCarePlan: true, screenedAt: '2026-12-01T02:00:00.000Z' },
    { householdId: 'h201', label: '1号楼1单元201', room: '201', floor: 2, status: ScreeningStatus.NothingNeeded, readiness: 'READY', withCarePlan: false, screenedAt: '2026-12-01T02:00:00.000Z' },
    { householdId: 'h202', label: '1号楼1单元202', room: '202', floor: 2, status: ScreeningStatus.Withdrawn, readiness: 'READY', withCarePlan: false, screenedAt: '2026-12-01T02:00:00.000Z' },
    { householdId: 'h203', label: '1号楼1单元203', room: '203', floor: 2, status: ScreeningStatus.Erased, readiness: 'NOT_SCREENED', withCarePlan: false, screenedAt: null },
  ],
}

function screeningView(overrides: Partial<ScreeningView> = {}): ScreeningView {
  return {
    householdId: 'h301',
    label: '1号楼1单元301',
    status: null,
    needsCare: false,
    needs: [],
    note: null,
    legalBasis: null,
    consent: null,
    screenedAt: null,
    screenedByName: null,
    withdrawnAt: null,
    erasedAt: null,
    readiness: 'NOT_SCREENED',
    carePlan: null,
    onlineConsentAvailable: false,
    onlineConsentGivenAt: null,
    ...overrides,
  }
}

const needsCare = (overrides: Partial<ScreeningView> = {}) =>
  screeningView({
    status: ScreeningStatus.NeedsCare,
    needsCare: true,
    needs: [NeedCode.MedicalWater],
    note: '每天需要用水',
    legalBasis: LegalBasis.StatutoryDuty,
    screenedAt: '2026-12-01T02:00:00.000Z',
    screenedByName: '居委会张主任',
    readiness: 'NEEDS_PLAN',
    ...overrides,
  })

const saveButton = (container: HTMLElement, selector = '.screening-save') => container.querySelector(selector) as HTMLElement
const inactive = (button: HTMLElement) => button.className.includes('big-button--inactive')

beforeEach(() => {
  resetTaro()
  agreeToPrivacyGuide()
  setLargeType(false)
})

describe('the compound’s screening progress', () => {
  beforeEach(() => useRouter.mockReturnValue({ params: { compoundId: 'c1' } }))
  const compounds = ok([{ id: 'c1', name: '幸福里小区', communityId: 'cm1' }])

  it('shows each unit’s counts with a bar and what is still missing; the committee opens a unit', async () => {
    serve({ ...signInAs(StaffRole.Committee), 'GET /compounds/c1/screening': ok(units), 'GET /compounds': compounds })
    const { container } = render(<StaffScreeningPage />)
    const card = await findIn(container, '#unit-progress-u1')
    expect(card.textContent).toContain('1号楼1单元')
    expect(card.textContent).toContain('已摸排 3 / 4 户')
    expect(card.textContent).toContain('需要照顾 2 户')
    expect(card.textContent).toContain('已有照顾方案 1 户')
    expect(card.querySelector('.unit-progress__gaps')!.textContent).toBe('还差 1 户未摸排 · 1 户需要照顾方案')
    expect(card.querySelector('[role=progressbar]')!.getAttribute('aria-valuenow')).toBe('75')
    expect(container.querySelector('#unit-progress-u2 .unit-progress__gaps')!.textContent).toBe('已全部摸排，需要照顾的住户都有照顾方案')
    expect(screen.getByText(/每次查看都会被记录/)).toBeTruthy()

    fireEvent.click(card)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/screening-unit/index?unitId=u1' })
    expect(container.querySelector('.screening-export-button')).toBeTruthy()
  })

  it('puts the compound’s totals and the export at the top, then the units still missing something', async () => {
    // The server's order: a finished unit first; the page lists the unfinished one before it.
    serve({ ...signInAs(StaffRole.Committee), 'GET /compounds/c1/screening': ok([units[1], units[0]]), 'GET /compounds': compounds })
    const { container } = render(<StaffScreeningPage />)
    const totals = await findIn(container, '#screening-totals')
    expect(totals.textContent).toContain('已摸排 5 / 6 户')
    expect(totals.textContent).toContain('需要照顾 2 户')
    expect(totals.textContent).toContain('已有照顾方案 1 户')
    expect(totals.querySelector('.screening-totals__gaps')!.textContent).toBe('还差 1 户未摸排 · 1 户需要照顾方案')
    expect(totals.querySelector('.screening-totals__units')!.textContent).toBe('共 2 个单元，1 个还没完成')
    expect(totals.querySelector('[role=progressbar]')!.getAttribute('aria-valuenow')).toBe('83')
    const order = [...container.querySelectorAll('#screening-totals, .screening-export-button, .unit-progress')].map((el) => el.id || el.className.split(' ').find((c) => c.startsWith('screening-export')))
    expect(order).toEqual(['screening-totals', 'screening-export-button', 'unit-progress-u1', 'unit-progress-u2'])
  })

  it('exports the committee’s XLSX with the token, named after the compound, only after warning what it holds', async () => {
    serve({ ...signInAs(StaffRole.Committee), 'GET /compounds/c1/screening': ok(units), 'GET /compounds': compounds })
    const fetchMock = jest.fn(async (_url: string, _init?: RequestInit) => ({ status: 200, ok: true, json: async () => null, blob: async () => new Blob(['x']) }))
    globalThis.fetch = fetchMock as unknown as typeof fetch
    URL.createObjectURL = jest.fn(() => 'blob:export')
    URL.revokeObjectURL = jest.fn()
    const saved: string[] = []
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download)
    })
    const { container } = render(<StaffScreeningPage />)
    await screen.findByText('幸福里小区')
    // Cancelled: nothing is fetched (and nothing logged).
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    fireEvent.click(await findIn(container, '.screening-export-button'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(Taro.showModal.mock.calls[0][0].content).toContain('表内含敏感个人信息，仅供居委会内部使用，请勿转发')
    await act(async () => {})
    expect(fetchMock).not.toHaveBeenCalled()

    fireEvent.click(container.querySelector('.screening-export-button')!)
    // Said where the file went (H5: the browser's downloads).
    await screen.findByText('摸排表已导出，保存在浏览器的下载文件夹')
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(fetchMock.mock.calls[0][0]).toBe('/api/compounds/c1/screening/export')
    expect((fetchMock.mock.calls[0][1]?.headers as Record<string, string>).Authorization).toBe('Bearer staff-token')
    expect(saved).toEqual([expect.stringMatching(/^摸排表-幸福里小区-\d{4}-\d{2}-\d{2}\.xlsx$/)])
    click.mockRestore()
  })

  it.each([StaffRole.Contractor, StaffRole.Admin])('a %s sees the counts only: no tap through, no export', async (role) => {
    serve({ ...signInAs(role), 'GET /compounds/c1/screening': ok(units), 'GET /compounds': compounds })
    const { container } = render(<StaffScreeningPage />)
    const card = await findIn(container, '#unit-progress-u1')
    expect(card.textContent).toContain('已摸排 3 / 4 户')
    expect(card.className).not.toContain('unit-progress--open')
    expect(card.textContent).not.toContain('查看各户')
    fireEvent.click(card)
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    expect(container.querySelector('.screening-export-button')).toBeNull()
    expect(screen.getByText(/这里只显示各单元的户数统计/)).toBeTruthy()
  })

  it('street staff open a unit but do not export (the XLSX is the committee’s)', async () => {
    serve({ ...signInAs(StaffRole.Street), 'GET /compounds/c1/screening': ok(units), 'GET /compounds': compounds })
    const { container } = render(<StaffScreeningPage />)
    const card = await findIn(container, '#unit-progress-u1')
    expect(card.className).toContain('unit-progress--open')
    expect(container.querySelector('.screening-export-button')).toBeNull()
  })
})

describe('a unit’s households', () => {
  beforeEach(() => useRouter.mockReturnValue({ params: { unitId: 'u1' } }))

  it('lists them floor by floor with their status, read once; a tap opens the household', async () => {
    serve({ ...signInAs(StaffRole.Committee), 'GET /units/u1/screening': ok(unitList) })
    const { container } = render(<StaffScreeningUnitPage />)
    await findIn(container, '.screening-floor')
    const floors = [...container.querySelectorAll('.screening-floor')].map((floor) =>
      [floor.querySelector('.screening-floor__title')!.textContent, ...[...floor.querySelectorAll('.screening-household-row')].map((row) => row.textContent)].join(' | '),
    )
    expect(floors).toEqual([
      '1层 | 101需要照顾·缺方案 | 102需要照顾·已有方案',
      '2层 | 201无特殊需要 | 202已撤回 | 203已到期删除',
      '3层 | 301未摸排',
    ])
    expect(screen.getByText('本次查看已记录')).toBeTruthy()
    expect(sent('GET /units/u1/screening')).toHaveLength(1)
    fireEvent.click(container.querySelector('#screening-household-h101')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/screening-household/index?householdId=h101' })
  })

  it('a contractor is not shown the list, and nothing is asked of the server', async () => {
    serve({ ...signInAs(StaffRole.Contractor), 'GET /units/u1/screening': ok(unitList) })
    render(<StaffScreeningUnitPage />)
    expect(await screen.findByText('您的账号不能查看此页面')).toBeTruthy()
    await waitFor(() => expect(sent('GET /staff/me')).toHaveLength(1))
    expect(sent('GET /units/u1/screening')).toHaveLength(0)
  })
})

describe('the household form', () => {
  beforeEach(() => useRouter.mockReturnValue({ params: { householdId: 'h301' } }))

  async function openForm(view: ScreeningView, extra: Parameters<typeof serve>[0] = {}) {
    serve({ ...signInAs(StaffRole.Committee), 'GET /households/h301/screening': ok(view), ...extra })
    const utils = render(<StaffScreeningHouseholdPage />)
    await findIn(utils.container, '.screening-form')
    return utils
  }

  it('refuses to save needs without a basis, and with separate consent until the signed form is photographed', async () => {
    const { container } = await openForm(screeningView(), { 'PUT /households/h301/screening': ok(needsCare()) })
    expect(screen.getByText('本次查看已记录')).toBeTruthy()
    expect(container.querySelector('.screening-record__status')!.textContent).toBe('未摸排')
    const save = () => saveButton(container)
    expect([inactive(save()), save().textContent]).toEqual([true, '请先选择：无特殊需要，或需要照顾'])

    fireEvent.click(screen.getByText('需要照顾'))
    expect(save().textContent).toBe('请至少勾选一项需要照顾的情况')
    fireEvent.click(screen.getByText('独居老人'))
    expect([inactive(save()), save().textContent]).toEqual([true, '请选择登记依据：居民单独同意，或街道、居委会的法定职责'])
    fireEvent.click(save())
    expect(sent('PUT /households/h301/screening')).toHaveLength(0)

    fireEvent.click(screen.getByText('居民单独同意'))
    expect([inactive(save()), save().textContent]).toEqual([true, '请先拍摄居民签字的同意书'])
    fireEvent.click(save())
    expect(sent('PUT /households/h301/screening')).toHaveLength(0)

    fireEvent.click(screen.getByText('拍照或上传签字的同意书'))
    await waitFor(() => expect(save().textContent).toBe('保存摸排登记'))
    typeInto(container.querySelector('.screening-note')!, '  独居，女儿每周来两次 ')
    expect(container.querySelector('.screening-counter')!.textContent).toBe('10/200 字')
    fireEvent.click(save())
    await screen.findByText('已保存：需要照顾')
    expect(sent('PUT /households/h301/screening').map((r) => r.data)).toEqual([
      { needsCare: true, needs: [NeedCode.ElderlyAlone], note: '独居，女儿每周来两次', legalBasis: LegalBasis.SeparateConsent, consentScanPng: 'data:image/png;base64,Q09OU0VOVA==' },
    ])
    // The answer is shown as it is, with the next step right under the saved message; no second (logged) read.
    fireEvent.click(within(container.querySelector('.screening-saved-row') as HTMLElement).getByText('下一步：制定照顾方案'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/care-plan/index?householdId=h301' })
    expect(container.querySelector('.screening-care-plan-entry')).toBeTruthy()
    expect(sent('GET /households/h301/screening')).toHaveLength(1)
  })

  it('needs no scan when the resident consented online before any screening, says when, and sends none', async () => {
    const { container } = await openForm(screeningView({ onlineConsentAvailable: true, onlineConsentGivenAt: '2026-12-02T06:30:00.000Z' }), {
      'PUT /households/h301/screening': ok(needsCare()),
    })
    fireEvent.click(screen.getByText('需要照顾'))
    fireEvent.click(screen.getByText('因治疗需要持续用水'))
    fireEvent.click(screen.getByText('居民单独同意'))
    expect(screen.getByText('居民已于 2026年12月2日 14:30（北京时间） 在小程序中同意，不需要再拍同意书。')).toBeTruthy()
    expect(screen.queryByText('拍照或上传签字的同意书')).toBeNull()
    fireEvent.click(saveButton(container))
    await screen.findByText('已保存：需要照顾')
    expect(sent('PUT /households/h301/screening')[0].data).toEqual({ needsCare: true, needs: [NeedCode.MedicalWater], legalBasis: LegalBasis.SeparateConsent })
  })

  it('under the statutory duty sends the basis and no scan; 无特殊需要 sends nothing about needs', async () => {
    const { container } = await openForm(screeningView(), {
      'PUT /households/h301/screening': [ok(needsCare()), ok(screeningView({ status: ScreeningStatus.NothingNeeded, readiness: 'READY' }))],
    })
    fireEvent.click(screen.getByText('需要照顾'))
    fireEvent.click(screen.getByText('行动不便'))
    fireEvent.click(screen.getByText('街道、居委会施工前摸排的法定职责（《个人信息保护法》第十三条）'))
    fireEvent.click(saveButton(container))
    await screen.findByText('已保存：需要照顾')
    fireEvent.click(screen.getByText('无特殊需要'))
    expect(saveButton(container).textContent).toBe('保存（将删除登记的情况）')
    fireEvent.click(saveButton(container))
    await screen.findByText('已保存：无特殊需要')
    expect(Taro.showModal).toHaveBeenCalledTimes(1)
    expect(container.querySelector('.screening-plan-next')).toBeNull()
    expect(sent('PUT /households/h301/screening').map((r) => r.data)).toEqual([
      { needsCare: true, needs: [NeedCode.Mobility], legalBasis: LegalBasis.StatutoryDuty },
      { needsCare: false },
    ])
    await waitFor(() => expect(container.querySelector('.screening-care-plan-entry')).toBeNull())
  })

  it('asks before 无特殊需要 deletes a record of needs with its plan; cancelling sends nothing', async () => {
    const withPlan = needsCare({
      readiness: 'READY',
      carePlan: { householdId: 'h301', measures: [{ kind: MeasureKind.WaterDelivery, description: '每天上午送两桶水' }], contactName: null, contactPhone: null, assistanceNote: '停水前两小时通知', updatedAt: '2026-12-02T02:00:00.000Z', updatedByName: '居委会张主任' },
    })
    const { container } = await openForm(withPlan, { 'PUT /households/h301/screening': ok(screeningView({ status: ScreeningStatus.NothingNeeded, readiness: 'READY' })) })
    expect(saveButton(container).textContent).toBe('保存摸排登记')
    fireEvent.click(screen.getByText('无特殊需要'))
    expect(saveButton(container).textContent).toBe('保存（将删除照顾方案）')

    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    fireEvent.click(saveButton(container))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(Taro.showModal.mock.calls[0][0].content).toBe('登记的情况、说明和照顾方案会被删除，不能恢复。确定改为“无特殊需要”吗？')
    expect(Taro.showModal.mock.calls[0][0].confirmText!.length).toBeLessThanOrEqual(4)
    await act(async () => {})
    expect(sent('PUT /households/h301/screening')).toHaveLength(0)

    fireEvent.click(saveButton(container))
    await screen.findByText('已保存：无特殊需要')
    expect(sent('PUT /households/h301/screening').map((r) => r.data)).toEqual([{ needsCare: false }])
    expect(saveButton(container).textContent).toBe('保存摸排登记')
  })

  it('keeps the signed form on file when the record is saved again, and shows it only on a tap', async () => {
    const onFile = needsCare({ legalBasis: LegalBasis.SeparateConsent, consent: { kind: 'SCAN', sha256: 'cd'.repeat(32), givenAt: '2026-12-01T02:00:00.000Z', scanAvailable: true } })
    const fetchMock = jest.fn(async (_url: string, _init?: RequestInit) => ({ status: 200, ok: true, json: async () => null, blob: async () => new Blob(['png']) }))
    globalThis.fetch = fetchMock as unknown as typeof fetch
    URL.createObjectURL = jest.fn(() => 'blob:consent-scan')
    const { container } = await openForm(onFile, { 'PUT /households/h301/screening': ok(onFile) })
    expect(screen.getByText('已存有居民签字的同意书（2026年12月1日 10:00（北京时间）），保存时沿用；居民签了新的同意书时再重新拍摄。')).toBeTruthy()
    expect(screen.getByText('重新拍摄同意书')).toBeTruthy()
    // The image is a logged read of its own: not fetched until asked for.
    expect(fetchMock).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('查看同意书扫描件（查看会被记录）'))
    await waitFor(() => expect(container.querySelector('.screening-scan-preview')?.getAttribute('src')).toBe('blob:consent-scan'))
    expect(fetchMock.mock.calls[0][0]).toBe('/api/households/h301/screening/consent-scan')
    expect((fetchMock.mock.calls[0][1]?.headers as Record<string, string>).Authorization).toBe('Bearer staff-token')
    // Shown whole, at its own height; a tap opens it full screen.
    fireEvent.click(container.querySelector('.screening-scan')!)
    expect(Taro.previewImage).toHaveBeenCalledWith({ current: 'blob:consent-scan', urls: ['blob:consent-scan'] })

    fireEvent.click(saveButton(container))
    await screen.findByText('已保存：需要照顾')
    expect(sent('PUT /households/h301/screening')[0].data).toEqual({ needsCare: true, needs: [NeedCode.MedicalWater], note: '每天需要用水', legalBasis: LegalBasis.SeparateConsent })
  })

  it('shows the time of the standing consent, not that of an older one an erased record rested on', async () => {
    const withdrawnRecord = screeningView({
      status: ScreeningStatus.Withdrawn,
      legalBasis: LegalBasis.SeparateConsent,
      consent: { kind: 'ONLINE', sha256: 'ab'.repeat(32), givenAt: '2026-11-20T01:00:00.000Z', textVersion: '2026-12-v1/90d/365d' },
      withdrawnAt: '2026-11-25T01:00:00.000Z',
      readiness: 'READY',
      onlineConsentAvailable: true,
      onlineConsentGivenAt: '2026-12-03T02:15:00.000Z',
    })
    const { container } = await openForm(withdrawnRecord)
    fireEvent.click(screen.getByText('需要照顾'))
    fireEvent.click(container.querySelector('.screening-basis--separate_consent')!)
    expect(screen.getByText('居民已于 2026年12月3日 10:15（北京时间） 在小程序中同意，不需要再拍同意书。')).toBeTruthy()
  })

  it('says why the details were deleted, by the record’s status, and when the resident consented online', async () => {
    const withdrawn = screeningView({
      status: ScreeningStatus.Withdrawn,
      legalBasis: LegalBasis.SeparateConsent,
      consent: { kind: 'ONLINE', sha256: 'ab'.repeat(32), givenAt: '2026-11-20T01:00:00.000Z', textVersion: '2026-12-v1/90d/365d' },
      withdrawnAt: '2026-11-25T01:00:00.000Z',
      erasedAt: '2026-11-25T01:00:00.000Z',
      readiness: 'READY',
      onlineConsentAvailable: true,
      onlineConsentGivenAt: '2026-12-03T02:15:00.000Z',
    })
    const { container, unmount } = await openForm(withdrawn)
    const record = () => container.querySelector('.screening-record')!
    expect(record().querySelector('.screening-record__erased')!.textContent).toBe('信息已删除（居民撤回）：2026年11月25日 09:00（北京时间）')
    expect(record().textContent).not.toContain('到期')
    expect(record().querySelector('.screening-record__online-consent')!.textContent).toBe('居民已于 2026年12月3日 10:15（北京时间） 在小程序中同意')
    unmount()

    const { container: erased } = await openForm(screeningView({ status: ScreeningStatus.Erased, erasedAt: '2026-11-25T01:00:00.000Z' }))
    expect(erased.querySelector('.screening-record__erased')!.textContent).toBe('信息到期删除：2026年11月25日 09:00（北京时间）')
    expect(erased.querySelector('.screening-record__online-consent')).toBeNull()
  })

  it('shows the server’s refusal in Chinese and keeps the form', async () => {
    const refusal = { statusCode: 400, data: { statusCode: 400, code: 'CONSENT_EVIDENCE_REQUIRED', message: '居民单独同意需要附上签字的同意书照片' } }
    const { container } = await openForm(screeningView({ onlineConsentAvailable: true }), { 'PUT /households/h301/screening': refusal })
    fireEvent.click(screen.getByText('需要照顾'))
    fireEvent.click(screen.getByText('听力障碍'))
    fireEvent.click(screen.getByText('居民单独同意'))
    fireEvent.click(saveButton(container))
    const error = await findIn(container, '.screening-save-error')
    expect(error.textContent).toBe('居民单独同意需要附上签字的同意书照片')
    expect(screen.queryByText(/已保存/)).toBeNull()
    expect(container.querySelector('.screening-need--hearing')!.getAttribute('aria-checked')).toBe('true')
  })

  it('shows the current record: needs, note, basis, who screened it, and the plan still missing', async () => {
    const { container } = await openForm(needsCare())
    const record = container.querySelector('.screening-record')!
    expect(record.textContent).toContain('需要照顾')
    expect(record.querySelector('.screening-record__needs')!.textContent).toBe('需要照顾的情况：因治疗需要持续用水')
    expect(record.querySelector('.screening-record__note')!.textContent).toBe('简要说明：每天需要用水')
    expect(record.textContent).toContain('居委会张主任 2026年12月1日 10:00（北京时间）')
    expect(record.querySelector('.screening-record__plan')!.textContent).toBe('照顾方案：还没有，请尽快制定')
    // The form starts from the record.
    expect(container.querySelector('.screening-need--medical_water')!.getAttribute('aria-checked')).toBe('true')
    expect(saveButton(container).textContent).toBe('保存摸排登记')
  })
})

describe('the care plan', () => {
  beforeEach(() => useRouter.mockReturnValue({ params: { householdId: 'h301' } }))

  it('flags a diagnosis in the crew’s line, then sends the measures, contact and line', async () => {
    const withPlan = needsCare({
      readiness: 'READY',
      carePlan: { householdId: 'h301', measures: [{ kind: MeasureKind.WaterDelivery, description: '每天上午送两桶水' }], contactName: '女儿 王丽', contactPhone: '13800000000', assistanceNote: '施工前一天先给女儿打电话', updatedAt: '2026-12-02T02:00:00.000Z', updatedByName: '居委会张主任' },
    })
    serve({ ...signInAs(StaffRole.Committee), 'GET /households/h301/screening': ok(needsCare()), 'PUT /households/h301/care-plan': ok(withPlan) })
    const { container } = render(<StaffCarePlanPage />)
    await findIn(container, '.care-plan-form')
    expect(screen.getByText('施工队只能看到这一句：写需要怎么帮忙，不写病情')).toBeTruthy()
    const save = () => saveButton(container, '.care-plan-save')
    expect([inactive(save()), save().textContent]).toEqual([true, '请至少勾选一项照顾措施'])

    fireEvent.click(screen.getByText('停水期间送水上门'))
    expect(save().textContent).toBe('请写明“停水期间送水上门”的具体安排（谁来做、什么时候）')
    typeInto(container.querySelector('.care-measure--water_delivery .care-measure__description')!, '每天上午送两桶水')
    typeInto(container.querySelector('.care-contact-name-input')!, '女儿 王丽')
    // The server's own phone rule: a mobile of no network is refused on the spot, the page's example landline taken.
    typeInto(container.querySelector('.care-contact-phone-input')!, '12800001111')
    expect(container.querySelector('.care-contact-phone-error')!.textContent).toBe(CONTACT_PHONE_HINT)
    expect([inactive(save()), save().textContent]).toEqual([true, CONTACT_PHONE_HINT])
    typeInto(container.querySelector('.care-contact-phone-input')!, '０５３９－１２３４５６７')
    expect(container.querySelector('.care-contact-phone-error')).toBeNull()

    typeInto(container.querySelector('.care-note-input')!, '老人做透析，停水前通知')
    const feedback = container.querySelector('.care-note-feedback')!
    expect(feedback.textContent).toBe('给施工队的提示只写需要怎么帮忙，不要写病情或身体状况（含“透析”）')
    expect(feedback.className).toContain('care-note-feedback--problem')
    expect([inactive(save()), save().textContent]).toEqual([true, feedback.textContent])
    fireEvent.click(save())
    expect(sent('PUT /households/h301/care-plan')).toHaveLength(0)

    typeInto(container.querySelector('.care-note-input')!, '施工前一天先给女儿打电话')
    expect(container.querySelector('.care-note-feedback')!.textContent).toBe('✓ 未发现病情用词；请确认只写了怎么帮忙')
    fireEvent.click(save())
    await screen.findByText('照顾方案已保存')
    expect(sent('PUT /households/h301/care-plan').map((r) => r.data)).toEqual([
      { measures: [{ kind: 'WATER_DELIVERY', description: '每天上午送两桶水' }], contactName: '女儿 王丽', contactPhone: '0539-1234567', assistanceNote: '施工前一天先给女儿打电话' },
    ])
  })

  it('says a household not screened as needing care needs no plan', async () => {
    serve({ ...signInAs(StaffRole.Street), 'GET /households/h301/screening': ok(screeningView({ status: ScreeningStatus.NothingNeeded })) })
    const { container } = render(<StaffCarePlanPage />)
    await findIn(container, '.care-plan-not-needed')
    expect(container.querySelector('.care-plan-form')).toBeNull()
  })
})

describe('the sensitive-access log', () => {
  const entry = (overrides: Partial<SensitiveAccessEntry>): SensitiveAccessEntry => ({
    id: '0b3c7a52-0000-4000-8000-000000000001',
    at: '2026-12-03T06:05:00.000Z',
    staffId: 's1',
    staffName: '居委会张主任',
    householdId: 'h301',
    subject: '幸福里小区 1号楼1单元301',
    compoundId: 'c1',
    unitId: 'u1',
    action: SensitiveAccessAction.ViewScreening,
    ...overrides,
  })
  const newestKey = 'GET /street-offices/scope-1/sensitive-access-log?limit=100'
  const olderKey = (cursor: string) => `GET /street-offices/scope-1/sensitive-access-log?before=${encodeURIComponent(cursor)}&limit=100`

  it('lists who read what, newest first, in 北京时间, and pages on with `before` = the last entry until a page is short', async () => {
    // A full page (100): there may be older entries. The last one's time and id are where the next page starts.
    const fillers = Array.from({ length: 97 }, (_, i) => entry({ id: `f${i}`, at: '2026-12-02T00:30:00.000Z' }))
    const last = entry({ id: '9d1e0000-0000-4000-8000-000000000100', at: '2026-12-01T00:00:00.000Z' })
    serve({
      ...signInAs(StaffRole.Street),
      [newestKey]: ok([entry({}), entry({ id: 'e2', at: '2026-12-02T01:00:00.000Z', staffName: '街道李科长', householdId: null, subject: '幸福里小区 1号楼1单元', action: SensitiveAccessAction.ListUnit }), ...fillers, last]),
      [olderKey(`${last.at}_${last.id}`)]: ok([entry({ id: 'e3', at: '2026-11-30T01:00:00.000Z', householdId: null, unitId: null, subject: '幸福里小区', action: SensitiveAccessAction.Export })]),
    })
    const { container } = render(<StaffAccessLogPage />)
    await findIn(container, '.access-entry')
    const rows = () => [...container.querySelectorAll('.access-entry')].map((row) => row.textContent)
    expect(rows()).toHaveLength(100)
    expect(rows().slice(0, 2)).toEqual([
      '2026年12月3日 14:05（北京时间）居委会张主任查看一户的摸排记录：幸福里小区 1号楼1单元301',
      '2026年12月2日 09:00（北京时间）街道李科长查看单元摸排名单：幸福里小区 1号楼1单元',
    ])
    fireEvent.click(screen.getByText('加载更多'))
    await waitFor(() => expect(rows()).toHaveLength(101))
    expect(rows()[100]).toBe('2026年11月30日 09:00（北京时间）居委会张主任导出小区摸排表：幸福里小区')
    expect(sent(olderKey(`${last.at}_${last.id}`))).toHaveLength(1)
    // One entry is shorter than a page: the end, nothing more to ask.
    expect(screen.queryByText('加载更多')).toBeNull()
    expect(screen.getByText('以上是全部记录。')).toBeTruthy()
  })

  it('shows a first page shorter than the limit as all there is', async () => {
    serve({ ...signInAs(StaffRole.Street), [newestKey]: ok([entry({})]) })
    const { container } = render(<StaffAccessLogPage />)
    await findIn(container, '.access-entry')
    expect(screen.queryByText('加载更多')).toBeNull()
    expect(screen.getByText('以上是全部记录。')).toBeTruthy()
  })

  it('is the street office’s: a committee member is not shown it, and nothing is asked', async () => {
    serve({ ...signInAs(StaffRole.Committee) })
    render(<StaffAccessLogPage />)
    expect(await screen.findByText('敏感信息查看记录供街道办事处工作人员查看。')).toBeTruthy()
    expect(Taro.request.mock.calls.filter(([r]) => r.url.includes('sensitive-access-log'))).toHaveLength(0)
  })
})

describe('大字 mode', () => {
  it('puts the household form in large type: big choices, tick rows and the save button', async () => {
    setLargeType(true)
    useRouter.mockReturnValue({ params: { householdId: 'h301' } })
    serve({ ...signInAs(StaffRole.Committee), 'GET /households/h301/screening': ok(screeningView()) })
    const { container } = render(<StaffScreeningHouseholdPage />)
    await findIn(container, '.screening-form')
    expect(container.querySelector('.screen')!.classList.contains('large-type')).toBe(true)
    fireEvent.click(screen.getByText('需要照顾'))
    const form = container.querySelector('.screening-form') as HTMLElement
    expect(within(form).getAllByRole('checkbox').every((tick) => tick.classList.contains('screening-tick'))).toBe(true)
    expect(form.querySelectorAll('.screening-basis')).toHaveLength(2)
    for (const selector of ['.screening-choice--nothing', '.screening-choice--needs', '.screening-save']) expect(form.querySelector(selector)!.classList.contains('big-button')).toBe(true)
    expect(form.querySelector('.screening-note')!.classList.contains('text-area')).toBe(true)
  })
})
