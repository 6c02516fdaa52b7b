import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ANSWER_CLASS_LABELS, AnswerClass } from '@linyi/shared'
import type { ConsultationOption, PublicityGroup, PublicityHousehold, StaffView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { groupStateLabel } from '../../../lib/consultation-text'
import { optionTally } from '../../../lib/dashboard'
import { ApplicationPdfButton } from './ApplicationPdfButton'
import { areaText } from './publicity-staff.rules'

interface Props {
  consultationId: string
  group: PublicityGroup
  options: ConsultationOption[]
  profile: StaffView | null
}

function entryText(entry: PublicityHousehold, options: ConsultationOption[]): string {
  if (entry.answerClass !== AnswerClass.Option) return ANSWER_CLASS_LABELS[entry.answerClass] ?? entry.answerClass
  const option = options.find((o) => o.id === entry.optionId)
  return option ? `投票：${option.title}` : ANSWER_CLASS_LABELS[AnswerClass.Option]
}

/** One group as published (or as it would be): its state, the counts by households and by area, and each room's answer class. */
export function GroupCountsCard({ consultationId, group, options, profile }: Props) {
  const [open, setOpen] = useState(false)
  const area = group.areaM2
  return (
    <View className='card publicity-group' id={`publicity-group-${group.groupId}`}>
      <View className='works-row'>
        <Text className='publicity-group__label'>{group.label}</Text>
        <Text className={`state-badge state-badge--${group.state.toLowerCase()} publicity-group__state`}>{groupStateLabel(group.state)}</Text>
      </View>
      <Text className='text-body publicity-group__households'>
        按户数：共 {group.households} 户，同意 {group.agreed} 户，不同意 {group.refused} 户，弃权 {group.abstained} 户，未表态 {group.noAnswer} 户
      </Text>
      <Text className='text-body publicity-group__area'>
        按面积：共 {areaText(area.total)}，同意 {areaText(area.agreed)}，不同意 {areaText(area.refused)}，弃权 {areaText(area.abstained)}，未表态 {areaText(area.noAnswer)}
      </Text>
      {group.optionVotes ? (
        <View className='publicity-group__votes'>
          {optionTally(options, group.optionVotes).map((line) => (
            <Text key={line.optionId} className='text-body publicity-vote' id={`publicity-vote-${group.groupId}-${line.optionId}`}>
              {line.title}：{line.votes} 票
            </Text>
          ))}
        </View>
      ) : null}
      <BigButton variant='link' className='publicity-entries-toggle' onClick={() => setOpen(!open)}>
        {open ? '收起各户 ▴' : `查看各户（${group.entries.length} 户）▾`}
      </BigButton>
      {open
        ? group.entries.map((entry) => (
            <View key={entry.householdId} className='publicity-entry' id={`publicity-entry-${entry.householdId}`}>
              <View className='works-row'>
                <Text className='publicity-entry__label'>{entry.label}</Text>
                <Text className={`publicity-entry__class publicity-entry__class--${entry.answerClass.toLowerCase()}`}>{entryText(entry, options)}</Text>
              </View>
              {entry.answerClass !== AnswerClass.NoAnswer ? (
                <ApplicationPdfButton profile={profile} consultationId={consultationId} householdId={entry.householdId} householdLabel={entry.label} />
              ) : null}
            </View>
          ))
        : null}
    </View>
  )
}
