import { Text, View } from '@tarojs/components'
import type { DecisionRule, GroupView } from '@linyi/shared'
import { closestGroups, missingText } from '../../../lib/dashboard'

/** The pending groups fewest households away from a decision: where a visit helps most. */
export function ClosestUnits({ groups, rule }: { groups: GroupView[]; rule: DecisionRule }) {
  const close = closestGroups(groups, rule)
  if (close.length === 0) return <Text className='text-secondary closest-none'>没有仍在进行中的单元。</Text>
  return (
    <View className='closest-units'>
      {close.map((group) => (
        <View key={group.groupId} className='closest-unit' data-group-id={group.groupId} data-missing={group.missing}>
          <Text className='closest-unit__label'>{group.label}</Text>
          <Text className='closest-unit__missing'>{missingText(group.missing, rule)}</Text>
        </View>
      ))}
    </View>
  )
}
