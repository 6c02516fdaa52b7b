/**
 * Inbox, subscriptions and reminders as the server answers them (server/src/inbox, server/src/reminders).
 * Not in @linyi/shared yet: these mirror the controllers' answers until they move there.
 */

/** Kinds the server sends today; the list may grow, so screens must cope with any string. */
export type InboxKind = 'CONSULTATION_OPENED' | 'DEADLINE_REMINDER' | 'GROUP_REACHED' | 'MANUAL_NUDGE' | 'DAILY_DIGEST' | 'WORKS_ANNOUNCED' | 'WORK_TOMORROW' | 'BOOKING_REMINDER' | 'ACCEPTANCE_DUE' | 'PLAN_NOTICE'

export interface InboxMessage {
  id: string
  kind: InboxKind | (string & {})
  title: string
  body: string
  consultationId: string | null
  createdAt: string
  readAt: string | null
}

export interface UnreadCount {
  unread: number
}

export interface MarkReadResult {
  id: string
  readAt: string
}

export interface SubscriptionTemplates {
  /** Empty when the server has no WeChat template (e.g. the H5 demo). */
  templateIds: string[]
}

/** What WeChat answered for each template: 'accept' | 'reject' | 'ban' (or 'filter'). */
export type SubscribeResults = Record<string, string>

export interface SubscriptionsRecorded {
  granted: number
}

export type ReminderStatus = 'SCHEDULED' | 'SENT' | 'SKIPPED' | 'DEAD'

export interface ReminderPolicy {
  onOpen: boolean
  /** Days before the deadline, e.g. [3, 1]. */
  daysBefore: number[]
  dailyDigest: boolean
  notifyOnReached: boolean
  /** "HH:MM", Asia/Shanghai. */
  quietStart: string
  quietEnd: string
  paused: boolean
}

export type ReminderPolicyChanges = Partial<Omit<ReminderPolicy, 'paused'>>

export interface ReminderRow {
  id: string
  kind: string
  status: ReminderStatus
  channel: string | null
  householdId: string | null
  householdLabel: string | null
  title: string
  /** Timestamps: ISO, or "YYYY-MM-DD HH:MM:SS.sss" (UTC) from the SQLite demo. */
  sendAfter: string
  sentAt: string | null
  lastError: string | null
  createdAt: string
}

export interface ReminderOverview {
  policy: ReminderPolicy
  counts: Record<ReminderStatus, number>
  /** The latest 500 (of the status asked for). */
  reminders: ReminderRow[]
}

export interface RetryResult {
  id: string
  status: ReminderStatus
}

export interface NudgeResult {
  id: string
  status: ReminderStatus
  sendAfter: string
}
