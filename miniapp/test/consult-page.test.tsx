import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { Answer, ConsultationStatus, PLUMBING_DISCLOSURES } from '@linyi/shared'
import Taro, { conflict, ok, registerCanvas, resetTaro, sent, serve, storage, useRouter } from './taro-mock'
import { PAST, consultation, group, mine, submitted } from './consultation-fixtures'
import { SIGNATURE_PNG, drawStroke, fakeCanvas } from './fake-canvas'
import ConsultationPage from '../src/consult/detail/index'
import { StorageKey } from '../src/api/storage'

const PUT_ANSWER = 'PUT /consultations/c-plumbing/responses/h-301'

beforeEach(() => {
  resetTaro()
  storage.set(StorageKey.residentToken, 'resident-token')
  useRouter.mockReturnValue({ params: { id: 'c-plumbing', household: 'h-301' } })
})

function servePlumbing(extra: Record<string, Parameters<typeof serve>[0][string]> = {}) {
  serve({
    'GET /consultations/c-plumbing': ok(consultation()),
    'GET /me/consultations': ok([mine()]),
    ...extra,
  })
}

/** Renders the plumbing form with a canvas the signature pad can draw on, once it is ready. */
async function renderPlumbingForm() {
  const canvas = fakeCanvas()
  registerCanvas('#signature-canvas', canvas.element, 300, 200)
  const view = render(<ConsultationPage />)
  await screen.findByText('同意并提交申请')
  // The pad paints a white page once it has found its canvas.
  await waitFor(() => expect(canvas.ctx.fillRect).toHaveBeenCalled())
  return { ...view, canvas }
}

const submitButton = (container: HTMLElement) => container.querySelector('.plumbing-submit') as HTMLElement
const isInactive = (element: HTMLElement) => element.className.includes('big-button--inactive')

it('shows each disclosure in full and keeps submit disabled until all are ticked and a signature is drawn', async () => {
  servePlumbing({ [PUT_ANSWER]: ok(submitted()) })
  const { container, canvas } = await renderPlumbingForm()

  for (const disclosure of PLUMBING_DISCLOSURES) expect(screen.getByText(disclosure.text, { exact: false })).toBeTruthy()
  expect(isInactive(submitButton(container))).toBe(true)

  // All but one ticked, signature drawn: still disabled.
  for (const disclosure of PLUMBING_DISCLOSURES.slice(0, -1)) fireEvent.click(container.querySelector(`#disclosure-${disclosure.id}`)!)
  act(() => drawStroke(canvas.element, [[60, 80], [90, 100], [140, 110]]))
  expect(canvas.ctx.lineTo).toHaveBeenCalledWith(80, 80)
  expect(isInactive(submitButton(container))).toBe(true)
  fireEvent.click(screen.getByText('同意并提交申请'))
  expect(sent(PUT_ANSWER)).toHaveLength(0)
  expect(screen.getByText(/勾选全部告知内容（已勾选 5\/6 项）/)).toBeTruthy()

  // The last one: enabled.
  fireEvent.click(container.querySelector(`#disclosure-${PLUMBING_DISCLOSURES[5].id}`)!)
  expect(isInactive(submitButton(container))).toBe(false)

  // 清除重写 takes the signature away again.
  fireEvent.click(screen.getByText('清除重写'))
  expect(isInactive(submitButton(container))).toBe(true)
  expect(screen.getByText(/在签名框内签名/)).toBeTruthy()
})

it('a tap is not a signature', async () => {
  servePlumbing()
  const { container, canvas } = await renderPlumbingForm()
  for (const disclosure of PLUMBING_DISCLOSURES) fireEvent.click(container.querySelector(`#disclosure-${disclosure.id}`)!)
  act(() => drawStroke(canvas.element, [[60, 80]]))
  expect(isInactive(submitButton(container))).toBe(true)
})

