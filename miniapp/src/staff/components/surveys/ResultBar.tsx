import { Text, View } from '@tarojs/components'
import { ProgressBar } from '../dashboard/ProgressBar'
import { percentOf } from './survey-results.rules'

/** One bar of a question's chart: the choice, its count in words, and the bar with its percent (plain Views, no chart library). */
export function ResultBar({ label, count, total, className = '' }: { label: string; count: number; total: number; className?: string }) {
  const percent = percentOf(count, total)
  return (
    <View className={`survey-bar ${className}`}>
      <View className='works-row'>
        <Text className='survey-bar__label'>{label}</Text>
        <Text className='survey-bar__count'>{count} 户</Text>
      </View>
      <ProgressBar percent={percent} label={`${label}：${count} 户，占 ${percent}%`} />
    </View>
  )
}
