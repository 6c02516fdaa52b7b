import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { AcceptanceDecision, RepairStatus, WarrantyPart } from '@linyi/shared'
import Taro, { conflict, ok, registerCanvas, resetTaro, sent, serve, serveDownloadsAsBlobs, storage, useRouter } from './taro-mock'
import { agreeToPrivacyGuide } from './privacy-agreed'
import { catchBrowserDownloads, typeInto } from './dom-events'
import { SIGNATURE_PNG, drawStroke, fakeCanvas } from './fake-canvas'
import { repair, repaired, restartedWarranty, warrantyView } from './my-acceptance-fixtures'
import WarrantyPage from '../src/acceptance/warranty/index'
import { StorageKey } from '../src/api/storage'
import { setLargeType } from '../src/store/large-type'
import { REPAIR_REOPENED_WORDS, repairAcceptedWords, reportedWords, repairChoices } from '../src/acceptance/components/acceptance.rules'

jest.mock('../src/lib/colour-photo', () => ({ photoToJpegDataUrl: jest.fn(async () => 'data:image/jpeg;base64,TEVBSw==') }))

const WARRANTY = 'GET /households/h-301/warranty'
const REPAIRS = 'GET /households/h-301/repairs'
const REPORT = 'POST /households/h-301/repairs'
const ACCEPT_REPAIR = 'PUT /households/h-301/repairs/r-1/acceptance'

const item = (container: HTMLElement, part: WarrantyPart) => container.querySelector(`#warranty-item-p-1-${part}`) as HTMLElement
const text = (element: HTMLElement, selector: string) => element.querySelector(selector)?.textContent


beforeEach(() => {
  resetTaro()
  agreeToPrivacyGuide()
  setLargeType(false)
  storage.set(StorageKey.residentToken, 'resident-token')
  useRouter.mockReturnValue({ params: { householdId: 'h-301' } })
  serveDownloadsAsBlobs()
})

it('shows each part with its scope, period and dates as Beijing days, and when the notice was issued in Beijing time', async () => {
  serve({ [WARRANTY]: ok(warrantyView()), [REPAIRS]: ok([]) })
  const { container } = render(<WarrantyPage />)
  await waitFor(() => expect(item(container, WarrantyPart.Pipes)).toBeTruthy())
  const pipes = item(container, WarrantyPart.Pipes)
  expect(text(pipes, '.warranty-item__part')).toBe('给排水管道')
  expect(text(pipes, '.warranty-item__years')).toBe('保修期 2 年')
  expect(text(pipes, '.warranty-item__period')).toBe('2026年12月3日 至 2028年12月2日')
  expect(text(pipes, '.warranty-item__scope')).toMatch(/^保修范围：本户内更换的给水、排水立管/)
  expect(text(item(container, WarrantyPart.Waterproofing), '.warranty-item__years')).toBe('保修期 5 年')
  expect(text(item(container, WarrantyPart.Waterproofing), '.warranty-item__period')).toBe('2026年12月3日 至 2031年12月2日')
  expect(pipes.querySelector('.warranty-item__restarted')).toBeNull()
  // Issued 16:30 UTC on 2 December: 3 December, 00:30 in Beijing.
  expect(screen.getByText('第 1 版 · 2026年12月3日 00:30（北京时间） 签发')).toBeTruthy()
  expect(screen.getByText('还没有报修记录。')).toBeTruthy()
  expect(sent(WARRANTY)[0].header.Authorization).toBe('Bearer resident-token')
})

it('before acceptance it says there is no notice yet, in the server’s words, and offers no repair', async () => {
  serve({ [WARRANTY]: conflict('NOT_ACCEPTED', '这户还没有验收，暂无保修告知书'), [REPAIRS]: ok([]) })
  render(<WarrantyPage />)
  expect(await screen.findByText('这户还没有验收，暂无保修告知书')).toBeTruthy()
  expect(screen.queryByText('我要报修')).toBeNull()
  expect(screen.queryByText('重新加载')).toBeNull()
  expect(screen.queryByText('下载保修告知书（PDF）')).toBeNull()
})

