import Taro from '@tarojs/taro'
import { AnswerChannel } from '@linyi/shared'
import type { Answer, HomeVisitRequest, SubmitResponseRequest } from '@linyi/shared'
import { endpoints } from './endpoints'
import { ApiError } from './errors'
import { STAFF_SIGN_IN_NEEDED, call } from './http'
import { getToken } from './session'
import { download } from './transport'

// Resident

export const fetchMyConsultations = () => call(endpoints.myConsultations)

export const fetchConsultation = (consultationId: string) => call(endpoints.consultation, { params: { consultationId } })

export const submitResponse = (consultationId: string, householdId: string, request: SubmitResponseRequest) =>
  call(endpoints.submitResponse, { params: { consultationId, householdId }, body: request })

// Committee staff

export const fetchStaffConsultation = (consultationId: string) => call(endpoints.staffConsultation, { params: { consultationId } })

export const fetchCompoundConsultations = (compoundId: string) => call(endpoints.compoundConsultations, { query: { compoundId } })

export const fetchConsultationGroups = (consultationId: string) => call(endpoints.consultationGroups, { params: { consultationId } })

export const fetchOutstanding = (consultationId: string) => call(endpoints.outstanding, { params: { consultationId } })

export const recordVisit = (householdId: string, visit: HomeVisitRequest) =>
  call(endpoints.recordVisit, { params: { householdId }, body: visit })

/** What the household wrote on its signed paper form: an answer, and the option for a design vote. */
export interface PaperAnswer {
  answer: Answer
  optionId?: string
}

/** A signed paper answer: the paper form carried every disclosure, so all are acknowledged. */
export const recordPaperAnswer = (consultationId: string, householdId: string, paper: PaperAnswer, disclosureIds: string[], paperScanPng: string) =>
  call(endpoints.recordPaperResponse, {
    params: { consultationId, householdId },
    body: {
      answer: paper.answer,
      ...(paper.optionId ? { optionId: paper.optionId } : {}),
      acknowledgedDisclosureIds: disclosureIds,
      channel: AnswerChannel.Paper,
      paperScanPng,
    },
  })


/** The above-standard upgrade requests of a consultation, with their quotes and payment. */
export const fetchUpgrades = (consultationId: string) => call(endpoints.upgrades, { params: { consultationId } })

/** The chase list as an Excel file, opened in WeChat's document viewer (weapp only). */
export async function openOutstandingSpreadsheet(consultationId: string): Promise<void> {
  const token = getToken('staff')
  if (!token) throw new ApiError(STAFF_SIGN_IN_NEEDED, 401, 'UNAUTHENTICATED')
  const path = `${endpoints.outstanding.path.replace(':consultationId', encodeURIComponent(consultationId))}?format=xlsx`
  const filePath = await download(path, token)
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
}
