/** The staff screens of in-home works (issue 10): the compound's plans, a new plan, a plan's windows and publishing. */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { DEFAULT_WORK_STEPS, StaffRole } from '@linyi/shared'
import Taro, { conflict, ok, resetTaro, sent, serve, useRouter } from './taro-mock'
import { typeInto } from './dom-events'
import { findIn, signInAs } from './staff-fixtures'
import { COMPOUND, applications, planView, structure, summaries } from './staff-works-fixtures'
import StaffWorksPage from '../src/staff/works/index'
import StaffCompoundPage from '../src/staff/compound/index'
import { setLargeType } from '../src/store/large-type'

// The whole plan form re-renders on each keystroke in jsdom: slow on a busy machine.
jest.setTimeout(20_000)

const inactive = (button: Element) => button.className.includes('big-button--inactive')
const texts = (container: HTMLElement, selector: string) => [...container.querySelectorAll(selector)].map((el) => el.textContent)
const compounds = ok([{ id: COMPOUND, name: '幸福里小区', communityId: 'cm1' }])

beforeEach(() => {
  resetTaro()
  setLargeType(false)
})

describe('the entry on the compound page', () => {
  beforeEach(() => useRouter.mockReturnValue({ params: { id: COMPOUND } }))

  it.each([StaffRole.Committee, StaffRole.Street, StaffRole.Contractor, StaffRole.Admin])('offers a %s 入户施工, which opens the compound’s plans', async (role) => {
    serve({ ...signInAs(role), [`GET /compounds/${COMPOUND}/structure`]: ok({ ...structure, buildings: [] }), [`GET /consultations?compoundId=${COMPOUND}`]: ok([]), [`GET /compounds/${COMPOUND}/households`]: ok({ compoundId: COMPOUND, consultationId: null, households: [] }) })
    const { container } = render(<StaffCompoundPage />)
    const entry = await findIn(container, '[data-action=VIEW_WORKS] .compound-works-entry')
    expect(entry.textContent).toBe('入户施工')
    fireEvent.click(entry)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/staff/works/index?compoundId=${COMPOUND}` })
  })
})

describe('the compound’s plans', () => {
  beforeEach(() => useRouter.mockReturnValue({ params: { compoundId: COMPOUND } }))
  const routes = { [`GET /work-plans?compoundId=${COMPOUND}`]: ok(summaries), 'GET /compounds': compounds }

  it('lists each plan with its state, units, windows, bookings and first day (北京时间); a tap opens it', async () => {
    serve({ ...signInAs(StaffRole.Contractor), ...routes })
    const { container } = render(<StaffWorksPage />)
    const published = await findIn(container, '#work-plan-p2')
    expect(published.querySelector('.works-status')!.textContent).toBe('已发布')
    expect(published.textContent).toContain('1 个单元 · 3 个施工时段')
    expect(published.querySelector('.works-plan-card__booked')!.textContent).toBe('已预约 5 / 8 户')
    expect(published.querySelector('.works-plan-card__first')!.textContent).toBe('第一个时段：12月8日（周二）')
    expect(published.textContent).toContain('发布于 2026年12月1日 10:00（北京时间）')
    const draft = container.querySelector('#work-plan-p1')!
    expect(draft.querySelector('.works-status')!.textContent).toBe('草稿，未发布')
    expect(draft.querySelector('.works-plan-card__first')!.textContent).toBe('还没有施工时段')
    expect(await screen.findByText('幸福里小区')).toBeTruthy()
    fireEvent.click(draft)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/work-plan/index?id=p1' })
    // The contractor plans the works.
    expect(container.querySelector('.works-new-plan')).toBeTruthy()
  })

  it.each([StaffRole.Street, StaffRole.Admin])('a %s reads the plans but is not offered a new one', async (role) => {
    serve({ ...signInAs(role), ...routes })
    const { container } = render(<StaffWorksPage />)
    await findIn(container, '#work-plan-p1')
    expect(container.querySelector('.works-new-plan')).toBeNull()
    expect(screen.getByText('查看本小区的施工计划和预约情况（只读）。')).toBeTruthy()
  })
})

describe('a new plan', () => {
  beforeEach(() => useRouter.mockReturnValue({ params: { compoundId: COMPOUND } }))

  async function openForm(extra: Parameters<typeof serve>[0] = {}, shown = '.works-plan-form') {
    serve({
      ...signInAs(StaffRole.Committee),
      [`GET /work-plans?compoundId=${COMPOUND}`]: ok([]),
      'GET /compounds': compounds,
      [`GET /compounds/${COMPOUND}/structure`]: ok(structure),
      [`GET /consultations?compoundId=${COMPOUND}`]: ok(applications),
      ...extra,
    })
    const utils = render(<StaffWorksPage />)
    fireEvent.click(await findIn(utils.container, '.works-new-plan'))
    await findIn(utils.container, shown)
    return utils
  }

  it('offers the plumbing application and only its units, the default steps, and sends exactly what was filled in', async () => {
    const created = planView({ id: 'p9' })
    const { container } = await openForm({ 'POST /work-plans': { statusCode: 201, data: created } })
    // The only plumbing application is picked already; the design vote is not offered.
    expect(texts(container, '.works-application-choices .choice-button')).toEqual(['✓ 1号楼上下水管线改造申请（进行中）'])
    // 2号楼 was not asked in that application.
    expect(texts(container, '.works-unit .screening-tick__label')).toEqual(['1号楼1单元（2 户）', '1号楼2单元（1 户）'])
    expect(container.querySelectorAll('.works-step')).toHaveLength(DEFAULT_WORK_STEPS.length)

    const save = () => container.querySelector('.works-plan-save')!
    expect([inactive(save()), save().textContent]).toEqual([true, '请填写计划名称'])
    typeInto(container.querySelector('.works-title-input')!, '  1号楼上下水立管更换 ')
    expect(save().textContent).toBe('请至少选择一个单元')
    fireEvent.click(within(container.querySelector('[data-building=b1]') as HTMLElement).getByText('全选本楼'))
    fireEvent.click(container.querySelector('.works-unit-u2')!)
    expect(container.querySelector('.works-unit-u2')!.getAttribute('aria-checked')).toBe('false')

    // Steps: the second removed, the first renamed, a new one added and moved up.
    fireEvent.click(container.querySelector('[data-step="1"] .works-step-remove')!)
    typeInto(container.querySelector('[data-step="0"] .works-step-title')!, '全单元停水')
    fireEvent.click(container.querySelector('.works-step-add')!)
    expect(save().textContent).toBe('第 6 步还没有填写名称')
    const last = container.querySelectorAll('.works-step').length - 1
    typeInto(container.querySelector(`[data-step="${last}"] .works-step-title`)!, '清理现场')
    typeInto(container.querySelector(`[data-step="${last}"] .works-step-description`)!, '清运垃圾')
    fireEvent.click(container.querySelector(`[data-step="${last}"] .works-step-up`)!)

    typeInto(container.querySelector('.works-waterCut-input')!, '施工当天 8:00—18:00 全单元停水')
    typeInto(container.querySelector('.works-phone-input')!, '12345')
    expect(container.querySelector('.works-phone-error')!.textContent).toBe('联系电话应为手机号或带区号的座机，如 010-64001234')
    expect(inactive(save())).toBe(true)
    typeInto(container.querySelector('.works-phone-input')!, '138 0000 1111')
    expect(container.querySelector('.works-phone-error')).toBeNull()
    expect(save().textContent).toBe('保存为草稿')
    fireEvent.click(save())

    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/work-plan/index?id=p9' }))
    const defaults = DEFAULT_WORK_STEPS
    expect(sent('POST /work-plans').map((r) => r.data)).toEqual([
      {
        compoundId: COMPOUND,
        consultationId: 'k-plumbing',
        title: '1号楼上下水立管更换',
        unitIds: ['u1'],
        steps: [
          { ...defaults[0], title: '全单元停水' },
          defaults[2],
          defaults[3],
          defaults[4],
          { title: '清理现场', description: '清运垃圾' },
          defaults[5],
        ],
        waterCut: '施工当天 8:00—18:00 全单元停水',
        contactPhone: '13800001111',
      },
    ])
    // The form is gone and the list is read again for when the staff member comes back.
    expect(container.querySelector('.works-plan-form')).toBeNull()
    expect(sent(`GET /work-plans?compoundId=${COMPOUND}`)).toHaveLength(2)
  })

  it('shows the server’s refusal and keeps what was typed', async () => {
    const { container } = await openForm({ 'POST /work-plans': { statusCode: 400, data: { statusCode: 400, code: 'WORK_PLAN_INVALID', message: '所选单元不属于这个小区' } } })
    typeInto(container.querySelector('.works-title-input')!, '立管更换')
    fireEvent.click(container.querySelector('.works-unit-u1')!)
    fireEvent.click(container.querySelector('.works-plan-save')!)
    expect((await findIn(container, '.works-plan-save-error')).textContent).toBe('所选单元不属于这个小区')
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    expect(container.querySelector('.works-plan-form')).toBeTruthy()
  })

  it('shows the pipeline’s refusal (not yet in the year’s plan) in the server’s words', async () => {
    const message = '本小区处于“储备库”阶段，列入年度计划后才能制定施工计划'
    const { container } = await openForm({ 'POST /work-plans': conflict('PIPELINE_NOT_IN_PLAN', message) })
    typeInto(container.querySelector('.works-title-input')!, '立管更换')
    fireEvent.click(container.querySelector('.works-unit-u1')!)
    fireEvent.click(container.querySelector('.works-plan-save')!)
    expect((await findIn(container, '.works-plan-save-error')).textContent).toBe(message)
  })

  it('says what is missing when the compound has no plumbing application', async () => {
    const { container } = await openForm({ [`GET /consultations?compoundId=${COMPOUND}`]: ok([applications[1]]) }, '.works-no-application')
    expect(container.querySelector('.works-no-application')!.textContent).toContain('这个小区还没有“上下水管线改造申请”')
    expect(container.querySelector('.works-plan-form')).toBeNull()
  })
})
