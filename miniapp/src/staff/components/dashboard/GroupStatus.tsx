import { Text, View } from '@tarojs/components'
import { DecisionRule, GroupState } from '@linyi/shared'
import type { ConsultationView, GroupView } from '@linyi/shared'
import { groupStateLabel } from '../../../lib/consultation-text'
import { optionTally } from '../../../lib/dashboard'

const STATE_SYMBOL: Record<GroupState, string> = { [GroupState.Reached]: '✓', [GroupState.Pending]: '…', [GroupState.Failed]: '✗' }

export function GroupStateBadge({ state }: { state: GroupState }) {
  return (
    <Text className={`group-state state-badge state-badge--${state.toLowerCase()}`} data-state={state}>
      {STATE_SYMBOL[state] ?? ''} {groupStateLabel(state)}
    </Text>
  )
}

/** A group's state and its reason; for a design vote, the votes per option. */
export function GroupStatus({ group, consultation }: { group: GroupView; consultation: ConsultationView }) {
  const tally = consultation.rule === DecisionRule.Plurality ? optionTally(consultation.options, group.optionVotes) : []
  return (
    <View className='group-status' data-group-id={group.groupId}>
      <View className='group-status__head'>
        <GroupStateBadge state={group.state} />
        {group.reason ? <Text className='group-status__reason'>{group.reason}</Text> : null}
      </View>
      {tally.length > 0 ? (
        <View className='option-tally'>
          {tally.map((line) => (
            <Text key={line.optionId} className={`option-tally__item ${line.optionId === group.leadingOptionId ? 'option-tally__item--leading' : ''}`} data-option-id={line.optionId}>
              {line.title}：<Text className='option-tally__votes'>{line.votes}</Text> 票{line.optionId === group.leadingOptionId ? '（领先）' : ''}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  )
}
