import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import {
  CONSENT_WITHDRAW_NOTE,
  LegalBasis,
  MeasureKind,
  NeedCode,
  STATUTORY_DUTY_NOTE,
  ScreeningStatus,
  screeningConsentText,
  screeningConsentVersion,
} from '@linyi/shared'
import type { MyScreeningView } from '@linyi/shared'
import Taro, { ok, resetTaro, sent, serve, storage, useRouter } from './taro-mock'
import MyScreeningPage from '../src/household/screening/index'
import HomePage from '../src/pages/home/index'
import { StorageKey } from '../src/api/storage'
import { consentParagraphs, householdLinkProblem, readsLine, withdrawalNote } from '../src/household/screening.rules'
import { setLargeType } from '../src/store/large-type'

const GET = 'GET /me/households/h-501/screening'
const CONSENT = 'POST /me/households/h-501/screening/consent'
const DELETE = 'DELETE /me/households/h-501/screening'

/** The server's text and version: it states the server's retention (here not the default), which the page must show as sent. */
const RETENTION = { afterAcceptanceDays: 45, maxAgeDays: 120 }
const SERVER_TEXT = screeningConsentText(RETENTION)
const SERVER_VERSION = screeningConsentVersion(RETENTION)

/** Nothing recorded yet, no consent: the defaults a test overrides. */
function view(overrides: Partial<MyScreeningView> = {}): MyScreeningView {
  return {
    householdId: 'h-501',
    label: '3号楼2单元501',
    status: null,
    needs: [],
    note: null,
    legalBasis: null,
    consent: null,
    screenedAt: null,
    withdrawnAt: null,
    erasedAt: null,
    carePlan: null,
    withdrawal: null,
    canWithdraw: false,
    withdrawNote: '',
    onlineConsentGivenAt: null,
    consentText: SERVER_TEXT,
    consentTextVersion: SERVER_VERSION,
    reads: 0,
    lastReadAt: null,
    ...overrides,
  }
}

/** The elderly resident living alone who needs water for medical reasons, with a plan, read twice by staff. */
const needsCare = view({
  status: ScreeningStatus.NeedsCare,
  needs: [NeedCode.ElderlyAlone, NeedCode.MedicalWater],
  note: '女儿每周六来',
  legalBasis: LegalBasis.SeparateConsent,
  consent: { kind: 'SCAN', sha256: 'ab'.repeat(32), givenAt: '2026-12-01T02:00:00.000Z', scanAvailable: true },
  screenedAt: '2026-12-01T02:05:00.000Z',
  carePlan: {
    measures: [
      { kind: MeasureKind.WaterDelivery, description: '停水前一天送两桶水' },
      { kind: MeasureKind.Helper, description: '' },
    ],
    contactName: '王丽',
    contactPhone: '13800001234',
    assistanceNote: '施工前一天先给女儿打电话',
    updatedAt: '2026-12-02T03:00:00.000Z',
  },
  withdrawal: 'ERASE',
  canWithdraw: true,
  withdrawNote: CONSENT_WITHDRAW_NOTE,
  reads: 2,
  lastReadAt: '2026-12-03T06:05:00.000Z',
})

const withdrawn = view({
  status: ScreeningStatus.Withdrawn,
  legalBasis: LegalBasis.SeparateConsent,
  consent: needsCare.consent,
  screenedAt: needsCare.screenedAt,
  withdrawnAt: '2026-12-04T01:00:00.000Z',
  reads: 2,
  lastReadAt: needsCare.lastReadAt,
})

const statutory = view({
  status: ScreeningStatus.NeedsCare,
  needs: [NeedCode.Mobility],
  legalBasis: LegalBasis.StatutoryDuty,
  screenedAt: '2026-12-01T02:05:00.000Z',
  canWithdraw: false,
  withdrawNote: STATUTORY_DUTY_NOTE,
  onlineConsentGivenAt: null,
})

const withdrawButton = () => screen.queryByText('撤回同意并删除登记信息')
const consentButton = () => screen.queryByText('我同意登记我家的特殊情况')

beforeEach(() => {
  resetTaro()
  setLargeType(false)
  storage.set(StorageKey.residentToken, 'resident-token')
  useRouter.mockReturnValue({ params: { householdId: 'h-501' } })
})

