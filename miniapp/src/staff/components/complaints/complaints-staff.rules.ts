import { COMPLAINT_REPLY_MAX, daysWaited } from '@linyi/shared'
import type { StreetComplaintsRow } from '@linyi/shared'
import { charCount } from '../works/plan-form.rules'

/** A wait of this many Beijing days or more is shown as overdue: a resident should hear back within a week. */
export const OVERDUE_DAYS = 7

/** 「已等待 3 天」: how long an open complaint has waited, in Beijing days. */
export function waitText(createdAt: string, now: Date): string {
  const days = daysWaited(createdAt, now)
  return days === 0 ? '今天提交，等待答复' : `已等待 ${days} 天`
}

export const isOverdue = (createdAt: string, now: Date) => daysWaited(createdAt, now) >= OVERDUE_DAYS

/** What keeps the reply from being sent, or null. */
export function replyProblem(reply: string): string | null {
  const used = charCount(reply)
  if (used === 0) return '请先填写答复'
  if (used > COMPLAINT_REPLY_MAX) return `答复最多 ${COMPLAINT_REPLY_MAX} 个字`
  return null
}

/** The street's compounds: the longest-waiting open complaint on top, compounds with none last (by name). */
export function streetRowsInOrder(rows: StreetComplaintsRow[]): StreetComplaintsRow[] {
  return [...rows].sort(
    (a, b) => (b.oldestOpenDays ?? -1) - (a.oldestOpenDays ?? -1) || b.open - a.open || a.compoundName.localeCompare(b.compoundName, 'zh-CN'),
  )
}

/** 「最久的已等待 9 天」 for a compound with open complaints. */
export function oldestText(row: StreetComplaintsRow): string {
  if (row.open === 0 || row.oldestOpenDays === null) return '没有待答复的意见'
  return row.oldestOpenDays === 0 ? '最早的一条今天提交' : `最久的已等待 ${row.oldestOpenDays} 天`
}
