import type { ComplaintRequest, ComplaintView } from '@linyi/shared'
import { endpoint } from './endpoints'
import { withResidentToken } from './files'
import { call } from './http'
import { download } from './transport'

/** 意见建议 (问计于民): filing one and reading my households' own (issue 12). */
export const complaintsEndpoints = {
  myComplaints: endpoint<ComplaintView[]>('GET', '/me/complaints', 'resident'),
  fileComplaint: endpoint<ComplaintView, ComplaintRequest>('POST', '/complaints', 'resident'),
}

export const fetchMyComplaints = () => call(complaintsEndpoints.myComplaints)

export const fileComplaint = (request: ComplaintRequest) => call(complaintsEndpoints.fileComplaint, { body: request })

/** Not an endpoint record: image bytes. */
export const complaintPhotoPath = (complaintId: string) => `/complaints/${encodeURIComponent(complaintId)}/photo`

/** The complaint's photo as an <Image> source, fetched with the resident's token. */
export const downloadComplaintPhoto = (complaintId: string) => withResidentToken((token) => download(complaintPhotoPath(complaintId), token))
