/** 分户验收: each unit's households with their stage, the chase first, the crew's rework list, the committee's paper forms and supervisors. */
import { fireEvent, render, waitFor } from '@testing-library/react'
import { AcceptanceChannel, AcceptanceDecision, AcceptanceStatus, StaffRole, WorkPlanStatus } from '@linyi/shared'
import Taro, { conflict, ok, resetTaro, sent, serve, serveDownloadsAsBlobs, useRouter } from './taro-mock'
import { agreeToPrivacyGuide } from './privacy-agreed'
import { typeInto } from './dom-events'
import { findIn, signInAs } from './staff-fixtures'
import { structure } from './staff-works-fixtures'
import { acceptanceView, progressView, publishedPlan, rejection } from './staff-acceptance-fixtures'
import StaffAcceptancePage from '../src/staff/acceptance/index'
import StaffWorkPlanPage from '../src/staff/work-plan/index'
import { setLargeType } from '../src/store/large-type'

jest.mock('../src/lib/paper-scan', () => ({
  choosePhoto: jest.fn(async () => 'blob:paper-form'),
  photoToPngDataUrl: jest.fn(async () => 'data:image/png;base64,UEFQRVI='),
}))
jest.mock('../src/lib/colour-photo', () => ({ chooseColourPhoto: jest.fn(async () => 'data:image/jpeg;base64,REVGRUNU') }))

jest.setTimeout(20_000)

const pickIn = (box: Element, value: number) => fireEvent(box.closest('taro-picker-core')!, Object.assign(new Event('change', { bubbles: true }), { detail: { value } }))
const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((el) => el.textContent)
const inactive = (button: Element) => button.className.includes('big-button--inactive')
const rowOf = (container: HTMLElement, householdId: string) => container.querySelector(`#acceptance-${householdId}`) as HTMLElement

beforeEach(() => {
  resetTaro()
  agreeToPrivacyGuide()
  setLargeType(false)
  useRouter.mockReturnValue({ params: { workPlanId: 'p1' } })
  serveDownloadsAsBlobs()
})

const reworkView = acceptanceView({ householdId: 'h103', label: '1号楼1单元103', status: AcceptanceStatus.Rework, inspected: true, passed: true, records: [rejection] })

async function openBoard(role: StaffRole, extra: Parameters<typeof serve>[0] = {}) {
  serve({
    ...signInAs(role),
    'GET /work-plans/p1': ok(publishedPlan),
    'GET /work-plans/p1/acceptance': ok(progressView()),
    'GET /households/h103/acceptance?workPlanId=p1': ok(reworkView),
    'GET /compounds/c1/owner-supervisors': ok([{ householdId: 'h2201', label: '1号楼2单元201', name: '王建国' }]),
    ...extra,
  })
  const utils = render(<StaffAcceptancePage />)
  await findIn(utils.container, '#acceptance-unit-u1')
  return utils
}

