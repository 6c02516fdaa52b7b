import { useEffect } from 'react'
import type { CompoundSummary, ConsultationHouseholds, ConsultationTrend, ConsultationView, GroupView, StreetStatus } from '@linyi/shared'
import { fetchCompounds, fetchConsultationGroups, readableError } from '../api'
import { fetchConsultationHouseholds, fetchConsultationTrend, fetchStreetOffices, fetchStreetStatus } from '../api/progress'
import { openConsultations } from '../lib/dashboard'
import { useAsync } from './use-async'
import { loadProgress } from './staff-consultations'

export const useStreetOffices = () => useAsync(fetchStreetOffices)

/** A consultation's trend and groups; a failure here leaves the street's figures on screen. */
export interface ConsultationDetail {
  trend: ConsultationTrend | null
  groups: GroupView[] | null
  error: string | null
}

export interface StreetDashboard {
  status: StreetStatus
  details: Record<string, ConsultationDetail>
}

async function loadDetail(consultationId: string): Promise<ConsultationDetail> {
  const [trend, groups] = await Promise.allSettled([fetchConsultationTrend(consultationId), fetchConsultationGroups(consultationId)])
  const failed = [trend, groups].find((r): r is PromiseRejectedResult => r.status === 'rejected')
  return {
    trend: trend.status === 'fulfilled' ? trend.value : null,
    groups: groups.status === 'fulfilled' ? groups.value : null,
    error: failed ? readableError(failed.reason) : null,
  }
}

async function loadDashboard(streetOfficeId: string): Promise<StreetDashboard> {
  const status = await fetchStreetStatus(streetOfficeId)
  const ids = openConsultations(status).map((c) => c.id)
  const details = await Promise.all(ids.map(loadDetail))
  return { status, details: Object.fromEntries(ids.map((id, i) => [id, details[i]])) }
}

/** The street's status with each open consultation's trend and groups; reloads when the street changes. */
export function useStreetDashboard(streetOfficeId: string | null) {
  const state = useAsync(() => loadDashboard(streetOfficeId ?? ''), { immediate: false })
  const { reload } = state
  useEffect(() => {
    if (streetOfficeId) void reload()
  }, [streetOfficeId, reload])
  return state
}

/** What the drill-down shows: the consultation, its households' answer classes and its groups. */
export interface ConsultationDrillDown {
  consultation: ConsultationView
  households: ConsultationHouseholds
  groups: GroupView[]
  /** The compound's name; null when the compound list could not be read (the tree still shows). */
  compound: CompoundSummary | null
}

async function loadDrillDown(consultationId: string): Promise<ConsultationDrillDown> {
  const [{ consultation, groups }, households, compounds] = await Promise.all([
    loadProgress(consultationId),
    fetchConsultationHouseholds(consultationId),
    fetchCompounds().catch(() => [] as CompoundSummary[]),
  ])
  return { consultation, households, groups, compound: compounds.find((c) => c.id === households.compoundId) ?? null }
}

export const useConsultationDrillDown = (consultationId: string) => useAsync(() => loadDrillDown(consultationId))
