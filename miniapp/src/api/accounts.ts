import type { CreateStaffAccountRequest, UpdateStaffAccountRequest, UpdateStaffAccountResponse } from '@linyi/shared'
import { endpoints } from './endpoints'
import { call } from './http'

export const fetchStaffAccounts = () => call(endpoints.staffAccounts)

export const fetchAssignableScopes = () => call(endpoints.assignableScopes)

export const createStaffAccount = (body: CreateStaffAccountRequest) => call(endpoints.createStaffAccount, { body })

/** Carries a new token only when callers changed their own password (the one they sent has ended). */
export const updateStaffAccount = (accountId: string, body: UpdateStaffAccountRequest): Promise<UpdateStaffAccountResponse> =>
  call(endpoints.updateStaffAccount, { params: { accountId }, body })
