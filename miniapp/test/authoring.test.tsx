import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { ConsultationKind, ConsultationStatus, DecisionRule, GroupBy, StaffRole, plumbingDisclosures } from '@linyi/shared'
import type { CompoundSettings, CompoundStructure } from '@linyi/shared'
import Taro, { ok, resetTaro, sent, serve, storage, useRouter } from './taro-mock'
import { typeInto } from './dom-events'
import { consultation } from './consultation-fixtures'
import { findIn, signInAs, staffView } from './staff-fixtures'
import StaffAuthorPage from '../src/staff/author/index'
import { swatchPng } from '../src/staff/components/author/swatch-png'

// The album and the canvas are the platform's: the photo arrives already shrunk to a JPEG data URL.
jest.mock('../src/staff/components/author/design-photo', () => ({
  PHOTO_CANVAS_ID: 'author-photo-canvas',
  chooseDesignPhoto: jest.fn(async () => 'data:image/jpeg;base64,/9j/RkFDQURF'),
}))

// The whole form (≈150 Taro elements) re-renders on each keystroke in jsdom: slow on a busy machine.
jest.setTimeout(20_000)

const COMPOUND = '7f1c2c1e-1b7a-4c55-9a57-3d7c8f1b2a10'
const PHONE = '010-87654321'

// Not in the shared Taro mock: the publish confirmation.
const showModal = jest.fn(async (_: { title: string; content: string }) => ({ confirm: true, cancel: false }))
Object.assign(Taro, { showModal })

const structure: CompoundStructure = {
  id: COMPOUND,
  name: '光明里',
  buildings: [
    {
      id: 'b-5',
      name: '5号楼',
      units: [
        { id: 'u-51', name: '1单元', households: [1, 2].map((n) => ({ id: `h-51${n}`, label: `5号楼1单元10${n}`, room: `10${n}`, floor: 1, areaM2: 60 })) },
        { id: 'u-52', name: '2单元', households: [{ id: 'h-521', label: '5号楼2单元101', room: '101', floor: 1, areaM2: 60 }] },
      ],
    },
  ],
}

const settings = (emergencyPhone: string | null): CompoundSettings => ({ compoundId: COMPOUND, name: '光明里', address: null, emergencyPhone, timeZone: 'Asia/Shanghai' })

/** The compound to write for, with `account` (signInAs's route) and `extra` on top. */
function serveAuthoring(account: Parameters<typeof serve>[0], extra: Parameters<typeof serve>[0] = {}, phone: string | null = PHONE) {
  serve({
    ...account,
    [`GET /compounds/${COMPOUND}/structure`]: ok(structure),
    [`GET /compounds/${COMPOUND}/settings`]: ok(settings(phone)),
    ...extra,
  })
}


/** Taro's H5 Input/Textarea are custom elements: the handler listens on them. */
const field = (container: HTMLElement, selector: string) => container.querySelector(selector) as HTMLElement

/** Renders the page and waits until it has asked for the compound's settings. */
async function renderPage() {
  const before = sent(`GET /compounds/${COMPOUND}/settings`).length
  const view = render(<StaffAuthorPage />)
  await waitFor(() => expect(sent(`GET /compounds/${COMPOUND}/settings`)).toHaveLength(before + 1))
  return view
}

function fillTexts(container: HTMLElement) {
  typeInto(field(container, '.author-title-input'), '5号楼楼内上下水管线改造申请')
  typeInto(field(container, '.author-body-input'), '本小区已纳入老旧小区综合整治项目储备库，请阅读告知事项后签名申请。')
}

beforeEach(() => {
  resetTaro()
  showModal.mockClear()
  useRouter.mockReturnValue({ params: { compoundId: COMPOUND } })
})

