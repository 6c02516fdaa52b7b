import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { GroupState, PLUMBING_DISCLOSURES, StaffRole } from '@linyi/shared'
import Taro, { ok, resetTaro, sent, serve, storage, useRouter } from './taro-mock'
import { agreeToPrivacyGuide } from './privacy-agreed'
import { consultation, group, outstanding, submitted } from './consultation-fixtures'
import StaffConsultationPage from '../src/staff/consultation/index'
import { StorageKey } from '../src/api/storage'
import { signInAs } from './staff-fixtures'

jest.mock('../src/lib/paper-scan', () => ({
  choosePhoto: jest.fn(async () => 'blob:paper-photo'),
  photoToPngDataUrl: jest.fn(async () => 'data:image/png;base64,UEFQRVI='),
}))

const groups = [
  group({ groupId: 'unit-1', label: '1号楼1单元', agreed: 10, households: 12, pending: 1, refused: 1 }),
  group({ groupId: 'unit-3', label: '1号楼2单元', agreed: 12, households: 12, pending: 0, state: GroupState.Reached }),
  group({ groupId: 'unit-2', label: '2号楼3单元', agreed: 5, households: 6, pending: 0, refused: 1, state: GroupState.Failed }),
]

const visitsOf101 = [
  { id: 'v2', consultationId: 'c-plumbing', householdId: 'h-101', outcome: 'REFUSED', note: '担心施工期间停水，不同意', staffId: 'staff-committee', visitedAt: '2026-11-20T18:30:00.000Z' },
  { id: 'v1', consultationId: 'c-plumbing', householdId: 'h-101', outcome: 'NOT_HOME', note: '家中无人', staffId: 'staff-other', visitedAt: '2026-11-18T02:00:00.000Z' },
]

function serveFollowUp(extra: Parameters<typeof serve>[0] = {}) {
  serve({
    ...signInAs(StaffRole.Committee),
    'GET /households/h-101/visits?consultationId=c-plumbing': ok(visitsOf101),
    'GET /consultations/c-plumbing': ok(consultation()),
    'GET /consultations/c-plumbing/groups': ok(groups),
    'GET /consultations/c-plumbing/outstanding': ok(outstanding()),
    'GET /consultations/c-plumbing/reminders?status=DEAD': ok({
      policy: { onOpen: true, daysBefore: [3, 1], dailyDigest: true, notifyOnReached: true, quietStart: '21:00', quietEnd: '08:00', paused: false },
      counts: { SCHEDULED: 0, SENT: 0, SKIPPED: 0, DEAD: 0 },
      reminders: [],
    }),
    ...extra,
  })
}

/** Waits until `selector` matches inside `container`. */
const findIn = (container: HTMLElement, selector: string) =>
  waitFor(() => {
    const element = container.querySelector(selector)
    if (!element) throw new Error(`${selector} not rendered yet`)
    return element as HTMLElement
  }, { timeout: 5000 })

beforeEach(() => {
  resetTaro()
  agreeToPrivacyGuide()
  storage.set(StorageKey.staffToken, 'staff-token')
  useRouter.mockReturnValue({ params: { id: 'c-plumbing' } })
})

it('shows each unit’s progress with its state', async () => {
  serveFollowUp()
  const { container } = render(<StaffConsultationPage />)
  const first = await findIn(container, '#group-unit-1')
  expect(first.textContent).toContain('1号楼1单元')
  expect(first.textContent).toContain('10/12 已同意')
  expect(first.textContent).toContain('进行中')
  expect(container.querySelector('#group-unit-3')!.textContent).toContain('已达成')
  expect(container.querySelector('#group-unit-2')!.textContent).toContain('未达成')
  expect(screen.getByText('已达成 1 个单元 · 进行中 1 个 · 未达成 1 个')).toBeTruthy()
})

