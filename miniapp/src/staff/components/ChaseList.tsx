import { Text, View } from '@tarojs/components'
import type { ConsultationView, OutstandingUnit } from '@linyi/shared'
import { ChaseHousehold } from './ChaseHousehold'

interface Props {
  consultation: ConsultationView
  units: OutstandingUnit[]
  onChanged: () => void
}

/** 待跟进住户, by unit, in the server's order: units closest to their threshold first. */
export function ChaseList({ consultation, units, onChanged }: Props) {
  if (units.length === 0) return <Text className='card text-body chase-empty'>所有住户都已同意，没有需要跟进的住户。</Text>
  return (
    <View className='chase-list'>
      {units.map((unit) => (
        <View key={unit.unitId} className='card chase-unit' id={`chase-unit-${unit.unitId}`}>
          <Text className='unit-card__title chase-unit__title'>
            {unit.label} · 还差 {unit.missing} 户
          </Text>
          {unit.households.map((household) => (
            <ChaseHousehold key={household.householdId} consultation={consultation} household={household} onChanged={onChanged} />
          ))}
        </View>
      ))}
    </View>
  )
}
