/** The survey screens' pure rules: the new-survey form's problems and what it sends, and the results in words. */
import { QuestionKind, SurveyStatus } from '@linyi/shared'
import { blankChoice, blankQuestion, newSurveyDraft, surveyDraftProblem, surveyRequestOf, withKind, type SurveyDraft } from '../src/staff/components/surveys/survey-form.rules'
import { averageText, closingText, percentOf, ratingRows } from '../src/staff/components/surveys/survey-results.rules'
import { oldestText, replyProblem, streetRowsInOrder, waitText } from '../src/staff/components/complaints/complaints-staff.rules'

const now = new Date('2026-12-10T02:00:00.000Z')

function ready(): SurveyDraft {
  const draft = newSurveyDraft(now)
  return {
    ...draft,
    title: '需求调查',
    questions: [{ ...draft.questions[0], title: '您最希望改什么？', choices: [{ id: 'c1', title: '外墙' }, { id: 'c2', title: '管线' }] }],
  }
}

describe('the new-survey form', () => {
  it('is ready once titled, with each choice question’s choices filled and different, closing later', () => {
    expect(surveyDraftProblem(ready(), now)).toBeNull()
    expect(surveyDraftProblem({ ...ready(), title: '   ' }, now)).toBe('请填写问卷标题')
    expect(surveyDraftProblem({ ...ready(), title: '题'.repeat(121) }, now)).toBe('标题最多 120 个字')
    expect(surveyDraftProblem({ ...ready(), questions: [] }, now)).toBe('请至少添加一道题')
    const [question] = ready().questions
    expect(surveyDraftProblem({ ...ready(), questions: [{ ...question, choices: [{ id: 'c1', title: '外墙' }] }] }, now)).toBe('第 1 题至少要有 2 个选项')
    expect(surveyDraftProblem({ ...ready(), questions: [{ ...question, choices: [{ id: 'c1', title: '外墙' }, { id: 'c2', title: ' 外墙 ' }] }] }, now)).toBe('第 1 题有两个相同的选项')
    // A rating or text question needs no choices.
    expect(surveyDraftProblem({ ...ready(), questions: [withKind(question, QuestionKind.Rating)] }, now)).toBeNull()
    // 10:00 in Beijing on the 10th is `now`: closing then is already too late.
    expect(surveyDraftProblem({ ...ready(), closeDate: '2026-12-10', closeClock: '10:00' }, now)).toBe('截止时间已经过去，请选择以后的时间')
    expect(surveyDraftProblem({ ...ready(), closeDate: '2026-12-10', closeClock: '10:01' }, now)).toBeNull()
    expect(surveyDraftProblem({ ...ready(), closeDate: '2026-02-30' }, now)).toBe('请选择截止日期和时间')
  })

  it('gives new questions and choices the next free id, so removing one never reuses another’s', () => {
    expect(blankQuestion([{ id: 'q1' }, { id: 'q4' }] as never).id).toBe('q5')
    expect(blankChoice([{ id: 'c2', title: '' }]).id).toBe('c3')
    expect(blankQuestion([], QuestionKind.Text)).toEqual({ id: 'q1', kind: QuestionKind.Text, title: '', required: true })
  })

  it('drops choices from a question turned into a rating, and sends choices only on the choice kinds', () => {
    const single = ready().questions[0]
    expect(withKind(single, QuestionKind.Rating)).toEqual({ id: 'q1', kind: QuestionKind.Rating, title: '您最希望改什么？', required: true })
    expect(withKind(single, QuestionKind.Multiple).choices).toEqual(single.choices)
    const request = surveyRequestOf('k1', { ...ready(), questions: [single, { ...withKind(single, QuestionKind.Text), id: 'q2', choices: [{ id: 'c1', title: 'x' }] }] })
    expect(request.questions.map((q) => 'choices' in q)).toEqual([true, false])
    // 20:00 in Beijing is 12:00 UTC, two weeks on.
    expect(request.closesAt).toBe('2026-12-24T12:00:00.000Z')
  })
})

describe('results in words', () => {
  it('rounds percents of those who answered, 0 when nobody did', () => {
    expect([percentOf(1, 3), percentOf(2, 3), percentOf(0, 0), percentOf(5, 5)]).toEqual([33, 67, 0, 100])
  })

  it('lists every score 5 down to 1 and says when there is no average yet', () => {
    expect(ratingRows({ ratings: [{ rating: 2, count: 3 }] })).toEqual([5, 4, 3, 2, 1].map((rating) => ({ rating, count: rating === 2 ? 3 : 0 })))
    expect(averageText({ average: 3.96, answered: 25 })).toBe('平均 4.0 分（满分 5 分）')
    expect(averageText({ average: null, answered: 0 })).toBe('还没有人打分')
  })

  it('says when a survey closes, closed, or ran past its closing time', () => {
    const survey = { status: SurveyStatus.Open, closesAt: '2026-12-20T12:00:00.000Z', closedAt: null }
    expect(closingText(survey, now)).toBe('截止 2026年12月20日 20:00（北京时间）')
    expect(closingText({ ...survey, closesAt: '2026-12-09T12:00:00.000Z' }, now)).toBe('已于 2026年12月9日 20:00（北京时间） 截止')
    expect(closingText({ ...survey, status: SurveyStatus.Closed, closedAt: '2026-12-08T01:00:00.000Z' }, now)).toBe('已于 2026年12月8日 09:00（北京时间） 结束')
  })
})

describe('complaints in words', () => {
  it('counts the wait in Beijing days: filed at 07:30 Beijing (23:30 UTC the day before) is one day old at 10:00 the next day', () => {
    expect(waitText('2026-12-08T23:30:00.000Z', now)).toBe('已等待 1 天')
    expect(waitText('2026-12-09T16:30:00.000Z', now)).toBe('今天提交，等待答复')
  })

  it('needs a reply of 1 to 500 characters', () => {
    expect(replyProblem('  ')).toBe('请先填写答复')
    expect(replyProblem('好'.repeat(500))).toBeNull()
    expect(replyProblem('好'.repeat(501))).toBe('答复最多 500 个字')
  })

  it('orders the street’s compounds by the oldest wait, then by how many are open, then by name', () => {
    const row = (compoundName: string, open: number, oldestOpenDays: number | null) => ({ compoundId: compoundName, compoundName, communityName: '', open, oldestOpenAt: null, oldestOpenDays })
    expect(streetRowsInOrder([row('乙', 0, null), row('丙', 2, 3), row('甲', 5, 3), row('丁', 1, 8)]).map((r) => r.compoundName)).toEqual(['丁', '甲', '丙', '乙'])
    expect(oldestText(row('甲', 0, null))).toBe('没有待答复的意见')
  })
})