it('pre-fills a plumbing application: unanimous per unit, every §三 item, the compound’s emergency line', async () => {
  serveAuthoring(signInAs(StaffRole.Committee))
  const { container } = await renderPage()

  expect(container.querySelector('.author-kind[data-value=PLUMBING_APPLICATION]')!.getAttribute('aria-checked')).toBe('true')
  expect(container.querySelector('.author-rule[data-value=UNANIMOUS]')!.getAttribute('aria-checked')).toBe('true')
  expect(container.querySelector('.author-group-by[data-value=UNIT]')!.getAttribute('aria-checked')).toBe('true')
  await waitFor(() => expect(container.querySelector('.author-disclosure[data-disclosure=emergency] .author-disclosure-text')!.getAttribute('value')).toContain(PHONE))
  const items = [...container.querySelectorAll('.author-disclosure .author-disclosure-text')].map((textarea) => textarea.getAttribute('value'))
  expect(items).toEqual(plumbingDisclosures(PHONE).map((d) => d.text))
  expect(container.querySelector('.author-phone-missing')).toBeNull()
})

it('shows a missing title next to the title field and sends nothing', async () => {
  serveAuthoring(signInAs(StaffRole.Committee))
  const { container } = await renderPage()
  typeInto(field(container, '.author-body-input'), '正文')

  fireEvent.click(screen.getByText('预览居民看到的样子'))

  const error = container.querySelector('.field-error[data-field=title]')!
  expect(error.textContent).toBe('请填写标题')
  expect(error.closest('.author-field')!.getAttribute('data-field')).toBe('title')
  expect(error.closest('.author-field')!.querySelector('.author-title-input')).not.toBeNull()
  expect(container.querySelector('.author-preview')).toBeNull()
  expect(sent('POST /consultations')).toHaveLength(0)

  // Typing a title takes the message away.
  typeInto(field(container, '.author-title-input'), '5号楼改造申请')
  expect(container.querySelector('.field-error[data-field=title]')).toBeNull()
})

it('publishes: creates the draft, then publishes it, then opens the staff consultation page', async () => {
  serveAuthoring(signInAs(StaffRole.Committee), {
    'POST /consultations': { statusCode: 201, data: consultation({ id: 'c-new', status: ConsultationStatus.Draft }) },
    'POST /consultations/c-new/publish': ok(consultation({ id: 'c-new', status: ConsultationStatus.Open })),
  })
  const { container } = await renderPage()
  fillTexts(container)
  await waitFor(() => expect(container.querySelector('.author-disclosure[data-disclosure=emergency] .author-disclosure-text')!.getAttribute('value')).toContain(PHONE))

  fireEvent.click(container.querySelector('.author-preview-button')!)
  const preview = container.querySelector('.author-preview') as HTMLElement
  expect(preview.textContent).toContain('5号楼楼内上下水管线改造申请')
  expect(preview.textContent).toContain('征询住户：3 户')
  // The resident's own checklist, with the phone in the emergency item.
  expect(preview.querySelectorAll('.disclosure-item')).toHaveLength(6)
  expect(preview.querySelector('#disclosure-emergency')!.textContent).toContain(PHONE)
  expect(sent('POST /consultations')).toHaveLength(0)

  fireEvent.click(container.querySelector('.author-publish-button')!)
  await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/consultation/index?id=c-new' }))

  expect(showModal.mock.calls[0][0].content).toMatch(/^将向 3 户（由业主填写）发出征询，发布后立即开始，\d{4}年\d+月\d+日 18:00（北京时间）截止/)
  const calls = (Taro.request.mock.calls as Array<[{ method: string; url: string; data?: unknown }]>).map(([r]) => `${r.method} ${r.url.replace(/^.*?\/api/, '')}`)
  expect(calls.filter((c) => c.startsWith('POST'))).toEqual(['POST /consultations', 'POST /consultations/c-new/publish'])
  const body = sent('POST /consultations')[0].data as Record<string, unknown>
  expect(body).toMatchObject({ compoundId: COMPOUND, kind: ConsultationKind.PlumbingApplication, rule: DecisionRule.Unanimous, groupBy: GroupBy.Unit, title: '5号楼楼内上下水管线改造申请' })
  expect(body.disclosures).toEqual(plumbingDisclosures(PHONE))
  // Published: the kept draft is gone.
  expect(storage.get(`linyi.authorDraft.${COMPOUND}`)).toBeUndefined()
})

