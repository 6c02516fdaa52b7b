import type { BookingRequest } from '@linyi/shared'
import { endpoints } from './endpoints'
import { call } from './http'

/** Each of my households in a published work plan, with its unit's windows and its booking. */
export const fetchMyWorkPlans = () => call(endpoints.myWorkWindows)

/** Books a window, or moves the household's booking of that plan to it (one booking per household and plan). */
export const bookWorkWindow = (householdId: string, request: BookingRequest) => call(endpoints.bookWindow, { params: { householdId }, body: request })

export const cancelWorkBooking = (householdId: string, workPlanId: string) =>
  call(endpoints.cancelBooking, { params: { householdId }, query: { workPlanId } })
