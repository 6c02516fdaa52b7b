import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { ACCEPTANCE_REFUSAL_TEXT, AcceptanceDecision, AcceptanceStatus } from '@linyi/shared'
import Taro, { conflict, ok, registerCanvas, resetTaro, sent, serve, serveDownloadsAsBlobs, storage, useRouter } from './taro-mock'
import { agreeToPrivacyGuide } from './privacy-agreed'
import { typeInto } from './dom-events'
import { SIGNATURE_PNG, drawStroke, fakeCanvas } from './fake-canvas'
import { accepted, acceptanceView, failing, passing, record } from './my-acceptance-fixtures'
import { myWorkPlan } from './resident-fixtures'
import AcceptancePage from '../src/acceptance/detail/index'
import { StorageKey } from '../src/api/storage'
import { ACCEPTED_WORDS, REJECTED_WORDS, SIGNED_OFF_WORDS, acceptanceState, defectsProblem, linkProblem } from '../src/acceptance/components/acceptance.rules'
import { setLargeType } from '../src/store/large-type'

// jsdom cannot decode a photo: the chosen picture comes back as this JPEG.
jest.mock('../src/lib/colour-photo', () => ({ photoToJpegDataUrl: jest.fn(async () => 'data:image/jpeg;base64,REVGRUNU') }))

const GET = 'GET /households/h-301/acceptance?workPlanId=p-1'
const PUT = 'PUT /households/h-301/acceptance'
const SIGN_OFF = 'POST /households/h-301/acceptance/sign-offs'


/** A canvas the signature pad can draw on; resolves once the pad has found it. */
function padCanvas() {
  const canvas = fakeCanvas()
  registerCanvas('#signature-canvas', canvas.element, 300, 200)
  return canvas
}

async function sign(canvas: ReturnType<typeof fakeCanvas>) {
  await waitFor(() => expect(canvas.ctx.fillRect).toHaveBeenCalled())
  act(() => drawStroke(canvas.element, [[60, 80], [90, 100], [140, 110]]))
}

const isInactive = (element: Element) => element.closest('.big-button')!.className.includes('big-button--inactive')


beforeEach(() => {
  resetTaro()
  agreeToPrivacyGuide()
  setLargeType(false)
  storage.set(StorageKey.residentToken, 'resident-token')
  useRouter.mockReturnValue({ params: { householdId: 'h-301', workPlanId: 'p-1' } })
  serveDownloadsAsBlobs()
})

it('shows the latest inspection in plain words with its measured value and photo; earlier ones folded away', async () => {
  serve({ [GET]: ok(acceptanceView()) })
  const { container } = render(<AcceptancePage />)
  expect(await screen.findByText('检测合格，请您验收')).toBeTruthy()
  expect(screen.getByText('1号楼2单元上下水立管更换')).toBeTruthy()
  expect(screen.getByText('房屋：1号楼2单元301')).toBeTruthy()

  const latest = container.querySelector('#inspection-i-2') as HTMLElement
  expect([...latest.querySelectorAll('.inspection-result__line')].map((line) => line.textContent)).toEqual(['✓ 通球试验：合格', '✓ 管根不渗不漏：合格'])
  expect(within(latest).getByText('测量结果：Φ75 球，一次通过')).toBeTruthy()
  expect(within(latest).getByText('检测合格')).toBeTruthy()
  expect(within(latest).getByText('2026年12月3日 14:30（北京时间） · 检测人：王师傅')).toBeTruthy()
  expect(within(latest).getByText('备注：立管已固定')).toBeTruthy()

  // The photo comes with the resident's token, and a tap enlarges it.
  const photo = await waitFor(() => latest.querySelector('.evidence-photo__image') ?? Promise.reject(new Error('photo not loaded')))
  expect(photo.getAttribute('src')).toBe('blob:sha-ball')
  expect(Taro.downloadFile).toHaveBeenCalledWith({ url: '/api/households/h-301/acceptance/photos/sha-ball', header: { Authorization: 'Bearer resident-token' } })
  fireEvent.click(latest.querySelector('.evidence-photo')!)
  expect(Taro.previewImage).toHaveBeenCalledWith({ current: 'blob:sha-ball', urls: ['blob:sha-ball'] })

  // The failed first inspection is there, but only when asked for.
  expect(screen.queryByText('测量结果：球卡在二层')).toBeNull()
  fireEvent.click(screen.getByText('查看以前的检测和验收记录（1 条）'))
  const earlier = container.querySelector('#inspection-i-1') as HTMLElement
  expect(within(earlier).getByText('✗ 通球试验：不合格')).toBeTruthy()
  expect(within(earlier).getByText('缺少必须做的检测：管根不渗不漏')).toBeTruthy()
  expect(within(earlier).getByText('检测没有通过')).toBeTruthy()
})

