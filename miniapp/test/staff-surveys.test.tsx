/** A compound's surveys: the list, and a new survey with questions of the four kinds saved as a draft. */
import { fireEvent, render } from '@testing-library/react'
import { QuestionKind, StaffRole, SurveyPurpose, SurveyStatus, fromShanghai, shanghaiDate } from '@linyi/shared'
import Taro, { ok, resetTaro, sent, serve, useRouter } from './taro-mock'
import { typeInto } from './dom-events'
import { findIn, signInAs } from './staff-fixtures'
import { COMPOUND, draftView, surveyView } from './staff-surveys-fixtures'
import StaffSurveysPage from '../src/staff/surveys/index'
import { setLargeType } from '../src/store/large-type'

jest.setTimeout(20_000)

const LIST = `GET /compounds/${COMPOUND}/surveys`
const DAY_MS = 24 * 3600 * 1000
const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((el) => el.textContent)
const inactive = (button: Element) => button.className.includes('big-button--inactive')
const pickIn = (box: Element, value: string) => fireEvent(box.closest('taro-picker-core')!, Object.assign(new Event('change', { bubbles: true }), { detail: { value } }))
const choose = (root: Element, value: string) => fireEvent.click(root.querySelector(`.choice-button[data-value="${value}"]`)!)

const surveys = [
  surveyView({ id: 's-old', title: '改造需求调查', purpose: SurveyPurpose.Needs, status: SurveyStatus.Closed, closedAt: '2026-10-01T10:00:00.000Z', createdAt: '2026-09-01T02:00:00.000Z' }),
  draftView({ id: 's-new', title: '满意度调查（草稿）', anonymous: true, createdAt: '2026-12-03T02:00:00.000Z' }),
  surveyView(),
]

beforeEach(() => {
  resetTaro()
  setLargeType(false)
  useRouter.mockReturnValue({ params: { compoundId: COMPOUND } })
})

async function openList(role: StaffRole, routes: Parameters<typeof serve>[0] = {}) {
  serve({ ...signInAs(role), 'GET /compounds': ok([{ id: COMPOUND, name: '幸福里小区', communityId: 'cm1' }]), [LIST]: ok(surveys), ...routes })
  const utils = render(<StaffSurveysPage />)
  await findIn(utils.container, '.surveys-list .survey-card, .surveys-none')
  return utils
}

