import { useCallback, useRef, useState } from 'react'
import { readableError } from '../api'

/** One form's submission: runs `action`, keeps "submitting" and the readable error; resolves true on success. */
export function useSubmission<A extends unknown[]>(action: (...args: A) => Promise<unknown>) {
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const actionRef = useRef(action)
  actionRef.current = action

  const run = useCallback(async (...args: A) => {
    setSubmitting(true)
    setError(null)
    try {
      await actionRef.current(...args)
      return true
    } catch (e) {
      setError(readableError(e))
      return false
    } finally {
      setSubmitting(false)
    }
  }, [])

  return { run, submitting, error }
}
