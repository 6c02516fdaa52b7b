import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, readableError } from '../api'

export interface AsyncState<T> {
  data: T | null
  error: string | null
  /** The HTTP status of the last failure (0 for network errors), to tell "sign in again" apart. */
  errorStatus: number | null
  loading: boolean
  reload: () => Promise<void>
}

/** Runs `load` on demand and keeps its latest result; stale answers are dropped. */
export function useAsync<T>(load: () => Promise<T>, options: { immediate?: boolean } = {}): AsyncState<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [errorStatus, setErrorStatus] = useState<number | null>(null)
  // Starts as loading: every caller loads at once, on mount or on the page's first show.
  const [loading, setLoading] = useState(true)
  const latest = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const reload = useCallback(async () => {
    const ticket = ++latest.current
    setLoading(true)
    try {
      const result = await loadRef.current()
      if (ticket !== latest.current) return
      setData(result)
      setError(null)
      setErrorStatus(null)
    } catch (e) {
      if (ticket !== latest.current) return
      setError(readableError(e))
      setErrorStatus(e instanceof ApiError ? e.statusCode : null)
    } finally {
      if (ticket === latest.current) setLoading(false)
    }
  }, [])

  useEffect(() => {
    if (options.immediate ?? true) void reload()
    // Runs once: callers reload explicitly when their inputs change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  return { data, error, errorStatus, loading, reload }
}

/** Read on mount, and again when the page shows after another one was on top (coming back shows what changed there). */
export function useShownAsync<T>(load: () => Promise<T>): AsyncState<T> {
  const state = useAsync(load)
  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current) void state.reload()
    shownOnce.current = true
  })
  return state
}