it('accepts with a handwritten signature: the contract body, then 已验收 and the way to the warranty', async () => {
  serve({ [GET]: [ok(acceptanceView()), ok(accepted())], [PUT]: ok({ householdId: 'h-301', status: AcceptanceStatus.Accepted, evidenceSha256: 'ev' }) })
  const canvas = padCanvas()
  render(<AcceptancePage />)
  fireEvent.click(await screen.findByText('确认验收合格'))
  expect(screen.getByText(/签名表示您看过上面的检测结果/)).toBeTruthy()

  // Nothing is sent before there is a signature.
  const submit = screen.getByText('签名并确认验收')
  expect(isInactive(submit)).toBe(true)
  fireEvent.click(submit)
  expect(sent(PUT)).toHaveLength(0)

  await sign(canvas)
  expect(isInactive(screen.getByText('签名并确认验收'))).toBe(false)
  fireEvent.click(screen.getByText('签名并确认验收'))

  expect(await screen.findByText(ACCEPTED_WORDS)).toBeTruthy()
  expect(sent(PUT).map((r) => r.data)).toEqual([{ workPlanId: 'p-1', decision: AcceptanceDecision.Accept, signaturePng: SIGNATURE_PNG }])
  expect(sent(PUT)[0].header.Authorization).toBe('Bearer resident-token')
  await waitFor(() => expect(screen.getByText('已验收')).toBeTruthy())
  expect(screen.getByText(/您家已于 2026年12月3日 16:00（北京时间） 验收合格/)).toBeTruthy()
  expect(screen.queryByText('确认验收合格')).toBeNull()
  expect(screen.getByText('验收合格', { selector: '.acceptance-record__decision' })).toBeTruthy()
  expect(screen.getByText('居民本人（线上签名）', { exact: false })).toBeTruthy()

  fireEvent.click(screen.getByText('查看保修告知书'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/acceptance/warranty/index?householdId=h-301' })
})

it('rejects with a defect and its photo, signed: the household goes to 整改中', async () => {
  const rework = acceptanceView({
    status: AcceptanceStatus.Rework,
    canAccept: false,
    records: [record({ decision: AcceptanceDecision.Reject, defects: [{ description: '卫生间管子接头滴水', photoSha256: 'sha-defect' }] })],
  })
  serve({ [GET]: [ok(acceptanceView()), ok(rework)], [PUT]: ok({ householdId: 'h-301', status: AcceptanceStatus.Rework, evidenceSha256: 'ev' }) })
  const canvas = padCanvas()
  const { container } = render(<AcceptancePage />)
  fireEvent.click(await screen.findByText('有问题，不验收'))

  // An empty list cannot go on.
  fireEvent.click(screen.getByText('下一步：签名'))
  expect(screen.getByText('请至少写一条问题，说清楚哪里不行')).toBeTruthy()

  typeInto(container.querySelector('.defect-description')!, '卫生间管子接头滴水')
  fireEvent.click(screen.getByText('拍照或选择照片'))
  await waitFor(() => expect(container.querySelector('.photo-field__preview')?.getAttribute('src')).toBe('data:image/jpeg;base64,REVGRUNU'))
  // A second, empty line is left out.
  fireEvent.click(screen.getByText('再写一条问题'))
  fireEvent.click(screen.getByText('下一步：签名'))
  expect(screen.getByText('1. 卫生间管子接头滴水（附照片）')).toBeTruthy()

  await sign(canvas)
  fireEvent.click(screen.getByText('签名并提交问题'))
  expect(await screen.findByText(REJECTED_WORDS)).toBeTruthy()
  expect(sent(PUT).map((r) => r.data)).toEqual([
    { workPlanId: 'p-1', decision: AcceptanceDecision.Reject, defects: [{ description: '卫生间管子接头滴水', photoPng: 'data:image/jpeg;base64,REVGRUNU' }], signaturePng: SIGNATURE_PNG },
  ])
  await waitFor(() => expect(screen.getByText('整改中')).toBeTruthy())
  expect(screen.getByText('提出问题，没有验收')).toBeTruthy()
  expect(screen.getByText('1. 卫生间管子接头滴水')).toBeTruthy()
  expect(screen.queryByText('确认验收合格')).toBeNull()
})

it('a refusal (409) is shown in the server’s words and the page is read again', async () => {
  // Meanwhile the crew recorded a failing inspection: the server refuses, the new state shows.
  const refreshed = acceptanceView({ passed: false, canAccept: false, inspections: [{ ...failing, id: 'i-3' }, passing, failing] })
  serve({ [GET]: [ok(acceptanceView()), ok(refreshed)], [PUT]: conflict('NOT_INSPECTED', ACCEPTANCE_REFUSAL_TEXT.NOT_INSPECTED) })
  const canvas = padCanvas()
  const { container } = render(<AcceptancePage />)
  fireEvent.click(await screen.findByText('确认验收合格'))
  await sign(canvas)
  fireEvent.click(screen.getByText('签名并确认验收'))

  const refusal = await screen.findByText(ACCEPTANCE_REFUSAL_TEXT.NOT_INSPECTED)
  expect(refusal.closest('[role="alert"]')).toBeTruthy()
  await waitFor(() => expect(sent(GET)).toHaveLength(2))
  await waitFor(() => expect(screen.getByText('检测没有通过', { selector: '.acceptance-state__headline' })).toBeTruthy())
  expect(screen.queryByText('确认验收合格')).toBeNull()
  expect(screen.queryByText(ACCEPTED_WORDS)).toBeNull()
  expect(container.querySelector('.acceptance-error')).toBeTruthy()
})

it('before acceptance is possible it says why and offers nothing to sign', async () => {
  serve({ [GET]: ok(acceptanceView({ inspected: false, passed: false, canAccept: false, inspections: [] })) })
  render(<AcceptancePage />)
  expect(await screen.findByText('还没有检测')).toBeTruthy()
  expect(screen.getByText(/检测合格后会通知您来验收/)).toBeTruthy()
  expect(screen.queryByText('确认验收合格')).toBeNull()
  expect(screen.queryByText('有问题，不验收')).toBeNull()
})

it('a failed read says so and can be retried', async () => {
  serve({ [GET]: [new Error('request:fail'), ok(acceptanceView())] })
  const { container } = render(<AcceptancePage />)
  const retry = await screen.findByText('重新加载')
  expect(retry.closest('.acceptance-load-error .acceptance-reload')).toBeTruthy()
  fireEvent.click(retry)
  expect(await screen.findByText('检测合格，请您验收')).toBeTruthy()
  expect(container.querySelector('.acceptance-load-error')).toBeNull()
})

it('a household that is not mine (404) says so without a retry button', async () => {
  serve({ [GET]: { statusCode: 404, data: { statusCode: 404, code: 'NOT_FOUND', message: '房屋不存在' } } })
  render(<AcceptancePage />)
  expect(await screen.findByText('房屋不存在')).toBeTruthy()
  expect(screen.queryByText('重新加载')).toBeNull()
})

describe('an owner supervisor', () => {
  beforeEach(() => useRouter.mockReturnValue({ params: { householdId: 'h-301', workPlanId: 'p-1', supervisor: '1' } }))

  it('reads the results and signs off an accepted household; cannot accept or reject', async () => {
    const signedOff = accepted({ records: [record({ signOffs: [{ supervisorName: '李监督', at: '2026-12-04T01:00:00.000Z', evidenceSha256: 'ev-so' }] })] })
    serve({ [GET]: [ok(accepted()), ok(signedOff)], [SIGN_OFF]: { statusCode: 201, data: { supervisorName: '李监督', at: '2026-12-04T01:00:00.000Z', evidenceSha256: 'ev-so' } } })
    const canvas = padCanvas()
    render(<AcceptancePage />)
    expect(await screen.findByText(/您以业主监督员的身份查看/)).toBeTruthy()
    expect(screen.queryByText('查看保修告知书')).toBeNull()
    fireEvent.click(screen.getByText('业主监督员签字确认'))
    await sign(canvas)
    fireEvent.click(screen.getByText('签名确认'))
    expect(await screen.findByText(SIGNED_OFF_WORDS)).toBeTruthy()
    expect(sent(SIGN_OFF).map((r) => r.data)).toEqual([{ workPlanId: 'p-1', signaturePng: SIGNATURE_PNG }])
    expect(await screen.findByText('业主监督员 李监督 已签字确认（2026年12月4日 09:00（北京时间））')).toBeTruthy()
    expect(screen.getByText('您已签字')).toBeTruthy()
    expect(screen.queryByText('业主监督员签字确认')).toBeNull()
  })

  it('a second sign-off is refused in the server’s words', async () => {
    serve({ [GET]: ok(accepted()), [SIGN_OFF]: conflict('ALREADY_SIGNED', '您已经为这户的验收签过字') })
    const canvas = padCanvas()
    render(<AcceptancePage />)
    fireEvent.click(await screen.findByText('业主监督员签字确认'))
    await sign(canvas)
    fireEvent.click(screen.getByText('签名确认'))
    expect(await screen.findByText('您已经为这户的验收签过字')).toBeTruthy()
  })

  it('a household not yet accepted: read only, nothing to sign', async () => {
    serve({ [GET]: ok(acceptanceView()) })
    render(<AcceptancePage />)
    expect(await screen.findByText('这户还没有验收，验收后才能签字。')).toBeTruthy()
    expect(screen.queryByText('确认验收合格')).toBeNull()
    expect(screen.queryByText('业主监督员签字确认')).toBeNull()
  })
})

describe('opened from a 请验收 message (no household in the link)', () => {
  beforeEach(() => useRouter.mockReturnValue({ params: {} }))

  it('lists my households in acceptance, the one waiting for me first', async () => {
    serve({
      'GET /me/work-windows': ok([
        myWorkPlan({ householdId: 'h-501', householdLabel: '3号楼1单元501', acceptance: { status: AcceptanceStatus.Accepted, inspected: true, canAccept: false } }),
        myWorkPlan({ householdId: 'h-601', householdLabel: '3号楼1单元601' }),
        myWorkPlan({ acceptance: { status: AcceptanceStatus.Pending, inspected: true, canAccept: true } }),
      ]),
    })
    const { container } = render(<AcceptancePage />)
    await waitFor(() => expect(container.querySelectorAll('.acceptance-choice')).toHaveLength(2))
    expect([...container.querySelectorAll('.acceptance-choice__state')].map((s) => s.textContent)).toEqual(['施工已检测合格，请您验收', '已验收'])
    fireEvent.click(screen.getByText('去验收'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/acceptance/detail/index?householdId=h-301&workPlanId=p-1' })
  })

  it('with one household in acceptance, shows it at once', async () => {
    serve({ 'GET /me/work-windows': ok([myWorkPlan({ acceptance: { status: AcceptanceStatus.Pending, inspected: true, canAccept: true } })]), [GET]: ok(acceptanceView()) })
    render(<AcceptancePage />)
    expect(await screen.findByText('检测合格，请您验收')).toBeTruthy()
    expect(sent(GET)).toHaveLength(1)
  })

  it('with none, says so kindly', async () => {
    serve({ 'GET /me/work-windows': ok([myWorkPlan({})]) })
    render(<AcceptancePage />)
    expect(await screen.findByText(/您家目前没有需要验收的入户施工/)).toBeTruthy()
  })
})

it('a broken link says what is wrong and asks the server nothing', async () => {
  useRouter.mockReturnValue({ params: { householdId: 'h 301', workPlanId: 'p-1' } })
  serve({})
  render(<AcceptancePage />)
  expect(screen.getByText('链接有误：编号不正确，请从首页重新打开。')).toBeTruthy()
  await act(async () => undefined)
  expect(Taro.request).not.toHaveBeenCalled()
})

it('in large type every control is a big button and every field the global one', async () => {
  setLargeType(true)
  serve({ [GET]: ok(acceptanceView()) })
  const { container } = render(<AcceptancePage />)
  fireEvent.click(await screen.findByText('有问题，不验收'))
  expect(container.querySelector('.screen')!.classList.contains('large-type')).toBe(true)
  const controls = [...container.querySelectorAll('button, [role="button"], a')]
  expect(controls.length).toBeGreaterThan(4)
  // The tappable photo is a target of its own, at least the tap size (acceptance.css).
  expect(controls.filter((c) => !c.closest('.big-button, .back-bar__button, .evidence-photo'))).toEqual([])
  const fields = [...container.querySelectorAll('taro-textarea-core, taro-input-core, textarea, input')]
  expect(fields.length).toBeGreaterThan(0)
  expect(fields.filter((f) => !f.closest('.text-area, .text-input'))).toEqual([])
})

describe('acceptance rules', () => {
  it('says where the acceptance stands', () => {
    const base = { status: AcceptanceStatus.Pending, inspected: true, passed: true, canAccept: true, acceptedAt: null }
    expect(acceptanceState(base).headline).toBe('检测合格，请您验收')
    expect(acceptanceState({ ...base, canAccept: false, passed: false }).headline).toBe('检测没有通过')
    expect(acceptanceState({ ...base, canAccept: false, status: AcceptanceStatus.Rework }).headline).toBe('整改中')
    expect(acceptanceState({ ...base, canAccept: false, inspected: false, passed: false }).headline).toBe('还没有检测')
    expect(acceptanceState({ ...base, canAccept: false, status: AcceptanceStatus.Accepted, acceptedAt: '2026-12-02T16:30:00.000Z' }).next).toContain('2026年12月3日 00:30（北京时间）')
  })

  it('needs one written defect and keeps each within the limit', () => {
    expect(defectsProblem(['', '  '])).toBe('请至少写一条问题，说清楚哪里不行')
    expect(defectsProblem(['漏水', ''])).toBeNull()
    expect(defectsProblem(['漏'.repeat(201)])).toBe('每条问题最多 200 个字')
  })

  it('checks the ids in a link', () => {
    expect(linkProblem({ householdId: 'h-301' }, ['householdId'], ['householdId'])).toBeNull()
    expect(linkProblem({}, ['householdId'], ['householdId'])).toBe('链接不完整：缺少房屋编号，请从首页重新打开。')
    expect(linkProblem({ householdId: 'undefined' }, ['householdId'])).toBeNull()
    expect(linkProblem({ householdId: '..%2Fstaff' }, ['householdId'])).toBe('链接有误：编号不正确，请从首页重新打开。')
  })
})
