import { useCallback, useState } from 'react'
import type { InviteCodeResponse } from '@linyi/shared'
import { fetchCompoundStructure, fetchCompounds, issueInviteCode, readableError, staffLogin } from '../api'
import { useAsync } from './use-async'

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

export const useCompounds = () => useAsync(fetchCompounds)

export const useCompoundStructure = (compoundId: string) =>
  useAsync(() => fetchCompoundStructure(compoundId))

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