it('submits the signed application and shows the receipt with the progress from the server’s answer', async () => {
  servePlumbing({ [PUT_ANSWER]: ok(submitted()) })
  const { container, canvas } = await renderPlumbingForm()
  for (const disclosure of PLUMBING_DISCLOSURES) fireEvent.click(container.querySelector(`#disclosure-${disclosure.id}`)!)
  act(() => drawStroke(canvas.element, [[60, 80], [90, 100]]))
  const upgrade = container.querySelector('.upgrade-input') as HTMLElement
  fireEvent(upgrade, Object.assign(new Event('input', { bubbles: true }), { detail: { value: ' 卫生间墙面整体换瓷砖 ' } }))

  fireEvent.click(screen.getByText('同意并提交申请'))

  expect(await screen.findByText('申请已提交')).toBeTruthy()
  const [request] = sent(PUT_ANSWER)
  expect(request.header.Authorization).toBe('Bearer resident-token')
  expect(request.data).toEqual({
    answer: 'AGREE',
    acknowledgedDisclosureIds: PLUMBING_DISCLOSURES.map((d) => d.id),
    signaturePng: SIGNATURE_PNG,
    upgradeRequest: '卫生间墙面整体换瓷砖',
  })
  // The list said 9/12 before; the receipt shows the server's answer.
  expect(screen.getByText('本单元 10/12 户已申请')).toBeTruthy()
  expect(screen.getByText('存证编号：3f9a2c71')).toBeTruthy()
  expect(screen.getByText(/^提交时间：2026年12月3日/)).toBeTruthy()
  expect(screen.getByText('修改我的意见')).toBeTruthy()
})

it('shows the server’s message when the deadline has passed (409)', async () => {
  servePlumbing({
    [PUT_ANSWER]: conflict('CONSULTATION_CLOSED', '本次征询已于12月1日截止，不能再提交或修改'),
  })
  const { container, canvas } = await renderPlumbingForm()
  for (const disclosure of PLUMBING_DISCLOSURES) fireEvent.click(container.querySelector(`#disclosure-${disclosure.id}`)!)
  act(() => drawStroke(canvas.element, [[60, 80], [90, 100]]))
  fireEvent.click(screen.getByText('同意并提交申请'))
  expect(await screen.findByText('本次征询已于12月1日截止，不能再提交或修改')).toBeTruthy()
  expect(screen.queryByText('申请已提交')).toBeNull()
})

it('refusing needs no signature and is a deliberate second step', async () => {
  servePlumbing({ [PUT_ANSWER]: ok(submitted({ answer: Answer.Refuse, signatureSha256: null, group: group({ refused: 1 }) })) })
  await renderPlumbingForm()
  fireEvent.click(screen.getByText('不同意，不申请改造'))
  expect(sent(PUT_ANSWER)).toHaveLength(0)
  fireEvent.click(screen.getByText('确认不同意'))
  expect(await screen.findByText('已提交：不同意')).toBeTruthy()
  expect(sent(PUT_ANSWER)[0].data).toEqual({ answer: 'REFUSE', acknowledgedDisclosureIds: [] })
})

it('an application already made opens on its receipt, and can be changed before the deadline', async () => {
  serve({
    'GET /consultations/c-plumbing': ok(consultation()),
    'GET /me/consultations': ok([mine({ answer: Answer.Agree, answeredAt: '2026-12-01T01:00:00.000Z', group: group({ agreed: 11 }) })]),
  })
  registerCanvas('#signature-canvas', fakeCanvas().element)
  render(<ConsultationPage />)
  expect(await screen.findByText('申请已提交')).toBeTruthy()
  expect(screen.getByText('本单元 11/12 户已申请')).toBeTruthy()
  fireEvent.click(screen.getByText('修改我的意见'))
  expect(await screen.findByText('同意并提交申请')).toBeTruthy()
})

it('after the deadline there is no form and no change button', async () => {
  serve({
    'GET /consultations/c-plumbing': ok(consultation({ deadline: PAST, status: ConsultationStatus.Closed })),
    'GET /me/consultations': ok([]),
  })
  render(<ConsultationPage />)
  expect(await screen.findByText('本次征询已截止，不能再填写。')).toBeTruthy()
  expect(screen.queryByText('同意并提交申请')).toBeNull()
})

it('tenants on an owners-only consultation read but do not answer', async () => {
  serve({
    'GET /consultations/c-plumbing': ok(consultation()),
    'GET /me/consultations': ok([mine({ canAnswer: false })]),
  })
  render(<ConsultationPage />)
  expect(await screen.findByText(/本次征询只由业主填写/)).toBeTruthy()
  expect(screen.queryByText('同意并提交申请')).toBeNull()
})