it('asks first: cancelling the confirmation sends nothing', async () => {
  serveAuthoring(signInAs(StaffRole.Committee))
  showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
  const { container } = await renderPage()
  fillTexts(container)
  fireEvent.click(container.querySelector('.author-preview-button')!)
  fireEvent.click(container.querySelector('.author-publish-button')!)
  await waitFor(() => expect(showModal).toHaveBeenCalled())
  expect(sent('POST /consultations')).toHaveLength(0)
})

it('shows a server 400 next to the field it names, and the rest at the top of the form', async () => {
  serveAuthoring(signInAs(StaffRole.Committee), {
    'POST /consultations': { statusCode: 400, data: { statusCode: 400, code: 'CONSULTATION_INVALID', message: '截止时间至少要在开始时间一天之后，给居民留出协商时间；请选择小区' } },
  })
  const { container } = await renderPage()
  fillTexts(container)
  fireEvent.click(container.querySelector('.author-preview-button')!)
  fireEvent.click(container.querySelector('.author-publish-button')!)

  await waitFor(() => expect(container.querySelector('.field-error[data-field=deadline]')).not.toBeNull())
  expect(container.querySelector('.field-error[data-field=deadline]')!.textContent).toBe('截止时间至少要在开始时间一天之后，给居民留出协商时间')
  expect(container.querySelector('.author-form-error')!.textContent).toBe('请选择小区')
  expect(sent('POST /consultations/c-new/publish')).toHaveLength(0)
  expect(Taro.redirectTo).not.toHaveBeenCalled()
})

it('publishes again without creating a second draft when only publishing failed', async () => {
  serveAuthoring(signInAs(StaffRole.Committee), {
    'POST /consultations': { statusCode: 201, data: consultation({ id: 'c-new', status: ConsultationStatus.Draft }) },
    'POST /consultations/c-new/publish': [new Error('offline'), ok(consultation({ id: 'c-new', status: ConsultationStatus.Open }))],
  })
  const { container } = await renderPage()
  fillTexts(container)
  fireEvent.click(container.querySelector('.author-preview-button')!)
  fireEvent.click(container.querySelector('.author-publish-button')!)
  await screen.findByText(/征询已保存为草稿，但没有发布成功/)

  fireEvent.click(container.querySelector('.author-publish-button')!)
  await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/consultation/index?id=c-new' }))
  expect(sent('POST /consultations')).toHaveLength(1)
  expect(sent('POST /consultations/c-new/publish')).toHaveLength(2)
})

it('says when the compound has no emergency line, and saves one into the settings and the item', async () => {
  serveAuthoring(
    signInAs(StaffRole.Street),
    { [`PUT /compounds/${COMPOUND}/settings`]: ok(settings('13800001111')) },
    null,
  )
  const { container } = await renderPage()
  const missing = await findIn(container, '.author-disclosure[data-disclosure=emergency] .author-phone-missing')
  expect(missing.textContent).toContain('还没有登记施工单位应急电话')
  // Street staff do the committee's work on its behalf, and the buttons say so.
  expect(missing.querySelector('.author-phone-save')!.textContent).toBe('保存到小区设置（代居委会）')
  expect(screen.getByText('发起征询（代居委会）')).toBeTruthy()

  // A phone the settings route would refuse is explained in place, and not sent.
  typeInto(field(container, '.author-phone-input'), '找物业')
  fireEvent.click(container.querySelector('.author-phone-save')!)
  expect(container.querySelector('.field-error[data-field=emergencyPhone]')!.textContent).toContain('应急电话应为 5 到 20 位')
  expect(sent(`PUT /compounds/${COMPOUND}/settings`)).toHaveLength(0)

  typeInto(field(container, '.author-phone-input'), '138 0000 1111')
  fireEvent.click(container.querySelector('.author-phone-save')!)
  await waitFor(() => expect(container.querySelector('.author-disclosure[data-disclosure=emergency] .author-disclosure-text')!.getAttribute('value')).toContain('13800001111'))
  expect(sent(`PUT /compounds/${COMPOUND}/settings`)[0].data).toEqual({ emergencyPhone: '13800001111' })
  expect(container.querySelector('.author-phone-missing')).toBeNull()
})

