import { useCallback, useState } from 'react'
import type { ComplaintRequest, ComplaintView } from '@linyi/shared'
import { readableError } from '../api'
import { downloadComplaintPhoto, fetchMyComplaints, fileComplaint } from '../api/complaints-resident'
import { useDownloadedImage } from './downloaded-image'
import { useShownAsync } from './use-async'

/** My households' complaints and suggestions, and filing a new one. */
export function useMyComplaints() {
  const list = useShownAsync(fetchMyComplaints)
  const [sending, setSending] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [filed, setFiled] = useState<ComplaintView | null>(null)
  const { reload } = list

  const file = useCallback(
    async (request: ComplaintRequest) => {
      setSending(true)
      setProblem(null)
      setFiled(null)
      try {
        setFiled(await fileComplaint(request))
        await reload()
        return true
      } catch (error) {
        setProblem(readableError(error))
        return false
      } finally {
        setSending(false)
      }
    },
    [reload],
  )

  return { ...list, sending, problem, filed, file }
}

/** A complaint's photo as an <Image> source. */
export const useComplaintPhoto = (complaintId: string) => useDownloadedImage(() => downloadComplaintPhoto(complaintId))
