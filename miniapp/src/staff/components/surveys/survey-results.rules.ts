import { RATING_MAX, RATING_MIN, SurveyStatus } from '@linyi/shared'
import type { QuestionResult, SurveyView } from '@linyi/shared'
import { formatDateTime } from '../../../lib/format'

/** A whole percent of `total` (0 when nobody answered), so bars and words agree. */
export const percentOf = (count: number, total: number) => (total > 0 ? Math.round((count / total) * 100) : 0)

/** 「平均 4.3 分（满分 5 分）」, or why there is none yet. */
export function averageText(result: Pick<QuestionResult, 'average' | 'answered'>): string {
  if (result.average === null || result.average === undefined || result.answered === 0) return '还没有人打分'
  return `平均 ${result.average.toFixed(1)} 分（满分 ${RATING_MAX} 分）`
}

/** Every score from 1 to 5, with 0 for a score nobody gave: the chart always has five bars. */
export function ratingRows(result: Pick<QuestionResult, 'ratings'>): Array<{ rating: number; count: number }> {
  const counts = new Map((result.ratings ?? []).map((r) => [r.rating, r.count]))
  const rows: Array<{ rating: number; count: number }> = []
  for (let rating = RATING_MAX; rating >= RATING_MIN; rating--) rows.push({ rating, count: counts.get(rating) ?? 0 })
  return rows
}

export const STATUS_TEXT: Record<SurveyStatus, string> = {
  [SurveyStatus.Draft]: '草稿，未发布',
  [SurveyStatus.Open]: '正在收集',
  [SurveyStatus.Closed]: '已结束',
}

/** 「截止 2026年12月20日 20:00（北京时间）」, or when it actually ended. */
export function closingText(survey: Pick<SurveyView, 'status' | 'closesAt' | 'closedAt'>, now: Date): string {
  if (survey.status === SurveyStatus.Closed) return `已于 ${formatDateTime(survey.closedAt ?? survey.closesAt)} 结束`
  if (survey.status === SurveyStatus.Open && Date.parse(survey.closesAt) <= now.getTime()) return `已于 ${formatDateTime(survey.closesAt)} 截止`
  return `截止 ${formatDateTime(survey.closesAt)}`
}