describe('the board', () => {
  it('shows each unit’s figures and every household’s stage in words, those waiting on the resident first, longest first', async () => {
    const { container } = await openBoard(StaffRole.Contractor)
    const unit = container.querySelector('#acceptance-unit-u1')!
    expect(unit.querySelector('.staff-acc-unit__figures')!.textContent).toBe('共 6 户 · 已检测 5 · 通过 4 · 已验收 1 · 整改中 1')
    expect(texts(unit, '.staff-acc-household-row__label')).toEqual(['1号楼1单元106', '1号楼1单元102', '1号楼1单元101', '1号楼1单元103', '1号楼1单元104', '1号楼1单元105'])
    expect(texts(unit, '.staff-acc-chip')).toEqual(['待居民验收 3 天', '待居民验收 1 天', '已验收', '整改中', '检测未通过', '待检测'])
    const done = container.querySelector('#acceptance-unit-u2')!
    expect(done.querySelector('.staff-acc-unit__complete')!.textContent).toBe('全部验收')
    expect(done.textContent).toContain('本单元于 2026年12月5日 11:00（北京时间） 全部验收完成。')
  })

  it('gives the contractor the rework list on top, with the resident’s defects and photo, and a way into each household’s inspection', async () => {
    const { container } = await openBoard(StaffRole.Contractor)
    const rework = await findIn(container, '#rework-h103 .staff-acc-defect__text')
    expect(rework.textContent).toBe('1. 卫生间立管接口滴水')
    await waitFor(() => expect(container.querySelector('#rework-h103 .staff-acc-photo__image')?.getAttribute('src')).toBe('blob:sha-drip'))
    // The photo is fetched with the staff token.
    expect(Taro.downloadFile).toHaveBeenCalledWith({ url: '/api/households/h103/acceptance/photos/sha-drip', header: { Authorization: 'Bearer staff-token' } })
    expect(container.querySelector('.staff-acc-rework-list')!.compareDocumentPosition(container.querySelector('#acceptance-unit-u1')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()

    expect(rowOf(container, 'h105').querySelector('.staff-acc-open')!.textContent).toBe('检测')
    expect(rowOf(container, 'h104').querySelector('.staff-acc-open')!.textContent).toBe('重新检测')
    expect(rowOf(container, 'h101').querySelector('.staff-acc-open')!.textContent).toBe('查看记录')
    fireEvent.click(rowOf(container, 'h105').querySelector('.staff-acc-open')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/inspection/index?householdId=h105&workPlanId=p1' })
    // The crew records no paper forms and names no supervisors.
    expect(container.querySelector('.staff-acc-paper-open')).toBeNull()
    expect(container.querySelector('.staff-acc-supervisors-edit')).toBeNull()
  })

  it('a street officer reads everything and is offered no action', async () => {
    const { container } = await openBoard(StaffRole.Street)
    expect(container.querySelector('.staff-acc-role-hint')!.textContent).toContain('只读')
    for (const selector of ['.staff-acc-paper-open', '.staff-acc-supervisors-edit', '.staff-acc-rework-list', '.staff-acc-reinspect']) {
      expect([selector, container.querySelector(selector)]).toEqual([selector, null])
    }
    expect(new Set(texts(container, '.staff-acc-open'))).toEqual(new Set(['查看记录']))
    expect((await findIn(container, '.staff-acc-supervisor')).textContent).toBe('王建国 · 1号楼2单元201')
  })

  it('says a draft has nothing to accept yet, without asking for progress', async () => {
    serve({ ...signInAs(StaffRole.Committee), 'GET /work-plans/p1': ok({ ...publishedPlan, status: WorkPlanStatus.Draft, publishedAt: null }) })
    const { container } = render(<StaffAcceptancePage />)
    expect((await findIn(container, '.staff-acc-not-published')).textContent).toContain('还没有发布')
    expect(sent('GET /work-plans/p1/acceptance')).toHaveLength(0)
  })

  it('puts the whole page in large type', async () => {
    setLargeType(true)
    const { container } = await openBoard(StaffRole.Committee)
    expect(container.querySelector('.screen.staff-acceptance')!.className).toContain('large-type')
  })
})

describe('the committee’s paper acceptance', () => {
  it('records a signed paper form with its photo for a household waiting on the resident, after confirming', async () => {
    const after = progressView()
    after.units[0].list = after.units[0].list.map((h) => (h.householdId === 'h106' ? { ...h, status: AcceptanceStatus.Accepted, acceptedAt: new Date().toISOString() } : h))
    const { container } = await openBoard(StaffRole.Committee, {
      'PUT /households/h106/acceptance': ok({ householdId: 'h106', status: AcceptanceStatus.Accepted, evidenceSha256: 'ev' }),
      'GET /work-plans/p1/acceptance': [ok(progressView()), ok(after)],
    })
    // Only households waiting on the resident take a paper form.
    expect(rowOf(container, 'h105').querySelector('.staff-acc-paper-open')).toBeNull()
    expect(rowOf(container, 'h101').querySelector('.staff-acc-paper-open')).toBeNull()
    fireEvent.click(rowOf(container, 'h106').querySelector('.staff-acc-paper-open')!)
    const form = rowOf(container, 'h106').querySelector('.staff-acc-paper') as HTMLElement
    const submit = () => form.querySelector('.staff-acc-paper-submit')!
    expect([inactive(submit()), submit().textContent]).toEqual([true, '请先选择表上的验收结论'])
    fireEvent.click(form.querySelector('.staff-acc-paper-choice--accept')!)
    expect(submit().textContent).toBe('请先拍摄居民签字的纸质验收单')
    fireEvent.click(form.querySelector('.staff-acc-paper-photo')!)
    await waitFor(() => expect(submit().textContent).toBe('录入：验收合格'))
    fireEvent.click(submit())
    expect(form.querySelector('.paper-confirm-panel__text')!.textContent).toContain('1号楼1单元106 的纸质验收结论为「验收合格」')
    fireEvent.click(form.querySelector('.staff-acc-paper-confirm')!)

    expect((await findIn(container, '#acceptance-h106 .staff-acc-paper-done')).textContent).toBe('已录入纸质验收单：验收合格')
    expect(sent('PUT /households/h106/acceptance').map((r) => r.data)).toEqual([
      { workPlanId: 'p1', decision: AcceptanceDecision.Accept, channel: AcceptanceChannel.Paper, paperScanPng: 'data:image/png;base64,UEFQRVI=' },
    ])
    await waitFor(() => expect(rowOf(container, 'h106').querySelector('.staff-acc-chip')!.textContent).toBe('已验收'))
  })

  it('a paper refusal lists each defect, with its photo', async () => {
    const { container } = await openBoard(StaffRole.Committee, {
      'PUT /households/h102/acceptance': ok({ householdId: 'h102', status: AcceptanceStatus.Rework, evidenceSha256: 'ev' }),
    })
    fireEvent.click(rowOf(container, 'h102').querySelector('.staff-acc-paper-open')!)
    const form = rowOf(container, 'h102').querySelector('.staff-acc-paper') as HTMLElement
    fireEvent.click(form.querySelector('.staff-acc-paper-choice--reject')!)
    fireEvent.click(form.querySelector('.staff-acc-paper-photo')!)
    await waitFor(() => expect(form.querySelector('.staff-acc-paper-submit')!.textContent).toBe('请写明哪里有问题'))
    typeInto(form.querySelector('.staff-acc-defect-text')!, '  厨房地面没有恢复  ')
    fireEvent.click(form.querySelector('.staff-acc-defect-draft .staff-acc-photo-choose')!)
    await waitFor(() => expect(form.querySelector('.staff-acc-photo-picker__preview')).toBeTruthy())
    fireEvent.click(form.querySelector('.staff-acc-paper-submit')!)
    fireEvent.click(form.querySelector('.staff-acc-paper-confirm')!)
    expect((await findIn(container, '#acceptance-h102 .staff-acc-paper-done')).textContent).toBe('已录入纸质验收单：不合格，需整改')
    expect(sent('PUT /households/h102/acceptance')[0].data).toEqual({
      workPlanId: 'p1',
      decision: AcceptanceDecision.Reject,
      defects: [{ description: '厨房地面没有恢复', photoPng: 'data:image/jpeg;base64,REVGRUNU' }],
      channel: AcceptanceChannel.Paper,
      paperScanPng: 'data:image/png;base64,UEFQRVI=',
    })
  })

  it('shows the server’s words when the household was accepted meanwhile, and reads the list again', async () => {
    const refusal = '这户已经验收，验收记录不能更改；如有问题请在保修期内报修'
    const { container } = await openBoard(StaffRole.Committee, {
      'PUT /households/h106/acceptance': conflict('ALREADY_ACCEPTED', refusal),
    })
    fireEvent.click(rowOf(container, 'h106').querySelector('.staff-acc-paper-open')!)
    const form = rowOf(container, 'h106').querySelector('.staff-acc-paper') as HTMLElement
    fireEvent.click(form.querySelector('.staff-acc-paper-choice--accept')!)
    fireEvent.click(form.querySelector('.staff-acc-paper-photo')!)
    await waitFor(() => expect(inactive(form.querySelector('.staff-acc-paper-submit')!)).toBe(false))
    fireEvent.click(form.querySelector('.staff-acc-paper-submit')!)
    fireEvent.click(form.querySelector('.staff-acc-paper-confirm')!)
    expect((await findIn(container, '#acceptance-h106 .staff-acc-paper-error')).textContent).toBe(refusal)
    await waitFor(() => expect(sent('GET /work-plans/p1/acceptance')).toHaveLength(2))
    expect(container.querySelector('#acceptance-h106 .staff-acc-paper-done')).toBeNull()
  })
})

describe('owner supervisors', () => {
  it('the committee names two households and their owners; the list is read again', async () => {
    const named = [
      { householdId: 'h2201', label: '1号楼2单元201', name: '王建国' },
      { householdId: 'h102', label: '1号楼1单元102', name: '李秀英' },
    ]
    const { container } = await openBoard(StaffRole.Committee, {
      'GET /compounds/c1/structure': ok(structure),
      'PUT /compounds/c1/owner-supervisors': ok(named),
      'GET /compounds/c1/owner-supervisors': [ok([named[0]]), ok(named)],
    })
    fireEvent.click(await findIn(container, '.staff-acc-supervisors-edit'))
    const second = await findIn(container, '.staff-acc-supervisor-slot[data-slot="1"]')
    expect(container.querySelector('.staff-acc-supervisor-slot[data-slot="0"] .works-picker__value')!.textContent).toBe('1号楼2单元201')
    // Roster order: 1号楼1单元101, 102, 1号楼2单元201, 2号楼1单元101 after 「不指定」.
    pickIn(second.querySelector('.staff-acc-supervisor-household')!, 2)
    expect(container.querySelector('.staff-acc-supervisors-save')!.textContent).toBe('请填写每位业主监督员的姓名')
    typeInto(second.querySelector('.staff-acc-supervisor-name')!, ' 李秀英 ')
    fireEvent.click(container.querySelector('.staff-acc-supervisors-save')!)
    expect((await findIn(container, '.staff-acc-supervisors-saved')).textContent).toBe('已保存业主监督员。')
    expect(sent('PUT /compounds/c1/owner-supervisors')[0].data).toEqual({ supervisors: [{ householdId: 'h2201', name: '王建国' }, { householdId: 'h102', name: '李秀英' }] })
    expect(texts(container, '.staff-acc-supervisor')).toEqual(['王建国 · 1号楼2单元201', '李秀英 · 1号楼1单元102'])
  })

  it('shows the server’s refusal in its words', async () => {
    const { container } = await openBoard(StaffRole.Committee, {
      'GET /compounds/c1/structure': ok(structure),
      'PUT /compounds/c1/owner-supervisors': { statusCode: 400, data: { statusCode: 400, code: 'VALIDATION_FAILED', message: '业主监督员须是本小区的住户' } },
    })
    fireEvent.click(await findIn(container, '.staff-acc-supervisors-edit'))
    await findIn(container, '.staff-acc-supervisors-save')
    fireEvent.click(container.querySelector('.staff-acc-supervisors-save')!)
    expect((await findIn(container, '.staff-acc-supervisors-error')).textContent).toBe('业主监督员须是本小区的住户')
  })
})

it('the published plan’s page opens 分户验收 and 保修维修; a draft’s does not offer them', async () => {
  useRouter.mockReturnValue({ params: { id: 'p1' } })
  serve({ ...signInAs(StaffRole.Street), 'GET /work-plans/p1': ok(publishedPlan) })
  const { container, unmount } = render(<StaffWorkPlanPage />)
  fireEvent.click(await findIn(container, '.works-open-acceptance'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/acceptance/index?workPlanId=p1' })
  fireEvent.click(container.querySelector('.works-open-repairs')!)
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/repairs/index?workPlanId=p1' })
  unmount()

  serve({ ...signInAs(StaffRole.Contractor), 'GET /work-plans/p1': ok({ ...publishedPlan, status: WorkPlanStatus.Draft, publishedAt: null }) })
  const draft = render(<StaffWorkPlanPage />)
  await findIn(draft.container, '.works-publish')
  expect(draft.container.querySelector('.works-open-acceptance')).toBeNull()
})
