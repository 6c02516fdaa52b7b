/** Surveys and their results as the server answers them. */
import { QuestionKind, SurveyPurpose, SurveyStatus } from '@linyi/shared'
import type { SurveyResults, SurveyView } from '@linyi/shared'

export const COMPOUND = 'compound-1'

export function surveyView(overrides: Partial<SurveyView> = {}): SurveyView {
  return {
    id: 's1',
    compoundId: COMPOUND,
    purpose: SurveyPurpose.Satisfaction,
    title: '1号楼改造满意度调查',
    intro: '请为这次改造打分，帮助我们改进。',
    anonymous: false,
    questions: [
      { id: 'q1', kind: QuestionKind.Single, title: '您对施工队的文明施工满意吗？', required: true, choices: [{ id: 'c1', title: '满意' }, { id: 'c2', title: '一般' }, { id: 'c3', title: '不满意' }] },
      { id: 'q2', kind: QuestionKind.Multiple, title: '哪些方面还需要改进？', required: false, choices: [{ id: 'c1', title: '噪音' }, { id: 'c2', title: '垃圾清运' }] },
      { id: 'q3', kind: QuestionKind.Rating, title: '总体打分', required: true },
      { id: 'q4', kind: QuestionKind.Text, title: '其他意见', required: false },
    ],
    status: SurveyStatus.Open,
    // 12:00 UTC is 20:00 in Beijing.
    closesAt: '2099-12-20T12:00:00.000Z',
    createdAt: '2026-12-01T02:00:00.000Z',
    publishedAt: '2026-12-01T03:00:00.000Z',
    closedAt: null,
    ...overrides,
  }
}

export const draftView = (overrides: Partial<SurveyView> = {}) => surveyView({ status: SurveyStatus.Draft, publishedAt: null, ...overrides })

export function results(overrides: Partial<SurveyResults> = {}): SurveyResults {
  return {
    surveyId: 's1',
    anonymous: false,
    households: 40,
    respondents: 10,
    questions: [
      { questionId: 'q1', kind: QuestionKind.Single, title: '您对施工队的文明施工满意吗？', answered: 10, choices: [{ choiceId: 'c1', title: '满意', count: 7 }, { choiceId: 'c2', title: '一般', count: 2 }, { choiceId: 'c3', title: '不满意', count: 1 }] },
      { questionId: 'q2', kind: QuestionKind.Multiple, title: '哪些方面还需要改进？', answered: 4, choices: [{ choiceId: 'c1', title: '噪音', count: 3 }, { choiceId: 'c2', title: '垃圾清运', count: 4 }] },
      { questionId: 'q3', kind: QuestionKind.Rating, title: '总体打分', answered: 8, ratings: [{ rating: 5, count: 5 }, { rating: 4, count: 2 }, { rating: 1, count: 1 }], average: 4.125 },
      { questionId: 'q4', kind: QuestionKind.Text, title: '其他意见', answered: 2, texts: [{ text: '希望楼道灯也换了', householdLabel: '1号楼1单元101' }, { text: '施工很认真', householdLabel: '1号楼2单元302' }] },
    ],
    ...overrides,
  }
}