it('lists the units to chase in the server’s order, with a call button that dials the household’s phone', async () => {
  serveFollowUp()
  const { container } = render(<StaffConsultationPage />)
  await screen.findByText('2号楼3单元 · 还差 1 户')
  const units = [...container.querySelectorAll('.chase-unit__title')].map((unit) => unit.textContent)
  expect(units).toEqual(['2号楼3单元 · 还差 1 户', '1号楼1单元 · 还差 3 户'])

  const refusing = container.querySelector('#chase-h-101') as HTMLElement
  expect(refusing.textContent).toContain('不同意')
  expect(refusing.textContent).toContain('已上门 2 次 · 最近联系 2026年11月20日')
  expect(within(refusing).getByText('拨打电话 13900000101').closest('a')?.getAttribute('href')).toBe('tel:13900000101')
  // No phone on the roster: no dead button.
  expect((container.querySelector('#chase-h-102') as HTMLElement).textContent).toContain('名册中没有联系电话')
})

describe('on weapp', () => {
  const env = process.env.TARO_ENV
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })
  afterEach(() => {
    process.env.TARO_ENV = env
  })

  it('the call button opens WeChat’s dialer with the phone number', async () => {
    serveFollowUp()
    render(<StaffConsultationPage />)
    fireEvent.click(await screen.findByText('拨打电话 13800000502'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800000502' })
  })
})

it('opens the first units and folds the rest until asked', async () => {
  const many = [...outstanding(), ...['u-a', 'u-b'].map((unitId, i) => ({ unitId, label: `3号楼${i + 1}单元`, missing: 4, households: [{ ...outstanding()[0].households[0], householdId: `h-${unitId}` }] }))]
  serveFollowUp({ 'GET /consultations/c-plumbing/outstanding': ok(many) })
  const { container } = render(<StaffConsultationPage />)
  const folded = await findIn(container, '#chase-unit-u-b')
  expect(container.querySelector('#chase-h-u-a')).toBeTruthy()
  expect(folded.querySelector('.chase-household')).toBeNull()
  fireEvent.click(within(folded).getByText('展开本单元 1 户'))
  expect(folded.querySelector('#chase-h-u-b')).toBeTruthy()
})

it('records a home visit and loads the lists again', async () => {
  serveFollowUp({
    'POST /households/h-101/visits': ok({ id: 'v1', consultationId: 'c-plumbing', householdId: 'h-101', outcome: 'UNDECIDED', note: '担心停水', staffId: 's1', visitedAt: '2026-12-03T06:05:00.000Z' }),
  })
  const { container } = render(<StaffConsultationPage />)
  const row = await findIn(container, '#chase-h-101')
  fireEvent.click(within(row).getByText('记录上门'))
  fireEvent.click(within(row).getByText('还在考虑'))
  // A visit record needs words, except when nobody was home.
  expect((row.querySelector('.visit-save') as HTMLElement).className).toContain('big-button--inactive')
  fireEvent(row.querySelector('.visit-note')!, Object.assign(new Event('input', { bubbles: true }), { detail: { value: '担心停水' } }))
  fireEvent.click(within(row).getByText('保存上门记录'))

  expect(await within(row).findByText('已记录上门：还在考虑')).toBeTruthy()
  expect(sent('POST /households/h-101/visits')[0].data).toEqual({ consultationId: 'c-plumbing', outcome: 'UNDECIDED', note: '担心停水' })
  expect(sent('POST /households/h-101/visits')[0].header.Authorization).toBe('Bearer staff-token')
  await waitFor(() => expect(sent('GET /consultations/c-plumbing/outstanding')).toHaveLength(2))
  expect(sent('GET /consultations/c-plumbing/groups')).toHaveLength(2)
})

it('"nobody home" is recorded without typing', async () => {
  serveFollowUp({ 'POST /households/h-502/visits': ok({}) })
  const { container } = render(<StaffConsultationPage />)
  const row = await findIn(container, '#chase-h-502')
  fireEvent.click(within(row).getByText('记录上门'))
  fireEvent.click(within(row).getByText('家中无人'))
  fireEvent.click(within(row).getByText('保存上门记录'))
  await within(row).findByText('已记录上门：家中无人')
  expect(sent('POST /households/h-502/visits')[0].data).toEqual({ consultationId: 'c-plumbing', outcome: 'NOT_HOME', note: '家中无人' })
})