it('shows what is recorded in plain words: needs, note, basis, consent, the care plan and the staff reads', async () => {
  serve({ [GET]: ok({ ...needsCare, onlineConsentGivenAt: '2026-11-30T01:00:00.000Z' }) })
  const { container } = render(<MyScreeningPage />)
  expect(await screen.findByText('需要照顾')).toBeTruthy()
  expect(screen.getByText('房屋：3号楼2单元501')).toBeTruthy()
  expect(Array.from(container.querySelectorAll('.need-item')).map((el) => el.textContent)).toEqual(['· 独居老人', '· 因治疗需要持续用水'])
  expect(screen.getByText('女儿每周六来')).toBeTruthy()
  // In the resident's own words: 您, not the staff's third person.
  expect(container.querySelector('.record-basis')!.textContent).toBe('登记依据您本人同意')
  expect(screen.queryByText(/居民/)).toBeNull()
  expect(screen.getByText('书面同意书，2026年12月1日 10:00（北京时间）签署')).toBeTruthy()
  // The plan: measures with their descriptions, the contact, the crew's one line.
  expect(screen.getByText('停水期间送水上门')).toBeTruthy()
  expect(screen.getByText('停水前一天送两桶水')).toBeTruthy()
  expect(screen.getByText('施工当天有人陪同协助')).toBeTruthy()
  expect(screen.getByText('联系人：王丽 13800001234')).toBeTruthy()
  expect(screen.getByText('施工队看到的提示：施工前一天先给女儿打电话')).toBeTruthy()
  expect(screen.getByText('工作人员共查看过 2 次，最近一次 2026年12月3日 14:05（北京时间）。')).toBeTruthy()
  // Consent stands: said, and not offered again.
  expect(screen.getByText('您已于 2026年11月30日 09:00（北京时间） 在小程序中同意登记您家的特殊情况。')).toBeTruthy()
  expect(consentButton()).toBeNull()
  expect(screen.getByText(CONSENT_WITHDRAW_NOTE)).toBeTruthy()
  expect(sent(GET)[0].header.Authorization).toBe('Bearer resident-token')
})

it('with nothing recorded says so kindly and offers the separate consent, in full, untouched until tapped', async () => {
  serve({ [GET]: ok(view()) })
  render(<MyScreeningPage />)
  expect(await screen.findByText('居委会还没有登记您家的特殊情况。')).toBeTruthy()
  // The server's words, retention included, and its version.
  for (const paragraph of SERVER_TEXT.split('\n')) expect(screen.getByText(paragraph)).toBeTruthy()
  expect(screen.getByText(/施工验收后 45 天，或登记满 120 天仍没有施工安排时/)).toBeTruthy()
  expect(screen.queryByText(/90 天/)).toBeNull()
  // No version line for the resident (the tap sends it), and “不同意不影响…” said once, by the text itself.
  expect(screen.queryByText(/同意书版本/)).toBeNull()
  expect(screen.getAllByText(/不同意.{0,2}不影响您参加征询和表决/)).toHaveLength(1)
  expect(consentButton()).toBeTruthy()
  // No tick box to pre-tick, no other consent bundled in, nothing sent by showing it.
  expect(document.querySelectorAll('[role="checkbox"], .tick-box')).toHaveLength(0)
  expect(sent(CONSENT)).toHaveLength(0)
  expect(withdrawButton()).toBeNull()
})

it('the consent tap sends exactly the contract body and shows the standing consent instead of the card', async () => {
  const consented = view({ onlineConsentGivenAt: '2026-12-05T02:30:00.000Z', withdrawal: 'CONSENT_ONLY', canWithdraw: true, withdrawNote: '您在小程序中给出的单独同意可以随时撤回。' })
  serve({ [GET]: ok(view()), [CONSENT]: { statusCode: 201, data: consented } })
  render(<MyScreeningPage />)
  fireEvent.click(await screen.findByText('我同意登记我家的特殊情况'))
  expect(await screen.findByText(/^已同意。/)).toBeTruthy()
  expect(sent(CONSENT).map((request) => request.data)).toEqual([{ agreed: true, textVersion: SERVER_VERSION }])
  expect(consentButton()).toBeNull()
  expect(screen.getByText(/您已于 2026年12月5日 10:30（北京时间） 在小程序中同意/)).toBeTruthy()
  // Nothing recorded yet: withdrawing would end the consent only, and says so.
  expect(screen.getByText('撤回我的同意')).toBeTruthy()
})

it('an outdated consent text is refused with the server’s words; the card stays and shows the server’s new text, to consent to anew', async () => {
  const newer = { afterAcceptanceDays: 30, maxAgeDays: 120 }
  const outdated = { statusCode: 400, data: { statusCode: 400, code: 'CONSENT_TEXT_OUTDATED', message: '同意书内容已更新，请重新打开页面阅读后再同意' } }
  serve({ [GET]: [ok(view()), ok(view({ consentText: screeningConsentText(newer), consentTextVersion: screeningConsentVersion(newer) }))], [CONSENT]: [outdated, { statusCode: 201, data: view({ onlineConsentGivenAt: '2026-12-05T02:30:00.000Z' }) }] })
  render(<MyScreeningPage />)
  fireEvent.click(await screen.findByText('我同意登记我家的特殊情况'))
  expect(await screen.findByText('同意书内容已更新，请重新打开页面阅读后再同意')).toBeTruthy()
  expect(await screen.findByText(/施工验收后 30 天/)).toBeTruthy()
  expect(screen.queryByText(/施工验收后 45 天/)).toBeNull()
  fireEvent.click(consentButton() as HTMLElement)
  expect(await screen.findByText(/^已同意。/)).toBeTruthy()
  expect(sent(CONSENT).map((request) => (request.data as { textVersion: string }).textVersion)).toEqual([SERVER_VERSION, screeningConsentVersion(newer)])
})

