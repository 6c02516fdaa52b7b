import { Text, View } from '@tarojs/components'
import type { DashboardTotals as Totals } from '../../../lib/dashboard'
import { percentOf } from '../../../lib/dashboard'
import { ProgressBar } from './ProgressBar'

/** One figure: the number alone in its element, so a test (or a reader) can take it as is. */
function Figure({ className, value, label }: { className: string; value: number; label: string }) {
  return (
    <View className='dashboard-figure'>
      <Text className={`dashboard-figure__number ${className}`}>{value}</Text>
      <Text className='dashboard-figure__label'>{label}</Text>
    </View>
  )
}

/** The whole street in one row: open consultations, voting groups (units, buildings or compounds) by state, households answered. */
export function DashboardTotals({ totals }: { totals: Totals }) {
  return (
    <View className='card dashboard-totals'>
      <View className='dashboard-figures'>
        <Figure className='dashboard-open-consultations' value={totals.openConsultations} label='进行中的征询' />
        <Figure className='dashboard-groups-reached' value={totals.groupsReached} label='已达成的表决组' />
        <Figure className='dashboard-groups-pending' value={totals.groupsPending} label='进行中的表决组' />
        <Figure className='dashboard-groups-failed' value={totals.groupsFailed} label='未达成的表决组' />
      </View>
      <Text className='dashboard-households'>
        已答复 <Text className='dashboard-households-answered'>{totals.householdsAnswered}</Text> /{' '}
        <Text className='dashboard-households-total'>{totals.householdsTotal}</Text> 户
      </Text>
      <ProgressBar percent={percentOf(totals.householdsAnswered, totals.householdsTotal)} label='全街道答复进度' />
    </View>
  )
}
