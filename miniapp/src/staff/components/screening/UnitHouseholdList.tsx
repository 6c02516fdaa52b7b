import { Text, View } from '@tarojs/components'
import type { UnitScreeningHousehold } from '@linyi/shared'
import { pressable } from '../../../components/pressable'
import { CHIP_LABEL, chipOf, householdsByFloor } from './screening-progress.rules'

interface Props {
  items: UnitScreeningHousehold[]
  onOpen: (household: UnitScreeningHousehold) => void
}

/** The unit's households floor by floor, each with where it stands; a tap opens its record. */
export function UnitHouseholdList({ items, onOpen }: Props) {
  if (items.length === 0) return <Text className='card text-body screening-unit-empty'>这个单元还没有住户。</Text>
  return (
    <View className='screening-floors'>
      {householdsByFloor(items).map(({ floor, households }) => (
        <View key={floor} className='screening-floor'>
          <Text className='screening-floor__title'>{floor}层</Text>
          {households.map((household) => {
            const chip = chipOf(household.status, household.withCarePlan)
            const open = () => onOpen(household)
            return (
              <View
                key={household.householdId}
                id={`screening-household-${household.householdId}`}
                className='screening-household-row'
                data-chip={chip}
                aria-label={`${household.label}：${CHIP_LABEL[chip]}`}
                {...pressable(open)}
                onClick={open}
              >
                <Text className='screening-household-row__room'>{household.room}</Text>
                <Text className={`screening-chip screening-chip--${chip.toLowerCase()}`}>{CHIP_LABEL[chip]}</Text>
              </View>
            )
          })}
        </View>
      ))}
    </View>
  )
}
