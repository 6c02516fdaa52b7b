import Taro from '@tarojs/taro'
import { endpoints } from './endpoints'
import { call } from './http'
import type { ReminderPolicyChanges, ReminderStatus, SubscribeResults } from './reminder-types'

// Resident: the inbox and WeChat subscribe messages

export const fetchMyInbox = () => call(endpoints.myInbox)

export const fetchUnreadCount = () => call(endpoints.myUnreadCount)

export const markInboxRead = (messageId: string) => call(endpoints.markInboxRead, { params: { messageId } })

export const fetchSubscriptionTemplates = () => call(endpoints.subscriptionTemplates)

export const recordSubscriptions = (results: SubscribeResults) => call(endpoints.recordSubscriptions, { body: { results } })

/**
 * Asks WeChat for one-time subscriptions and returns its answer per template (without errMsg).
 * WeChat only shows its panel when this runs inside a user's tap: call it before any await.
 */
export async function askWechatSubscriptions(templateIds: string[]): Promise<SubscribeResults> {
  // Taro's option type also demands Alipay's entityIds; WeChat takes tmplIds alone.
  const answer = await Taro.requestSubscribeMessage({ tmplIds: templateIds } as Taro.requestSubscribeMessage.Option)
  const record = answer as unknown as Record<string, unknown>
  const results: SubscribeResults = {}
  for (const templateId of templateIds) {
    const value = record[templateId]
    if (typeof value === 'string') results[templateId] = value
  }
  return results
}

// Committee staff: reminders of a consultation

export const fetchReminders = (consultationId: string, status?: ReminderStatus) =>
  call(endpoints.reminders, { params: { consultationId }, query: status ? { status } : {} })

export const updateReminderPolicy = (consultationId: string, changes: ReminderPolicyChanges) =>
  call(endpoints.updateReminderPolicy, { params: { consultationId }, body: changes })

export const setRemindersPaused = (consultationId: string, paused: boolean) =>
  call(paused ? endpoints.pauseReminders : endpoints.resumeReminders, { params: { consultationId } })

export const retryReminder = (consultationId: string, reminderId: string) =>
  call(endpoints.retryReminder, { params: { consultationId, reminderId } })

export const nudgeHousehold = (householdId: string, consultationId: string) =>
  call(endpoints.nudgeHousehold, { params: { householdId }, body: { consultationId } })

export const fetchStaffInbox = () => call(endpoints.staffInbox)
