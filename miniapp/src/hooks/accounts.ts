import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { AssignableScope, StaffAccountView, StaffView, UpdateStaffAccountRequest } from '@linyi/shared'
import { ApiError, readableError } from '../api'
import { createStaffAccount, fetchAssignableScopes, fetchStaffAccounts, updateStaffAccount } from '../api/accounts'
import { saveStaffSession } from '../api/session'
import { checkAccountDraft, type AccountDraft, type AccountFieldErrors } from '../staff/components/accounts/account-form.rules'
import { useAsync } from './use-async'

/** The accounts and the places the caller may assign; loaded only once the caller may manage accounts (else 403). */
export function useStaffAccounts(allowed: boolean) {
  const accounts = useAsync(fetchStaffAccounts, { immediate: false })
  const scopes = useAsync(fetchAssignableScopes, { immediate: false })
  const { reload: reloadAccounts } = accounts
  const { reload: reloadScopes } = scopes
  useEffect(() => {
    if (!allowed) return
    void reloadAccounts()
    void reloadScopes()
  }, [allowed, reloadAccounts, reloadScopes])
  return { accounts, scopes }
}

/** The create form's submission: field problems stay next to their fields, a taken username included. */
export function useCreateAccount(onCreated: (account: StaffAccountView) => void) {
  const [fieldErrors, setFieldErrors] = useState<AccountFieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)

  const submit = useCallback(
    async (draft: AccountDraft, scopes: AssignableScope[]) => {
      const problems = checkAccountDraft(draft, scopes)
      setFieldErrors(problems)
      setFormError(null)
      if (Object.keys(problems).length || !draft.role || !draft.scopeId) return false
      setSubmitting(true)
      try {
        const account = await createStaffAccount({
          username: draft.username.trim(),
          displayName: draft.displayName.trim(),
          role: draft.role,
          scopeId: draft.scopeId,
          password: draft.password,
        })
        onCreated(account)
        return true
      } catch (error) {
        if (error instanceof ApiError && error.code === 'USERNAME_TAKEN') setFieldErrors({ username: error.message || '这个用户名已被使用，请换一个' })
        else setFormError(readableError(error))
        return false
      } finally {
        setSubmitting(false)
      }
    },
    [onCreated],
  )

  const clearField = useCallback((field: keyof AccountFieldErrors) => {
    setFieldErrors((errors) => (errors[field] ? { ...errors, [field]: undefined } : errors))
  }, [])

  return { submit, submitting, fieldErrors, formError, clearField }
}

/**
 * One account's change (re-scope, disable, enable, new password); `onChanged` reloads the list. A
 * wrong current password is kept apart, to stand under its field.
 */
export function useAccountUpdate(onChanged: () => void) {
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [currentPasswordError, setCurrentPasswordError] = useState<string | null>(null)
  const onChangedRef = useRef(onChanged)
  onChangedRef.current = onChanged

  const run = useCallback(async (accountId: string, change: UpdateStaffAccountRequest) => {
    setSubmitting(true)
    setError(null)
    setCurrentPasswordError(null)
    try {
      const changed = await updateStaffAccount(accountId, change)
      // One's own new password ended the token just used: stay signed in with the one sent back.
      if (changed.accessToken) saveStaffSession(changed.accessToken, staffViewOf(changed))
      onChangedRef.current()
      return true
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CURRENT_PASSWORD_WRONG') setCurrentPasswordError(e.message || '当前密码不正确')
      else setError(readableError(e))
      return false
    } finally {
      setSubmitting(false)
    }
  }, [])

  return { run, submitting, error, currentPasswordError }
}

const staffViewOf = ({ id, username, displayName, role, scope }: StaffAccountView): StaffView => ({ id, username, displayName, role, scope })

/** Asks before a switch that takes effect at once: a disabled account's next request is refused. */
export async function confirmDisabledChange(account: StaffAccountView, disable: boolean): Promise<boolean> {
  const name = `${account.displayName}（${account.username}）`
  const { confirm } = await Taro.showModal({
    title: disable ? '停用账号' : '启用账号',
    content: disable ? `停用后该账号立即无法使用。确定停用 ${name} 吗？` : `启用后 ${name} 可以重新登录使用。确定启用吗？`,
    confirmText: disable ? '停用' : '启用',
    confirmColor: disable ? '#8a0012' : '#0a58a8',
    cancelText: '取消',
  })
  return confirm
}
