import { useCallback, useEffect, useState } from 'react'
import type { InviteCodeResponse } from '@linyi/shared'
import {
  fetchCompoundHouseholds,
  fetchCompoundStructure,
  fetchCompounds,
  fetchHouseholdVisits,
  fetchStaffMe,
  issueInviteCode,
  readableError,
  staffLogin,
} from '../api'
import { getToken, saveStaffSession } from '../api/session'
import { useAsync } from './use-async'

export type StoredSession = 'checking' | 'valid' | 'none'

/**
 * Whether a stored staff session is still good, asked of GET /staff/me on mount: the login screen
 * moves on when it is, and stays when the server answers 401 (which has cleared the session).
 */
export function useStoredStaffSession(): StoredSession {
  const [state, setState] = useState<StoredSession>(() => (getToken('staff') ? 'checking' : 'none'))
  useEffect(() => {
    const token = getToken('staff')
    if (!token) return
    let live = true
    fetchStaffMe()
      .then((staff) => {
        saveStaffSession(token, staff)
        if (live) setState('valid')
      })
      .catch(() => {
        if (live) setState('none')
      })
    return () => {
      live = false
    }
  }, [])
  return state
}

export function useStaffLogin() {
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = useCallback(async (username: string, password: string) => {
    if (!username.trim() || !password) {
      setError('请输入用户名和密码')
      return false
    }
    setSubmitting(true)
    setError(null)
    try {
      await staffLogin(username.trim(), password)
      return true
    } catch (e) {
      setError(readableError(e))
      return false
    } finally {
      setSubmitting(false)
    }
  }, [])
  return { submit, submitting, error }
}

/** Loads with `load` whenever `enabled` turns true: a role that may not see something never asks (no 403 screens). */
export function useAsyncWhen<T>(load: () => Promise<T>, enabled: boolean) {
  const state = useAsync(load, { immediate: false })
  const { reload } = state
  useEffect(() => {
    if (enabled) void reload()
  }, [enabled, reload])
  return state
}

export const useCompounds = (enabled = true) => useAsyncWhen(fetchCompounds, enabled)

export const useCompoundStructure = (compoundId: string) =>
  useAsync(() => fetchCompoundStructure(compoundId))

/** Each household's state for `consultationId` (or none); loads only while `enabled` (the role may see it). */
export function useCompoundHouseholds(compoundId: string, consultationId: string | null, enabled: boolean) {
  const states = useAsync(() => fetchCompoundHouseholds(compoundId, consultationId), { immediate: false })
  const { reload } = states
  // Asked again for each consultation picked; useAsync drops the answer for an earlier pick.
  useEffect(() => {
    if (enabled) void reload()
  }, [enabled, consultationId, reload])
  return states
}

/** A household's home visits in one consultation, newest first. */
export function useHouseholdVisits(householdId: string, consultationId: string) {
  const visits = useAsync(() => fetchHouseholdVisits(householdId, consultationId))
  const sorted = visits.data ? [...visits.data].sort((a, b) => b.visitedAt.localeCompare(a.visitedAt)) : null
  return { ...visits, data: sorted }
}

export type IssuedInvite = { status: 'issuing' } | { status: 'issued'; invite: InviteCodeResponse } | { status: 'failed'; error: string }

/** Invite codes issued on this screen, by household id. */
export function useInviteCodes() {
  const [byHousehold, setByHousehold] = useState<Record<string, IssuedInvite>>({})
  const issue = useCallback(async (householdId: string) => {
    setByHousehold((all) => ({ ...all, [householdId]: { status: 'issuing' } }))
    try {
      const invite = await issueInviteCode(householdId)
      setByHousehold((all) => ({ ...all, [householdId]: { status: 'issued', invite } }))
    } catch (e) {
      setByHousehold((all) => ({ ...all, [householdId]: { status: 'failed', error: readableError(e) } }))
    }
  }, [])
  return { byHousehold, issue }
}
