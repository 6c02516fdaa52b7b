import type { Answer, AnswerChannel } from '@linyi/shared'

/** One version of a household's answer, as GET /consultations/{id}/responses/{householdId} returns it. */
export interface AnswerVersion {
  version: number
  answer: Answer
  optionId: string | null
  channel: AnswerChannel
  residentId: string | null
  staffId: string | null
  acknowledgedDisclosureIds: string[]
  signatureSha256: string | null
  paperScanSha256: string | null
  evidenceSha256: string
  answeredAt: string
}

export interface AnswerHistory {
  current: (AnswerVersion & { finalRefusalAt: string | null }) | null
  history: AnswerVersion[]
}
