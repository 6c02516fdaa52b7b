import { useCallback, useEffect, useState } from 'react'
import type { ObjectionView } from '@linyi/shared'
import { ApiError, fetchConsultation, readableError } from '../api'
import { fetchMyPublicity, fetchPublicity, fileObjection } from '../api/publicity-resident'
import { useAsync, useShownAsync } from './use-async'

/** Consultations of my compounds whose result is published. */
export const useMyPublicity = () => useShownAsync(fetchMyPublicity)

/** One consultation's published result, my objections, and filing a new one. */
export function usePublicity(consultationId: string) {
  const view = useShownAsync(() => fetchPublicity(consultationId))
  const [sending, setSending] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [filed, setFiled] = useState<ObjectionView | null>(null)
  const { reload } = view

  /** Resolves true once the objection is filed; a 409 (window closed, result final) re-reads the page and keeps the server's words. */
  const object = useCallback(
    async (householdId: string, text: string) => {
      setSending(true)
      setProblem(null)
      setFiled(null)
      try {
        setFiled(await fileObjection(consultationId, { householdId, text: text.trim() }))
        await reload()
        return true
      } catch (error) {
        setProblem(readableError(error))
        if (error instanceof ApiError && error.statusCode === 409) await reload()
        return false
      } finally {
        setSending(false)
      }
    },
    [consultationId, reload],
  )

  return { ...view, sending, problem, filed, clearProblem: () => setProblem(null), object }
}

/** A vote's options by id, read from the consultation only when the result counts votes (PLURALITY). */
export function useOptionTitles(consultationId: string, needed: boolean): Record<string, string> {
  const consultation = useAsync(() => (needed ? fetchConsultation(consultationId) : Promise.resolve(null)), { immediate: false })
  useEffect(() => {
    if (needed) void consultation.reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [needed])
  return Object.fromEntries((consultation.data?.options ?? []).map((option) => [option.id, option.title]))
}
