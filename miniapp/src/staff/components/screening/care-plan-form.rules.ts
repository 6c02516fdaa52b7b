import { CONTACT_NAME_MAX, MEASURE_DESCRIPTION_MAX, MEASURE_LABELS, MeasureKind, assistanceNoteProblem, contactPhoneProblem, normalizeContactPhone } from '@linyi/shared'
import type { CarePlanRequest, CarePlanView } from '@linyi/shared'

export interface CarePlanDraft {
  ticked: MeasureKind[]
  /** Kept when a measure is unticked, so ticking it again brings the words back. */
  descriptions: Partial<Record<MeasureKind, string>>
  contactName: string
  contactPhone: string
  assistanceNote: string
}

export const MEASURE_ORDER = Object.values(MeasureKind)
const length = (text: string) => [...text.trim()].length

export function carePlanDraftOf(plan: CarePlanView | null): CarePlanDraft {
  if (!plan) return { ticked: [], descriptions: {}, contactName: '', contactPhone: '', assistanceNote: '' }
  return {
    ticked: MEASURE_ORDER.filter((kind) => plan.measures.some((m) => m.kind === kind)),
    descriptions: Object.fromEntries(plan.measures.map((m) => [m.kind, m.description])),
    contactName: plan.contactName ?? '',
    contactPhone: plan.contactPhone ?? '',
    assistanceNote: plan.assistanceNote,
  }
}

export function toggleMeasure(ticked: MeasureKind[], kind: MeasureKind): MeasureKind[] {
  const next = ticked.includes(kind) ? ticked.filter((k) => k !== kind) : [...ticked, kind]
  return MEASURE_ORDER.filter((k) => next.includes(k))
}

/** A ticked measure's problem, shown under its description. */
export function measureProblem(kind: MeasureKind, description: string | undefined): string | null {
  const words = length(description ?? '')
  if (words === 0) return `请写明“${MEASURE_LABELS[kind]}”的具体安排（谁来做、什么时候）`
  if (words > MEASURE_DESCRIPTION_MAX) return `每项安排最多 ${MEASURE_DESCRIPTION_MAX} 个字`
  return null
}

/** The server's own rule (shared): what the page lets through, the server stores. */
export function phoneProblem(phone: string): string | null {
  const normalized = normalizeContactPhone(phone)
  return normalized ? contactPhoneProblem(normalized) : null
}

export function contactProblem(draft: CarePlanDraft): string | null {
  if (length(draft.contactName) > CONTACT_NAME_MAX) return `联系人最多 ${CONTACT_NAME_MAX} 个字`
  return phoneProblem(draft.contactPhone)
}

/** Why the plan cannot be saved yet (the save button says it), or null. */
export function carePlanProblem(draft: CarePlanDraft): string | null {
  if (draft.ticked.length === 0) return '请至少勾选一项照顾措施'
  for (const kind of draft.ticked) {
    const problem = measureProblem(kind, draft.descriptions[kind])
    if (problem) return problem
  }
  return contactProblem(draft) ?? assistanceNoteProblem(draft.assistanceNote)
}

/** The PUT body, exactly the contract's fields. */
export function carePlanRequestOf(draft: CarePlanDraft): CarePlanRequest {
  return {
    measures: draft.ticked.map((kind) => ({ kind, description: (draft.descriptions[kind] ?? '').trim() })),
    contactName: draft.contactName.trim() || null,
    contactPhone: normalizeContactPhone(draft.contactPhone) || null,
    assistanceNote: draft.assistanceNote.trim(),
  }
}
