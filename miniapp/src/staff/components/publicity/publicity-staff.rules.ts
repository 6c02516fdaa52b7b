import { ConsultationStatus, OBJECTION_DAYS, ObjectionStatus, PublicityStage } from '@linyi/shared'
import type { ConsultationView, ObjectionView, PublicityView } from '@linyi/shared'
import { formatDateTime } from '../../../lib/format'

// What the publicity page allows now, and why not: pure, so the page and its tests read one rule.

const at = (iso: string | null) => (iso ? new Date(iso).getTime() : Number.NaN)

/** Why 发布初步统计结果 cannot be pressed now, or null: only once, and only after the deadline. */
export function preliminaryBlocked(consultation: Pick<ConsultationView, 'status' | 'deadline'>, view: PublicityView, now = Date.now()): string | null {
  if (view.stage !== PublicityStage.None) return '初步统计结果已经发布过了。'
  if (consultation.status === ConsultationStatus.Draft || consultation.status === ConsultationStatus.Scheduled) return '征询还没有开始，截止后才能发布初步统计结果。'
  if (consultation.status !== ConsultationStatus.Closed && now < at(consultation.deadline)) {
    return `征询截止（${formatDateTime(consultation.deadline)}）后才能发布初步统计结果。`
  }
  return null
}

/** Why 发布最终结果 cannot be pressed now, or null: after the objection window, with every objection answered. */
export function finalBlocked(view: PublicityView, now = Date.now()): string | null {
  if (view.stage === PublicityStage.None) return '请先发布初步统计结果，异议期结束后才能发布最终结果。'
  if (view.stage === PublicityStage.Final) return '最终结果已经发布。'
  // The server's word first; the clock only keeps a page left open from going stale.
  if (view.windowOpen && !(now >= at(view.objectionClosesAt))) {
    return `异议期到 ${view.objectionClosesAt ? formatDateTime(view.objectionClosesAt) : '期满'} 结束，结束后才能发布最终结果。`
  }
  if (view.openObjections > 0) return `还有 ${view.openObjections} 条异议没有答复，全部答复后才能发布最终结果。`
  return null
}

/** The objection days typed, or why they cannot be used. */
export function objectionDaysProblem(typed: string): string | null {
  const days = Number(typed)
  if (!/^\d+$/.test(typed.trim()) || !Number.isInteger(days) || days < OBJECTION_DAYS.min || days > OBJECTION_DAYS.max) {
    return `异议期须为 ${OBJECTION_DAYS.min} 到 ${OBJECTION_DAYS.max} 天`
  }
  return null
}

/** − / + on the days box: stays within the allowed range, from the default when the box is not a number. */
export function steppedDays(typed: string, step: 1 | -1): string {
  const days = Number.parseInt(typed, 10)
  const from = Number.isNaN(days) ? OBJECTION_DAYS.default : days + step
  return String(Math.min(OBJECTION_DAYS.max, Math.max(OBJECTION_DAYS.min, from)))
}

/** Open objections first (oldest first: they have waited longest), then the answered ones, newest answer first. */
export function objectionsInOrder(objections: ObjectionView[]): ObjectionView[] {
  const open = objections.filter((o) => o.status === ObjectionStatus.Open).sort((a, b) => at(a.createdAt) - at(b.createdAt))
  const answered = objections.filter((o) => o.status !== ObjectionStatus.Open).sort((a, b) => at(b.resolvedAt) - at(a.resolvedAt))
  return [...open, ...answered]
}

/** 123.45 平方米, at most two decimals and no trailing zeros. */
export const areaText = (m2: number) => `${Number(m2.toFixed(2))} 平方米`

/** "还剩 3 天" / "不到 1 天", counted in whole days left of the window; null once closed. */
export function daysLeftText(closesAt: string | null, now = Date.now()): string | null {
  const left = at(closesAt) - now
  if (!(left > 0)) return null
  const days = Math.floor(left / (24 * 3600 * 1000))
  return days >= 1 ? `还剩 ${days} 天` : '不到 1 天'
}

export const STAGE_LABELS: Record<PublicityStage, string> = {
  [PublicityStage.None]: '未公示',
  [PublicityStage.Preliminary]: '初步统计结果公示中',
  [PublicityStage.Final]: '结果已公示',
}
