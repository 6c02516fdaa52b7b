import { useCallback, useState } from 'react'
import type { SurveyAnswerItem, SurveyAnswerReceipt } from '@linyi/shared'
import { ApiError, readableError } from '../api'
import { answerSurvey, fetchMySurveys } from '../api/surveys-resident'
import { useShownAsync } from './use-async'

/** Open and closed surveys of my households' compounds, one entry per household. */
export const useMySurveys = () => useShownAsync(fetchMySurveys)

/** One household answering one survey: the survey from my list, the submission and its receipt. */
export function useSurveyAnswer(surveyId: string, householdId: string) {
  const list = useMySurveys()
  const entry = list.data?.find((e) => e.survey.id === surveyId && e.householdId === householdId) ?? null
  const [sending, setSending] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [receipt, setReceipt] = useState<SurveyAnswerReceipt | null>(null)
  const { reload } = list

  const send = useCallback(
    async (answers: SurveyAnswerItem[]) => {
      setSending(true)
      setProblem(null)
      try {
        setReceipt(await answerSurvey(surveyId, { householdId, answers }))
        await reload()
        return true
      } catch (error) {
        setProblem(readableError(error))
        // Already answered (another phone of the household) or closed: show it as it now stands.
        if (error instanceof ApiError && error.statusCode === 409) await reload()
        return false
      } finally {
        setSending(false)
      }
    },
    [surveyId, householdId, reload],
  )

  return { ...list, entry, sending, problem, receipt, send }
}
