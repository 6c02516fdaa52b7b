import type { CreateSurveyRequest, SurveyResults, SurveyView } from '@linyi/shared'
import { endpoint } from './endpoints'
import { call } from './http'

// Surveys before and after the works (问需 / 问效, issue 12), staff side: authoring, publishing, closing, results.

export const surveyEndpoints = {
  compoundSurveys: endpoint<SurveyView[]>('GET', '/compounds/:compoundId/surveys', 'staff'),
  createSurvey: endpoint<SurveyView, CreateSurveyRequest>('POST', '/surveys', 'staff'),
  survey: endpoint<SurveyView>('GET', '/surveys/:surveyId', 'staff'),
  publishSurvey: endpoint<SurveyView>('POST', '/surveys/:surveyId/publish', 'staff'),
  closeSurvey: endpoint<SurveyView>('POST', '/surveys/:surveyId/close', 'staff'),
  surveyResults: endpoint<SurveyResults>('GET', '/surveys/:surveyId/results', 'staff'),
}

export const fetchCompoundSurveys = (compoundId: string) => call(surveyEndpoints.compoundSurveys, { params: { compoundId } })

/** A new survey is a draft: residents see it only once published. */
export const createSurvey = (body: CreateSurveyRequest) => call(surveyEndpoints.createSurvey, { body })

export const fetchSurvey = (surveyId: string) => call(surveyEndpoints.survey, { params: { surveyId } })

export const publishSurvey = (surveyId: string) => call(surveyEndpoints.publishSurvey, { params: { surveyId } })

/** Ends answering before the closing time. */
export const closeSurvey = (surveyId: string) => call(surveyEndpoints.closeSurvey, { params: { surveyId } })

/** Counts per question; free texts sorted, with the household only on a named survey. */
export const fetchSurveyResults = (surveyId: string) => call(surveyEndpoints.surveyResults, { params: { surveyId } })
