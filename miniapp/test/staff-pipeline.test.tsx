/** The staff pipeline page (issue 14): stage and gates for everyone who works on the compound; moves and gate records for the street office. */
import { fireEvent, render, waitFor } from '@testing-library/react'
import { PipelineGate, PipelineStage, StaffRole } from '@linyi/shared'
import Taro, { ok, resetTaro, sent, serve, useRouter } from './taro-mock'
import { typeInto } from './dom-events'
import { findIn, signInAs } from './staff-fixtures'
import { COMPOUND, gate, pipelineView, reserveGates } from './pipeline-fixtures'
import { servePdfs } from './staff-publicity-fixtures'
import StaffPipelinePage from '../src/staff/pipeline/index'
import StaffCompoundPage from '../src/staff/compound/index'
import StaffHomePage from '../src/staff/home/index'
import { setLargeType } from '../src/store/large-type'

jest.setTimeout(20_000)

const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((el) => el.textContent)
const inactive = (button: Element) => button.className.includes('big-button--inactive')
const path = `/compounds/${COMPOUND}/pipeline`
const unmetAnswer = {
  statusCode: 409,
  data: {
    statusCode: 409,
    code: 'PIPELINE_GATES_UNMET',
    message: '还有 2 项条件未满足，暂不能列入年度计划：物业服务标准及收费已议定、违法建设已清理',
    gates: reserveGates().filter((g) => !g.met),
  },
}

beforeEach(() => {
  resetTaro()
  setLargeType(false)
  useRouter.mockReturnValue({ params: { id: COMPOUND } })
})

async function openPage(role: StaffRole, routes: Parameters<typeof serve>[0] = {}) {
  serve({ ...signInAs(role), [`GET ${path}`]: ok(pipelineView()), ...routes })
  const utils = render(<StaffPipelinePage />)
  await findIn(utils.container, '.pipeline-stage')
  return utils
}

describe('what everyone sees', () => {
  it('shows the stage large with since in Beijing time, each gate marked in words with its detail, the notice and the history', async () => {
    const { container } = await openPage(StaffRole.Committee)
    expect(container.querySelector('.page-header .page-title')!.textContent).toBe('红星小区')
    expect(container.querySelector('.pipeline-stage__label')!.textContent).toBe('储备库')
    expect(container.querySelector('.pipeline-stage__since')!.textContent).toBe('自 2026年11月2日 10:30（北京时间） 起')
    expect(container.querySelector('.pipeline-step--current')!.textContent).toBe('→ 储备库（当前）')
    const marks = texts(container, '.pipeline-gates .pipeline-mark')
    expect(marks).toEqual(['已满足', '未满足', '不要求', '未满足'])
    expect(container.querySelector('#pipeline-gate-PROPERTY_SERVICE_AGREEMENT .pipeline-gate__detail')!.textContent).toBe('《物业服务标准及收费》正在征询，2026-12-20截止后按结果计')
    expect(container.querySelector('.pipeline-notice__title')!.textContent).toBe('小区改造计划提前告知')
    expect(container.querySelector('.pipeline-notice__body')!.textContent).toContain('建议您近期暂缓户内装修')
    expect(container.querySelector('.pipeline-notice__issued')!.textContent).toBe('发出时间：2026年11月2日 10:30（北京时间）')
    expect(texts(container, '.pipeline-move__stages')).toEqual(['未入库 → 储备库'])
    expect(container.querySelector('.pipeline-move__who')!.textContent).toBe('街道李科长 · 2026年11月2日 10:30（北京时间）')
    expect(container.querySelector('.pipeline-move__note')!.textContent).toBe('说明：区住建局批复入库')
  })

  it.each([StaffRole.Committee, StaffRole.Contractor, StaffRole.Admin])('is read-only for a %s, with 还缺 listing every unmet gate and how to meet it', async (role) => {
    const { container } = await openPage(role)
    expect(container.querySelector('.pipeline-move-section')).toBeNull()
    expect(container.querySelector('.pipeline-records')).toBeNull()
    expect(container.querySelector('.pipeline-move-to')).toBeNull()
    expect(container.querySelector('.pipeline-missing__title')!.textContent).toBe('还缺：物业服务标准及收费已议定、违法建设已清理')
    expect([...container.querySelectorAll('.pipeline-missing__item')].map((item) => item.getAttribute('data-gate'))).toEqual([
      PipelineGate.PropertyServiceAgreement,
      PipelineGate.IllegalStructuresCleared,
    ])
    expect(container.querySelector('.pipeline-missing__item[data-gate=PROPERTY_SERVICE_AGREEMENT]')!.textContent).toContain('由居委会就物业服务标准及收费征询全体业主')
  })

  it('once the works are under way: every gate met, no 还缺, an excluded building with its reason, and the completion offered', async () => {
    const gates = reserveGates().map((g) => ({ ...g, met: true }))
    const excludedBuildings = [{ buildingId: 'b-2', name: '2号楼', reason: '《外窗护栏拆除意见征询》中2号楼1单元未获通过', consultationId: 'c-guard' }]
    const view = pipelineView({ stage: PipelineStage.InWorks, gates, excludedBuildings, nextStages: [PipelineStage.Completed], completion: { units: 4, acceptedUnits: 4, offered: true } })
    const { container } = await openPage(StaffRole.Committee, { [`GET ${path}`]: ok(view) })
    expect(container.querySelector('.pipeline-missing')).toBeNull()
    expect(container.querySelector('.pipeline-excluded .section-title')!.textContent).toBe('不列入年度计划的楼栋（1 栋）')
    expect(container.querySelector('#pipeline-excluded-b-2')!.textContent).toContain('2号楼《外窗护栏拆除意见征询》中2号楼1单元未获通过')
    expect(container.querySelector('.pipeline-completion__units')!.textContent).toContain('（4/4）')
    expect(container.querySelector('.pipeline-completion__offered')!.textContent).toBe('各单元已全部验收，可标记为已完工')
  })

  it('prints the advance notice, fetched with the staff token', async () => {
    const { fetchMock, open } = servePdfs()
    const { container } = await openPage(StaffRole.Committee)
    fireEvent.click(container.querySelector('.pipeline-print-notice')!)
    expect((await findIn(container, '.pipeline-print-notice-done')).textContent).toContain('新的浏览器窗口')
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([`/api/compounds/${COMPOUND}/pipeline/notice.pdf`])
    expect(open).toHaveBeenCalledTimes(1)
  })
})