describe('下载保修告知书（PDF）', () => {
  let clicked: HTMLAnchorElement[]
  const pdf = jest.fn(async (_url: string, _init?: RequestInit) => ({ status: 200, ok: true, blob: async () => new Blob(['%PDF-1.7'], { type: 'application/pdf' }), json: async () => null }))

  beforeEach(() => {
    clicked = catchBrowserDownloads('blob:pdf-1')
    globalThis.fetch = pdf as unknown as typeof fetch
  })
  afterEach(() => jest.restoreAllMocks())

  it('H5: fetches the shown version with the resident’s token and opens it for printing', async () => {
    const open = jest.spyOn(window, 'open').mockImplementation(() => ({}) as Window)
    serve({ [WARRANTY]: ok(warrantyView()), [REPAIRS]: ok([]) })
    render(<WarrantyPage />)
    fireEvent.click(await screen.findByText('下载保修告知书（PDF）'))
    expect(await screen.findByText('告知书已打开，可以查看或打印。')).toBeTruthy()
    expect(pdf.mock.calls[0]).toEqual(['/api/households/h-301/warranty.pdf?version=1', { headers: { Authorization: 'Bearer resident-token' } }])
    expect(open).toHaveBeenCalledWith('blob:pdf-1', '_blank')
    expect(clicked).toHaveLength(0)
  })

  it('H5: with pop-ups blocked it is saved as a download instead', async () => {
    jest.spyOn(window, 'open').mockImplementation(() => null)
    serve({ [WARRANTY]: ok(warrantyView()), [REPAIRS]: ok([]) })
    render(<WarrantyPage />)
    fireEvent.click(await screen.findByText('下载保修告知书（PDF）'))
    expect(await screen.findByText('告知书已下载到手机，打开下载的文件即可查看或打印。')).toBeTruthy()
    expect(clicked.map((a) => [a.getAttribute('href'), a.download])).toEqual([['blob:pdf-1', '保修事项告知书-第1版.pdf']])
  })

  it('weapp: downloads it with the token and opens it in WeChat’s viewer', async () => {
    Taro.downloadFile.mockImplementation(async () => ({ statusCode: 200, tempFilePath: 'wxfile://tmp/warranty.pdf' }))
    Taro.openDocument.mockImplementation(async () => ({ errMsg: 'openDocument:ok' }))
    serve({ [WARRANTY]: ok(warrantyView()), [REPAIRS]: ok([]) })
    render(<WarrantyPage />)
    const button = await screen.findByText('下载保修告知书（PDF）')
    process.env.TARO_ENV = 'weapp'
    try {
      fireEvent.click(button)
      expect(await screen.findByText('告知书已打开，可以查看或打印。')).toBeTruthy()
    } finally {
      process.env.TARO_ENV = 'h5'
    }
    expect(Taro.downloadFile).toHaveBeenCalledWith({ url: expect.stringMatching(/\/api\/households\/h-301\/warranty\.pdf\?version=1$/), header: { Authorization: 'Bearer resident-token' } })
    expect(Taro.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/warranty.pdf', fileType: 'pdf', showMenu: true })
  })
})

it('an earlier version can be read, and the way back to the current one', async () => {
  serve({ [WARRANTY]: ok(restartedWarranty()), 'GET /households/h-301/warranty?version=1': ok(warrantyView({ history: restartedWarranty().history })), [REPAIRS]: ok([]) })
  const { container } = render(<WarrantyPage />)
  expect(await screen.findByText('第 2 版 · 2027年6月10日 10:00（北京时间） 签发')).toBeTruthy()
  expect(text(item(container, WarrantyPart.Pipes), '.warranty-item__restarted')).toBe('维修验收后重新计算')
  expect(screen.getByText('第 1 版 · 2026年12月3日 00:30（北京时间） · 验收后签发')).toBeTruthy()
  fireEvent.click(screen.getByText('查看第 1 版'))
  expect(await screen.findByText('这是以前的版本，已被新版本代替')).toBeTruthy()
  expect(text(item(container, WarrantyPart.Pipes), '.warranty-item__period')).toBe('2026年12月3日 至 2028年12月2日')
  expect(sent('GET /households/h-301/warranty?version=1')).toHaveLength(1)
  fireEvent.click(screen.getByText('回到最新版本'))
  await waitFor(() => expect(text(item(container, WarrantyPart.Pipes), '.warranty-item__period')).toBe('2027年6月10日 至 2029年6月9日'))
  expect(screen.queryByText('这是以前的版本，已被新版本代替')).toBeNull()
})

it('reports a repair: the part from the notice, what is wrong and a photo; an out-of-warranty report says it may cost', async () => {
  const created = repair({ id: 'r-2', underWarranty: false, photoSha256: 'sha-leak' })
  serve({ [WARRANTY]: ok(warrantyView()), [REPAIRS]: [ok([]), ok([created])], [REPORT]: { statusCode: 201, data: { id: 'r-2', status: RepairStatus.Open, underWarranty: false } } })
  const { container } = render(<WarrantyPage />)
  fireEvent.click(await screen.findByText('我要报修'))
  const form = container.querySelector('.repair-form') as HTMLElement
  expect([...form.querySelectorAll('.repair-part')].map((b) => b.textContent)).toEqual(['给排水管道', '管根及卫生间防水', '墙地面恢复'])

  // Nothing chosen yet: said before anything is sent.
  fireEvent.click(within(form).getByText('提交报修'))
  expect(within(form).getByText('请先选择哪里坏了')).toBeTruthy()
  fireEvent.click(within(form).getByText('给排水管道'))
  fireEvent.click(within(form).getByText('提交报修'))
  expect(within(form).getByText('请写一下坏在哪里、什么情况')).toBeTruthy()
  expect(sent(REPORT)).toHaveLength(0)

  typeInto(form.querySelector('.repair-description')!, '  厨房水管接头滴水 ')
  fireEvent.click(within(form).getByText('拍照或选择照片'))
  await waitFor(() => expect(form.querySelector('.photo-field__preview')).toBeTruthy())
  fireEvent.click(within(form).getByText('提交报修'))

  expect(await screen.findByText(reportedWords(false))).toBeTruthy()
  expect(reportedWords(false)).toContain('已过保修期，施工单位仍会上门查看，可能收费')
  expect(sent(REPORT).map((r) => r.data)).toEqual([{ part: WarrantyPart.Pipes, workPlanId: 'p-1', description: '厨房水管接头滴水', photoPng: 'data:image/jpeg;base64,TEVBSw==' }])
  await waitFor(() => expect(container.querySelector('#repair-r-2')).toBeTruthy())
  const card = container.querySelector('#repair-r-2') as HTMLElement
  expect(within(card).getByText('待维修')).toBeTruthy()
  expect(within(card).getByText('已过保修期，施工单位仍会上门查看，可能收费')).toBeTruthy()
  expect(within(card).getByText('报修时间：2027年6月1日 09:00（北京时间）')).toBeTruthy()
  expect(container.querySelector('.repair-form')).toBeNull()
})

it('a refused report is shown in the server’s words inside the form', async () => {
  serve({ [WARRANTY]: ok(warrantyView()), [REPAIRS]: ok([]), [REPORT]: { statusCode: 400, data: { statusCode: 400, code: 'WARRANTY_PART_UNKNOWN', message: '保修告知书里没有这个部位' } } })
  const { container } = render(<WarrantyPage />)
  fireEvent.click(await screen.findByText('我要报修'))
  const form = container.querySelector('.repair-form') as HTMLElement
  fireEvent.click(within(form).getByText('墙地面恢复'))
  typeInto(form.querySelector('.repair-description')!, '墙面开裂')
  fireEvent.click(within(form).getByText('提交报修'))
  expect(await within(form).findByText('保修告知书里没有这个部位')).toBeTruthy()
  expect(sent(REPORT).map((r) => r.data)).toEqual([{ part: WarrantyPart.Finishes, workPlanId: 'p-1', description: '墙面开裂' }])
})

it('confirms a repair with a signature: the repair is closed and the restarted warranty shows', async () => {
  const done = repair({ status: RepairStatus.Accepted, repairedAt: '2027-06-09T07:00:00.000Z', acceptedAt: '2027-06-10T02:00:00.000Z', inspections: repaired().inspections })
  serve({
    [WARRANTY]: [ok(warrantyView()), ok(restartedWarranty())],
    [REPAIRS]: [ok([repaired()]), ok([done])],
    [ACCEPT_REPAIR]: ok({ status: RepairStatus.Accepted }),
  })
  const canvas = fakeCanvas()
  registerCanvas('#signature-canvas', canvas.element, 300, 200)
  const { container } = render(<WarrantyPage />)
  const card = await waitFor(() => (container.querySelector('#repair-r-1') as HTMLElement) ?? Promise.reject(new Error('no repair yet')))
  expect(within(card).getByText('已维修，待居民确认')).toBeTruthy()
  expect(within(card).getByText('✓ 通球试验：合格')).toBeTruthy()
  expect(within(card).getByText('维修时间：2027年6月9日 15:00（北京时间）')).toBeTruthy()

  fireEvent.click(within(card).getByText('确认修好了'))
  await waitFor(() => expect(canvas.ctx.fillRect).toHaveBeenCalled())
  act(() => drawStroke(canvas.element, [[60, 80], [90, 100], [140, 110]]))
  fireEvent.click(within(card).getByText('签名确认修好'))

  expect(await screen.findByText(repairAcceptedWords(repaired()))).toBeTruthy()
  expect(sent(ACCEPT_REPAIR).map((r) => r.data)).toEqual([{ decision: AcceptanceDecision.Accept, signaturePng: SIGNATURE_PNG }])
  await waitFor(() => expect(text(item(container, WarrantyPart.Pipes), '.warranty-item__restarted')).toBe('维修验收后重新计算'))
  expect(text(item(container, WarrantyPart.Pipes), '.warranty-item__period')).toBe('2027年6月10日 至 2029年6月9日')
  // The other parts keep their dates.
  expect(text(item(container, WarrantyPart.Waterproofing), '.warranty-item__period')).toBe('2026年12月3日 至 2031年12月2日')
  expect(within(container.querySelector('#repair-r-1') as HTMLElement).getByText('已确认修好')).toBeTruthy()
  expect(screen.queryByText('确认修好了')).toBeNull()
})

it('「还没修好」 asks first, then sends REJECT without a signature and the repair is reopened', async () => {
  serve({ [WARRANTY]: ok(warrantyView()), [REPAIRS]: [ok([repaired()]), ok([repair({ status: RepairStatus.Reopened })])], [ACCEPT_REPAIR]: ok({ status: RepairStatus.Reopened }) })
  render(<WarrantyPage />)
  Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
  fireEvent.click(await screen.findByText('还没修好'))
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
  await act(async () => undefined)
  expect(sent(ACCEPT_REPAIR)).toHaveLength(0)

  fireEvent.click(screen.getByText('还没修好'))
  expect(await screen.findByText(REPAIR_REOPENED_WORDS)).toBeTruthy()
  expect(sent(ACCEPT_REPAIR).map((r) => r.data)).toEqual([{ decision: AcceptanceDecision.Reject }])
  expect(await screen.findByText('未修好，待再次维修')).toBeTruthy()
})

it('confirming before the repair passed its check (409) shows the server’s words and reads the repairs again', async () => {
  serve({
    [WARRANTY]: ok(warrantyView()),
    [REPAIRS]: [ok([repaired()]), ok([repair({ status: RepairStatus.Reopened })])],
    [ACCEPT_REPAIR]: conflict('NOT_INSPECTED', '维修后的检测还没有通过，暂时不能确认'),
  })
  const canvas = fakeCanvas()
  registerCanvas('#signature-canvas', canvas.element, 300, 200)
  render(<WarrantyPage />)
  fireEvent.click(await screen.findByText('确认修好了'))
  await waitFor(() => expect(canvas.ctx.fillRect).toHaveBeenCalled())
  act(() => drawStroke(canvas.element, [[60, 80], [90, 100]]))
  fireEvent.click(screen.getByText('签名确认修好'))
  expect(await screen.findByText('维修后的检测还没有通过，暂时不能确认')).toBeTruthy()
  await waitFor(() => expect(sent(REPAIRS)).toHaveLength(2))
  expect(await screen.findByText('未修好，待再次维修')).toBeTruthy()
  // Still said after the card changed under the resident.
  expect(screen.getByText('维修后的检测还没有通过，暂时不能确认')).toBeTruthy()
})

it('names the plan in the choice when two plans cover the same part', () => {
  const two = warrantyView()
  two.items = [...two.items, { ...two.items[2], workPlanId: 'p-2', title: '外窗更换' }]
  expect(repairChoices(two).map((c) => c.text)).toEqual(['给排水管道', '管根及卫生间防水', '墙地面恢复（1号楼2单元上下水立管更换）', '墙地面恢复（外窗更换）'])
})

it('in large type every control on the page and in the repair form is a big button, every field the global one', async () => {
  setLargeType(true)
  serve({ [WARRANTY]: ok(restartedWarranty()), [REPAIRS]: ok([repaired()]) })
  const { container } = render(<WarrantyPage />)
  fireEvent.click(await screen.findByText('我要报修'))
  expect(container.querySelector('.screen')!.classList.contains('large-type')).toBe(true)
  const controls = [...container.querySelectorAll('button, [role="button"], a')]
  expect(controls.length).toBeGreaterThan(6)
  expect(controls.filter((c) => !c.closest('.big-button, .back-bar__button, .evidence-photo'))).toEqual([])
  const fields = [...container.querySelectorAll('taro-textarea-core, taro-input-core, textarea, input')]
  expect(fields.length).toBeGreaterThan(0)
  expect(fields.filter((f) => !f.closest('.text-area, .text-input'))).toEqual([])
})
