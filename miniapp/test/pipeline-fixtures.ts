/** Server answers for the pipeline tests (issue 14), shaped like shared/src/pipeline.ts: 红星小区 in the reserve, its property-service agreement still open. */
import { PipelineGate, PipelineStage, planNoticeText } from '@linyi/shared'
import type { PipelineGateView, PipelineSummary, PipelineView, ResidentPipelineView } from '@linyi/shared'

export const COMPOUND = 'k-hongxing'
export const SINCE = '2026-11-02T02:30:00.000Z' // 10:30 in Beijing

export function gate(g: PipelineGate, overrides: Partial<PipelineGateView> = {}): PipelineGateView {
  return { gate: g, met: true, required: true, detail: '', consultationId: null, ...overrides }
}

/** 红星小区's gates: organisation recorded, property service still in consultation, no pledge required, illegal structures not recorded. */
export const reserveGates = (): PipelineGateView[] => [
  gate(PipelineGate.OwnersOrganisation, { detail: '业主委员会「红星小区第一届业主委员会」，2025-06-01成立' }),
  gate(PipelineGate.PropertyServiceAgreement, { met: false, detail: '《物业服务标准及收费》正在征询，2026-12-20截止后按结果计', consultationId: 'c-service' }),
  gate(PipelineGate.FundPledge, { required: false, detail: '街道办未要求本小区作维修资金承诺' }),
  gate(PipelineGate.IllegalStructuresCleared, { met: false, detail: '街道尚未记录违法建设清理情况' }),
]

const notice = planNoticeText('红星小区')

export function pipelineView(overrides: Partial<PipelineView> = {}): PipelineView {
  return {
    compoundId: COMPOUND,
    compoundName: '红星小区',
    stage: PipelineStage.Reserve,
    since: SINCE,
    gates: reserveGates(),
    excludedBuildings: [],
    ownersOrganisation: { kind: 'OWNERS_COMMITTEE', name: '红星小区第一届业主委员会', formedOn: '2025-06-01' } as PipelineView['ownersOrganisation'],
    fundPledgeRequired: false,
    notice: { id: 'n-1', ...notice, issuedAt: SINCE, sha256: 'cd'.repeat(32) },
    completion: { units: 0, acceptedUnits: 0, offered: false },
    nextStages: [PipelineStage.AnnualPlan, PipelineStage.None],
    moves: [{ from: PipelineStage.None, to: PipelineStage.Reserve, note: '区住建局批复入库', by: '街道李科长', at: SINCE }],
    ...overrides,
  }
}

export function residentView(overrides: Partial<ResidentPipelineView> = {}): ResidentPipelineView {
  const { compoundId, compoundName, stage, since, notice: issued } = pipelineView()
  return { compoundId, compoundName, stage, since, notice: issued, ...overrides }
}

/** A compound the street office has not put in the reserve: every gate unmet but the waived pledge. */
export const NO_PIPELINE: PipelineSummary = {
  stage: PipelineStage.None,
  since: null,
  gates: reserveGates().map((g) => (g.required ? { ...g, met: false } : g)),
  excludedBuildings: [],
}

export function summary(overrides: Partial<PipelineSummary> = {}): PipelineSummary {
  const { stage, since, gates, excludedBuildings } = pipelineView()
  return { stage, since, gates, excludedBuildings, ...overrides }
}