/** Opens the paper form of `row`, picks `choice` and the photo, and waits until it may be sent. */
async function fillPaperForm(row: HTMLElement, choice: string) {
  fireEvent.click(within(row).getByText('录入纸质意见'))
  const submit = () => row.querySelector('.paper-submit') as HTMLElement
  expect(submit().className).toContain('big-button--inactive')
  fireEvent.click(within(row).getByText(choice))
  fireEvent.click(within(row).getByText('拍照或选择照片'))
  await waitFor(() => expect(submit().className).not.toContain('big-button--inactive'))
}

it('records a signed paper application as AGREE on the PAPER channel after a confirmation, then the household leaves the list', async () => {
  const remaining = outstanding().slice(1)
  serveFollowUp({
    'GET /consultations/c-plumbing/outstanding': [ok(outstanding()), ok(remaining)],
    'PUT /consultations/c-plumbing/responses/h-502': ok(submitted({ householdId: 'h-502' })),
  })
  const { container } = render(<StaffConsultationPage />)
  const row = await findIn(container, '#chase-h-502')
  await fillPaperForm(row, '同意（申请改造）')
  fireEvent.click(within(row).getByText('录入：同意（申请改造）'))
  // Nothing is sent before the committee member confirms what the paper says.
  expect(within(row).getByText('确认录入：2号楼3单元502 的纸质意见为「同意（申请改造）」？录入后计入本户意见，纸质表照片一并存证。')).toBeTruthy()
  expect(sent('PUT /consultations/c-plumbing/responses/h-502')).toHaveLength(0)
  // The browser test (consent.e2e.mjs) presses the button by its class.
  expect(within(row).getByText('确认录入').closest('.paper-confirm')).toBeTruthy()
  fireEvent.click(within(row).getByText('确认录入'))

  await waitFor(() => expect(container.querySelector('#chase-h-502')).toBeNull())
  expect(sent('PUT /consultations/c-plumbing/responses/h-502')[0].data).toEqual({
    answer: 'AGREE',
    acknowledgedDisclosureIds: PLUMBING_DISCLOSURES.map((d) => d.id),
    channel: 'PAPER',
    paperScanPng: 'data:image/png;base64,UEFQRVI=',
  })
})

it('records a paper 弃权 as ABSTAIN on the PAPER channel with the scan', async () => {
  serveFollowUp({ 'PUT /consultations/c-plumbing/responses/h-102': ok(submitted({ householdId: 'h-102', answer: 'ABSTAIN' as never })) })
  const { container } = render(<StaffConsultationPage />)
  const row = await findIn(container, '#chase-h-102')
  await fillPaperForm(row, '弃权')
  fireEvent.click(within(row).getByText('录入：弃权'))
  fireEvent.click(within(row).getByText('确认录入'))
  expect(await within(row).findByText('已录入纸质意见：弃权')).toBeTruthy()
  expect(sent('PUT /consultations/c-plumbing/responses/h-102').map((r) => r.data)).toEqual([
    { answer: 'ABSTAIN', acknowledgedDisclosureIds: PLUMBING_DISCLOSURES.map((d) => d.id), channel: 'PAPER', paperScanPng: 'data:image/png;base64,UEFQRVI=' },
  ])
})

it('going back from the confirmation sends nothing and keeps the form', async () => {
  serveFollowUp()
  const { container } = render(<StaffConsultationPage />)
  const row = await findIn(container, '#chase-h-102')
  await fillPaperForm(row, '不同意')
  fireEvent.click(within(row).getByText('录入：不同意'))
  fireEvent.click(within(row).getByText('返回修改'))
  expect(row.querySelector('.paper-confirm')).toBeNull()
  expect(row.querySelector('.paper-answer-form')).toBeTruthy()
  expect(sent('PUT /consultations/c-plumbing/responses/h-102')).toHaveLength(0)
})

