import { useDidShow } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { MyHousehold } from '@linyi/shared'
import { bindHousehold, fetchMe, readableError } from '../api'
import { checkInviteCode, normalizeInviteCode } from '../lib/invite-code'
import { useAsync } from './use-async'

/** The signed-in resident and their households, refreshed whenever the page shows again. */
export function useMe() {
  const state = useAsync(fetchMe, { immediate: false })
  useDidShow(() => {
    void state.reload()
  })
  return state
}

export interface BindState {
  submit: (typed: string) => Promise<MyHousehold | null>
  submitting: boolean
  error: string | null
}

export function useBindHousehold(): BindState {
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = useCallback(async (typed: string) => {
    const code = normalizeInviteCode(typed)
    const problem = checkInviteCode(code)
    if (problem) {
      setError(problem)
      return null
    }
    setSubmitting(true)
    setError(null)
    try {
      const { household } = await bindHousehold(code)
      return household
    } catch (e) {
      setError(readableError(e))
      return null
    } finally {
      setSubmitting(false)
    }
  }, [])

  return { submit, submitting, error }
}
