import { Text, View } from '@tarojs/components'
import type { BuildingNode } from '@linyi/shared'
import type { IssuedInvite } from '../../hooks/staff'
import { HouseholdRow } from './HouseholdRow'

interface Props {
  building: BuildingNode
  issued: Record<string, IssuedInvite>
  onIssue: (householdId: string) => void
}

/** One building: its stairwell units, each with its households. */
export function BuildingSection({ building, issued, onIssue }: Props) {
  return (
    <View className='building-section'>
      <Text className='section-title'>{building.name}</Text>
      {building.units.map((unit) => (
        <View key={unit.id} className='card unit-card'>
          <Text className='unit-card__title'>
            {building.name}
            {unit.name}（{unit.households.length}户）
          </Text>
          {unit.households.map((household) => (
            <HouseholdRow key={household.id} household={household} issued={issued[household.id]} onIssue={onIssue} />
          ))}
        </View>
      ))}
    </View>
  )
}
