import { CONTACT_PHONE_HINT, DEFAULT_WORK_STEPS, WORK_LIMITS, contactPhoneProblem, normalizeContactPhone } from '@linyi/shared'
import type { CompoundStructure, CreateWorkPlanRequest, UpdateWorkPlanRequest, WorkPlanView, WorkStep } from '@linyi/shared'

/** The plan form as typed: plain text until sent. */
export interface PlanDraft {
  title: string
  consultationId: string | null
  unitIds: string[]
  steps: WorkStep[]
  waterCut: string
  temporaryWater: string
  temporarySewage: string
  contactPhone: string
}

export type ArrangementField = 'waterCut' | 'temporaryWater' | 'temporarySewage'

/** What each arrangement is called on the form and the notice, with an example of what to write. */
export const ARRANGEMENTS: Array<{ field: ArrangementField; label: string; placeholder: string }> = [
  { field: 'waterCut', label: '停水安排', placeholder: '例如：施工当天 8:00—18:00 全单元停水' },
  { field: 'temporaryWater', label: '临时供水', placeholder: '例如：一楼楼道口设临时水龙头，需送水的住户请联系居委会' },
  { field: 'temporarySewage', label: '临时排污', placeholder: '例如：停水期间请勿使用马桶，小区东门设临时厕所' },
]

/** Characters as a person counts them (an emoji is one). */
export const charCount = (text: string) => [...text.trim()].length

export function newPlanDraft(consultationId: string | null): PlanDraft {
  return {
    title: '',
    consultationId,
    unitIds: [],
    steps: DEFAULT_WORK_STEPS.map((step) => ({ ...step })),
    waterCut: '',
    temporaryWater: '',
    temporarySewage: '',
    contactPhone: '',
  }
}

export function draftOfPlan(plan: WorkPlanView): PlanDraft {
  return {
    title: plan.title,
    consultationId: plan.consultationId,
    unitIds: plan.units.map((unit) => unit.unitId),
    steps: plan.steps.map((step) => ({ ...step })),
    waterCut: plan.waterCut ?? '',
    temporaryWater: plan.temporaryWater ?? '',
    temporarySewage: plan.temporarySewage ?? '',
    contactPhone: plan.contactPhone ?? '',
  }
}

/** The first thing to fix, in the form's order, or null when the plan may be sent. */
export function planProblem(draft: PlanDraft): string | null {
  const title = charCount(draft.title)
  if (title === 0) return '请填写计划名称'
  if (title > WORK_LIMITS.titleMax) return `计划名称最多 ${WORK_LIMITS.titleMax} 个字`
  if (!draft.consultationId) return '请选择依据的上下水管线改造申请'
  if (draft.unitIds.length === 0) return '请至少选择一个单元'
  if (draft.unitIds.length > WORK_LIMITS.unitsMax) return `一个计划最多 ${WORK_LIMITS.unitsMax} 个单元`
  if (draft.steps.length === 0) return '请至少保留一个施工步骤'
  if (draft.steps.length > WORK_LIMITS.stepsMax) return `施工步骤最多 ${WORK_LIMITS.stepsMax} 步`
  for (const [index, step] of draft.steps.entries()) {
    if (charCount(step.title) === 0) return `第 ${index + 1} 步还没有填写名称`
    if (charCount(step.title) > WORK_LIMITS.stepTitleMax) return `第 ${index + 1} 步的名称最多 ${WORK_LIMITS.stepTitleMax} 个字`
    if (charCount(step.description) > WORK_LIMITS.stepDescriptionMax) return `第 ${index + 1} 步的说明最多 ${WORK_LIMITS.stepDescriptionMax} 个字`
  }
  for (const { field, label } of ARRANGEMENTS) {
    if (charCount(draft[field]) > WORK_LIMITS.arrangementMax) return `${label}最多 ${WORK_LIMITS.arrangementMax} 个字`
  }
  if (phoneProblem(draft.contactPhone)) return CONTACT_PHONE_HINT
  return null
}

/** The phone's problem as typed; an empty phone is fine (the notice gives the compound's emergency phone). */
export function phoneProblem(typed: string): string | null {
  return typed.trim() === '' ? null : contactPhoneProblem(normalizeContactPhone(typed))
}

const stepsOf = (draft: PlanDraft): WorkStep[] => draft.steps.map((step) => ({ title: step.title.trim(), description: step.description.trim() }))

export function createRequestOf(draft: PlanDraft, compoundId: string): CreateWorkPlanRequest {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined)
  const body: CreateWorkPlanRequest = { compoundId, consultationId: draft.consultationId ?? '', title: draft.title.trim(), steps: stepsOf(draft), unitIds: draft.unitIds }
  for (const { field } of ARRANGEMENTS) {
    const value = optional(draft[field])
    if (value) body[field] = value
  }
  if (draft.contactPhone.trim()) body.contactPhone = normalizeContactPhone(draft.contactPhone)
  return body
}

/** Only what changed; an emptied text is sent as '' so the server clears it. */
export function updateRequestOf(draft: PlanDraft, plan: WorkPlanView): UpdateWorkPlanRequest {
  const before = draftOfPlan(plan)
  const body: UpdateWorkPlanRequest = {}
  if (draft.title.trim() !== before.title) body.title = draft.title.trim()
  const steps = stepsOf(draft)
  if (JSON.stringify(steps) !== JSON.stringify(before.steps)) body.steps = steps
  if ([...draft.unitIds].sort().join() !== [...before.unitIds].sort().join()) body.unitIds = draft.unitIds
  for (const { field } of ARRANGEMENTS) if (draft[field].trim() !== before[field]) body[field] = draft[field].trim()
  const phone = draft.contactPhone.trim() ? normalizeContactPhone(draft.contactPhone) : ''
  if (phone !== before.contactPhone) body.contactPhone = phone
  return body
}

export const blankStep = (): WorkStep => ({ title: '', description: '' })

/** `items` with the one at `index` moved by `by` (−1 up, +1 down). */
export function movedStep(steps: WorkStep[], index: number, by: -1 | 1): WorkStep[] {
  const target = index + by
  if (target < 0 || target >= steps.length) return steps
  const next = [...steps]
  ;[next[index], next[target]] = [next[target], next[index]]
  return next
}

export interface UnitChoice {
  unitId: string
  label: string
  households: number
}

/** The units a plan may cover, building by building: those the plumbing application asked (all when it asked the whole compound). */
export function unitChoices(structure: CompoundStructure, askedUnitIds: string[] | null): Array<{ buildingId: string; name: string; units: UnitChoice[] }> {
  const asked = askedUnitIds ? new Set(askedUnitIds) : null
  return structure.buildings
    .map((building) => ({
      buildingId: building.id,
      name: building.name,
      units: building.units
        .filter((unit) => !asked || asked.has(unit.id))
        .map((unit) => ({ unitId: unit.id, label: `${building.name}${unit.name}`, households: unit.households.length })),
    }))
    .filter((building) => building.units.length > 0)
}
