import { useCallback, useState } from 'react'
import type { NudgeResult } from '../api'
import { fetchReminders, nudgeHousehold, readableError, retryReminder, setRemindersPaused } from '../api'
import { useAsyncWhen } from './staff'
import { useSubmission } from './use-submission'

export type RetryState = { status: 'sending' } | { status: 'failed'; error: string }

/**
 * A consultation's reminders for the committee: counts, policy, and the dead letters (asked for with
 * ?status=DEAD, so they are never crowded out of the latest 500 by sent ones); asked only while `enabled`.
 */
export function useConsultationReminders(consultationId: string, enabled = true) {
  const overview = useAsyncWhen(() => fetchReminders(consultationId, 'DEAD'), enabled)
  const { reload } = overview

  /** Pauses or resumes, then shows what the server now holds. */
  const toggle = useSubmission(async (paused: boolean) => {
    await setRemindersPaused(consultationId, paused)
    await reload()
  })

  const [retrying, setRetrying] = useState<Record<string, RetryState>>({})
  const retry = useCallback(
    async (reminderId: string) => {
      setRetrying((all) => ({ ...all, [reminderId]: { status: 'sending' } }))
      try {
        await retryReminder(consultationId, reminderId)
        setRetrying(({ [reminderId]: _done, ...rest }) => rest)
        await reload()
      } catch (e) {
        setRetrying((all) => ({ ...all, [reminderId]: { status: 'failed', error: readableError(e) } }))
      }
    },
    [consultationId, reload],
  )

  return { overview, toggle, retrying, retry }
}

/** One household's 发提醒: the server's answer, or its refusal (409: reminded today, or answered). */
export function useNudge(householdId: string, consultationId: string) {
  const [result, setResult] = useState<NudgeResult | null>(null)
  const submission = useSubmission(async () => {
    setResult(null)
    setResult(await nudgeHousehold(householdId, consultationId))
  })
  return { ...submission, result }
}
