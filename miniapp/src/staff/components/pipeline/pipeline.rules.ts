import { PIPELINE_GATE_LABELS, PIPELINE_STAGES, PIPELINE_STAGE_LABELS, PipelineGate, PipelineStage } from '@linyi/shared'
import type { PipelineCompletion, PipelineGateView, PipelineMoveView, PipelineSummary } from '@linyi/shared'
import { parseServerTime } from '../../../lib/format'

export const stageLabel = (stage: PipelineStage) => PIPELINE_STAGE_LABELS[stage] ?? stage

export const gateLabel = (gate: PipelineGate) => PIPELINE_GATE_LABELS[gate] ?? gate

/** The mark beside a gate, in words (the colour only repeats them): a gate not required counts as met but says so. */
export function gateMark(gate: Pick<PipelineGateView, 'met' | 'required'>): { text: string; tone: 'met' | 'unmet' | 'waived' } {
  if (!gate.required) return { text: '不要求', tone: 'waived' }
  return gate.met ? { text: '已满足', tone: 'met' } : { text: '未满足', tone: 'unmet' }
}

/** app.css's state badges carry the tone's colours. */
export const MARK_BADGE: Record<'met' | 'unmet' | 'waived', string> = { met: 'state-badge--reached', unmet: 'state-badge--failed', waived: 'state-badge--pending' }

export const unmet = (gates: PipelineGateView[]) => gates.filter((g) => !g.met)

/** The gates still matter only before the year's plan: afterwards nothing is "missing". */
export const gatesAhead = (stage: PipelineStage) => stage === PipelineStage.None || stage === PipelineStage.Reserve

/** What meets each gate and who records it, for the committee reading 「还缺」. */
export const GATE_HOW: Record<PipelineGate, string> = {
  [PipelineGate.OwnersOrganisation]: '成立业主委员会或物业管理委员会后，由街道办记录。',
  [PipelineGate.PropertyServiceAgreement]: '由居委会就物业服务标准及收费征询全体业主，按《民法典》规则通过。',
  [PipelineGate.FundPledge]: '由居委会就专项维修资金补建续筹征询全体业主，按《民法典》规则通过。',
  [PipelineGate.IllegalStructuresCleared]: '违法建设清理完成后，由街道办记录。',
}

/** 「条件 3/4」 on the street dashboard. */
export function gatesCount(gates: PipelineGateView[]): string {
  return `条件 ${gates.length - unmet(gates).length}/${gates.length}`
}

/** One compound's line on the street dashboard, in words. */
export function summaryLines(summary: PipelineSummary): { stage: string; gates: string; missing: string | null; excluded: string | null } {
  const missing = unmet(summary.gates)
  return {
    stage: stageLabel(summary.stage),
    gates: gatesCount(summary.gates),
    missing: missing.length ? `还缺：${missing.map((g) => gateLabel(g.gate)).join('、')}` : null,
    excluded: summary.excludedBuildings.length ? `${summary.excludedBuildings.length} 栋楼不列入年度计划` : null,
  }
}

/** The button that moves the compound to `to`, named for what it does from `from`. */
export function moveButtonText(from: PipelineStage, to: PipelineStage): string {
  if (to === PipelineStage.Reserve) return from === PipelineStage.None ? '列入储备库' : '退回储备库'
  if (to === PipelineStage.None) return '移出储备库'
  if (to === PipelineStage.AnnualPlan) return '列入年度计划'
  if (to === PipelineStage.InWorks) return '标记为施工中'
  return '标记为已完工'
}

/** Said in the confirmation before a move: what it sets off. */
export function moveWarning(from: PipelineStage, to: PipelineStage): string {
  if (from === PipelineStage.None && to === PipelineStage.Reserve) return '列入储备库后，系统会向本小区每一户发出改造提前告知（暂缓厨卫装修）。'
  if (to === PipelineStage.AnnualPlan) return '列入年度计划后，施工单位即可为本小区制定施工计划。'
  if (to === PipelineStage.Completed) return '标记为已完工后不能再调整阶段。'
  return `本小区将从“${stageLabel(from)}”调整为“${stageLabel(to)}”。`
}

/** 「储备库 → 年度计划 → …」 with the current one marked in words. */
export const stageSteps = (current: PipelineStage) => PIPELINE_STAGES.map((stage) => ({ stage, label: stageLabel(stage), current: stage === current }))

/** Oldest first: the history reads as it happened. */
export const movesInOrder = (moves: PipelineMoveView[]) => [...moves].sort((a, b) => parseServerTime(a.at).getTime() - parseServerTime(b.at).getTime())

export function completionText(completion: PipelineCompletion): string {
  if (completion.units === 0) return '还没有发布的施工计划。'
  return `已发布的施工计划共 ${completion.units} 个单元，其中 ${completion.acceptedUnits} 个单元已全部完成分户验收（${completion.acceptedUnits}/${completion.units}）。`
}