it('withdrawal asks first: cancelling sends nothing; confirming deletes and shows the new state', async () => {
  serve({ [GET]: ok(needsCare), [DELETE]: ok(withdrawn) })
  render(<MyScreeningPage />)
  Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
  fireEvent.click((await screen.findByText('撤回同意并删除登记信息')) as HTMLElement)
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
  const asked = Taro.showModal.mock.calls[0][0]
  expect(asked.content).toContain('登记的情况、备注和照顾安排会被删除')
  expect(asked.content).toContain('撤回这件事本身会留下记录')
  expect(asked.confirmText!.length).toBeLessThanOrEqual(4)
  await act(async () => {})
  expect(sent(DELETE)).toHaveLength(0)
  expect(screen.getByText('女儿每周六来')).toBeTruthy()

  fireEvent.click(withdrawButton() as HTMLElement)
  expect(await screen.findByText(/^已撤回同意。/)).toBeTruthy()
  expect(sent(DELETE)).toHaveLength(1)
  expect(screen.getByText('您已撤回同意，登记的情况已删除')).toBeTruthy()
  expect(screen.getByText('2026年12月4日 09:00（北京时间）')).toBeTruthy()
  expect(screen.getByText('您曾于 2026年12月1日 10:00（北京时间） 签署书面同意书（已撤回）')).toBeTruthy()
  for (const gone of ['女儿每周六来', '独居老人', '施工队看到的提示：施工前一天先给女儿打电话']) expect(screen.queryByText(gone, { exact: false })).toBeNull()
  expect(withdrawButton()).toBeNull()
  // Withdrawn, the consent may be given again: on its own card, as before.
  expect(consentButton()).toBeTruthy()
})

it('a statutory-duty record shows the statutory note, no withdraw button, and asks for no consent', async () => {
  serve({ [GET]: ok(statutory) })
  const { container } = render(<MyScreeningPage />)
  expect(await screen.findByText('街道、居委会履行法定职责（施工前摸排）')).toBeTruthy()
  expect(consentButton()).toBeNull()
  expect(container.querySelector('#screening-consent')).toBeNull()
  expect(screen.getByText(STATUTORY_DUTY_NOTE)).toBeTruthy()
  expect(container.querySelector('.screening-withdrawal .big-button')).toBeNull()
  expect(screen.queryByText(/^撤回/)).toBeNull()
  expect(screen.getByText('还没有工作人员查看过这条记录。')).toBeTruthy()
})

it('with a statutory record, withdrawing a standing online consent says it keeps the record, and deletes nothing', async () => {
  const note = `${STATUTORY_DUTY_NOTE}您在小程序中给出的单独同意仍可撤回，撤回不影响这条记录。`
  const before = { ...statutory, withdrawal: 'CONSENT_ONLY' as const, canWithdraw: true, withdrawNote: note, onlineConsentGivenAt: '2026-11-30T01:00:00.000Z' }
  serve({ [GET]: ok(before), [DELETE]: ok({ ...statutory, withdrawNote: STATUTORY_DUTY_NOTE }) })
  render(<MyScreeningPage />)
  expect(await screen.findByText(note)).toBeTruthy()
  expect(withdrawButton()).toBeNull()
  fireEvent.click(screen.getByText('撤回我的同意'))
  expect(await screen.findByText('已撤回您在小程序中的同意。撤回的记录会保留。')).toBeTruthy()
  expect(Taro.showModal.mock.calls[0][0].content).not.toContain('删除')
  expect(screen.getByText('· 行动不便')).toBeTruthy()
  expect(screen.getByText(STATUTORY_DUTY_NOTE)).toBeTruthy()
  expect(screen.queryByText('撤回我的同意')).toBeNull()
})

it('names the withdrawal by what the server says it does, not by what the record looks like', async () => {
  // A consent-based record of needs whose DELETE, the server says, would end the consent only.
  serve({ [GET]: ok({ ...needsCare, withdrawal: 'CONSENT_ONLY' }), [DELETE]: ok(view()) })
  render(<MyScreeningPage />)
  fireEvent.click(await screen.findByText('撤回我的同意'))
  expect(await screen.findByText('已撤回您在小程序中的同意。撤回的记录会保留。')).toBeTruthy()
  expect(withdrawButton()).toBeNull()
  expect(Taro.showModal.mock.calls[0][0].content).not.toContain('删除')
})

