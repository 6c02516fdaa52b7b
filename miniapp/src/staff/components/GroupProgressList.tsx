import { Text, View } from '@tarojs/components'
import { ConsultationKind } from '@linyi/shared'
import type { ConsultationView, GroupView } from '@linyi/shared'
import { groupStateLabel } from '../../lib/consultation-text'

function counted(kind: ConsultationKind, group: GroupView): string {
  if (kind === ConsultationKind.DesignVote) return `${group.responded}/${group.households} 已投票`
  return `${group.agreed}/${group.households} 已同意`
}

/** One line per unit (or building): "1号楼1单元 10/12 已同意", with its state badge. */
export function GroupProgressList({ consultation, groups }: { consultation: ConsultationView; groups: GroupView[] }) {
  if (groups.length === 0) return <Text className='text-secondary'>没有参与本次征询的单元。</Text>
  return (
    <View className='group-list'>
      {groups.map((group) => (
        <View key={group.groupId} className='group-row' id={`group-${group.groupId}`}>
          <View className='group-row__main'>
            <Text className='group-row__label'>{group.label}</Text>
            <Text className='group-row__count'>{counted(consultation.kind, group)}</Text>
          </View>
          <View className='group-row__side'>
            <Text className={`state-badge state-badge--${group.state.toLowerCase()}`}>{groupStateLabel(group.state)}</Text>
            <Text className='text-secondary'>
              未答 {group.pending} · 不同意 {group.refused}
            </Text>
          </View>
        </View>
      ))}
    </View>
  )
}
