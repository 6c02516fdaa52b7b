import { AcceptanceChannel } from '@linyi/shared'
import type { AcceptanceDecision, DefectInput, InspectionRequest, OwnerSupervisorsRequest, RepairDoneRequest } from '@linyi/shared'
import { endpoints } from './endpoints'
import { withStaffToken } from './files'
import { call } from './http'
import { download } from './transport'

// Acceptance and warranty (issue 11), staff side: the contractor's inspections and repairs, the committee's paper forms and supervisors.

/** Every household of every unit of the plan: inspected, passed, accepted, rework. */
export const fetchAcceptanceProgress = (workPlanId: string) => call(endpoints.acceptanceProgress, { params: { workPlanId } })

/** One household's inspections and decisions in the plan (PENDING with empty lists before the first inspection). */
export const fetchStaffAcceptance = (householdId: string, workPlanId: string) =>
  call(endpoints.staffAcceptance, { params: { householdId }, query: { workPlanId } })

/** The contractor's tests in the flat: the server answers passed and the required tests that were missing. */
export const recordInspection = (householdId: string, body: InspectionRequest) => call(endpoints.recordInspection, { params: { householdId }, body })

export interface PaperAcceptance {
  workPlanId: string
  decision: AcceptanceDecision
  defects: DefectInput[]
  paperScanPng: string
}

/** A paper acceptance form the resident signed, entered by the committee with its photo. */
export const recordPaperAcceptance = (householdId: string, paper: PaperAcceptance) =>
  call(endpoints.paperAcceptance, {
    params: { householdId },
    body: {
      workPlanId: paper.workPlanId,
      decision: paper.decision,
      ...(paper.defects.length ? { defects: paper.defects } : {}),
      channel: AcceptanceChannel.Paper,
      paperScanPng: paper.paperScanPng,
    },
  })

export const fetchOwnerSupervisors = (compoundId: string) => call(endpoints.ownerSupervisors, { params: { compoundId } })

/** Replaces the compound's list (0 to 2). */
export const saveOwnerSupervisors = (compoundId: string, body: OwnerSupervisorsRequest) => call(endpoints.setOwnerSupervisors, { params: { compoundId }, body })

/** The plan's repairs under warranty, open ones first. */
export const fetchPlanRepairs = (workPlanId: string) => call(endpoints.planRepairs, { params: { workPlanId } })

export const fetchHouseholdRepairs = (householdId: string) => call(endpoints.staffHouseholdRepairs, { params: { householdId } })

/** The contractor's repair with its tests: REPAIRED, and whether they passed. */
export const recordRepairDone = (householdId: string, repairId: string, body: RepairDoneRequest) =>
  call(endpoints.repairDone, { params: { householdId, repairId }, body })

export const fetchStaffWarranty = (householdId: string) => call(endpoints.staffWarranty, { params: { householdId } })

/** Not in endpoints.ts: image bytes, not JSON. */
export const staffAcceptancePhotoPath = (householdId: string, sha256: string) =>
  `/households/${encodeURIComponent(householdId)}/acceptance/photos/${encodeURIComponent(sha256)}`

/** A test, defect, scan or repair photo as an <Image> source: a temporary file on weapp, a blob: URL on H5 (an image URL cannot carry the token). */
export const downloadStaffAcceptancePhoto = (householdId: string, sha256: string) => withStaffToken((token) => download(staffAcceptancePhotoPath(householdId, sha256), token))