it('offers no withdrawal where the server says there is none, whatever the record', async () => {
  serve({ [GET]: ok({ ...needsCare, withdrawal: null, canWithdraw: false, withdrawNote: '没有可撤回的同意。' }) })
  const { container } = render(<MyScreeningPage />)
  expect(await screen.findByText('没有可撤回的同意。')).toBeTruthy()
  expect(container.querySelector('.screening-withdrawal .big-button')).toBeNull()
  expect(screen.queryByText(/^撤回/)).toBeNull()
})

it('a household that is not mine shows the server’s 404 message and a way home, and no retry', async () => {
  serve({ [GET]: { statusCode: 404, data: { statusCode: 404, code: 'NOT_FOUND', message: '房屋不存在或无权查看' } } })
  render(<MyScreeningPage />)
  expect(await screen.findByText('房屋不存在或无权查看')).toBeTruthy()
  expect(screen.queryByText('重新加载')).toBeNull()
  expect(consentButton()).toBeNull()
  fireEvent.click(screen.getByText('回到首页'))
  expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' })
})

it('a network failure can be retried', async () => {
  serve({ [GET]: [new Error('request:fail'), ok(view())] })
  render(<MyScreeningPage />)
  fireEvent.click(await screen.findByText('重新加载'))
  expect(await screen.findByText('居委会还没有登记您家的特殊情况。')).toBeTruthy()
})

it('a link without a household id asks nothing of the server', () => {
  useRouter.mockReturnValue({ params: { householdId: 'undefined' } })
  serve({})
  render(<MyScreeningPage />)
  expect(screen.getByText('链接不完整：缺少房屋编号，请从首页重新打开。')).toBeTruthy()
  expect(Taro.request).not.toHaveBeenCalled()
})

it('in large type the page, its text and its buttons follow the type-mode classes', async () => {
  setLargeType(true)
  serve({ [GET]: ok(view()) })
  const { container } = render(<MyScreeningPage />)
  await screen.findByText('居委会还没有登记您家的特殊情况。')
  expect(container.querySelector('.screen')!.classList.contains('large-type')).toBe(true)
  expect(container.querySelectorAll('.screening-consent__paragraph.text-body')).toHaveLength(consentParagraphs(SERVER_TEXT).length)
  expect(consentButton()!.closest('.big-button')).toBeTruthy()
})

it('home links each bound household to its 我家的登记信息 page', async () => {
  const households = [
    { id: 'h-501', label: '3号楼2单元501', compoundId: 'c1', compoundName: '幸福里小区', unitId: 'u1', role: 'OWNER' },
    { id: 'h-302', label: '5号楼1单元302', compoundId: 'c1', compoundName: '幸福里小区', unitId: 'u2', role: 'TENANT' },
  ]
  serve({ 'GET /me': ok({ resident: { id: 'r1', openid: 'x', name: null }, households }), 'GET /me/consultations': ok([]), 'GET /me/inbox/unread-count': ok({ unread: 0 }) })
  const { container } = render(<HomePage />)
  await screen.findByText('5号楼1单元302')
  expect(screen.getAllByText('我家的登记信息')).toHaveLength(2)
  fireEvent.click(container.querySelector('#household-screening-h-302')!)
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/household/screening/index?householdId=h-302' })
})

describe('screening rules', () => {
  it('checks the link before any request', () => {
    expect(householdLinkProblem({ householdId: 'h-501' })).toBeNull()
    expect(householdLinkProblem({})).toMatch(/缺少房屋编号/)
    expect(householdLinkProblem({ householdId: '../me' })).toMatch(/房屋编号不正确/)
  })

  it('shows the server’s withdrawal note; without one a statutory-duty record still says why it stays', () => {
    expect(withdrawalNote({ legalBasis: LegalBasis.StatutoryDuty, withdrawNote: '' })).toBe(STATUTORY_DUTY_NOTE)
    expect(withdrawalNote({ legalBasis: LegalBasis.SeparateConsent, withdrawNote: ` ${CONSENT_WITHDRAW_NOTE} ` })).toBe(CONSENT_WITHDRAW_NOTE)
    expect(withdrawalNote({ legalBasis: null, withdrawNote: '' })).toBe('')
  })

  it('counts the reads, with or without a last time', () => {
    expect(readsLine(0, null)).toBe('还没有工作人员查看过这条记录。')
    expect(readsLine(1, null)).toBe('工作人员共查看过 1 次。')
  })

  it('splits the consent text into its paragraphs, dropping blank lines', () => {
    expect(consentParagraphs(SERVER_TEXT)).toHaveLength(4)
    expect(consentParagraphs(' 第一段 \n\n第二段')).toEqual(['第一段', '第二段'])
  })
})
