import { Text, View } from '@tarojs/components'
import type { MyHousehold } from '@linyi/shared'
import { roleLabel } from '../lib/format'
import { BigButton } from './BigButton'

interface Props {
  households: MyHousehold[]
  /** 我家的登记信息: what is recorded about the household's special needs. */
  onOpenScreening?: (household: MyHousehold) => void
}

export function HouseholdList({ households, onOpenScreening }: Props) {
  return (
    <View className='household-list'>
      {households.map((household) => (
        <View key={household.id} className='card household-item' id={`household-${household.id}`}>
          <Text className='household-item__label'>{household.label}</Text>
          <Text className='household-item__meta'>
            {household.compoundName} · {roleLabel(household.role)}
          </Text>
          {onOpenScreening ? (
            <BigButton variant='link' id={`household-screening-${household.id}`} className='household-item__screening' onClick={() => onOpenScreening(household)}>
              我家的登记信息
            </BigButton>
          ) : null}
        </View>
      ))}
    </View>
  )
}
