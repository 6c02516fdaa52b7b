import { Text, View } from '@tarojs/components'
import { ConsultationKind, DecisionRule, GroupBy, GroupState } from '@linyi/shared'
import type { ConsultationView, GroupView } from '@linyi/shared'
import { groupStateLabel } from '../../lib/consultation-text'
import { optionTally, type OptionTallyLine } from '../../lib/dashboard'

const isVote = (consultation: ConsultationView) =>
  consultation.kind === ConsultationKind.DesignVote || consultation.rule === DecisionRule.Plurality

function counted(consultation: ConsultationView, group: GroupView): string {
  if (isVote(consultation)) return `${group.responded}/${group.households} 已投票`
  return `${group.agreed}/${group.households} 已同意`
}

const GROUP_NOUN: Partial<Record<GroupBy, string>> = { [GroupBy.Unit]: '单元', [GroupBy.Building]: '楼栋' }

/** A compound-wide consultation has one group: its outcome, not a count of 小区. */
const COMPOUND_OUTCOME: Record<GroupState, string> = {
  [GroupState.Reached]: '全小区：已通过',
  [GroupState.Failed]: '全小区：未通过',
  [GroupState.Pending]: '全小区：进行中',
}

/** "已达成 2 个单元 · 进行中 12 个 · 未达成 0 个", or "全小区：进行中": the whole picture before the long list. */
export function progressSummary(consultation: ConsultationView, groups: GroupView[]): string {
  if (consultation.groupBy === GroupBy.Compound && groups.length > 0) return COMPOUND_OUTCOME[groups[0].state] ?? groupStateLabel(groups[0].state)
  const count = (state: GroupState) => groups.filter((g) => g.state === state).length
  const noun = GROUP_NOUN[consultation.groupBy] ?? '组'
  return `已达成 ${count(GroupState.Reached)} 个${noun} · 进行中 ${count(GroupState.Pending)} 个 · 未达成 ${count(GroupState.Failed)} 个`
}

/** Votes per option in the consultation's order (options without votes count 0), the leaders marked; null when the server sent no tally. */
function tallyWithLeaders(consultation: ConsultationView, group: GroupView): Array<OptionTallyLine & { leading: boolean }> | null {
  if (!group.optionVotes) return null
  const lines = optionTally(consultation.options, group.optionVotes)
  const most = Math.max(0, ...lines.map((line) => line.votes))
  // The server's leader wins ties it has already broken; without one, every option on the top count leads.
  const leads = (line: OptionTallyLine) => (group.leadingOptionId ? group.leadingOptionId === line.optionId : most > 0 && line.votes === most)
  return lines.map((line) => ({ ...line, leading: leads(line) }))
}

function VoteTally({ consultation, group }: { consultation: ConsultationView; group: GroupView }) {
  const tally = tallyWithLeaders(consultation, group)
  if (!tally) {
    // Older servers send only the leader.
    const leader = consultation.options.find((o) => o.id === group.leadingOptionId)
    return leader ? <Text className='option-tally__leader'>领先：{leader.title}</Text> : null
  }
  return (
    <View className='option-tally'>
      {tally.map((row) => (
        <View key={row.optionId} className={`option-tally__row ${row.leading ? 'option-tally__row--leading' : ''}`} id={`tally-${group.groupId}-${row.optionId}`}>
          <Text className='option-tally__title'>
            {row.title}
            {row.leading ? <Text className='option-tally__lead'>领先</Text> : null}
          </Text>
          <Text className='option-tally__votes'>{row.votes} 票</Text>
        </View>
      ))}
      <Text className='option-tally__abstained'>弃权 {group.abstained} 户</Text>
    </View>
  )
}

/** One line per unit (or building, or the compound): "1号楼1单元 10/12 已同意", with its state badge and, for votes, the tally. */
export function GroupProgressList({ consultation, groups }: { consultation: ConsultationView; groups: GroupView[] }) {
  if (groups.length === 0) return <Text className='text-secondary'>没有参与本次征询的单元。</Text>
  const vote = isVote(consultation)
  return (
    <View className='group-list'>
      <Text className='progress-line group-summary'>{progressSummary(consultation, groups)}</Text>
      {groups.map((group) => (
        <View key={group.groupId} className='group-block' id={`group-${group.groupId}`}>
          <View className='group-row'>
            <View className='group-row__main'>
              <Text className='group-row__label'>{group.label}</Text>
              <Text className='group-row__count'>{counted(consultation, group)}</Text>
            </View>
            <View className='group-row__side'>
              <Text className={`state-badge state-badge--${group.state.toLowerCase()}`}>{groupStateLabel(group.state)}</Text>
              <Text className='text-secondary'>{vote ? `未投 ${group.pending}` : `未答 ${group.pending} · 不同意 ${group.refused}`}</Text>
            </View>
          </View>
          {vote ? <VoteTally consultation={consultation} group={group} /> : null}
        </View>
      ))}
    </View>
  )
}
