import { Text, View } from '@tarojs/components'
import type { HouseholdCounts } from './household-filter.rules'

interface Props {
  counts: HouseholdCounts
  /** The role sees household states (bound); and a consultation is picked (answered, refused). */
  withStates: boolean
  withAnswers: boolean
  /** Households matching the search, when narrowed. */
  matching?: number
}

/** "12户 · 已绑定 5 · 已答复 7 · 不同意 1": what a collapsed building or unit says about itself. */
export function CountsLine({ counts, withStates, withAnswers, matching }: Props) {
  const parts = [`${counts.households}户`]
  if (withStates) parts.push(`已绑定 ${counts.bound}`)
  if (withStates && withAnswers) parts.push(`已答复 ${counts.answered}`, `不同意 ${counts.refused}`)
  return (
    <View className='counts-line'>
      {matching !== undefined ? <Text className='counts-line__matching'>符合 {matching} 户 · </Text> : null}
      <Text className='counts-line__figures'>{parts.join(' · ')}</Text>
    </View>
  )
}
