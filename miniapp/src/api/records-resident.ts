import type { CompoundBoards, RefusalNoticeView } from '@linyi/shared'
import { endpoint } from './endpoints'
import { openResidentPdf, type PdfOpened } from './files'
import { call } from './http'

/** Printable records and the compound's boards as a resident reads them (issue 12). */
export const recordsEndpoints = {
  refusalNotice: endpoint<RefusalNoticeView>('GET', '/consultations/:consultationId/households/:householdId/refusal-notice', 'resident'),
  boards: endpoint<CompoundBoards>('GET', '/compounds/:compoundId/boards', 'resident'),
}

export const fetchRefusalNotice = (consultationId: string, householdId: string) => call(recordsEndpoints.refusalNotice, { params: { consultationId, householdId } })

export const fetchBoards = (compoundId: string) => call(recordsEndpoints.boards, { params: { compoundId } })

const consultationPath = (consultationId: string) => `/consultations/${encodeURIComponent(consultationId)}`

/** Not endpoint records: PDFs, not JSON exchanges. */
export const applicationPdfPath = (consultationId: string, householdId: string) =>
  `${consultationPath(consultationId)}/responses/${encodeURIComponent(householdId)}/application.pdf`
export const refusalNoticePdfPath = (consultationId: string, householdId: string) =>
  `${consultationPath(consultationId)}/households/${encodeURIComponent(householdId)}/refusal-notice.pdf`

/** 申请书 as signed: text, acknowledged disclosures, signature, time, evidence hash. */
export const openApplicationPdf = (consultationId: string, householdId: string): Promise<PdfOpened> =>
  openResidentPdf(applicationPdfPath(consultationId, householdId), '申请书.pdf', '申请书已下载，但微信无法打开它，请稍后再试，或请居委会帮您打印')

/** 告知书 as issued and stored. */
export const openRefusalNoticePdf = (consultationId: string, householdId: string): Promise<PdfOpened> =>
  openResidentPdf(refusalNoticePdfPath(consultationId, householdId), '告知书.pdf', '告知书已下载，但微信无法打开它，请稍后再试，或请居委会帮您打印')
