import { useCallback, useEffect, useState } from 'react'
import { PipelineGate } from '@linyi/shared'
import type { OwnersOrganisationRequest, PipelineGateView, PipelineStage, PipelineView } from '@linyi/shared'
import { ApiError, readableError } from '../api'
import { fetchPipeline, movePipeline, recordGate, saveOwnersOrganisation } from '../api/pipeline'
import { useShownAsync } from './use-async'
import { useSubmission } from './use-submission'

/** Why a move was refused: the server's sentence, and for PIPELINE_GATES_UNMET every gate still unmet. */
export interface MoveRefusal {
  code: string
  message: string
  gates: PipelineGateView[]
}

function refusalOf(error: unknown): MoveRefusal {
  if (!(error instanceof ApiError)) return { code: 'NETWORK_ERROR', message: readableError(error), gates: [] }
  const gates = error.details.gates
  return { code: error.code, message: error.message, gates: Array.isArray(gates) ? (gates as PipelineGateView[]) : [] }
}

/** The compound's pipeline, replaced by what each step answers; a refused move keeps the server's words and gates. */
export function usePipeline(compoundId: string) {
  const loaded = useShownAsync(() => fetchPipeline(compoundId))
  const [view, setView] = useState<PipelineView | null>(null)
  useEffect(() => {
    if (loaded.data) setView(loaded.data)
  }, [loaded.data])
  const [moving, setMoving] = useState<PipelineStage | null>(null)
  const [refusal, setRefusal] = useState<MoveRefusal | null>(null)

  const move = useCallback(
    async (stage: PipelineStage, note: string) => {
      setMoving(stage)
      setRefusal(null)
      try {
        setView(await movePipeline(compoundId, note ? { stage, note } : { stage }))
        return true
      } catch (e) {
        setRefusal(refusalOf(e))
        // A 409 may mean the page is behind (moved or recorded elsewhere): read it again, keep the refusal.
        if (e instanceof ApiError && e.statusCode === 409) setView(await fetchPipeline(compoundId).catch(() => view))
        return false
      } finally {
        setMoving(null)
      }
    },
    [compoundId, view],
  )

  const saveOrganisation = useSubmission(async (body: OwnersOrganisationRequest) => setView(await saveOwnersOrganisation(compoundId, body)))
  const recordIllegalStructures = useSubmission(async (met: boolean, note: string) => setView(await recordGate(compoundId, PipelineGate.IllegalStructuresCleared, { met, note })))
  const setFundPledge = useSubmission(async (required: boolean, note: string) => setView(await recordGate(compoundId, PipelineGate.FundPledge, { required, note })))

  return { ...loaded, view, move, moving, refusal, saveOrganisation, recordIllegalStructures, setFundPledge }
}

export type PipelineState = ReturnType<typeof usePipeline>
