import { useEffect, useState } from 'react'
import { StaffAction, actsForCommittee, can } from '@linyi/shared'
import type { StaffView } from '@linyi/shared'
import { endpoints } from '../api/endpoints'
import { call } from '../api/http'
import { getStaffProfile, getToken, saveStaffSession } from '../api/session'

/**
 * The signed-in staff member, refreshed from GET /staff/me on mount: a re-scoped or re-roled
 * account's console follows the server at once instead of the profile stored at sign-in.
 */
export function useStaffProfile(): StaffView | null {
  const [profile, setProfile] = useState<StaffView | null>(() => getStaffProfile())
  useEffect(() => {
    let live = true
    const token = getToken('staff')
    if (!token) return
    call(endpoints.staffMe)
      .then((fresh) => {
        if (!live) return
        saveStaffSession(token, fresh)
        setProfile(fresh)
      })
      .catch(() => {
        // A 401 has cleared the session already; anything else keeps the stored profile.
        if (live) setProfile(getStaffProfile())
      })
    return () => {
      live = false
    }
  }, [])
  return profile
}

/** Whether the signed-in staff member may do `action`: the same table the server's guards read. */
export function canDo(profile: StaffView | null, action: StaffAction): boolean {
  return profile !== null && can(profile.role, action)
}

/** A button's text, with 「（代居委会）」 when street or admin staff do the committee's work. */
export function actionLabel(profile: StaffView | null, action: StaffAction, text: string): string {
  return profile && actsForCommittee(profile.role, action) ? `${text}（代居委会）` : text
}
