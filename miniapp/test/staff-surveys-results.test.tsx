/** One survey for the committee: publishing and ending it, and its results per question as bars of plain Views. */
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import { StaffRole, SurveyStatus } from '@linyi/shared'
import Taro, { conflict, ok, resetTaro, sent, serve, useRouter } from './taro-mock'
import { findIn, signInAs } from './staff-fixtures'
import { draftView, results, surveyView } from './staff-surveys-fixtures'
import StaffSurveyPage from '../src/staff/survey/index'
import { setLargeType } from '../src/store/large-type'

jest.setTimeout(20_000)

const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((el) => el.textContent)
const widths = (root: ParentNode, selector: string) => [...root.querySelectorAll(`${selector} .progress-bar__fill`)].map((el) => (el as HTMLElement).style.width)

beforeEach(() => {
  resetTaro()
  setLargeType(false)
  useRouter.mockReturnValue({ params: { surveyId: 's1' } })
})

async function openSurvey(role: StaffRole, routes: Parameters<typeof serve>[0] = {}, ready = '.survey-title') {
  serve({ ...signInAs(role), 'GET /surveys/s1': ok(surveyView()), 'GET /surveys/s1/results': ok(results()), ...routes })
  const utils = render(<StaffSurveyPage />)
  await findIn(utils.container, ready)
  return utils
}

describe('results', () => {
  it('draws each choice as a bar of the households that answered the question, with the count and percent in words', async () => {
    const { container } = await openSurvey(StaffRole.Committee, {}, '.survey-result')
    expect(container.querySelector('.survey-status')!.textContent).toBe('正在收集')
    expect(container.querySelector('.survey-purpose-label')!.textContent).toBe('改造满意度调查')
    expect(container.querySelector('.survey-closing-line')!.textContent).toBe('截止 2099年12月20日 20:00（北京时间）')

    const turnout = container.querySelector('.survey-turnout')!
    expect(turnout.querySelector('.survey-bar__label')!.textContent).toBe('已作答（共 40 户）')
    expect(turnout.querySelector('.survey-bar__count')!.textContent).toBe('10 户')
    expect(widths(turnout, '.survey-turnout-bar')).toEqual(['25%'])

    const q1 = container.querySelector('.survey-result[data-question="q1"]')!
    expect(q1.querySelector('.survey-result__title')!.textContent).toBe('1. 您对施工队的文明施工满意吗？')
    expect(q1.querySelector('.survey-result__meta')!.textContent).toBe('单选 · 10 户作答')
    expect(texts(q1, '.survey-bar__label')).toEqual(['满意', '一般', '不满意'])
    expect(texts(q1, '.survey-bar__count')).toEqual(['7 户', '2 户', '1 户'])
    expect(widths(q1, '.survey-choice-bar')).toEqual(['70%', '20%', '10%'])
    expect(texts(q1, '.progress-bar__percent')).toEqual(['70%', '20%', '10%'])
    expect(q1.querySelector('[role="progressbar"]')!.getAttribute('aria-label')).toBe('满意：7 户，占 70%')

    // Several choices each: every bar counts against those who answered (4), so they may add up past 100%.
    const q2 = container.querySelector('.survey-result[data-question="q2"]')!
    expect(q2.querySelector('.survey-result__meta')!.textContent).toContain('百分比按作答户数计')
    expect(widths(q2, '.survey-choice-bar')).toEqual(['75%', '100%'])
  })

  it('shows a rating’s average and a bar for every score, 5 down to 1, even those nobody gave', async () => {
    const { container } = await openSurvey(StaffRole.Committee, {}, '.survey-result')
    const q3 = container.querySelector('.survey-result[data-question="q3"]')!
    expect(q3.querySelector('.survey-average')!.textContent).toBe('平均 4.1 分（满分 5 分）')
    expect(texts(q3, '.survey-bar__label')).toEqual(['5 分', '4 分', '3 分', '2 分', '1 分'])
    expect(texts(q3, '.survey-bar__count')).toEqual(['5 户', '2 户', '0 户', '0 户', '1 户'])
    expect(widths(q3, '.survey-rating-bar')).toEqual(['63%', '25%', '0%', '0%', '13%'])
  })

  it('a named survey shows each text answer with its household; an anonymous one says so and shows none', async () => {
    const named = await openSurvey(StaffRole.Committee, {}, '.survey-result')
    const q4 = named.container.querySelector('.survey-result[data-question="q4"]')!
    expect(texts(q4, '.survey-text__words')).toEqual(['希望楼道灯也换了', '施工很认真'])
    expect(texts(q4, '.survey-text__who')).toEqual(['1号楼1单元101', '1号楼2单元302'])
    expect(named.container.querySelector('.survey-anonymity')!.textContent).toContain('实名问卷')
    named.unmount()

    const anonymousTexts = results().questions.map((q) => (q.texts ? { ...q, texts: q.texts.map((t) => ({ ...t, householdLabel: null })) } : q))
    const { container } = await openSurvey(
      StaffRole.Street,
      { 'GET /surveys/s1': ok(surveyView({ anonymous: true })), 'GET /surveys/s1/results': ok(results({ anonymous: true, questions: anonymousTexts })) },
      '.survey-result',
    )
    expect(container.querySelector('.survey-anonymous-badge')!.textContent).toBe('匿名')
    const notes = texts(container, '.survey-anonymity')
    expect(notes.length).toBeGreaterThan(0)
    for (const note of notes) expect(note).toContain('看不到哪一户答了什么')
    const q4a = container.querySelector('.survey-result[data-question="q4"]')!
    expect(texts(q4a, '.survey-text__words')).toEqual(['希望楼道灯也换了', '施工很认真'])
    expect(q4a.querySelector('.survey-text__who')).toBeNull()
  })

  it('before anyone answers: 0% bars and words instead of an average', async () => {
    const empty = results({
      respondents: 0,
      questions: results().questions.map((q) => ({ ...q, answered: 0, choices: q.choices?.map((c) => ({ ...c, count: 0 })), ratings: q.ratings ? [] : undefined, average: q.ratings ? null : undefined, texts: q.texts ? [] : undefined })),
    })
    const { container } = await openSurvey(StaffRole.Committee, { 'GET /surveys/s1/results': ok(empty) }, '.survey-result')
    expect(container.querySelector('.survey-no-answers')!.textContent).toBe('还没有住户作答。')
    expect(widths(container, '.survey-choice-bar').every((w) => w === '0%')).toBe(true)
    expect(container.querySelector('.survey-average')!.textContent).toBe('还没有人打分')
    expect(container.querySelector('.survey-no-texts')!.textContent).toBe('还没有文字答案。')
  })

  it('puts the whole page in large type', async () => {
    setLargeType(true)
    const { container } = await openSurvey(StaffRole.Committee)
    expect(container.querySelector('.screen.staff-survey')!.className).toContain('large-type')
  })
})

