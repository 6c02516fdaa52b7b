import { ConsultationKind, DecisionRule, GroupBy, plumbingDisclosures, shanghaiClock, shanghaiDate } from '@linyi/shared'
import type { Disclosure } from '@linyi/shared'
import { blankOption } from './items'
import type { ConsultationDraft } from './types'

/** Each kind's defaults, and how they follow a change of kind, rule or emergency phone. */

const DAY_MS = 24 * 3600 * 1000
const DEFAULT_DAYS = 14
const DEFAULT_DEADLINE_CLOCK = '18:00'

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

export const ownersOnlyByDefault = (kind: ConsultationKind): boolean => !OPEN_TO_TENANTS.has(kind)

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
    ownersOnly: ownersOnlyByDefault(kind),
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
  return withOptionsFor({ ...draft, kind, ...KIND_DEFAULTS[kind], ownersOnly: ownersOnlyByDefault(kind), disclosures })
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
