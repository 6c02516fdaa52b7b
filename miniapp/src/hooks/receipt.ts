import { useEffect } from 'react'
import { downloadMyEvidence, fetchMyAnswerHistory } from '../api/evidence'
import { useReleasedWhenGone } from './downloaded-image'
import { useAsync } from './use-async'

/**
 * What stands behind a receipt: the acknowledged disclosures and evidence hash of the current answer
 * (GET …/responses/{householdId}), then its signed image (or paper scan). Reloads when the answer changes.
 */
export function useReceiptEvidence(consultationId: string, householdId: string, answeredAt: string | null) {
  const history = useAsync(() => fetchMyAnswerHistory(consultationId, householdId), { immediate: false })
  const current = history.data?.current ?? null
  const imageSha = current?.signatureSha256 ?? current?.paperScanSha256 ?? null
  const image = useAsync(() => (imageSha ? downloadMyEvidence(consultationId, householdId, imageSha) : Promise.resolve(null)), { immediate: false })

  useEffect(() => {
    if (householdId && answeredAt) void history.reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [consultationId, householdId, answeredAt])

  useEffect(() => {
    if (imageSha) void image.reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [imageSha])

  useReleasedWhenGone(image.data)

  return {
    /** Null until the server has answered. */
    acknowledgedDisclosureIds: current?.acknowledgedDisclosureIds ?? null,
    evidenceSha256: current?.evidenceSha256 ?? null,
    image: imageSha
      ? {
          kind: current?.signatureSha256 ? ('signature' as const) : ('paper' as const),
          src: image.data,
          loading: image.loading,
          error: image.error,
          reload: image.reload,
        }
      : null,
    loading: history.loading && !history.data,
    error: history.error,
    reload: history.reload,
  }
}

export type ReceiptEvidence = ReturnType<typeof useReceiptEvidence>
