import type { StaffView } from '@linyi/shared'
import { StorageKey, readString, remove, writeString } from './storage'

/** Who a request is sent as: nobody, the signed-in resident, or the signed-in staff member. */
export type AuthKind = 'none' | 'resident' | 'staff'

export function getToken(kind: Exclude<AuthKind, 'none'>): string | null {
  return readString(kind === 'resident' ? StorageKey.residentToken : StorageKey.staffToken)
}

export function saveResidentToken(token: string): void {
  writeString(StorageKey.residentToken, token)
}

export function saveStaffSession(token: string, staff: StaffView): void {
  writeString(StorageKey.staffToken, token)
  writeString(StorageKey.staffProfile, JSON.stringify(staff))
}

export function getStaffProfile(): StaffView | null {
  const text = readString(StorageKey.staffProfile)
  if (!text) return null
  try {
    return JSON.parse(text) as StaffView
  } catch {
    return null
  }
}

export function clearSession(kind: Exclude<AuthKind, 'none'>): void {
  if (kind === 'resident') {
    remove(StorageKey.residentToken)
  } else {
    remove(StorageKey.staffToken)
    remove(StorageKey.staffProfile)
  }
}