describe('the list', () => {
  it('shows the newest first with state, purpose, 匿名 and closing time in Beijing time; a card opens its survey', async () => {
    const { container } = await openList(StaffRole.Committee)
    expect(container.querySelector('.surveys-compound-name')?.textContent).toBe('幸福里小区')
    expect(texts(container, '.survey-card__title')).toEqual(['满意度调查（草稿）', '1号楼改造满意度调查', '改造需求调查'])
    expect(texts(container, '.survey-card .survey-status')).toEqual(['草稿，未发布', '正在收集', '已结束'])
    expect(texts(container, '.survey-card .survey-purpose-label')).toEqual(['改造满意度调查', '改造满意度调查', '改造需求调查'])
    expect(texts(container, '.survey-card__figure')).toEqual(['4 道题 · 截止 2099年12月20日 20:00（北京时间）', '4 道题 · 截止 2099年12月20日 20:00（北京时间）', '4 道题 · 已于 2026年10月1日 18:00（北京时间） 结束'])
    expect(container.querySelector('#survey-s-new .survey-anonymous-badge')!.textContent).toBe('匿名')
    expect(container.querySelector('#survey-s1 .survey-anonymous-badge')).toBeNull()
    fireEvent.click(container.querySelector('#survey-s-new')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/survey/index?surveyId=s-new' })
  })

  it('says so when there is none yet', async () => {
    const { container } = await openList(StaffRole.Street, { [LIST]: ok([]) })
    expect(container.querySelector('.surveys-none')!.textContent).toContain('还没有问卷')
  })

  it('puts the whole page in large type', async () => {
    setLargeType(true)
    const { container } = await openList(StaffRole.Committee)
    expect(container.querySelector('.screen.staff-surveys')!.className).toContain('large-type')
  })

  it.each([StaffRole.Contractor, StaffRole.Admin])('a %s gets a sentence instead of the page', async (role) => {
    serve({ ...signInAs(role), [LIST]: ok(surveys) })
    const { container } = render(<StaffSurveysPage />)
    await findIn(container, '.staff-gate--denied')
    expect(sent(LIST)).toHaveLength(0)
  })
})

describe('a new survey', () => {
  it('builds questions of the four kinds, says what is missing on the button, and sends exactly what was typed', async () => {
    const created = draftView({ id: 's9' })
    const { container } = await openList(StaffRole.Street, { 'POST /surveys': { statusCode: 201, data: created } })
    fireEvent.click(container.querySelector('.survey-new')!)
    const form = container.querySelector('.survey-form')!
    const save = () => form.querySelector('.survey-save')!
    expect([inactive(save()), save().textContent]).toEqual([true, '请填写问卷标题'])
    // Closing in two weeks, at 20:00 Beijing time.
    expect(form.querySelector('.survey-close-date .works-picker__value')!.textContent).toBe(shanghaiDate(new Date(Date.now() + 14 * DAY_MS)))
    expect(form.querySelector('.survey-close-time .works-picker__value')!.textContent).toBe('20:00')

    choose(form.querySelector('.survey-purpose')!, SurveyPurpose.Satisfaction)
    typeInto(form.querySelector('.survey-title-input')!, ' 改造满意度调查 ')
    typeInto(form.querySelector('.survey-intro-input')!, '请您评价。')
    fireEvent.click(form.querySelector('.survey-anonymous')!)
    expect(form.querySelector('.survey-anonymity')!.textContent).toContain('看不到哪一户答了什么')
    expect(save().textContent).toBe('第 1 题还没有填写题目')

    const question = (n: number) => form.querySelectorAll('.survey-question-editor')[n - 1]
    typeInto(question(1).querySelector('.survey-question-title')!, '施工满意吗？')
    expect(save().textContent).toBe('第 1 题的选项 1 还没有填写')
    const choiceInputs = () => question(1).querySelectorAll('.survey-choice-title')
    typeInto(choiceInputs()[0], '满意')
    typeInto(choiceInputs()[1], '满意')
    expect(save().textContent).toBe('第 1 题有两个相同的选项')
    typeInto(choiceInputs()[1], '不满意')
    fireEvent.click(question(1).querySelector('.survey-choice-add')!)
    typeInto(choiceInputs()[2], '一般')

    fireEvent.click(form.querySelector('.survey-question-add')!)
    choose(question(2), QuestionKind.Multiple)
    typeInto(question(2).querySelector('.survey-question-title')!, '哪些要改进？')
    typeInto(question(2).querySelectorAll('.survey-choice-title')[0], '噪音')
    typeInto(question(2).querySelectorAll('.survey-choice-title')[1], '垃圾')
    fireEvent.click(question(2).querySelector('.survey-question-required')!)

    fireEvent.click(form.querySelector('.survey-question-add')!)
    choose(question(3), QuestionKind.Rating)
    expect(question(3).querySelector('.survey-choice-title')).toBeNull()
    expect(question(3).querySelector('.survey-question-hint')!.textContent).toContain('1 到 5 分')
    typeInto(question(3).querySelector('.survey-question-title')!, '总体打分')

    fireEvent.click(form.querySelector('.survey-question-add')!)
    choose(question(4), QuestionKind.Text)
    typeInto(question(4).querySelector('.survey-question-title')!, '其他意见')
    // The text question goes up one place: before the rating.
    fireEvent.click(question(4).querySelector('.survey-question-up')!)
    expect(texts(form, '.survey-question-editor__number')).toEqual(['第 1 题', '第 2 题', '第 3 题', '第 4 题'])

    const day = shanghaiDate(new Date(Date.now() + 30 * DAY_MS))
    pickIn(form.querySelector('.survey-close-date')!, day)
    pickIn(form.querySelector('.survey-close-time')!, '18:30')
    expect([inactive(save()), save().textContent]).toEqual([false, '保存为草稿'])
    fireEvent.click(save())

    await findIn(container, '.survey-new')
    expect(sent('POST /surveys').map((r) => r.data)).toEqual([
      {
        compoundId: COMPOUND,
        purpose: SurveyPurpose.Satisfaction,
        title: '改造满意度调查',
        intro: '请您评价。',
        anonymous: true,
        questions: [
          { id: 'q1', kind: QuestionKind.Single, title: '施工满意吗？', required: true, choices: [{ id: 'c1', title: '满意' }, { id: 'c2', title: '不满意' }, { id: 'c3', title: '一般' }] },
          { id: 'q2', kind: QuestionKind.Multiple, title: '哪些要改进？', required: false, choices: [{ id: 'c1', title: '噪音' }, { id: 'c2', title: '垃圾' }] },
          { id: 'q4', kind: QuestionKind.Text, title: '其他意见', required: true },
          { id: 'q3', kind: QuestionKind.Rating, title: '总体打分', required: true },
        ],
        closesAt: fromShanghai(day, '18:30').toISOString(),
      },
    ])
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/survey/index?surveyId=s9' })
    expect(container.querySelector('.survey-form')).toBeNull()
  })

  it('refuses a closing time in the past, and shows the server’s refusal', async () => {
    const { container } = await openList(StaffRole.Committee, { 'POST /surveys': { statusCode: 400, data: { statusCode: 400, code: 'SURVEY_INVALID', message: '第 1 题的选项不能重复' } } })
    fireEvent.click(container.querySelector('.survey-new')!)
    const form = container.querySelector('.survey-form')!
    typeInto(form.querySelector('.survey-title-input')!, '需求调查')
    choose(form.querySelector('.survey-question-editor')!, QuestionKind.Text)
    typeInto(form.querySelector('.survey-question-title')!, '您希望改造什么？')
    pickIn(form.querySelector('.survey-close-date')!, shanghaiDate(new Date(Date.now() - DAY_MS)))
    expect(form.querySelector('.survey-save')!.textContent).toBe('截止时间已经过去，请选择以后的时间')
    pickIn(form.querySelector('.survey-close-date')!, shanghaiDate(new Date(Date.now() + 3 * DAY_MS)))
    fireEvent.click(form.querySelector('.survey-save')!)
    expect((await findIn(container, '.survey-save-error')).textContent).toBe('第 1 题的选项不能重复')
    expect(container.querySelector('.survey-form')).toBeTruthy()
  })
})
