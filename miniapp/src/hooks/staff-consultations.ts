import type { ConsultationView, GroupView, UpgradeView } from '@linyi/shared'
import { fetchCompoundConsultations, fetchCompoundStructure, fetchConsultationGroups, fetchOutstanding, fetchStaffConsultation, fetchUpgrades } from '../api'
import { useAsyncWhen } from './staff'
import { useAsync } from './use-async'

export const useCompoundConsultations = (compoundId: string) => useAsync(() => fetchCompoundConsultations(compoundId))

/** What every role that follows a consultation may see: the consultation and its progress per group. */
export interface Progress {
  consultation: ConsultationView
  groups: GroupView[]
}

export async function loadProgress(consultationId: string): Promise<Progress> {
  const [consultation, groups] = await Promise.all([fetchStaffConsultation(consultationId), fetchConsultationGroups(consultationId)])
  return { consultation, groups }
}

export const useConsultationProgress = (consultationId: string) => useAsync(() => loadProgress(consultationId))

/** The chase list (names and phones): organisers only. */
export const useChaseList = (consultationId: string, enabled: boolean) => useAsyncWhen(() => fetchOutstanding(consultationId), enabled)

/** A consultation's current above-standard upgrade requests, each with its household's label. */
export interface UpgradeLine {
  upgrade: UpgradeView
  householdLabel: string
}

async function loadUpgrades(consultation: Pick<ConsultationView, 'id' | 'compoundId'>): Promise<UpgradeLine[]> {
  const upgrades = (await fetchUpgrades(consultation.id)).filter((u) => u.current)
  if (upgrades.length === 0) return []
  // The upgrade names only the household id: the structure (any role that follows the compound) names it.
  const structure = await fetchCompoundStructure(consultation.compoundId)
  const labels = new Map(structure.buildings.flatMap((b) => b.units.flatMap((u) => u.households.map((h) => [h.id, h.label] as const))))
  return upgrades.map((upgrade) => ({ upgrade, householdLabel: labels.get(upgrade.householdId) ?? '（已不在名册中的房屋）' }))
}

/** Above-standard upgrade requests with their quotes and payment: what the contractor prices. */
export const useUpgrades = (consultation: Pick<ConsultationView, 'id' | 'compoundId'> | null, enabled: boolean) =>
  useAsyncWhen(() => (consultation ? loadUpgrades(consultation) : Promise.resolve([])), enabled && consultation !== null)
