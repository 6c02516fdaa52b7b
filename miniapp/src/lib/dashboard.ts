/** Pure rules of the street dashboard and the drill-down: sums, ranking, chart bars, answer classes. */
import { Answer, ConsultationKind, DecisionRule, GroupState } from '@linyi/shared'
import type { ConsultationOption, ConsultationTrend, GroupView, HouseholdAnswerClass, StreetStatus, StreetStatusConsultation } from '@linyi/shared'

export interface DashboardTotals {
  openConsultations: number
  groupsTotal: number
  groupsReached: number
  groupsPending: number
  groupsFailed: number
  householdsAnswered: number
  householdsTotal: number
}

/** Every open consultation of the street, in the server's order (community, compound, deadline). */
export function openConsultations(status: StreetStatus): StreetStatusConsultation[] {
  return status.communities.flatMap((community) => community.compounds.flatMap((compound) => compound.consultations))
}

/** The figures at the top of the dashboard: sums of the per-consultation figures the server sent. */
export function dashboardTotals(status: StreetStatus): DashboardTotals {
  const totals: DashboardTotals = { openConsultations: 0, groupsTotal: 0, groupsReached: 0, groupsPending: 0, groupsFailed: 0, householdsAnswered: 0, householdsTotal: 0 }
  for (const c of openConsultations(status)) {
    totals.openConsultations += 1
    totals.groupsTotal += c.groups.total
    totals.groupsReached += c.groups.reached
    totals.groupsPending += c.groups.pending
    totals.groupsFailed += c.groups.failed
    totals.householdsAnswered += c.households.answered
    totals.householdsTotal += c.households.total
  }
  return totals
}

/** Whole percent for a progress bar, never above 100; 0 of 0 is 0. */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0
  return Math.min(100, Math.floor((part * 100) / whole))
}

export interface CloseGroup {
  groupId: string
  label: string
  missing: number
}

/** Agreeing households the group still needs: the server's figure, or for unanimity everyone not yet agreed. */
export function missingOf(group: GroupView, rule: DecisionRule): number | null {
  if (typeof group.missing === 'number') return group.missing
  if (rule === DecisionRule.Unanimous) return Math.max(0, group.households - group.agreed)
  return null
}

/**
 * The pending groups closest to a decision, fewest households missing first (then by label, so the
 * list does not shuffle between loads). Groups whose gap is unknown are left out rather than guessed.
 */
export function closestGroups(groups: GroupView[], rule: DecisionRule, limit = 5): CloseGroup[] {
  const close: CloseGroup[] = []
  for (const group of groups) {
    if (group.state !== GroupState.Pending) continue
    const missing = missingOf(group, rule)
    if (missing !== null) close.push({ groupId: group.groupId, label: group.label, missing })
  }
  close.sort((a, b) => a.missing - b.missing || a.label.localeCompare(b.label, 'zh-Hans-CN', { numeric: true }))
  return close.slice(0, limit)
}

/** "还差 1 户同意" (or 投票 for a design vote, where turnout is what is missing). */
export function missingText(missing: number, rule: DecisionRule): string {
  const verb = rule === DecisionRule.Plurality ? '投票' : '同意'
  return missing === 0 ? `${verb}户数已够，等待结果` : `还差 ${missing} 户${verb}`
}

export interface TrendBar {
  date: string
  /** "12月1日"; `month` and `dayOfMonth` are its two lines under a narrow bar. */
  day: string
  month: string
  dayOfMonth: string
  answered: number
  /** Bar height as a share of the busiest day shown, 0–100. */
  height: number
  /** What a screen reader says for the bar: "12月1日 答复 5 户". */
  spoken: string
  /** Beyond the last `TREND_DAYS_ON_PHONE` days: shown on a wide screen only (the CSS hides it below 900 px). */
  older: boolean
}

/** Days shown at most on a wide screen, and on a 390 px phone, where 7 bars stay legible even in 大字. */
export const TREND_DAYS_SHOWN = 14
export const TREND_DAYS_ON_PHONE = 7

