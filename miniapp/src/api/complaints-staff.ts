import type { ComplaintReplyRequest, ComplaintStatus, ComplaintView, StreetComplaintsRow } from '@linyi/shared'
import { endpoint } from './endpoints'
import { withStaffToken } from './files'
import { call } from './http'
import { download } from './transport'

// Complaints and suggestions (问计, issue 12), staff side: the committee answers, the street office watches the wait.

export const complaintEndpoints = {
  compoundComplaints: endpoint<ComplaintView[]>('GET', '/compounds/:compoundId/complaints', 'staff'),
  replyComplaint: endpoint<ComplaintView, ComplaintReplyRequest>('PUT', '/complaints/:complaintId/reply', 'staff'),
  streetComplaints: endpoint<StreetComplaintsRow[]>('GET', '/street-offices/:streetOfficeId/complaints', 'staff'),
}

/** The compound's complaints, open first and oldest first (the server's order); `status` narrows them. */
export const fetchCompoundComplaints = (compoundId: string, status?: ComplaintStatus) =>
  call(complaintEndpoints.compoundComplaints, { params: { compoundId }, query: status ? { status } : {} })

/** The committee's one answer: a second answer is refused (409 COMPLAINT_ALREADY_REPLIED). */
export const replyToComplaint = (complaintId: string, reply: string) =>
  call(complaintEndpoints.replyComplaint, { params: { complaintId }, body: { reply } })

/** Open complaints per compound of the street office, with the oldest one's wait. */
export const fetchStreetComplaints = (streetOfficeId: string) => call(complaintEndpoints.streetComplaints, { params: { streetOfficeId } })

/** Not an endpoint record: image bytes, not JSON. */
export const complaintPhotoPath = (complaintId: string) => `/complaints/${encodeURIComponent(complaintId)}/photo`

/** The resident's photo as an <Image> source: a temporary file on weapp, a blob: URL on H5 (an image URL cannot carry the token). */
export const downloadComplaintPhoto = (complaintId: string) => withStaffToken((token) => download(complaintPhotoPath(complaintId), token))
