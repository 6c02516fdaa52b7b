import { useCallback, useEffect, useRef, useState } from 'react'
import type { MyHousehold, RefusalNoticeView } from '@linyi/shared'
import { ApiError, readableError } from '../api'
import type { PdfOpened } from '../api/files'
import { fetchBoards, fetchRefusalNotice } from '../api/records-resident'
import { useShownAsync } from './use-async'

/** What the resident is told once a PDF is out of the way: where it went, in plain words. */
export const pdfOpenedWords = (name: string, opened: PdfOpened) =>
  opened === 'saved' ? `${name}已下载到手机，打开下载的文件即可查看或打印。` : `${name}已打开，可以查看或打印。`

/** One PDF button: one download at a time, where it went, or the server's words when it failed. */
export function usePdfOpener(name: string, open: () => Promise<PdfOpened>) {
  const [opening, setOpening] = useState(false)
  const [outcome, setOutcome] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const running = useRef(false)
  const openRef = useRef(open)
  openRef.current = open

  const run = useCallback(async () => {
    if (running.current) return
    running.current = true
    setOpening(true)
    setOutcome(null)
    setProblem(null)
    try {
      setOutcome(pdfOpenedWords(name, await openRef.current()))
    } catch (error) {
      setProblem(readableError(error))
    } finally {
      running.current = false
      setOpening(false)
    }
  }, [name])

  return { opening, outcome, problem, open: run }
}

/** The compound's publicity boards: materials, responsible parties, complaint phone, supervisors. */
export const useBoards = (compoundId: string) => useShownAsync(() => fetchBoards(compoundId))

/**
 * The stored refusal notices of one consultation for my households. The inbox message names the
 * consultation, not the household: ask for each of mine, a 404 meaning that household has none.
 */
export function useRefusalNotices(consultationId: string, households: MyHousehold[] | null) {
  const [notices, setNotices] = useState<RefusalNoticeView[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const ids = (households ?? []).map((h) => h.id).join(',')

  const load = useCallback(async () => {
    if (!households) return
    setError(null)
    try {
      const found = await Promise.all(
        households.map((household) =>
          fetchRefusalNotice(consultationId, household.id).catch((e: unknown) => {
            if (e instanceof ApiError && (e.statusCode === 404 || e.statusCode === 403)) return null
            throw e
          }),
        ),
      )
      setNotices(found.filter((notice): notice is RefusalNoticeView => notice !== null))
    } catch (e) {
      setError(readableError(e))
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [consultationId, ids])

  useEffect(() => {
    void load()
  }, [load])

  return { notices, error, reload: load }
}