/** "2026-12-01" → "12月1日" (the server already counts days in Asia/Shanghai). */
export function dayLabel(date: string): string {
  const [, month, day] = date.split('-').map(Number)
  return `${month}月${day}日`
}

/** The last `TREND_DAYS_SHOWN` days of the trend as bars scaled to the busiest of them. */
export function trendBars(trend: Pick<ConsultationTrend, 'days'>, shown = TREND_DAYS_SHOWN): TrendBar[] {
  const days = trend.days.slice(-shown)
  const busiest = Math.max(0, ...days.map((d) => d.answered))
  return days.map((d, index) => ({
    date: d.date,
    day: dayLabel(d.date),
    month: `${Number(d.date.slice(5, 7))}月`,
    dayOfMonth: `${Number(d.date.slice(8, 10))}日`,
    answered: d.answered,
    height: busiest === 0 ? 0 : Math.round((d.answered * 100) / busiest),
    spoken: `${dayLabel(d.date)} 答复 ${d.answered} 户`,
    older: index < days.length - TREND_DAYS_ON_PHONE,
  }))
}

/** A household's answer class, as the tile's data-answer and colour. */
export type AnswerClass = 'AGREE' | 'REFUSE' | 'ABSTAIN' | 'OPTION' | 'NONE'

export function answerClassOf(household: Pick<HouseholdAnswerClass, 'answer'>): AnswerClass {
  return household.answer ?? 'NONE'
}

const SYMBOL: Record<AnswerClass, string> = { AGREE: '✓', REFUSE: '✗', ABSTAIN: '—', OPTION: '●', NONE: '○' }

/** "A", "B", …: a design option's letter, so a tile says which option without colour. */
export function optionLetter(options: ConsultationOption[], optionId: string | null): string | null {
  const index = options.findIndex((o) => o.id === optionId)
  return index < 0 || index > 25 ? null : String.fromCharCode(65 + index)
}

/** The text symbol printed on a tile next to its colour (never colour alone). */
export function answerSymbol(household: Pick<HouseholdAnswerClass, 'answer' | 'optionId'>, options: ConsultationOption[] = []): string {
  const answerClass = answerClassOf(household)
  if (answerClass === 'OPTION') return optionLetter(options, household.optionId) ?? SYMBOL.OPTION
  return SYMBOL[answerClass]
}

export interface AnswerCounts {
  households: number
  agreed: number
  refused: number
  abstained: number
  voted: number
  notYet: number
}

export function answerCounts(households: Array<Pick<HouseholdAnswerClass, 'answer'>>): AnswerCounts {
  const counts: AnswerCounts = { households: households.length, agreed: 0, refused: 0, abstained: 0, voted: 0, notYet: 0 }
  for (const h of households) {
    if (h.answer === Answer.Agree) counts.agreed += 1
    else if (h.answer === Answer.Refuse) counts.refused += 1
    else if (h.answer === Answer.Abstain) counts.abstained += 1
    else if (h.answer === Answer.Option) counts.voted += 1
    else counts.notYet += 1
  }
  return counts
}

/** "同意 5 · 不同意 1 · 弃权 0 · 未答复 6" (a design vote counts votes instead of agreement). */
export function countsText(counts: AnswerCounts, kind: ConsultationKind): string {
  const first = kind === ConsultationKind.DesignVote ? `已投票 ${counts.voted}` : `${kind === ConsultationKind.PlumbingApplication ? '申请' : '同意'} ${counts.agreed}`
  return `${first} · 不同意 ${counts.refused} · 弃权 ${counts.abstained} · 未答复 ${counts.notYet}`
}

export interface OptionTallyLine {
  optionId: string
  title: string
  votes: number
}

/** A group's votes per option, in the consultation's option order, options without votes included. */
export function optionTally(options: ConsultationOption[], votes: GroupView['optionVotes']): OptionTallyLine[] {
  const byOption = new Map((votes ?? []).map((v) => [v.optionId, v.votes]))
  return options.map((o) => ({ optionId: o.id, title: o.title, votes: byOption.get(o.id) ?? 0 }))
}
