import type { ConsultationView, ObjectionResolutionRequest, ObjectionView, PreliminaryResultRequest, PublicityView } from '@linyi/shared'
import { endpoint } from './endpoints'
import { fetchFile, openPdfFile, showPdf, withStaffToken, type PdfOpened } from './files'
import { call } from './http'
import { download } from './transport'

// Publicity of results (issue 12), staff side: the preliminary result, objections and their answers, the final result.

export const publicityEndpoints = {
  consultation: endpoint<ConsultationView>('GET', '/consultations/:consultationId', 'staff'),
  publicity: endpoint<PublicityView>('GET', '/consultations/:consultationId/publicity', 'staff'),
  publishPreliminary: endpoint<PublicityView, PreliminaryResultRequest>('POST', '/consultations/:consultationId/preliminary-result', 'staff'),
  objections: endpoint<ObjectionView[]>('GET', '/consultations/:consultationId/objections', 'staff'),
  answerObjection: endpoint<ObjectionView, ObjectionResolutionRequest>('PUT', '/consultations/:consultationId/objections/:objectionId', 'staff'),
  publishFinal: endpoint<PublicityView>('POST', '/consultations/:consultationId/final-result', 'staff'),
}

/** Staff see the live counts as a preview before anything is published. */
export const fetchPublicity = (consultationId: string) => call(publicityEndpoints.publicity, { params: { consultationId } })

/** The consultation itself: its deadline says when the preliminary result may be published. */
export const fetchConsultationForPublicity = (consultationId: string) => call(publicityEndpoints.consultation, { params: { consultationId } })

export const publishPreliminaryResult = (consultationId: string, objectionDays: number) =>
  call(publicityEndpoints.publishPreliminary, { params: { consultationId }, body: { objectionDays } })

export const answerObjection = (consultationId: string, objectionId: string, body: ObjectionResolutionRequest) =>
  call(publicityEndpoints.answerObjection, { params: { consultationId, objectionId }, body })

export const publishFinalResult = (consultationId: string) => call(publicityEndpoints.publishFinal, { params: { consultationId } })

/** Not in the endpoint map: a PDF, not JSON. */
export const resultNoticePdfPath = (consultationId: string) => `/consultations/${encodeURIComponent(consultationId)}/result-notice.pdf`

/**
 * A staff PDF opened for printing: WeChat's viewer on weapp; on H5 fetched with the token (a plain
 * link cannot carry it) and shown in a new tab, else saved as `fileName`.
 */
export async function openStaffPdf(path: string, fileName: string): Promise<PdfOpened> {
  if (process.env.TARO_ENV !== 'h5') return openPdfFile(await withStaffToken((token) => download(path, token)), '文件已下载，但微信无法打开它，请在电脑上打印')
  return showPdf(await withStaffToken((token) => fetchFile(path, token)), fileName)
}

/** 公告 for the notice board: the stage, per group the counts and the snapshot hash. */
export const openResultNotice = (consultationId: string, title: string) => openStaffPdf(resultNoticePdfPath(consultationId), `结果公示-${title || '征询'}.pdf`)
