import type { ConsultationView, GroupView, OutstandingUnit } from '@linyi/shared'
import { fetchCompoundConsultations, fetchConsultationGroups, fetchOutstanding, fetchStaffConsultation } from '../api'
import { useAsync } from './use-async'

export const useCompoundConsultations = (compoundId: string) => useAsync(() => fetchCompoundConsultations(compoundId))

/** Everything the committee needs to follow one consultation up: progress per group and the chase list. */
export interface FollowUp {
  consultation: ConsultationView
  groups: GroupView[]
  outstanding: OutstandingUnit[]
}

async function loadFollowUp(consultationId: string): Promise<FollowUp> {
  const [consultation, groups, outstanding] = await Promise.all([
    fetchStaffConsultation(consultationId),
    fetchConsultationGroups(consultationId),
    fetchOutstanding(consultationId),
  ])
  return { consultation, groups, outstanding }
}

export const useConsultationFollowUp = (consultationId: string) => useAsync(() => loadFollowUp(consultationId))
