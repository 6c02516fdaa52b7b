import type { BoardsRequest, CompoundBoards, RefusalNoticeView } from '@linyi/shared'
import { endpoint } from './endpoints'
import { call } from './http'
import { openStaffPdf } from './publicity-staff'

// Printable records and publicity boards (issue 12), staff side.

/** What marking a refusal final answers: the notice's text, the group's state and the stored notice's id. */
export interface FinalRefusalResult {
  noticeText: string
  groupState: string
  noticeId?: string
}

export const recordsEndpoints = {
  boards: endpoint<CompoundBoards>('GET', '/compounds/:compoundId/boards', 'staff'),
  saveBoards: endpoint<CompoundBoards, BoardsRequest>('PUT', '/compounds/:compoundId/boards', 'staff'),
  markFinalRefusal: endpoint<FinalRefusalResult>('POST', '/consultations/:consultationId/households/:householdId/final-refusal', 'staff'),
  refusalNotice: endpoint<RefusalNoticeView>('GET', '/consultations/:consultationId/households/:householdId/refusal-notice', 'staff'),
}

export const fetchBoards = (compoundId: string) => call(recordsEndpoints.boards, { params: { compoundId } })

export const saveBoards = (compoundId: string, body: BoardsRequest) => call(recordsEndpoints.saveBoards, { params: { compoundId }, body })

/** After the required visits ended in refusal: the group fails and the written notice is issued and stored. */
export const markFinalRefusal = (consultationId: string, householdId: string) => call(recordsEndpoints.markFinalRefusal, { params: { consultationId, householdId } })

export const fetchRefusalNotice = (consultationId: string, householdId: string) =>
  call(recordsEndpoints.refusalNotice, { params: { consultationId, householdId } })

const id = encodeURIComponent

// Not in the endpoint map: PDFs, not JSON.
export const boardsPdfPath = (compoundId: string) => `/compounds/${id(compoundId)}/boards.pdf`
export const applicationPdfPath = (consultationId: string, householdId: string) => `/consultations/${id(consultationId)}/responses/${id(householdId)}/application.pdf`
export const refusalNoticePdfPath = (consultationId: string, householdId: string) =>
  `/consultations/${id(consultationId)}/households/${id(householdId)}/refusal-notice.pdf`

/** 公示牌: materials, responsible parties, complaint phone and supervisors, to post in the compound. */
export const openBoardsPdf = (compoundId: string, compoundName: string) => openStaffPdf(boardsPdfPath(compoundId), `公示牌-${compoundName || '小区'}.pdf`)

/** The written application as signed, with its evidence hash. */
export const openApplicationPdf = (consultationId: string, householdId: string, householdLabel: string) =>
  openStaffPdf(applicationPdfPath(consultationId, householdId), `书面申请-${householdLabel}.pdf`)

/** The written notice to a household whose refusal is final. */
export const openRefusalNoticePdf = (consultationId: string, householdId: string, householdLabel: string) =>
  openStaffPdf(refusalNoticePdfPath(consultationId, householdId), `告知书-${householdLabel}.pdf`)