describe('the street office', () => {
  it('gets one button per next stage; a refused move shows the server’s sentence and every unmet gate', async () => {
    const { container } = await openPage(StaffRole.Street, { [`POST ${path}`]: unmetAnswer })
    expect(texts(container, '.pipeline-move-to')).toEqual(['列入年度计划', '移出储备库'])
    // The gates and a refused move say what is missing: no 还缺 card for those who act here.
    expect(container.querySelector('.pipeline-missing')).toBeNull()
    typeInto(container.querySelector('.pipeline-move-note')!, '  区里下达年度计划  ')
    fireEvent.click(container.querySelector('.pipeline-move-to--annual_plan')!)
    const error = await findIn(container, '.pipeline-move-error')
    expect(error.textContent).toBe('还有 2 项条件未满足，暂不能列入年度计划：物业服务标准及收费已议定、违法建设已清理')
    expect(Taro.showModal).toHaveBeenCalledTimes(1)
    expect(sent(`POST ${path}`).map((r) => r.data)).toEqual([{ stage: 'ANNUAL_PLAN', note: '区里下达年度计划' }])
    const listed = container.querySelector('.pipeline-refusal__gates')!
    expect(listed.getAttribute('role')).toBe('alert')
    expect(texts(listed, '.pipeline-gate__label')).toEqual(['物业服务标准及收费已议定：未满足', '违法建设已清理：未满足'])
    expect(listed.textContent).toContain('街道尚未记录违法建设清理情况')
    // The page was read again: it may have been behind.
    await waitFor(() => expect(sent(`GET ${path}`)).toHaveLength(2))
  })

  it('moves once the server agrees, and shows the page as it answered', async () => {
    const moved = pipelineView({ stage: PipelineStage.AnnualPlan, gates: reserveGates().map((g) => ({ ...g, met: true })), nextStages: [PipelineStage.InWorks, PipelineStage.Reserve] })
    const { container } = await openPage(StaffRole.Street, { [`POST ${path}`]: ok(moved) })
    fireEvent.click(container.querySelector('.pipeline-move-to--annual_plan')!)
    await waitFor(() => expect(container.querySelector('.pipeline-stage__label')!.textContent).toBe('年度计划'))
    expect(sent(`POST ${path}`).map((r) => r.data)).toEqual([{ stage: 'ANNUAL_PLAN' }])
    expect(texts(container, '.pipeline-move-to')).toEqual(['标记为施工中', '退回储备库'])
    expect(container.querySelector('.pipeline-move-error')).toBeNull()
  })

  it('sends nothing when the confirmation is cancelled', async () => {
    const { container } = await openPage(StaffRole.Street)
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    fireEvent.click(container.querySelector('.pipeline-move-to--none')!)
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(sent(`POST ${path}`)).toHaveLength(0)
  })

  it('records the owners’ organisation: kind, name and the day it was formed', async () => {
    const recorded = pipelineView({ ownersOrganisation: { kind: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '红星小区物业管理委员会', formedOn: '2026-03-15' } as never })
    const { container } = await openPage(StaffRole.Street, { [`PUT /compounds/${COMPOUND}/owners-organisation`]: ok(recorded) })
    fireEvent.click(container.querySelector('.pipeline-organisation-open')!)
    fireEvent.click(container.querySelector('.pipeline-organisation-kind .choice-button[data-value=PROPERTY_MANAGEMENT_COMMITTEE]')!)
    typeInto(container.querySelector('.pipeline-organisation-name-input')!, '  ')
    expect(container.querySelector('.pipeline-organisation-save')!.textContent).toBe('请填写组织名称')
    typeInto(container.querySelector('.pipeline-organisation-name-input')!, ' 红星小区物业管理委员会 ')
    const picker = container.querySelector('.pipeline-organisation-date')!.closest('taro-picker-core')!
    fireEvent(picker, Object.assign(new Event('change', { bubbles: true }), { detail: { value: '2026-03-15' } }))
    fireEvent.click(container.querySelector('.pipeline-organisation-save')!)
    await findIn(container, '.pipeline-form__saved')
    expect(sent(`PUT /compounds/${COMPOUND}/owners-organisation`).map((r) => r.data)).toEqual([
      { kind: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '红星小区物业管理委员会', formedOn: '2026-03-15' },
    ])
    expect(container.querySelector('.pipeline-organisation .pipeline-form__summary')!.textContent).toBe('已记录：物业管理委员会「红星小区物业管理委员会」，2026-03-15成立')
  })

  it('records 违法建设清理 with a required note, and whether a fund pledge is required', async () => {
    const cleared = gate(PipelineGate.IllegalStructuresCleared, { detail: '已清理：顶层违建已拆除（街道李科长，2026-11-20记录）' })
    const afterIllegal = pipelineView({ gates: [...reserveGates().slice(0, 3), cleared] })
    const { container } = await openPage(StaffRole.Street, {
      [`PUT /compounds/${COMPOUND}/gates/ILLEGAL_STRUCTURES_CLEARED`]: ok(afterIllegal),
      [`PUT /compounds/${COMPOUND}/gates/FUND_PLEDGE`]: ok(pipelineView({ fundPledgeRequired: true })),
    })
    fireEvent.click(container.querySelector('.pipeline-illegal-open')!)
    const save = () => container.querySelector('.pipeline-illegal-form-save')!
    expect([inactive(save()), save().textContent]).toEqual([true, '请先选择'])
    fireEvent.click(container.querySelector('.pipeline-illegal-form-choice .choice-button[data-value=yes]')!)
    expect(save().textContent).toBe('请填写说明')
    typeInto(container.querySelector('.pipeline-illegal-form-note')!, '顶层违建已拆除')
    fireEvent.click(save())
    await waitFor(() => expect(container.querySelector('#pipeline-gate-ILLEGAL_STRUCTURES_CLEARED .pipeline-mark')!.textContent).toBe('已满足'))
    expect(sent(`PUT /compounds/${COMPOUND}/gates/ILLEGAL_STRUCTURES_CLEARED`).map((r) => r.data)).toEqual([{ met: true, note: '顶层违建已拆除' }])

    fireEvent.click(container.querySelector('.pipeline-fund-open')!)
    fireEvent.click(container.querySelector('.pipeline-fund-form-choice .choice-button[data-value=yes]')!)
    typeInto(container.querySelector('.pipeline-fund-form-note')!, '维修资金余额不足')
    fireEvent.click(container.querySelector('.pipeline-fund-form-save')!)
    await waitFor(() => expect(container.querySelector('.pipeline-fund .pipeline-form__summary')!.textContent).toBe('现要求本小区作专项维修资金补建续筹承诺'))
    expect(sent(`PUT /compounds/${COMPOUND}/gates/FUND_PLEDGE`).map((r) => r.data)).toEqual([{ required: true, note: '维修资金余额不足' }])
  })
})

