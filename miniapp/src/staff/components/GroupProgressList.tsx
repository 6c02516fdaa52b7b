import { Text, View } from '@tarojs/components'
import { ConsultationKind, GroupBy, GroupState } from '@linyi/shared'
import type { ConsultationView, GroupView } from '@linyi/shared'
import { groupStateLabel } from '../../lib/consultation-text'

function counted(kind: ConsultationKind, group: GroupView): string {
  if (kind === ConsultationKind.DesignVote) return `${group.responded}/${group.households} 已投票`
  return `${group.agreed}/${group.households} 已同意`
}

const GROUP_NOUN: Record<GroupBy, string> = { [GroupBy.Unit]: '单元', [GroupBy.Building]: '楼栋', [GroupBy.Compound]: '小区' }

/** "已达成 2 个单元 · 进行中 12 个 · 未达成 0 个": the whole picture before the long list. */
function summary(consultation: ConsultationView, groups: GroupView[]): string {
  const count = (state: GroupState) => groups.filter((g) => g.state === state).length
  const noun = GROUP_NOUN[consultation.groupBy] ?? '组'
  return `已达成 ${count(GroupState.Reached)} 个${noun} · 进行中 ${count(GroupState.Pending)} 个 · 未达成 ${count(GroupState.Failed)} 个`
}

/** One line per unit (or building): "1号楼1单元 10/12 已同意", with its state badge. */
export function GroupProgressList({ consultation, groups }: { consultation: ConsultationView; groups: GroupView[] }) {
  if (groups.length === 0) return <Text className='text-secondary'>没有参与本次征询的单元。</Text>
  return (
    <View className='group-list'>
      <Text className='progress-line group-summary'>{summary(consultation, groups)}</Text>
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
