/** 验收检测: the contractor records a household's tests with photos and sees what the server decided; others read the record. */
import { fireEvent, render, waitFor } from '@testing-library/react'
import { AcceptanceChannel, AcceptanceDecision, AcceptanceStatus, InspectionTest, RepairStatus, StaffRole } from '@linyi/shared'
import Taro, { ok, resetTaro, sent, serve, serveDownloadsAsBlobs, useRouter } from './taro-mock'
import { typeInto } from './dom-events'
import { findIn, signInAs } from './staff-fixtures'
import { acceptanceView, failedInspection, rejection, repair, warrantyView } from './staff-acceptance-fixtures'
import StaffInspectionPage from '../src/staff/inspection/index'
import { setLargeType } from '../src/store/large-type'

jest.mock('../src/lib/colour-photo', () => ({ chooseColourPhoto: jest.fn(async () => 'data:image/jpeg;base64,QkFMTA==') }))

jest.setTimeout(20_000)

const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((el) => el.textContent)
const inactive = (button: Element) => button.className.includes('big-button--inactive')
const ROUTE = 'GET /households/h104/acceptance?workPlanId=p1'

beforeEach(() => {
  resetTaro()
  setLargeType(false)
  useRouter.mockReturnValue({ params: { householdId: 'h104', workPlanId: 'p1' } })
  serveDownloadsAsBlobs()
})

async function openInspection(role: StaffRole, extra: Parameters<typeof serve>[0] = {}) {
  serve({ ...signInAs(role), [ROUTE]: ok(acceptanceView()), ...extra })
  const utils = render(<StaffInspectionPage />)
  await findIn(utils.container, '.staff-acc-household')
  return utils
}

const testRow = (container: HTMLElement, test: InspectionTest) => container.querySelector(`.staff-acc-inspection-form .staff-acc-test[data-test="${test}"]`) as HTMLElement
const submitButton = (container: HTMLElement) => container.querySelector('.staff-acc-inspection-submit')!

