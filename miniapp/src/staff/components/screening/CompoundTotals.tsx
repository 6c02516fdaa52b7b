import { Text, View } from '@tarojs/components'
import type { UnitScreeningSummary } from '@linyi/shared'
import { ProgressBar } from '../dashboard/ProgressBar'
import { compoundTotals, gapsLine, screenedPercent, unitGaps, unitsLine } from './screening-progress.rules'

/** The whole compound at the top of the page: how far the screening is, before the unit-by-unit list. */
export function CompoundTotals({ units }: { units: UnitScreeningSummary[] }) {
  const total = compoundTotals(units)
  const gaps = unitGaps(total)
  const done = total.households > 0 && gaps.notScreened === 0 && gaps.needsPlan === 0
  return (
    <View className='card screening-totals' id='screening-totals'>
      <Text className='unit-progress__title'>全小区</Text>
      <Text className='unit-progress__screened'>
        已摸排 {total.screened} / {total.households} 户
      </Text>
      <ProgressBar percent={screenedPercent(total)} label='全小区已摸排' />
      <View className='unit-progress__figures'>
        <Text className='unit-progress__figure'>需要照顾 {total.needsCare} 户</Text>
        <Text className='unit-progress__figure'>已有照顾方案 {total.withCarePlan} 户</Text>
      </View>
      <Text className={`unit-progress__gaps screening-totals__gaps ${done ? 'unit-progress__gaps--done' : ''}`}>{total.households > 0 ? gapsLine(total) : '小区还没有住户'}</Text>
      <Text className='text-body screening-totals__units'>{unitsLine(units)}</Text>
    </View>
  )
}
