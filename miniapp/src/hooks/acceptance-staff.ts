import { useState } from 'react'
import { WorkPlanStatus } from '@linyi/shared'
import type { AcceptanceProgressView, InspectionCreated, InspectionRequest, OwnerSupervisorsRequest, RepairDoneRequest, WorkPlanView } from '@linyi/shared'
import { fetchCompoundStructure } from '../api'
import {
  downloadStaffAcceptancePhoto,
  fetchAcceptanceProgress,
  fetchHouseholdRepairs,
  fetchOwnerSupervisors,
  fetchPlanRepairs,
  fetchStaffAcceptance,
  fetchStaffWarranty,
  recordInspection,
  recordPaperAcceptance,
  recordRepairDone,
  saveOwnerSupervisors,
  type PaperAcceptance,
} from '../api/acceptance-staff'
import { fetchWorkPlan } from '../api/works-staff'
import { useDownloadedImage } from './downloaded-image'
import { useAsyncWhen } from './staff'
import { useAsync, useShownAsync } from './use-async'
import { useSubmission } from './use-submission'

/** The plan, and its progress once published (a draft has nothing to accept: the server would answer 409). */
async function loadBoard(workPlanId: string): Promise<{ plan: WorkPlanView; progress: AcceptanceProgressView | null }> {
  const plan = await fetchWorkPlan(workPlanId)
  const progress = plan.status === WorkPlanStatus.Published ? await fetchAcceptanceProgress(workPlanId) : null
  return { plan, progress }
}

/** 分户验收: read again whenever the page shows (back from an inspection, the counts moved). */
export const useAcceptanceBoard = (workPlanId: string) => useShownAsync(() => loadBoard(workPlanId))

export const useHouseholdAcceptance = (householdId: string, workPlanId: string) => useShownAsync(() => fetchStaffAcceptance(householdId, workPlanId))

/** A rework household's latest defects, for the crew's list; loaded only for the households shown. */
export const useReworkDetail = (householdId: string, workPlanId: string) => useAsync(() => fetchStaffAcceptance(householdId, workPlanId))

/** The contractor's inspection: keeps what the server answered (passed, missing) until the next one. */
export function useRecordInspection(householdId: string, onRecorded: () => Promise<void>) {
  const [result, setResult] = useState<InspectionCreated | null>(null)
  const submission = useSubmission(async (body: InspectionRequest) => {
    setResult(null)
    const created = await recordInspection(householdId, body)
    setResult(created)
    await onRecorded()
  })
  return { ...submission, result, clear: () => setResult(null) }
}

export const usePaperAcceptance = (householdId: string) => useSubmission((paper: PaperAcceptance) => recordPaperAcceptance(householdId, paper))

/** The compound's owner supervisors; the household picker's source is asked only once the committee edits. */
export function useOwnerSupervisors(compoundId: string, editing: boolean) {
  const list = useAsync(() => fetchOwnerSupervisors(compoundId))
  const structure = useAsyncWhen(() => fetchCompoundStructure(compoundId), editing)
  const save = useSubmission(async (body: OwnerSupervisorsRequest) => {
    await saveOwnerSupervisors(compoundId, body)
    await list.reload()
  })
  return { list, structure, save }
}

async function loadRepairs(workPlanId: string) {
  const [plan, repairs] = await Promise.all([fetchWorkPlan(workPlanId), fetchPlanRepairs(workPlanId)])
  return { plan, repairs }
}

export const usePlanRepairs = (workPlanId: string) => useShownAsync(() => loadRepairs(workPlanId))

/** The crew's repair: the server answers REPAIRED and whether its tests passed. */
export function useRepairDone(householdId: string, repairId: string, onDone: () => Promise<void>) {
  const [passed, setPassed] = useState<boolean | null>(null)
  const submission = useSubmission(async (body: RepairDoneRequest) => {
    setPassed(null)
    const answer = await recordRepairDone(householdId, repairId, body)
    setPassed(answer.passed)
    await onDone()
  })
  return { ...submission, passed }
}

/** An accepted household's warranty notice and its repairs so far, for the crew at the door. */
export const useAcceptedHousehold = (householdId: string) =>
  useAsync(async () => {
    const [warranty, repairs] = await Promise.all([fetchStaffWarranty(householdId), fetchHouseholdRepairs(householdId)])
    return { warranty, repairs }
  })

/** A stored photo of the household's acceptance or repairs, fetched with the staff token. */
export const useStaffPhoto = (householdId: string, sha256: string) => useDownloadedImage(() => downloadStaffAcceptancePhoto(householdId, sha256))
