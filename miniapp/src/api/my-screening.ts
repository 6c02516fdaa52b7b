import { endpoints } from './endpoints'
import { call } from './http'

/** What is recorded about the resident's own household (special needs, care plan, staff reads). */
export const fetchMyScreening = (householdId: string) => call(endpoints.myScreening, { params: { householdId } })

/** The resident's own separate consent, to the text version the server sent with the text shown. */
export const giveScreeningConsent = (householdId: string, textVersion: string) =>
  call(endpoints.giveScreeningConsent, { params: { householdId }, body: { agreed: true, textVersion } })

/** Withdraws the consent: the server erases the needs, note and care plan and keeps the withdrawal. */
export const withdrawScreening = (householdId: string) => call(endpoints.withdrawScreening, { params: { householdId } })