it('says what is wrong with a link without a compound', async () => {
  useRouter.mockReturnValue({ params: {} })
  serve(signInAs(StaffRole.Street))
  const { container } = render(<StaffPipelinePage />)
  expect((await findIn(container, '.works-no-id')).textContent).toContain('链接中缺少小区编号')
  expect(sent(`GET ${path}`)).toHaveLength(0)
})

describe('the way in', () => {
  it.each([StaffRole.Committee, StaffRole.Street, StaffRole.Contractor, StaffRole.Admin])('the compound page offers a %s 改造进度', async (role) => {
    serve({
      ...signInAs(role),
      [`GET /compounds/${COMPOUND}/structure`]: ok({ id: COMPOUND, name: '红星小区', buildings: [] }),
      [`GET /consultations?compoundId=${COMPOUND}`]: ok([]),
      [`GET /compounds/${COMPOUND}/households`]: ok({ compoundId: COMPOUND, consultationId: null, households: [] }),
    })
    const { container } = render(<StaffCompoundPage />)
    const entry = await findIn(container, '[data-action=VIEW_PIPELINE] .compound-pipeline-entry')
    expect(entry.textContent).toBe('改造进度')
    fireEvent.click(entry)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/staff/pipeline/index?id=${COMPOUND}` })
  })

  it('each compound card on the 工作台 leads to its 改造进度', async () => {
    serve({ ...signInAs(StaffRole.Committee), 'GET /compounds': ok([{ id: COMPOUND, name: '红星小区', communityId: 'cm-1' }]) })
    const { container } = render(<StaffHomePage />)
    fireEvent.click(await findIn(container, `#compound-${COMPOUND} .compound-pipeline`))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/staff/pipeline/index?id=${COMPOUND}` })
  })
})
