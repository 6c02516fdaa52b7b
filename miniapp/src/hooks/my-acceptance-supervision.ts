import { useDidShow } from '@tarojs/taro'
import { fetchMySupervision } from '../api/my-supervision'
import { useAsync } from './use-async'

// Its own file: home needs only this, and the rest of my-acceptance.ts would weigh on the main package.

/** The plans owner supervisors may sign off in; empty for everyone else. Read whenever the page shows (home, the list). */
export function useMySupervision() {
  const state = useAsync(fetchMySupervision, { immediate: false })
  useDidShow(() => {
    void state.reload()
  })
  return state
}
