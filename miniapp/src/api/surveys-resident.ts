import type { MySurvey, SurveyAnswerReceipt, SurveyAnswerRequest } from '@linyi/shared'
import { endpoint } from './endpoints'
import { call } from './http'

/** 问卷调查 (问需 / 问效): my households' surveys and answering one (issue 12). */
export const surveysEndpoints = {
  mySurveys: endpoint<MySurvey[]>('GET', '/me/surveys', 'resident'),
  answerSurvey: endpoint<SurveyAnswerReceipt, SurveyAnswerRequest>('POST', '/surveys/:surveyId/answers', 'resident'),
}

export const fetchMySurveys = () => call(surveysEndpoints.mySurveys)

export const answerSurvey = (surveyId: string, request: SurveyAnswerRequest) => call(surveysEndpoints.answerSurvey, { params: { surveyId }, body: request })
