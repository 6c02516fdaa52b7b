import type { GateRecordRequest, MovePipelineRequest, OwnersOrganisationRequest, PipelineGate, PipelineView } from '@linyi/shared'
import { endpoint } from './endpoints'
import { call } from './http'
import { openStaffPdf } from './publicity-staff'

// The renovation pipeline (issue 14), staff side: the stage, the gates before the year's plan, the advance notice.

export const pipelineEndpoints = {
  pipeline: endpoint<PipelineView>('GET', '/compounds/:compoundId/pipeline', 'staff'),
  move: endpoint<PipelineView, MovePipelineRequest>('POST', '/compounds/:compoundId/pipeline', 'staff'),
  ownersOrganisation: endpoint<PipelineView, OwnersOrganisationRequest>('PUT', '/compounds/:compoundId/owners-organisation', 'staff'),
  recordGate: endpoint<PipelineView, GateRecordRequest>('PUT', '/compounds/:compoundId/gates/:gate', 'staff'),
}

export const fetchPipeline = (compoundId: string) => call(pipelineEndpoints.pipeline, { params: { compoundId } })

/** A 409 carries the refusal's code, and for PIPELINE_GATES_UNMET every unmet gate (`ApiError.details.gates`). */
export const movePipeline = (compoundId: string, body: MovePipelineRequest) => call(pipelineEndpoints.move, { params: { compoundId }, body })

export const saveOwnersOrganisation = (compoundId: string, body: OwnersOrganisationRequest) => call(pipelineEndpoints.ownersOrganisation, { params: { compoundId }, body })

/** Only the hand-recorded gates: ILLEGAL_STRUCTURES_CLEARED `{met, note}`, FUND_PLEDGE `{required, note}`. */
export const recordGate = (compoundId: string, gate: PipelineGate, body: GateRecordRequest) => call(pipelineEndpoints.recordGate, { params: { compoundId, gate }, body })

/** Not in the endpoint map: a PDF, not JSON. */
export const planNoticePdfPath = (compoundId: string) => `/compounds/${encodeURIComponent(compoundId)}/pipeline/notice.pdf`

/** 改造提前告知书 to post in the stairwells. */
export const openPlanNotice = (compoundId: string, compoundName: string) => openStaffPdf(planNoticePdfPath(compoundId), `改造提前告知书-${compoundName || '小区'}.pdf`)
