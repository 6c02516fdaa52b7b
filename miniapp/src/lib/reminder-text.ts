import type { InboxMessage, ReminderPolicy, ReminderStatus } from '../api/reminder-types'
import { formatDateTime, parseServerTime } from './format'

const WORKS_KIND_LABEL: Record<string, string> = {
  WORKS_ANNOUNCED: '入户施工',
  WORK_TOMORROW: '明天施工',
  BOOKING_REMINDER: '预约提醒',
}

const INBOX_KIND_LABEL: Record<string, string> = {
  CONSULTATION_OPENED: '新的征询',
  DEADLINE_REMINDER: '截止提醒',
  GROUP_REACHED: '已达成一致',
  MANUAL_NUDGE: '社区提醒',
  DAILY_DIGEST: '待沟通名单',
  ...WORKS_KIND_LABEL,
  ACCEPTANCE_DUE: '请验收',
  PRELIMINARY_RESULT: '结果公示',
  FINAL_RESULT: '最终结果',
  REFUSAL_NOTICE: '告知书',
  PLAN_NOTICE: '改造告知',
}

/** The tag on an inbox message; kinds the app does not know yet are plain notices. */
export const inboxKindLabel = (kind: InboxMessage['kind']) => INBOX_KIND_LABEL[kind] ?? '通知'

/** Messages about the in-home works open 入户施工预约 (their consultationId is the plumbing application's). */
export const opensBooking = (message: Pick<InboxMessage, 'kind'>) => message.kind in WORKS_KIND_LABEL

/** 「请验收」 opens 入户施工验收 (its consultationId is the plan's consultation: it must not open that). */
export const opensAcceptance = (message: Pick<InboxMessage, 'kind'>) => message.kind === 'ACCEPTANCE_DUE'

/** Result publicity (issue 12) opens 结果公示 of its consultation, not the consultation's form. */
export const opensPublicity = (message: Pick<InboxMessage, 'kind'>) => message.kind === 'PRELIMINARY_RESULT' || message.kind === 'FINAL_RESULT'

/** The final-refusal notice: shown and printed from the inbox itself. */
export const isRefusalNotice = (message: Pick<InboxMessage, 'kind'>) => message.kind === 'REFUSAL_NOTICE'

/** 改造提前告知 (issue 14) names no consultation: it opens 小区改造, which finds my compound. */
export const opensPlan = (message: Pick<InboxMessage, 'kind'>) => message.kind === 'PLAN_NOTICE'

export const isUnread = (message: InboxMessage) => message.readAt === null

/** Newest first, whatever order the list came in. */
export const newestFirst = (messages: InboxMessage[]) =>
  [...messages].sort((a, b) => parseServerTime(b.createdAt).getTime() - parseServerTime(a.createdAt).getTime())

/** A badge number: "99+" beyond two digits. */
export const badgeNumber = (count: number) => (count > 99 ? '99+' : String(count))

export const REMINDER_STATUS_LABEL: Record<ReminderStatus, string> = {
  SCHEDULED: '待发送',
  SENT: '已发送',
  SKIPPED: '未发送',
  DEAD: '发送失败',
}

export const REMINDER_STATUSES: ReminderStatus[] = ['SCHEDULED', 'SENT', 'SKIPPED', 'DEAD']

const CHANNEL_LABEL: Record<string, string> = { WECHAT: '微信', SMS: '短信', INBOX: '消息' }

export const channelLabel = (channel: string | null) => (channel ? CHANNEL_LABEL[channel] ?? channel : '尚未选定')

/** The policy in words, one phrase each: "截止前 3 天、1 天提醒", "21:00–08:00（北京时间）免打扰" … */
export function policyPhrases(policy: ReminderPolicy): string[] {
  const phrases: string[] = []
  if (policy.onOpen) phrases.push('征询开始时通知')
  phrases.push(policy.daysBefore.length ? `截止前 ${[...policy.daysBefore].sort((a, b) => b - a).map((d) => `${d} 天`).join('、')}提醒` : '截止前不自动提醒')
  if (policy.notifyOnReached) phrases.push('单元达成一致时通知')
  if (policy.dailyDigest) phrases.push('每天把未答复名单发给居委会')
  phrases.push(policy.quietStart === policy.quietEnd ? '不设免打扰时段' : `${policy.quietStart}–${policy.quietEnd}（北京时间）免打扰`)
  return phrases
}

export const policyInWords = (policy: ReminderPolicy) => policyPhrases(policy).join('；')

/** After a nudge: the inbox has it now; the push may wait for the end of the quiet hours. */
export function nudgeDoneText(sendAfter: string, now: Date = new Date()): string {
  const at = parseServerTime(sendAfter)
  if (at.getTime() - now.getTime() > 60_000) {
    return `已发提醒：住户的“消息”里已能看到；现在是免打扰时段，微信或短信将在 ${formatDateTime(sendAfter)} 发出`
  }
  return '已发提醒：住户的“消息”里已能看到，并按住户登记的方式发微信或短信'
}