it('tells a contractor that consultations are started by the committee, with no form', async () => {
  // Signed in as a committee member, re-roled since: the page follows the server's answer.
  serveAuthoring({ ...signInAs(StaffRole.Committee), 'GET /staff/me': ok({ ...staffView(StaffRole.Committee), role: StaffRole.Contractor }) })
  const { container } = render(<StaffAuthorPage />)
  expect(await screen.findByText(/您的账号（施工单位）不能发起征询/)).toBeTruthy()
  expect(container.querySelector('.author-title-input')).toBeNull()
})

it('keeps the typing across a reload of the page', async () => {
  serveAuthoring(signInAs(StaffRole.Committee))
  const first = await renderPage()
  typeInto(field(first.container, '.author-title-input'), '还没写完的标题')
  first.unmount()

  const { container } = await renderPage()
  expect(field(container, '.author-title-input').getAttribute('value')).toBe('还没写完的标题')
  expect(screen.getByText('已恢复上次没有发布的内容。')).toBeTruthy()
})

it('lets the author choose units per building, with 全选', async () => {
  serveAuthoring(signInAs(StaffRole.Committee))
  const { container } = await renderPage()
  fireEvent.click(container.querySelector('.author-all-units')!)
  const building = await findIn(container, '.author-building[data-building=b-5]')
  expect(building.textContent).toContain('已选 0/2 个单元 · 共 3 户')
  fireEvent.click(building.querySelector('.author-building-all')!)
  expect(building.textContent).toContain('已选 2/2 个单元')
  expect(building.querySelector('.author-building-all')!.textContent).toBe('取消全选')
})

it('sends a design vote’s colour swatch and chosen photo as the options’ pictures', async () => {
  serveAuthoring(signInAs(StaffRole.Committee), {
    'POST /consultations': { statusCode: 201, data: consultation({ id: 'c-vote', status: ConsultationStatus.Draft }) },
    'POST /consultations/c-vote/publish': ok(consultation({ id: 'c-vote', status: ConsultationStatus.Open })),
  })
  const { container } = await renderPage()
  fireEvent.click(container.querySelector('.author-kind[data-value=DESIGN_VOTE]')!)
  expect(container.querySelector('.author-rule[data-value=PLURALITY]')!.getAttribute('aria-checked')).toBe('true')
  typeInto(field(container, '.author-title-input'), '外立面色彩方案投票')
  typeInto(field(container, '.author-body-input'), '请每户选择一个方案。')
  const [warm, photo] = [...container.querySelectorAll('.author-option')] as HTMLElement[]
  typeInto(warm.querySelector('.author-option-title')!, '暖灰色')
  fireEvent.click(within(warm).getByText('色块'))
  fireEvent.click(warm.querySelector('.author-swatch[data-colour="#B9B2A8"]')!)
  expect(warm.querySelector('.author-option-thumb--swatch')).not.toBeNull()
  typeInto(photo.querySelector('.author-option-title')!, '实景效果')
  fireEvent.click(within(photo).getByText('图片'))
  fireEvent.click(photo.querySelector('.author-option-photo')!)
  await waitFor(() => expect(photo.querySelector('.author-option-thumb')!.getAttribute('src')).toBe('data:image/jpeg;base64,/9j/RkFDQURF'))

  fireEvent.click(container.querySelector('.author-preview-button')!)
  expect(container.querySelectorAll('.author-preview .option-card')).toHaveLength(2)
  fireEvent.click(container.querySelector('.author-publish-button')!)
  await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/consultation/index?id=c-vote' }))
  const body = sent('POST /consultations')[0].data as { options: unknown; rule: string }
  expect(body.rule).toBe(DecisionRule.Plurality)
  expect(body.options).toEqual([
    { id: 'plan-1', title: '暖灰色', description: '', imageUrl: swatchPng('#B9B2A8') },
    { id: 'plan-2', title: '实景效果', description: '', imageUrl: 'data:image/jpeg;base64,/9j/RkFDQURF' },
  ])
})