describe('publishing and ending', () => {
  it('a draft shows its questions and no results; publishing asks first, then opens it and counts its answers', async () => {
    const { container } = await openSurvey(StaffRole.Committee, {
      'GET /surveys/s1': ok(draftView()),
      'POST /surveys/s1/publish': ok(surveyView()),
      'GET /surveys/s1/results': ok(results({ respondents: 0 })),
    })
    expect(container.querySelector('.survey-status')!.textContent).toBe('草稿，未发布')
    expect(texts(container, '.survey-question__title')).toEqual(['1. 您对施工队的文明施工满意吗？', '2. 哪些方面还需要改进？', '3. 总体打分', '4. 其他意见'])
    expect(texts(container, '.survey-question__kind')).toEqual(['单选 · 必答', '多选 · 选答', '打分（1–5） · 必答', '填空 · 选答'])
    expect(container.querySelector('.survey-results')).toBeNull()
    expect(sent('GET /surveys/s1/results')).toHaveLength(0)

    fireEvent.click(container.querySelector('.survey-publish')!)
    await findIn(container, '.survey-results')
    expect(Taro.showModal.mock.calls[0][0].content).toContain('住户就能看到并作答')
    expect(sent('POST /surveys/s1/publish')).toHaveLength(1)
    expect(container.querySelector('.survey-status')!.textContent).toBe('正在收集')
    expect(container.querySelector('.survey-publish')).toBeNull()
    expect(container.querySelector('.survey-close')).toBeTruthy()
  })

  it('sends nothing when publishing is cancelled', async () => {
    const { container } = await openSurvey(StaffRole.Committee, { 'GET /surveys/s1': ok(draftView()), 'POST /surveys/s1/publish': ok(surveyView()) })
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    fireEvent.click(container.querySelector('.survey-publish')!)
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    await act(async () => {})
    expect(sent('POST /surveys/s1/publish')).toHaveLength(0)
  })

  it('ends an open survey early after asking, and counts the results again', async () => {
    const closed = surveyView({ status: SurveyStatus.Closed, closedAt: '2026-12-05T06:30:00.000Z' })
    const { container } = await openSurvey(
      StaffRole.Committee,
      { 'POST /surveys/s1/close': ok(closed), 'GET /surveys/s1/results': [ok(results()), ok(results({ respondents: 12 }))] },
      '.survey-result',
    )
    fireEvent.click(container.querySelector('.survey-close')!)
    await waitFor(() => expect(container.querySelector('.survey-status')!.textContent).toBe('已结束'))
    expect(Taro.showModal.mock.calls[0][0].content).toContain('原定截止 2099年12月20日 20:00（北京时间）')
    expect(container.querySelector('.survey-closing-line')!.textContent).toBe('已于 2026年12月5日 14:30（北京时间） 结束')
    expect(container.querySelector('.survey-close')).toBeNull()
    await waitFor(() => expect(container.querySelector('.survey-turnout .survey-bar__count')!.textContent).toBe('12 户'))
    expect(sent('GET /surveys/s1/results')).toHaveLength(2)
  })

  it('published meanwhile on another device: shows the survey as it now is, with the server’s refusal', async () => {
    const { container } = await openSurvey(StaffRole.Committee, {
      'GET /surveys/s1': [ok(draftView()), ok(surveyView())],
      'POST /surveys/s1/publish': conflict('SURVEY_NOT_DRAFT', '问卷已经发布，不能再次发布'),
    })
    fireEvent.click(container.querySelector('.survey-publish')!)
    expect((await findIn(container, '.survey-close-error')).textContent).toBe('问卷已经发布，不能再次发布')
    expect(container.querySelector('.survey-status')!.textContent).toBe('正在收集')
  })

  it.each([StaffRole.Contractor, StaffRole.Admin])('a %s gets a sentence instead of the survey', async (role) => {
    serve({ ...signInAs(role), 'GET /surveys/s1': ok(surveyView()) })
    const { container } = render(<StaffSurveyPage />)
    await findIn(container, '.staff-gate--denied')
    expect(sent('GET /surveys/s1')).toHaveLength(0)
  })
})
