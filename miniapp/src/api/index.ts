import type { ResidentRole, StaffLoginResponse } from '@linyi/shared'
import { endpoints } from './endpoints'
import { call } from './http'
import { clearSession, saveStaffSession } from './session'

export { ApiError, readableError } from './errors'
export type { BindHouseholdResponse } from '@linyi/shared'
export { getStaffProfile, clearSession } from './session'
export { loginResident } from './resident-login'

export const fetchMe = () => call(endpoints.me)

export const bindHousehold = (inviteCode: string) => call(endpoints.bindHousehold, { body: { inviteCode } })

export async function staffLogin(username: string, password: string): Promise<StaffLoginResponse> {
  const result = await call(endpoints.staffLogin, { body: { username, password } })
  saveStaffSession(result.accessToken, result.staff)
  return result
}

export const staffLogout = () => clearSession('staff')

/** The signed-in staff member as the server now holds them; 401 when the session is gone. */
export const fetchStaffMe = () => call(endpoints.staffMe)

export const fetchCompounds = () => call(endpoints.compounds)

export const fetchCompoundStructure = (compoundId: string) =>
  call(endpoints.compoundStructure, { params: { compoundId } })

/** Each household's state (bound, answered, visited); answers only when a consultation is named. */
export const fetchCompoundHouseholds = (compoundId: string, consultationId: string | null) =>
  call(endpoints.compoundHouseholds, { params: { compoundId }, query: consultationId ? { consultationId } : {} })

/** The home visits recorded for one household in one consultation. */
export const fetchHouseholdVisits = (householdId: string, consultationId: string) =>
  call(endpoints.householdVisits, { params: { householdId }, query: { consultationId } })

export const issueInviteCode = (householdId: string, role?: ResidentRole) =>
  call(endpoints.issueInviteCode, { params: { householdId }, body: role ? { role } : {} })

export * from './consultations'
export * from './reminders'
export type {
  InboxMessage,
  NudgeResult,
  ReminderOverview,
  ReminderPolicy,
  ReminderRow,
  ReminderStatus,
  SubscribeResults,
} from './reminder-types'
