import { COMPOUND_TIME_ZONE_LABEL, ConsultationKind, ConsultationStatus, DecisionRule, GroupBy, fromShanghai, plumbingDisclosures, shanghaiClock, shanghaiDate } from '@linyi/shared'
import type { CompoundStructure, ConsultationOption, ConsultationView, CreateConsultationRequest, Disclosure } from '@linyi/shared'

/**
 * A consultation being written in the console: what the form edits, its defaults per kind, the
 * server's rules (create-consultation.dto.ts, consultation.rules.ts) checked field by field in
 * Chinese, and the request it becomes. Pure: no Taro, no React.
 */

export interface DraftOption {
  id: string
  title: string
  description: string
  /** https link or data:image/png|jpeg URL; a colour swatch is a generated PNG. */
  imageUrl: string | null
  /** `#RRGGBB` when the picture is a colour swatch, so the editor can show and change the colour. */
  swatch: string | null
}

/** A wall-clock time in Asia/Shanghai, as the pickers give it. */
export interface WallClock {
  date: string
  clock: string
}

export interface ConsultationDraft {
  kind: ConsultationKind
  title: string
  body: string
  rule: DecisionRule
  groupBy: GroupBy
  allUnits: boolean
  unitIds: string[]
  options: DraftOption[]
  disclosures: Disclosure[]
  /** Opens the moment it is published; otherwise at `opensAt`. */
  opensNow: boolean
  opensAt: WallClock
  deadline: WallClock
  /** Typed into number inputs: kept as text until validated. */
  turnoutPercent: string
  ownersOnly: boolean
  visitsBeforeFinal: string
}

/** Field names as the server's validation paths spell them (`options.0.title`), plus `units`. */
export type DraftErrors = Record<string, string>

export const TITLE_MIN = 2
export const TITLE_MAX = 120
export const BODY_MAX = 20000
export const OPTIONS_MAX = 20
export const OPTION_TITLE_MAX = 60
export const OPTION_DESCRIPTION_MAX = 2000
export const DISCLOSURES_MAX = 30
export const DISCLOSURE_TEXT_MAX = 2000
export const UNITS_MAX = 2000
/** The server refuses a picture above this many characters (OptionDto.imageUrl). */
export const PICTURE_MAX_CHARS = 500_000
/** Every resident downloads the pictures with the consultation: keep them together below this. */
export const PICTURES_TOTAL_MAX_CHARS = 2_000_000
export const MIN_CONSULTATION_MS = 24 * 3600 * 1000
const DAY_MS = 24 * 3600 * 1000
const DEFAULT_DAYS = 14
const DEFAULT_DEADLINE_CLOCK = '18:00'