describe('the contractor’s inspection', () => {
  it('starts from the plumbing template’s required tests and asks for 合格 or 不合格 on each', async () => {
    const { container } = await openInspection(StaffRole.Contractor)
    expect(container.querySelector('.staff-acc-household')!.textContent).toBe('1号楼1单元104')
    expect(texts(container, '.staff-acc-inspection-form .staff-acc-test__label')).toEqual(['通球试验', '管根不渗不漏'])
    expect(texts(container, '.staff-acc-inspection-form .staff-acc-required')).toEqual(['必检', '必检'])
    expect([inactive(submitButton(container)), submitButton(container).textContent]).toEqual([true, '请为「通球试验」选择合格或不合格'])
    // The optional ones of the kind can be added.
    expect(texts(container, '.staff-acc-add-test')).toEqual(['＋ 通水试压', '＋ 墙地面恢复', '＋ 其他'])
  })

  it('records a test with its value and photo, leaving NO_LEAK out: the server says not passed and what is missing', async () => {
    const { container } = await openInspection(StaffRole.Contractor, {
      'POST /households/h104/inspections': { statusCode: 201, data: { id: 'i-9', passed: false, missing: [InspectionTest.NoLeak], evidenceSha256: 'ev' } },
      [ROUTE]: [ok(acceptanceView()), ok(acceptanceView({ inspected: true, inspections: [failedInspection] }))],
    })
    const ball = testRow(container, InspectionTest.BallPass)
    fireEvent.click(ball.querySelector('.staff-acc-verdict--pass')!)
    expect(ball.querySelector('.staff-acc-verdict--pass')!.getAttribute('aria-checked')).toBe('true')
    typeInto(ball.querySelector('.staff-acc-test-value')!, ' Φ75 球，一次通过 ')
    fireEvent.click(ball.querySelector('.staff-acc-photo-choose')!)
    await waitFor(() => expect(ball.querySelector('.staff-acc-photo-picker__preview')?.getAttribute('src')).toBe('data:image/jpeg;base64,QkFMTA=='))
    fireEvent.click(testRow(container, InspectionTest.NoLeak).querySelector('.staff-acc-test-remove')!)
    expect(testRow(container, InspectionTest.NoLeak)).toBeNull()
    // Warned before sending; the required test can be put back.
    expect(container.querySelector('.staff-acc-preview')!.textContent).toBe('提交后本户检测不通过：缺少必检项目「管根不渗不漏」。')
    expect(container.querySelector('.staff-acc-add-test--no_leak')).toBeTruthy()
    fireEvent.click(submitButton(container))

    const outcome = await findIn(container, '.staff-acc-outcome--failed')
    expect(outcome.getAttribute('role')).toBe('status')
    expect(outcome.querySelector('.staff-acc-outcome__title')!.textContent).toBe('检测未通过')
    expect(outcome.querySelector('.staff-acc-outcome__missing')!.textContent).toBe('缺少必检项目：管根不渗不漏')
    expect(sent('POST /households/h104/inspections').map((r) => r.data)).toEqual([
      { workPlanId: 'p1', results: [{ test: InspectionTest.BallPass, passed: true, value: 'Φ75 球，一次通过', photoPng: 'data:image/jpeg;base64,QkFMTA==' }] },
    ])
    // The record is read again: the new inspection shows above, the form starts afresh.
    await findIn(container, '#inspection-i-1')
    expect(texts(container, '#inspection-i-1 .staff-acc-result__line')).toEqual(['通球试验：合格 · Φ75 球，一次通过'])
    expect(container.querySelector('#inspection-i-1 .staff-acc-missing')!.textContent).toBe('缺少必检项目：管根不渗不漏')
    expect(texts(container, '.staff-acc-inspection-form .staff-acc-test__label')).toEqual(['通球试验', '管根不渗不漏'])
  })

  it('a full passing inspection, with an added optional test and a note: 检测通过', async () => {
    const { container } = await openInspection(StaffRole.Contractor, {
      'POST /households/h104/inspections': { statusCode: 201, data: { id: 'i-9', passed: true, missing: [], evidenceSha256: 'ev' } },
    })
    fireEvent.click(container.querySelector('.staff-acc-add-test--water_pressure')!)
    for (const test of [InspectionTest.BallPass, InspectionTest.NoLeak, InspectionTest.WaterPressure]) fireEvent.click(testRow(container, test).querySelector('.staff-acc-verdict--pass')!)
    typeInto(container.querySelector('.staff-acc-note')!, '立管已固定')
    expect(container.querySelector('.staff-acc-preview')!.textContent).toContain('提交后本户检测通过')
    fireEvent.click(submitButton(container))
    expect((await findIn(container, '.staff-acc-outcome--passed .staff-acc-outcome__title')).textContent).toBe('检测通过')
    expect(sent('POST /households/h104/inspections')[0].data).toEqual({
      workPlanId: 'p1',
      results: [
        { test: InspectionTest.BallPass, passed: true },
        { test: InspectionTest.NoLeak, passed: true },
        { test: InspectionTest.WaterPressure, passed: true },
      ],
      note: '立管已固定',
    })
  })

  it('a failed test is said as such, and the server’s refusal is shown in its words', async () => {
    const { container } = await openInspection(StaffRole.Contractor, {
      'POST /households/h104/inspections': { statusCode: 400, data: { statusCode: 400, code: 'INSPECTION_INVALID', message: '给排水立管更换的验收没有「淋水试验不渗漏」这一项' } },
    })
    fireEvent.click(testRow(container, InspectionTest.BallPass).querySelector('.staff-acc-verdict--fail')!)
    fireEvent.click(testRow(container, InspectionTest.NoLeak).querySelector('.staff-acc-verdict--pass')!)
    expect(container.querySelector('.staff-acc-preview')!.textContent).toBe('提交后本户检测不通过：「通球试验」不合格。')
    fireEvent.click(submitButton(container))
    expect((await findIn(container, '.staff-acc-inspection-error')).textContent).toBe('给排水立管更换的验收没有「淋水试验不渗漏」这一项')
    // Nothing the crew filled in is lost.
    expect(testRow(container, InspectionTest.BallPass).querySelector('.staff-acc-verdict--fail')!.getAttribute('aria-checked')).toBe('true')
  })

  it('shows a rework household’s defects and earlier inspections with their photos above the form', async () => {
    const earlier = { ...failedInspection, id: 'i-0', at: '2026-12-01T02:00:00.000Z', results: [{ test: InspectionTest.BallPass, passed: false, value: '球卡在二层', photoSha256: null }] }
    const { container } = await openInspection(StaffRole.Contractor, {
      [ROUTE]: ok(acceptanceView({ status: AcceptanceStatus.Rework, inspected: true, passed: true, inspections: [failedInspection, earlier], records: [rejection] })),
    })
    expect(container.querySelector('.staff-acc-chip')!.textContent).toBe('整改中')
    expect(container.querySelector('#record-rec-1 .staff-acc-decision__title')!.textContent).toBe('不合格，需整改')
    expect(container.querySelector('#record-rec-1 .staff-acc-defect__text')!.textContent).toBe('1. 卫生间立管接口滴水')
    await waitFor(() => expect(container.querySelector('#record-rec-1 .staff-acc-photo__image')?.getAttribute('src')).toBe('blob:sha-drip'))
    await waitFor(() => expect(container.querySelector('#inspection-i-1 .staff-acc-photo__image')?.getAttribute('src')).toBe('blob:sha-ball'))
    expect(container.querySelector('#inspection-i-1')!.textContent).toContain('2026年12月3日 14:30（北京时间） · 施工单位王工')
    // Older inspections are folded away until asked for.
    expect(container.querySelector('#inspection-i-0')).toBeNull()
    fireEvent.click(container.querySelector('.staff-acc-show-earlier')!)
    expect(texts(container, '#inspection-i-0 .staff-acc-result__line')).toEqual(['通球试验：不合格 · 球卡在二层'])
    expect(container.querySelector('.staff-acc-history')!.compareDocumentPosition(container.querySelector('.staff-acc-inspection-form')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  })

  it('after acceptance the form is replaced by the way to repairs and the warranty’s periods', async () => {
    const accepted = acceptanceView({
      status: AcceptanceStatus.Accepted,
      inspected: true,
      passed: true,
      acceptedAt: '2026-12-05T03:00:00.000Z',
      inspections: [{ ...failedInspection, passed: true, missing: [] }],
      records: [{ ...rejection, id: 'rec-2', decision: AcceptanceDecision.Accept, channel: AcceptanceChannel.Paper, defects: [], signedBy: '居委会 张主任 录入纸质验收单', paperScanSha256: 'sha-scan', signOffs: [{ supervisorName: '王建国', at: '2026-12-06T02:00:00.000Z', evidenceSha256: 'ev-s' }] }],
    })
    const { container } = await openInspection(StaffRole.Contractor, {
      [ROUTE]: ok(accepted),
      'GET /households/h104/warranty': ok(warrantyView()),
      'GET /households/h104/repairs': ok([repair({ id: 'r1' }), repair({ id: 'r2', status: RepairStatus.Accepted }), repair({ id: 'r3', workPlanId: 'p-other' })]),
    })
    expect(container.querySelector('.staff-acc-accepted__title')!.textContent).toBe('已验收，问题请走保修维修')
    expect(container.querySelector('.staff-acc-inspection-form')).toBeNull()
    await waitFor(() => expect(texts(container, '.staff-acc-warranty-item')).toEqual(['给排水管道：保修 2 年，2026-12-05 至 2028-12-04', '管根及卫生间防水：保修 5 年，2026-12-05 至 2031-12-04']))
    expect(container.querySelector('.staff-acc-household-repairs')!.textContent).toBe('本户报修 2 次，其中待维修 1 次。')
    expect(container.querySelector('#record-rec-2')!.textContent).toContain('居委会 张主任 录入纸质验收单')
    expect(container.querySelector('#record-rec-2 .staff-acc-sign-off')!.textContent).toContain('业主监督员 王建国 已签字')
    await waitFor(() => expect(container.querySelector('#record-rec-2 .staff-acc-photo__image')?.getAttribute('src')).toBe('blob:sha-scan'))
    fireEvent.click(container.querySelector('.staff-acc-open-repairs')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/repairs/index?workPlanId=p1' })
  })
})

it.each([StaffRole.Committee, StaffRole.Street])('a %s reads the record and gets no form', async (role) => {
  const { container } = await openInspection(role, { [ROUTE]: ok(acceptanceView({ inspected: true, inspections: [failedInspection] })) })
  expect(container.querySelector('.staff-acc-inspection-form')).toBeNull()
  expect(container.querySelector('.staff-acc-read-only')).toBeTruthy()
  expect(container.querySelector('#inspection-i-1')).toBeTruthy()
})

it('says where to start when the link lacks the household', async () => {
  useRouter.mockReturnValue({ params: { workPlanId: 'p1' } })
  serve(signInAs(StaffRole.Contractor))
  const { container } = render(<StaffInspectionPage />)
  expect((await findIn(container, '.works-no-id')).textContent).toContain('请从“分户验收”进入')
})

it('puts the form in large type', async () => {
  setLargeType(true)
  const { container } = await openInspection(StaffRole.Contractor)
  expect(container.querySelector('.screen.staff-inspection')!.className).toContain('large-type')
})