it('records a design vote’s paper ballot as the option chosen', async () => {
  const vote = consultation({
    kind: 'DESIGN_VOTE' as never,
    rule: 'PLURALITY' as never,
    disclosures: [],
    options: [
      { id: 'opt-a', title: '方案A', description: '灰色外墙' },
      { id: 'opt-b', title: '方案B', description: '米色外墙' },
    ],
  })
  serveFollowUp({
    'GET /consultations/c-plumbing': ok(vote),
    'PUT /consultations/c-plumbing/responses/h-502': ok(submitted({ householdId: 'h-502' })),
  })
  const { container } = render(<StaffConsultationPage />)
  const row = await findIn(container, '#chase-h-502')
  fireEvent.click(within(row).getByText('录入纸质意见'))
  // A vote by plurality takes an option or 弃权, never 同意/不同意.
  expect(within(row).queryByText('不同意')).toBeNull()
  fireEvent.click(within(row).getByText('拍照或选择照片'))
  fireEvent.click(within(row).getByText('选方案B'))
  await waitFor(() => expect((row.querySelector('.paper-submit') as HTMLElement).className).not.toContain('big-button--inactive'))
  fireEvent.click(within(row).getByText('录入：选方案B'))
  fireEvent.click(within(row).getByText('确认录入'))
  await within(row).findByText('已录入纸质意见：选方案B')
  expect(sent('PUT /consultations/c-plumbing/responses/h-502')[0].data).toEqual({
    answer: 'OPTION',
    optionId: 'opt-b',
    acknowledgedDisclosureIds: [],
    channel: 'PAPER',
    paperScanPng: 'data:image/png;base64,UEFQRVI=',
  })
})

it('shows the server’s message when the household already answered online', async () => {
  serveFollowUp({
    'PUT /consultations/c-plumbing/responses/h-101': {
      statusCode: 409,
      data: { statusCode: 409, code: 'ONLINE_ANSWER_EXISTS', message: '该户已在小程序中答复，工作人员不能代为更改' },
    },
  })
  const { container } = render(<StaffConsultationPage />)
  const row = await findIn(container, '#chase-h-101')
  await fillPaperForm(row, '同意（申请改造）')
  fireEvent.click(within(row).getByText('录入：同意（申请改造）'))
  fireEvent.click(within(row).getByText('确认录入'))
  const message = await within(row).findByText('该户已在小程序中答复，工作人员不能代为更改')
  expect(message.closest('.paper-error')).toBeTruthy()
  expect(row.querySelector('.paper-confirm')).toBeNull()
})

it('shows a household’s visit notes afterwards: when (北京时间), outcome, note and who', async () => {
  serveFollowUp()
  const { container } = render(<StaffConsultationPage />)
  const row = await findIn(container, '#chase-h-101')
  const history = await findIn(row, '.visit-history #visit-v2')
  // 18:30 UTC on the 20th is 02:30 on the 21st in Shanghai, whatever the test machine's zone.
  expect(history.textContent).toContain('2026年11月21日 02:30 · 不同意 · 我')
  expect(history.textContent).toContain('担心施工期间停水，不同意')
  const items = [...row.querySelectorAll('.visit-history__item')].map((item) => item.id)
  expect(items).toEqual(['visit-v2', 'visit-v1'])
  expect(row.querySelector('#visit-v1')!.textContent).toContain('家中无人 · 其他工作人员')
  // Households never visited ask for nothing.
  expect(sent('GET /households/h-502/visits?consultationId=c-plumbing')).toHaveLength(0)
})

it('issues an invite code from the chase list', async () => {
  serveFollowUp({ 'POST /households/h-502/invite-codes': { statusCode: 201, data: { code: 'K7M3Q9TX', expiresAt: '2026-12-03T06:05:00.000Z' } } })
  const { container } = render(<StaffConsultationPage />)
  const row = await findIn(container, '#chase-h-502')
  fireEvent.click(within(row).getByText('生成邀请码'))
  expect(await within(row).findByText('K7M3 Q9TX')).toBeTruthy()
  expect(row.querySelector('.invite-card__for')!.textContent).toBe('2号楼3单元502 的邀请码')
})