const ID_PATTERN = /^[\w-]{1,64}$/
// The server's check (OptionDto): an https link or inline PNG/JPEG, nothing a WebView could run.
const IMAGE_URL = /^(https:\/\/[^\s"'<>]+|data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*)$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/

const KIND_DEFAULTS: Record<ConsultationKind, { rule: DecisionRule; groupBy: GroupBy }> = {
  [ConsultationKind.PlumbingApplication]: { rule: DecisionRule.Unanimous, groupBy: GroupBy.Unit },
  [ConsultationKind.DesignVote]: { rule: DecisionRule.Plurality, groupBy: GroupBy.Compound },
  // A building that refuses is left out of the year's plan (seed 000 §3(5)).
  [ConsultationKind.WindowGuardConsent]: { rule: DecisionRule.Unanimous, groupBy: GroupBy.Building },
  [ConsultationKind.PropertyServiceAgreement]: { rule: DecisionRule.CivilCodeOrdinary, groupBy: GroupBy.Compound },
  // Raising maintenance funds is a Civil Code art. 278 (6) matter: the 3/4 rule.
  [ConsultationKind.FundPledge]: { rule: DecisionRule.CivilCodeMajor, groupBy: GroupBy.Compound },
  [ConsultationKind.SatisfactionSurvey]: { rule: DecisionRule.CivilCodeOrdinary, groupBy: GroupBy.Compound },
  [ConsultationKind.General]: { rule: DecisionRule.CivilCodeOrdinary, groupBy: GroupBy.Compound },
}

/** Kinds anyone living there may answer (as the server's default); the others are for owners. */
const OPEN_TO_TENANTS = new Set([ConsultationKind.SatisfactionSurvey, ConsultationKind.General])

/** Today plus `days` in Asia/Shanghai, as `YYYY-MM-DD`. */
function shanghaiDatePlus(now: Date, days: number): string {
  return shanghaiDate(now.getTime() + days * DAY_MS)
}

function defaultDisclosures(kind: ConsultationKind, emergencyPhone: string | null): Disclosure[] {
  return kind === ConsultationKind.PlumbingApplication ? plumbingDisclosures(emergencyPhone) : []
}

/** A new draft of `kind`: opens at publication, closes in 14 days at 18:00 北京时间. */
export function newDraft(kind: ConsultationKind, now: Date, emergencyPhone: string | null): ConsultationDraft {
  return withOptionsFor({
    kind,
    title: '',
    body: '',
    ...KIND_DEFAULTS[kind],
    allUnits: true,
    unitIds: [],
    options: [],
    disclosures: defaultDisclosures(kind, emergencyPhone),
    opensNow: true,
    opensAt: { date: shanghaiDate(now), clock: shanghaiClock(now) },
    deadline: { date: shanghaiDatePlus(now, DEFAULT_DAYS), clock: DEFAULT_DEADLINE_CLOCK },
    turnoutPercent: '50',
    ownersOnly: !OPEN_TO_TENANTS.has(kind),
    visitsBeforeFinal: '3',
  })
}

const sameTexts = (a: Disclosure[], b: Disclosure[]) => a.length === b.length && a.every((d, i) => d.id === b[i].id && d.text === b[i].text)

/**
 * Another kind: its rule, grouping and owners-only default. The plumbing texts come with a plumbing
 * application and go when leaving it, unless the author has changed them.
 */
export function withKind(draft: ConsultationDraft, kind: ConsultationKind, emergencyPhone: string | null): ConsultationDraft {
  const untouchedPlumbing = sameTexts(draft.disclosures, plumbingDisclosures(emergencyPhone))
  let disclosures = draft.disclosures
  if (kind === ConsultationKind.PlumbingApplication && (draft.disclosures.length === 0 || untouchedPlumbing)) disclosures = plumbingDisclosures(emergencyPhone)
  else if (kind !== ConsultationKind.PlumbingApplication && untouchedPlumbing) disclosures = []
  return withOptionsFor({ ...draft, kind, ...KIND_DEFAULTS[kind], ownersOnly: !OPEN_TO_TENANTS.has(kind), disclosures })
}

/** A vote between options starts with two empty ones to fill in. */
function withOptionsFor(draft: ConsultationDraft): ConsultationDraft {
  if (draft.rule !== DecisionRule.Plurality || draft.options.length > 0) return draft
  const first = blankOption([])
  return { ...draft, options: [first, blankOption([first])] }
}

export const withRule = (draft: ConsultationDraft, rule: DecisionRule): ConsultationDraft => withOptionsFor({ ...draft, rule })

/** The emergency item rewritten for a newly saved phone, unless the author has reworded it. */
export function withEmergencyPhone(draft: ConsultationDraft, previousPhone: string | null, phone: string | null): ConsultationDraft {
  const before = plumbingDisclosures(previousPhone).find((d) => d.id === 'emergency')!
  const after = plumbingDisclosures(phone).find((d) => d.id === 'emergency')!
  return { ...draft, disclosures: draft.disclosures.map((d) => (d.id === before.id && d.text === before.text ? after : d)) }
}

/** Whether the emergency item still lacks the contractor's line (the generated text without a phone). */
export function emergencyItemLacksPhone(disclosure: Disclosure): boolean {
  const generated = plumbingDisclosures(null).find((d) => d.id === 'emergency')!
  return disclosure.id === generated.id && disclosure.text === generated.text
}

/** The first `prefix-N` not used yet: ids stay unique and match the server's pattern. */
export function nextId(prefix: string, taken: Array<{ id: string }>): string {
  const used = new Set(taken.map((t) => t.id))
  for (let n = taken.length + 1; ; n += 1) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`
}

export const blankOption = (taken: DraftOption[]): DraftOption => ({ id: nextId('plan', taken), title: '', description: '', imageUrl: null, swatch: null })

export const blankDisclosure = (taken: Disclosure[]): Disclosure => ({ id: nextId('item', taken), text: '' })

/** The list with item `index` moved by `step` (−1 up, +1 down); unchanged at the ends. */
export function moved<T>(list: T[], index: number, step: -1 | 1): T[] {
  const target = index + step
  if (target < 0 || target >= list.length) return list
  const copy = [...list]
  ;[copy[index], copy[target]] = [copy[target], copy[index]]
  return copy
}

// class-validator's Length counts code points, not UTF-16 units.
const charCount = (text: string) => Array.from(text).length

function parseWallClock(value: WallClock): Date | null {
  const date = DATE.exec(value.date)
  if (!date || !CLOCK.test(value.clock)) return null
  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])]
  const calendar = new Date(Date.UTC(year, month - 1, day))
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || year < 2000 || year > 2100) return null
  return fromShanghai(value.date, value.clock)
}

/**
 * "Opens at publication" is sent as the last whole minute before `now`, less a minute: the server
 * publishes on its own clock (to the second), which may run behind the device's, and would otherwise
 * schedule the consultation for a few seconds later instead of opening it.
 */
const OPEN_NOW_LEEWAY_MS = 60_000

/** When the consultation opens if published at `now`. */
export function opensAtOf(draft: ConsultationDraft, now: Date): Date | null {
  if (!draft.opensNow) return parseWallClock(draft.opensAt)
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000 - OPEN_NOW_LEEWAY_MS)
}

const isInteger = (text: string, min: number, max: number) => /^\d+$/.test(text.trim()) && Number(text) >= min && Number(text) <= max

function checkTexts(draft: ConsultationDraft, errors: DraftErrors): void {
  const title = draft.title.trim()
  if (!title) errors.title = '请填写标题'
  else if (charCount(title) < TITLE_MIN || charCount(title) > TITLE_MAX) errors.title = `标题应为 ${TITLE_MIN} 到 ${TITLE_MAX} 个字`
  if (!draft.body.trim()) errors.body = '请填写正文，说明征询什么、为什么、结果如何使用'
  else if (charCount(draft.body) > BODY_MAX) errors.body = `正文最多 ${BODY_MAX} 个字`
}

function checkRule(draft: ConsultationDraft, errors: DraftErrors): void {
  if (draft.kind === ConsultationKind.PlumbingApplication) {
    if (draft.rule !== DecisionRule.Unanimous) errors.rule = '楼内上下水管线改造申请必须采用“全体同意”规则'
    if (draft.groupBy !== GroupBy.Unit) errors.groupBy = '楼内上下水管线改造申请必须按单元统计'
  }
  if (draft.kind === ConsultationKind.WindowGuardConsent && draft.groupBy !== GroupBy.Building) errors.groupBy = '拆除外窗护栏征询应按楼栋统计'
  if (draft.kind === ConsultationKind.DesignVote && draft.rule !== DecisionRule.Plurality) errors.rule = '设计方案投票请采用“方案投票（得票最多）”规则'
  if (draft.rule === DecisionRule.Plurality && !isInteger(draft.turnoutPercent, 1, 100)) errors.turnoutPercent = '最低投票率应为 1 到 100 之间的整数'
  if (draft.rule === DecisionRule.Unanimous && !isInteger(draft.visitsBeforeFinal, 1, 10)) errors.visitsBeforeFinal = '上门次数应为 1 到 10 之间的整数'
  if (!draft.allUnits && draft.unitIds.length === 0) errors.units = '请至少选择一个单元，或选择“全部单元”'
  else if (!draft.allUnits && draft.unitIds.length > UNITS_MAX) errors.units = `最多选择 ${UNITS_MAX} 个单元`
}

function checkOptions(draft: ConsultationDraft, errors: DraftErrors): void {
  if (draft.rule !== DecisionRule.Plurality) return
  if (draft.options.length < 2) errors.options = '方案投票至少需要两个方案'
  else if (draft.options.length > OPTIONS_MAX) errors.options = `最多 ${OPTIONS_MAX} 个方案`
  let pictures = 0
  draft.options.forEach((option, i) => {
    const title = option.title.trim()
    if (!title) errors[`options.${i}.title`] = '请填写方案名称'
    else if (charCount(title) > OPTION_TITLE_MAX) errors[`options.${i}.title`] = `方案名称应为 1 到 ${OPTION_TITLE_MAX} 个字`
    if (charCount(option.description) > OPTION_DESCRIPTION_MAX) errors[`options.${i}.description`] = `方案说明最多 ${OPTION_DESCRIPTION_MAX} 个字`
    if (option.imageUrl !== null) {
      pictures += option.imageUrl.length
      if (option.imageUrl.length > PICTURE_MAX_CHARS) errors[`options.${i}.imageUrl`] = '方案图片过大，请换一张小一些的图片'
      else if (!IMAGE_URL.test(option.imageUrl)) errors[`options.${i}.imageUrl`] = '方案图片必须是 https:// 开头的链接，或选择一张照片'
    }
  })
  if (new Set(draft.options.map((o) => o.id)).size !== draft.options.length || draft.options.some((o) => !ID_PATTERN.test(o.id))) {
    errors.options = '方案编号不能重复'
  }
  if (!errors.options && pictures > PICTURES_TOTAL_MAX_CHARS) errors.options = '方案图片合计过大，居民打开会很慢：请换小一些的图片或改用色块'
}

function checkDisclosures(draft: ConsultationDraft, errors: DraftErrors): void {
  if (draft.disclosures.length > DISCLOSURES_MAX) errors.disclosures = `最多 ${DISCLOSURES_MAX} 个告知事项`
  if (draft.kind === ConsultationKind.PlumbingApplication && draft.disclosures.length === 0) {
    errors.disclosures = '上下水改造申请前必须告知住户改造内容、配合义务、工期、停水影响、临时供水和应急措施（政策第三条）'
  }
  draft.disclosures.forEach((disclosure, i) => {
    if (!disclosure.text.trim()) errors[`disclosures.${i}.text`] = '请填写告知事项内容，或删除这一项'
    else if (charCount(disclosure.text) > DISCLOSURE_TEXT_MAX) errors[`disclosures.${i}.text`] = `告知事项内容最多 ${DISCLOSURE_TEXT_MAX} 个字`
  })
  const ids = draft.disclosures.map((d) => d.id)
  if (new Set(ids).size !== ids.length || ids.some((id) => !ID_PATTERN.test(id))) errors.disclosures = '告知事项编号不能重复'
}

function checkTimes(draft: ConsultationDraft, now: Date, errors: DraftErrors): void {
  const opensAt = opensAtOf(draft, now)
  const deadline = parseWallClock(draft.deadline)
  if (!opensAt) errors.opensAt = '请选择开始日期和时间'
  if (!deadline) {
    errors.deadline = '请选择截止日期和时间'
    return
  }
  if (deadline.getTime() <= now.getTime()) errors.deadline = '截止时间已经过去，请选择以后的时间'
  else if (opensAt && deadline.getTime() - opensAt.getTime() < MIN_CONSULTATION_MS) errors.deadline = '截止时间至少要在开始时间一天之后，给居民留出协商时间'
}

/** Every problem the server would refuse (and a few it would accept but residents could not answer), by field. */
export function validateDraft(draft: ConsultationDraft, now: Date): DraftErrors {
  const errors: DraftErrors = {}
  checkTexts(draft, errors)
  checkRule(draft, errors)
  checkOptions(draft, errors)
  checkDisclosures(draft, errors)
  checkTimes(draft, now, errors)
  return errors
}

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
    ownersOnly: request.ownersOnly ?? !OPEN_TO_TENANTS.has(request.kind),
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

/** "2026年12月3日 18:00（北京时间）": a compound's times are always read in Asia/Shanghai. */
export function shanghaiLabel(instant: Date | string): string {
  const [year, month, day] = shanghaiDate(instant).split('-').map(Number)
  return `${year}年${month}月${day}日 ${shanghaiClock(instant)}（${COMPOUND_TIME_ZONE_LABEL}）`
}

const isKind = (value: unknown): value is ConsultationKind => Object.values(ConsultationKind).includes(value as ConsultationKind)

/** A draft read back from storage, or null when it is not one (another version, damaged). */
export function parseStoredDraft(value: unknown): ConsultationDraft | null {
  if (typeof value !== 'string' || !value) return null
  try {
    const parsed = JSON.parse(value) as { version?: number; draft?: ConsultationDraft }
    const draft = parsed.draft
    if (parsed.version !== 1 || !draft || !isKind(draft.kind) || !Array.isArray(draft.options) || !Array.isArray(draft.disclosures)) return null
    if (typeof draft.deadline?.date !== 'string' || typeof draft.opensAt?.date !== 'string') return null
    return draft
  } catch {
    return null
  }
}

export const storedDraft = (draft: ConsultationDraft): string => JSON.stringify({ version: 1, draft })

/** The emergency phone as the settings route stores it (compound-settings.rules.ts): NFKC, no spaces. */
export const normalPhone = (typed: string): string => typed.normalize('NFKC').replace(/\s+/g, '')

/** Why the settings route would refuse this emergency phone, or null. */
export function emergencyPhoneProblem(typed: string): string | null {
  const phone = normalPhone(typed)
  if (!phone) return '请填写应急电话'
  if (phone.length < 5 || phone.length > 20) return '应急电话应为 5 到 20 位（数字和“-”），如 010-64001234'
  if (!/^\d[\d-]*\d$/.test(phone)) return '应急电话只能包含数字和“-”，并以数字开头和结尾，如 010-64001234'
  return null
}