describe('on weapp', () => {
  const env = process.env.TARO_ENV
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })
  afterEach(() => {
    process.env.TARO_ENV = env
  })

  it('exports the signature with canvasToTempFilePath and reads it as base64', async () => {
    servePlumbing({ [PUT_ANSWER]: ok(submitted()) })
    const canvas = fakeCanvas()
    registerCanvas('#signature-canvas', canvas.element, 300, 200)
    const { container } = render(<ConsultationPage />)
    await screen.findByText('同意并提交申请')
    await waitFor(() => expect(canvas.ctx.fillRect).toHaveBeenCalled())
    for (const disclosure of PLUMBING_DISCLOSURES) fireEvent.click(container.querySelector(`#disclosure-${disclosure.id}`)!)
    const pad = container.querySelector('#signature-canvas') as HTMLElement
    const touch = (type: string, x: number, y: number) =>
      fireEvent(pad, Object.assign(new Event(type, { bubbles: true }), { touches: [{ identifier: 0, x, y }], changedTouches: [{ identifier: 0, x, y }] }))
    touch('touchstart', 20, 30)
    touch('touchmove', 60, 50)
    touch('touchend', 60, 50)
    fireEvent.click(screen.getByText('同意并提交申请'))
    expect(await screen.findByText('申请已提交')).toBeTruthy()
    expect(Taro.canvasToTempFilePath).toHaveBeenCalledWith(expect.objectContaining({ canvas: canvas.element, fileType: 'png', destWidth: 600, destHeight: 400 }))
    expect((sent(PUT_ANSWER)[0].data as { signaturePng: string }).signaturePng).toBe('data:image/png;base64,UE5HREFUQQ==')
  })
})

describe('a link without a usable consultation id', () => {
  it.each([
    [{}, '链接不完整：缺少征询编号，请从首页重新打开。'],
    [{ id: '', household: 'h-301' }, '链接不完整：缺少征询编号，请从首页重新打开。'],
    [{ id: 'undefined' }, '链接不完整：缺少征询编号，请从首页重新打开。'],
    [{ id: 'c-plumbing%2F..%2Fstaff' }, '链接有误：征询编号不正确，请从首页重新打开。'],
    [{ id: 'c-plumbing', household: 'h 301' }, '链接有误：房屋编号不正确，请从首页重新打开。'],
  ])('%j says what is wrong, asks the server nothing, and offers the home page', async (params, message) => {
    useRouter.mockReturnValue({ params })
    servePlumbing()
    render(<ConsultationPage />)
    expect(screen.getByText(message)).toBeTruthy()
    expect(screen.queryByText('此功能仅限工作人员使用')).toBeNull()
    fireEvent.click(screen.getByText('回到首页'))
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' })
    await act(async () => undefined)
    expect(Taro.request).not.toHaveBeenCalled()
  })
})

