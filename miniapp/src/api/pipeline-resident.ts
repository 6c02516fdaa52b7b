import type { ResidentPipelineView } from '@linyi/shared'
import { endpoint } from './endpoints'
import { openResidentPdf, type PdfOpened } from './files'
import { call } from './http'

/** The renovation pipeline as a resident of the compound sees it: the stage and the advance notice only (issue 14). */
export const pipelineEndpoints = {
  pipeline: endpoint<ResidentPipelineView>('GET', '/compounds/:compoundId/pipeline', 'resident'),
}

export const fetchMyCompoundPipeline = (compoundId: string) => call(pipelineEndpoints.pipeline, { params: { compoundId } })

/** Not an endpoint record: a PDF, not a JSON exchange. */
export const planNoticePath = (compoundId: string) => `/compounds/${encodeURIComponent(compoundId)}/pipeline/notice.pdf`

/** 改造提前告知书 as issued. */
export const openPlanNoticePdf = (compoundId: string): Promise<PdfOpened> =>
  openResidentPdf(planNoticePath(compoundId), '改造提前告知书.pdf', '告知书已下载，但微信无法打开它，请稍后再试，或请居委会帮您打印')
