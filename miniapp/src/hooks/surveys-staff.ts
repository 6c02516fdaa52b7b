import { useCallback, useEffect, useState } from 'react'
import { SurveyStatus } from '@linyi/shared'
import type { CreateSurveyRequest, SurveyView } from '@linyi/shared'
import { ApiError } from '../api'
import { closeSurvey, createSurvey, fetchCompoundSurveys, fetchSurvey, fetchSurveyResults, publishSurvey } from '../api/surveys-staff'
import { useAsync, useShownAsync } from './use-async'
import { useSubmission } from './use-submission'

export const useCompoundSurveys = (compoundId: string) => useShownAsync(() => fetchCompoundSurveys(compoundId))

export const useCreateSurvey = (onCreated: (survey: SurveyView) => void) =>
  useSubmission(async (body: CreateSurveyRequest) => onCreated(await createSurvey(body)))

/** Refusals that mean the survey changed on another device: show it as it now is, with the server's message. */
const STALE_CODES = ['SURVEY_NOT_DRAFT', 'SURVEY_NOT_OPEN']

/**
 * One survey, replaced by what publishing and closing answer; its results (for roles that see them)
 * once residents can answer, counted again when it opens or closes.
 */
export function useSurvey(surveyId: string, seesResults: boolean) {
  const loaded = useShownAsync(() => fetchSurvey(surveyId))
  const [survey, setSurvey] = useState<SurveyView | null>(null)
  useEffect(() => {
    if (loaded.data) setSurvey(loaded.data)
  }, [loaded.data])
  const results = useAsync(() => fetchSurveyResults(surveyId), { immediate: false })
  const status = survey?.status
  const reloadResults = results.reload
  // Counted again whenever the survey opens or closes: a draft has none to show.
  useEffect(() => {
    if (seesResults && status && status !== SurveyStatus.Draft) void reloadResults()
  }, [seesResults, status, reloadResults])

  const change = useCallback(
    async (action: (id: string) => Promise<SurveyView>) => {
      try {
        setSurvey(await action(surveyId))
      } catch (e) {
        if (e instanceof ApiError && STALE_CODES.includes(e.code)) setSurvey(await fetchSurvey(surveyId))
        throw e
      }
    },
    [surveyId],
  )
  const publish = useSubmission(() => change(publishSurvey))
  const close = useSubmission(() => change(closeSurvey))
  const reload = useCallback(async () => {
    await loaded.reload()
    if (seesResults && status && status !== SurveyStatus.Draft) await reloadResults()
  }, [loaded, seesResults, status, reloadResults])
  return { ...loaded, reload, survey, results, publish, close }
}
