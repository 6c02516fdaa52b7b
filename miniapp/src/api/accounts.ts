import type { CreateStaffAccountRequest, UpdateStaffAccountRequest } from '@linyi/shared'
import { endpoints } from './endpoints'
import { call } from './http'

export const fetchStaffAccounts = () => call(endpoints.staffAccounts)

export const fetchAssignableScopes = () => call(endpoints.assignableScopes)

export const createStaffAccount = (body: CreateStaffAccountRequest) => call(endpoints.createStaffAccount, { body })

export const updateStaffAccount = (accountId: string, body: UpdateStaffAccountRequest) =>
  call(endpoints.updateStaffAccount, { params: { accountId }, body })
