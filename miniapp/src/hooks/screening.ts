import { useCallback, useEffect, useRef, useState } from 'react'
import type { CarePlanRequest, ScreeningRequest, ScreeningView, SensitiveAccessEntry } from '@linyi/shared'
import { ApiError, readableError } from '../api'
import {
  ACCESS_LOG_PAGE_SIZE,
  accessLogCursor,
  consentScanSource,
  downloadScreeningExport,
  fetchCompoundScreening,
  fetchHouseholdScreening,
  fetchSensitiveAccessLog,
  fetchUnitScreening,
  recordScreening,
  saveCarePlan,
} from '../api/screening'
import { useShownAsync } from './use-async'
import { useSubmission } from './use-submission'

export const useCompoundScreening = (compoundId: string) => useShownAsync(() => fetchCompoundScreening(compoundId))

/** Each showing is a read the server logs (LIST_UNIT): coming back from a household shows its new state. */
export const useUnitScreening = (unitId: string) => useShownAsync(() => fetchUnitScreening(unitId))

/**
 * One household's record (each read is logged), replaced by what each save answers, so saving
 * never causes another read; read again only when the page shows again (back from the care plan).
 */
export function useHouseholdScreening(householdId: string) {
  const loaded = useShownAsync(() => fetchHouseholdScreening(householdId))
  const [view, setView] = useState<ScreeningView | null>(null)
  useEffect(() => {
    if (loaded.data) setView(loaded.data)
  }, [loaded.data])
  const record = useSubmission(async (body: ScreeningRequest) => setView(await recordScreening(householdId, body)))
  const plan = useSubmission(async (body: CarePlanRequest) => setView(await saveCarePlan(householdId, body)))
  return { ...loaded, view, record, plan }
}

/** The export of the committee's XLSX, one at a time. */
export function useScreeningExport(compoundId: string) {
  const [downloading, setDownloading] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const run = useCallback(
    async (compoundName: string) => {
      setDownloading(true)
      setError(null)
      setDone(false)
      try {
        await downloadScreeningExport(compoundId, compoundName)
        setDone(true)
      } catch (e) {
        setError(readableError(e))
      } finally {
        setDownloading(false)
      }
    },
    [compoundId],
  )
  return { downloading, error, done, run }
}

/** The consent scan, fetched only when the staff member asks (each view is logged). */
export function useConsentScan(householdId: string) {
  const [source, setSource] = useState<string | null>(null)
  const show = useSubmission(async () => setSource(await consentScanSource(householdId)))
  return { source, show }
}

/** The street's access log, page by page: newest first, older pages appended. */
export function useAccessLog(streetOfficeId: string) {
  const [items, setItems] = useState<SensitiveAccessEntry[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [errorStatus, setErrorStatus] = useState<number | null>(null)
  const busy = useRef(false)
  const lastBefore = useRef<string | null>(null)

  const load = useCallback(
    async (before: string | null) => {
      if (busy.current) return
      busy.current = true
      lastBefore.current = before
      setLoading(true)
      setError(null)
      try {
        const page = await fetchSensitiveAccessLog(streetOfficeId, before)
        setItems((shown) => (before ? [...shown, ...page] : page))
        // A full page may have older entries after it; a shorter one is the end.
        setNext(page.length === ACCESS_LOG_PAGE_SIZE ? accessLogCursor(page[page.length - 1]) : null)
        setErrorStatus(null)
      } catch (e) {
        setError(readableError(e))
        setErrorStatus(e instanceof ApiError ? e.statusCode : null)
      } finally {
        busy.current = false
        setLoading(false)
      }
    },
    [streetOfficeId],
  )

  useEffect(() => {
    void load(null)
  }, [load])

  return {
    items,
    next,
    loading,
    error,
    errorStatus,
    /** After a failure: the page that failed, again. */
    retry: () => load(lastBefore.current),
    loadMore: () => (next ? load(next) : Promise.resolve()),
  }
}
