/** Signed-in staff of each role, as the server's GET /staff/me answers them, and waiting for a staff page. */
import { waitFor } from '@testing-library/react'
import { ScopeType, StaffRole } from '@linyi/shared'
import type { StaffView } from '@linyi/shared'
import { ok, storage } from './taro-mock'
import { StorageKey } from '../src/api/storage'

const SCOPE: Record<StaffRole, ScopeType> = {
  [StaffRole.Committee]: ScopeType.Community,
  [StaffRole.Street]: ScopeType.StreetOffice,
  [StaffRole.Contractor]: ScopeType.Compound,
  [StaffRole.Admin]: ScopeType.All,
}

export function staffView(role: StaffRole, overrides: Partial<StaffView> = {}): StaffView {
  return {
    id: `staff-${role.toLowerCase()}`,
    username: `${role.toLowerCase()}-demo`,
    displayName: { COMMITTEE: '居委会张主任', STREET: '街道李科长', CONTRACTOR: '施工单位王工', ADMIN: '系统管理员' }[role],
    role,
    scope: { type: SCOPE[role], id: role === StaffRole.Admin ? null : 'scope-1' },
    ...overrides,
  }
}

/** Stores a session as sign-in does; returns the /staff/me route to serve, so the refresh agrees. */
export function signInAs(role: StaffRole, overrides: Partial<StaffView> = {}) {
  const staff = staffView(role, overrides)
  storage.set(StorageKey.staffToken, 'staff-token')
  storage.set(StorageKey.staffProfile, JSON.stringify(staff))
  return { 'GET /staff/me': ok(staff) }
}

/** Waits until `selector` matches inside `container`, and returns it. */
export const findIn = (container: HTMLElement, selector: string, timeout = 1000) =>
  waitFor(
    () => {
      const element = container.querySelector(selector)
      if (!element) throw new Error(`${selector} not rendered yet`)
      return element as HTMLElement
    },
    { timeout },
  )
