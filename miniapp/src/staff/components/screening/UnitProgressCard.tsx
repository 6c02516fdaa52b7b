import { Text, View } from '@tarojs/components'
import type { UnitScreeningSummary } from '@linyi/shared'
import { pressable } from '../../../components/pressable'
import { ProgressBar } from '../dashboard/ProgressBar'
import { gapsLine, screenedPercent, unitGaps } from './screening-progress.rules'

interface Props {
  unit: UnitScreeningSummary
  /** Only for roles that may read the households (committee, street); others see the counts only. */
  onOpen?: () => void
}

/** One unit: screened of total with a bar, needs care, with a plan, and what is still missing. */
export function UnitProgressCard({ unit, onOpen }: Props) {
  const gaps = unitGaps(unit)
  const done = unit.households > 0 && gaps.notScreened === 0 && gaps.needsPlan === 0
  const open = onOpen ? { ...pressable(onOpen), onClick: onOpen } : {}
  return (
    <View className={`card unit-progress ${onOpen ? 'unit-progress--open' : ''}`} id={`unit-progress-${unit.unitId}`} data-unit-id={unit.unitId} {...open}>
      <Text className='unit-progress__title'>{unit.label}</Text>
      <Text className='unit-progress__screened'>
        已摸排 {unit.screened} / {unit.households} 户
      </Text>
      <ProgressBar percent={screenedPercent(unit)} label={`${unit.label}已摸排`} />
      <View className='unit-progress__figures'>
        <Text className='unit-progress__figure unit-progress__needs'>需要照顾 {unit.needsCare} 户</Text>
        <Text className='unit-progress__figure unit-progress__plans'>已有照顾方案 {unit.withCarePlan} 户</Text>
      </View>
      <Text className={`unit-progress__gaps ${done ? 'unit-progress__gaps--done' : ''}`}>{gapsLine(unit)}</Text>
      {onOpen ? <Text className='unit-progress__open'>查看各户并登记 ›</Text> : null}
    </View>
  )
}
