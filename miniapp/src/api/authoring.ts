import type { CreateConsultationRequest, UpdateCompoundSettingsRequest } from '@linyi/shared'
import { endpoints } from './endpoints'
import { call } from './http'

/** Creates the consultation as a DRAFT (nobody is asked yet). */
export const createConsultation = (request: CreateConsultationRequest) => call(endpoints.createConsultation, { body: request })

/** Freezes who is asked and opens it (OPEN), or schedules it for its opening time (SCHEDULED). */
export const publishConsultation = (consultationId: string) => call(endpoints.publishConsultation, { params: { consultationId } })

export const compoundSettings = (compoundId: string) => call(endpoints.compoundSettings, { params: { compoundId } })

export const updateCompoundSettings = (compoundId: string, changes: UpdateCompoundSettingsRequest) =>
  call(endpoints.updateCompoundSettings, { params: { compoundId }, body: changes })
