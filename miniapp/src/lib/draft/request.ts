import { ConsultationStatus, DecisionRule, fromShanghai } from '@linyi/shared'
import type { CompoundStructure, ConsultationOption, ConsultationView, CreateConsultationRequest } from '@linyi/shared'
import { ownersOnlyByDefault } from './defaults'
import { opensAtOf } from './times'
import type { ConsultationDraft, DraftErrors, DraftOption } from './types'

/** The draft as the server receives it, as residents will see it, and the server's 400 placed back on its fields. */

function toOption(option: DraftOption): ConsultationOption {
  const request: ConsultationOption = { id: option.id, title: option.title.trim(), description: option.description.trim() }
  if (option.imageUrl) request.imageUrl = option.imageUrl
  return request
}

/** The POST /api/consultations body; call after `validateDraft` found nothing. */
export function toCreateRequest(draft: ConsultationDraft, compoundId: string, now: Date): CreateConsultationRequest {
  const plurality = draft.rule === DecisionRule.Plurality
  const request: CreateConsultationRequest = {
    compoundId,
    kind: draft.kind,
    title: draft.title.trim(),
    body: draft.body.trim(),
    rule: draft.rule,
    groupBy: draft.groupBy,
    // Only PLURALITY takes options: options kept from another rule stay in the draft, not in the request.
    options: plurality ? draft.options.map(toOption) : [],
    disclosures: draft.disclosures.map((d) => ({ id: d.id, text: d.text.trim() })),
    opensAt: (opensAtOf(draft, now) ?? now).toISOString(),
    deadline: fromShanghai(draft.deadline.date, draft.deadline.clock).toISOString(),
    ownersOnly: draft.ownersOnly,
  }
  if (plurality) request.turnoutPercent = Number(draft.turnoutPercent)
  // Final refusals matter where one refusal blocks a group; elsewhere the server's default stands.
  if (draft.rule === DecisionRule.Unanimous) request.visitsBeforeFinal = Number(draft.visitsBeforeFinal)
  if (!draft.allUnits) request.unitIds = [...draft.unitIds]
  return request
}

/** The consultation as residents will receive it, for the preview step. */
export function previewOf(request: CreateConsultationRequest, now: Date): ConsultationView {
  return {
    id: 'preview',
    compoundId: request.compoundId,
    kind: request.kind,
    title: request.title,
    body: request.body,
    rule: request.rule,
    groupBy: request.groupBy,
    options: request.options ?? [],
    disclosures: request.disclosures ?? [],
    opensAt: request.opensAt,
    deadline: request.deadline,
    status: ConsultationStatus.Open,
    unitIds: request.unitIds ?? null,
    turnoutPercent: request.turnoutPercent ?? 50,
    ownersOnly: request.ownersOnly ?? ownersOnlyByDefault(request.kind),
    visitsBeforeFinal: request.visitsBeforeFinal ?? 3,
    textSha256: '',
    createdAt: now.toISOString(),
    publishedAt: null,
    closedAt: null,
  }
}

/** The households the consultation will ask, and one of their labels for the preview. */
export function householdsInScope(structure: CompoundStructure, draft: Pick<ConsultationDraft, 'allUnits' | 'unitIds'>): { count: number; sampleLabel: string | null } {
  const picked = new Set(draft.unitIds)
  const households = structure.buildings.flatMap((b) => b.units.filter((u) => draft.allUnits || picked.has(u.id)).flatMap((u) => u.households))
  return { count: households.length, sampleLabel: households[0]?.label ?? null }
}

// Which field a server message is about, tried in this order (e.g. "截止时间…开始时间" is the deadline's).
const MESSAGE_FIELDS: Array<[RegExp, string]> = [
  [/截止时间/, 'deadline'],
  [/开始时间/, 'opensAt'],
  [/标题/, 'title'],
  [/正文/, 'body'],
  [/方案/, 'options'],
  [/告知事项/, 'disclosures'],
  [/规则/, 'rule'],
  [/统计/, 'groupBy'],
  [/单元/, 'units'],
  [/投票率/, 'turnoutPercent'],
  [/上门次数/, 'visitsBeforeFinal'],
  [/征询类型/, 'kind'],
]

/** A server 400's parts (joined by "；") placed next to the fields they name; the rest shown at the top. */
export function serverErrorFields(message: string): { fields: DraftErrors; general: string | null } {
  const fields: DraftErrors = {}
  const general: string[] = []
  for (const part of message.split('；').map((p) => p.trim()).filter(Boolean)) {
    const named = /字段“([\w.]+)”/.exec(part)?.[1]
    const field = named ? (named === 'unitIds' ? 'units' : named) : MESSAGE_FIELDS.find(([pattern]) => pattern.test(part))?.[1]
    if (field && !fields[field]) fields[field] = part
    else general.push(part)
  }
  return { fields, general: general.length ? general.join('；') : null }
}
