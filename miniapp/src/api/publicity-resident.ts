import type { MyPublicity, ObjectionRequest, ObjectionView, PublicityView } from '@linyi/shared'
import { endpoint } from './endpoints'
import { openResidentPdf, type PdfOpened } from './files'
import { call } from './http'

/** Result publicity and objections as a resident sees them (API.md "Publicity, objections and printable records"). */
export const publicityEndpoints = {
  myPublicity: endpoint<MyPublicity[]>('GET', '/me/publicity', 'resident'),
  publicity: endpoint<PublicityView>('GET', '/consultations/:consultationId/publicity', 'resident'),
  fileObjection: endpoint<ObjectionView, ObjectionRequest>('POST', '/consultations/:consultationId/objections', 'resident'),
}

export const fetchMyPublicity = () => call(publicityEndpoints.myPublicity)

export const fetchPublicity = (consultationId: string) => call(publicityEndpoints.publicity, { params: { consultationId } })

export const fileObjection = (consultationId: string, request: ObjectionRequest) => call(publicityEndpoints.fileObjection, { params: { consultationId }, body: request })

/** Not an endpoint record: a PDF, not a JSON exchange. */
export const resultNoticePath = (consultationId: string) => `/consultations/${encodeURIComponent(consultationId)}/result-notice.pdf`

/** The result notice as posted on the notice board (公告). */
export const openResultNoticePdf = (consultationId: string): Promise<PdfOpened> =>
  openResidentPdf(resultNoticePath(consultationId), '结果公示公告.pdf', '公告已下载，但微信无法打开它，请稍后再试，或到公告栏查看')
