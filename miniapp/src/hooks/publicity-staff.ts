import { useCallback, useEffect, useState } from 'react'
import type { BoardsRequest, CompoundBoards, ObjectionResolutionRequest, PublicityView } from '@linyi/shared'
import { ApiError, readableError } from '../api'
import type { PdfOpened } from '../api/files'
import { answerObjection, fetchConsultationForPublicity, fetchPublicity, publishFinalResult, publishPreliminaryResult } from '../api/publicity-staff'
import { fetchBoards, markFinalRefusal, saveBoards, type FinalRefusalResult } from '../api/records-staff'
import { useShownAsync } from './use-async'
import { useSubmission } from './use-submission'

async function loadPublicity(consultationId: string) {
  const [consultation, publicity] = await Promise.all([fetchConsultationForPublicity(consultationId), fetchPublicity(consultationId)])
  return { consultation, publicity }
}

// A refusal that says the page is out of date (published meanwhile, window state moved): read it again.
const STALE_CODES = new Set(['PRELIMINARY_ALREADY_PUBLISHED', 'RESULT_ALREADY_FINAL', 'OBJECTION_ALREADY_ANSWERED', 'OBJECTIONS_UNRESOLVED', 'OBJECTION_WINDOW_OPEN'])

/** The consultation and its publicity, replaced by what each step answers; the server's refusals keep its words. */
export function usePublicity(consultationId: string) {
  const loaded = useShownAsync(() => loadPublicity(consultationId))
  const [view, setView] = useState<PublicityView | null>(null)
  useEffect(() => {
    if (loaded.data) setView(loaded.data.publicity)
  }, [loaded.data])
  const refresh = useCallback(async () => setView(await fetchPublicity(consultationId)), [consultationId])
  const refreshingWhenStale = useCallback(
    async <T>(step: () => Promise<T>) => {
      try {
        return await step()
      } catch (e) {
        if (e instanceof ApiError && STALE_CODES.has(e.code)) await refresh().catch(() => undefined)
        throw e
      }
    },
    [refresh],
  )
  const publishPreliminary = useSubmission(async (days: number) => setView(await refreshingWhenStale(() => publishPreliminaryResult(consultationId, days))))
  const publishFinal = useSubmission(async () => setView(await refreshingWhenStale(() => publishFinalResult(consultationId))))
  // An answer changes the open count the final step waits for: read the whole view again.
  const answer = useCallback(
    async (objectionId: string, body: ObjectionResolutionRequest) => {
      await refreshingWhenStale(() => answerObjection(consultationId, objectionId, body))
      await refresh()
    },
    [consultationId, refresh, refreshingWhenStale],
  )
  return { ...loaded, consultation: loaded.data?.consultation ?? null, view, publishPreliminary, publishFinal, answer }
}

/** One printable at a time: where it went (a tab, the downloads, WeChat) or why it failed. */
export function usePdfPrint(open: () => Promise<PdfOpened>) {
  const [opening, setOpening] = useState(false)
  const [opened, setOpened] = useState<PdfOpened | null>(null)
  const [error, setError] = useState<string | null>(null)
  const print = async () => {
    setOpening(true)
    setOpened(null)
    setError(null)
    try {
      setOpened(await open())
    } catch (e) {
      setError(readableError(e))
    } finally {
      setOpening(false)
    }
  }
  return { opening, opened, error, print }
}

/** The compound's boards; saving keeps what the server answered. */
export function useBoards(compoundId: string) {
  const loaded = useShownAsync(() => fetchBoards(compoundId))
  const [boards, setBoards] = useState<CompoundBoards | null>(null)
  useEffect(() => {
    if (loaded.data) setBoards(loaded.data)
  }, [loaded.data])
  const save = useSubmission(async (body: BoardsRequest) => setBoards(await saveBoards(compoundId, body)))
  return { ...loaded, boards, save }
}

/** 认定为最终意见: the notice the server issued, kept to show and print. */
export function useFinalRefusal(consultationId: string, householdId: string, onMarked: () => void) {
  const [result, setResult] = useState<FinalRefusalResult | null>(null)
  const submission = useSubmission(async () => {
    setResult(await markFinalRefusal(consultationId, householdId))
    onMarked()
  })
  return { ...submission, result }
}