describe('the receipt shows what was signed', () => {
  const HISTORY = 'GET /consultations/c-plumbing/responses/h-301'
  const SIGNATURE_SHA = 'b'.repeat(64)
  const EVIDENCE_SHA = '7c1d9e20' + '0'.repeat(56)
  const acknowledged = PLUMBING_DISCLOSURES.slice(0, 4).map((d) => d.id)
  const version = (overrides: Record<string, unknown> = {}) => ({
    version: 2,
    answer: Answer.Agree,
    optionId: null,
    channel: 'MINIAPP',
    residentId: 'r-1',
    staffId: null,
    acknowledgedDisclosureIds: acknowledged,
    signatureSha256: SIGNATURE_SHA,
    paperScanSha256: null,
    evidenceSha256: EVIDENCE_SHA,
    answeredAt: '2026-12-01T01:00:00.000Z',
    ...overrides,
  })

  beforeEach(() => {
    Taro.downloadFile.mockImplementation(async () => ({ statusCode: 200, tempFilePath: 'blob:http://localhost/signature-1', errMsg: 'downloadFile:ok' }))
  })

  it('an earlier application opens on a receipt with the signed image, the acknowledged disclosures and the evidence number', async () => {
    serve({
      'GET /consultations/c-plumbing': ok(consultation()),
      'GET /me/consultations': ok([mine({ answer: Answer.Agree, answeredAt: '2026-12-01T01:00:00.000Z' })]),
      [HISTORY]: ok({ current: { ...version(), finalRefusalAt: null }, history: [version({ version: 1 }), version()] }),
    })
    const { container } = render(<ConsultationPage />)
    expect(await screen.findByText('申请已提交')).toBeTruthy()

    await waitFor(() => expect(container.querySelector('.receipt-signature taro-image-core, .receipt-signature img')).toBeTruthy())
    const image = container.querySelector('.receipt-signature taro-image-core, .receipt-signature img')!
    expect(image.getAttribute('src')).toBe('blob:http://localhost/signature-1')
    await waitFor(() => expect(container.querySelector('.receipt-signature img')?.getAttribute('alt')).toBe('您的签名'))
    const [download] = Taro.downloadFile.mock.calls[0] as [{ url: string; header: Record<string, string> }]
    expect(download.url).toMatch(new RegExp(`/api/consultations/c-plumbing/responses/h-301/evidence/${SIGNATURE_SHA}$`))
    expect(download.header.Authorization).toBe('Bearer resident-token')
    expect(sent(HISTORY)[0].header.Authorization).toBe('Bearer resident-token')

    const shown = Array.from(container.querySelectorAll('.receipt-disclosure')).map((el) => el.textContent)
    expect(shown).toHaveLength(4)
    PLUMBING_DISCLOSURES.slice(0, 4).forEach((d, i) => expect(shown[i]).toContain(d.text))
    expect(screen.getByText('您已阅读并确认的告知事项（4/6）')).toBeTruthy()
    // The list entry had no hash: the number comes from the answer history.
    expect(screen.getByText('存证编号：7c1d9e20')).toBeTruthy()
  })

  it('a fresh submission shows the image of the signature just stored', async () => {
    servePlumbing({
      [PUT_ANSWER]: ok(submitted({ signatureSha256: SIGNATURE_SHA })),
      [HISTORY]: ok({ current: { ...version({ acknowledgedDisclosureIds: PLUMBING_DISCLOSURES.map((d) => d.id) }), finalRefusalAt: null }, history: [] }),
    })
    const { container, canvas } = await renderPlumbingForm()
    for (const disclosure of PLUMBING_DISCLOSURES) fireEvent.click(container.querySelector(`#disclosure-${disclosure.id}`)!)
    act(() => drawStroke(canvas.element, [[60, 80], [90, 100]]))
    fireEvent.click(screen.getByText('同意并提交申请'))
    expect(await screen.findByText('申请已提交')).toBeTruthy()
    await waitFor(() => expect(container.querySelectorAll('.receipt-disclosure')).toHaveLength(6))
    await waitFor(() => expect(container.querySelector('.receipt-signature taro-image-core, .receipt-signature img')).toBeTruthy())
  })

  it('says so when the signature cannot be loaded, and keeps the rest of the receipt', async () => {
    Taro.downloadFile.mockImplementation(async () => ({ statusCode: 404, tempFilePath: '', errMsg: 'downloadFile:ok' }))
    serve({
      'GET /consultations/c-plumbing': ok(consultation()),
      'GET /me/consultations': ok([mine({ answer: Answer.Agree, answeredAt: '2026-12-01T01:00:00.000Z' })]),
      [HISTORY]: ok({ current: { ...version(), finalRefusalAt: null }, history: [] }),
    })
    const { container } = render(<ConsultationPage />)
    expect(await screen.findByText(/^您的签名暂时无法显示/)).toBeTruthy()
    expect(container.querySelectorAll('.receipt-disclosure')).toHaveLength(4)
  })
})

it('refusing after an application asks before replacing it', async () => {
  serve({
    'GET /consultations/c-plumbing': ok(consultation()),
    'GET /me/consultations': ok([mine({ answer: Answer.Agree, answeredAt: '2026-12-01T01:00:00.000Z' })]),
    'GET /consultations/c-plumbing/responses/h-301': ok({ current: null, history: [] }),
    [PUT_ANSWER]: ok(submitted({ answer: Answer.Refuse, signatureSha256: null })),
  })
  registerCanvas('#signature-canvas', fakeCanvas().element)
  render(<ConsultationPage />)
  fireEvent.click(await screen.findByText('修改我的意见'))
  fireEvent.click(await screen.findByText('不同意，不申请改造'))
  fireEvent.click(screen.getByText('确认不同意'))
  expect(await screen.findByText('已提交：不同意')).toBeTruthy()
  expect(Taro.showModal.mock.calls[0][0].content).toBe('您已提交的意见是「同意并申请改造」。确定改为「不同意」吗？改后以新的意见为准。')
})
