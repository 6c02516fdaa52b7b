import { ApiError } from '../api'
import { downloadComplaintPhoto, fetchCompoundComplaints, fetchStreetComplaints, replyToComplaint } from '../api/complaints-staff'
import { useDownloadedImage } from './downloaded-image'
import { useShownAsync } from './use-async'
import { useSubmission } from './use-submission'

export const useCompoundComplaints = (compoundId: string) => useShownAsync(() => fetchCompoundComplaints(compoundId))

/**
 * The committee's reply; the list is read again after it. Answered meanwhile by someone else: the
 * list shows that answer, with the server's message.
 */
export function useComplaintReply(complaintId: string, reloadList: () => Promise<void>) {
  return useSubmission(async (reply: string) => {
    try {
      await replyToComplaint(complaintId, reply.trim())
    } catch (e) {
      if (e instanceof ApiError && e.code === 'COMPLAINT_ALREADY_REPLIED') await reloadList()
      throw e
    }
    await reloadList()
  })
}

/** The resident's photo, fetched with the staff token once asked for. */
export const useComplaintPhoto = (complaintId: string) => useDownloadedImage(() => downloadComplaintPhoto(complaintId))

export const useStreetComplaints = (streetOfficeId: string) => useShownAsync(() => fetchStreetComplaints(streetOfficeId))
