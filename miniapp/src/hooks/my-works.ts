import { useDidShow } from '@tarojs/taro'
import { fetchMyWorkPlans } from '../api/works-resident'
import { useAsync } from './use-async'

/** My households' published work plans, fetched again whenever the page shows (home's card, the booking page). */
export function useMyWorkPlans() {
  const state = useAsync(fetchMyWorkPlans, { immediate: false })
  useDidShow(() => {
    void state.reload()
  })
  return state
}
