import { Text, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import type { PublicityGroup } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { groupStateLabel } from '../../lib/consultation-text'
import { countLines, entryAnswer, squareMetres } from './publicity.rules'

interface Props {
  group: PublicityGroup
  /** My households: their rows say 我家 and the list starts open. */
  mine: Set<string>
  optionTitles: Record<string, string>
  /** Null when objections cannot be filed (window closed, final). */
  onObject: ((householdId: string, label: string) => void) | null
  /** Shown right under one entry: the objection form while filing, then the note that it was filed. */
  belowEntry: { householdId: string; node: ReactNode } | null
}

/** One building or unit as published: its state, the counts by households and by area, and each room's answer class. */
export function GroupResult({ group, mine, optionTitles, onObject, belowEntry }: Props) {
  const hasMine = group.entries.some((entry) => mine.has(entry.householdId))
  const [open, setOpen] = useState(hasMine)
  return (
    <View className='card publicity-group' id={`publicity-group-${group.groupId}`}>
      <Text className='publicity-group__label'>{group.label}</Text>
      <Text className={`state-badge state-badge--${group.state.toLowerCase()} publicity-group__state`}>{groupStateLabel(group.state)}</Text>
      <Text className='text-body publicity-group__total'>
        共 {group.households} 户，专有部分面积共 {squareMetres(group.areaM2.total)}
      </Text>
      <View className='publicity-counts'>
        {countLines(group).map((line) => (
          <Text key={line.key} className={`publicity-count publicity-count--${line.key}`}>
            {line.text}
          </Text>
        ))}
        {(group.optionVotes ?? []).map((vote) => (
          <Text key={vote.optionId} className='publicity-count publicity-count--option'>
            {optionTitles[vote.optionId] ?? '方案'}：{vote.votes} 票
          </Text>
        ))}
      </View>
      <BigButton variant='link' className='publicity-group__toggle' onClick={() => setOpen(!open)}>
        {open ? '收起每户情况' : `查看每户情况（${group.entries.length} 户）`}
      </BigButton>
      {open ? (
        <View className='publicity-entries'>
          <Text className='text-secondary publicity-entries__note'>只公示房号和表态，不公示姓名和电话。</Text>
          {group.entries.map((entry) => (
            <View key={entry.householdId} className={`publicity-entry ${mine.has(entry.householdId) ? 'publicity-entry--mine' : ''}`} id={`publicity-entry-${entry.householdId}`}>
              <View className='publicity-entry__line'>
                <Text className='publicity-entry__label'>
                  {entry.label}
                  {mine.has(entry.householdId) ? '（我家）' : ''}
                </Text>
                <Text className={`publicity-entry__answer publicity-entry__answer--${entry.answerClass.toLowerCase()}`}>{entryAnswer(entry, optionTitles)}</Text>
              </View>
              {belowEntry?.householdId === entry.householdId ? belowEntry.node : onObject ? (
                <BigButton variant='secondary' className='publicity-entry__object' onClick={() => onObject(entry.householdId, entry.label)}>
                  我有异议
                </BigButton>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
