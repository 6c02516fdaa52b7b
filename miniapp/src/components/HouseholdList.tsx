import { Text, View } from '@tarojs/components'
import type { MyHousehold } from '@linyi/shared'
import { roleLabel } from '../lib/format'

export function HouseholdList({ households }: { households: MyHousehold[] }) {
  return (
    <View className='household-list'>
      {households.map((household) => (
        <View key={household.id} className='card household-item' id={`household-${household.id}`}>
          <Text className='household-item__label'>{household.label}</Text>
          <Text className='household-item__meta'>
            {household.compoundName} · {roleLabel(household.role)}
          </Text>
        </View>
      ))}
    </View>
  )
}
