import { Text, View } from '@tarojs/components'
import type { ConsultationTrend } from '@linyi/shared'
import { trendBars } from '../../../lib/dashboard'

/**
 * Answers per day as bars of plain Views, not a chart library or an image: it renders the same on
 * weapp and H5, adds nothing to the package, and each bar carries a sentence for screen readers.
 */
export function TrendChart({ trend }: { trend: ConsultationTrend }) {
  const bars = trendBars(trend)
  if (bars.length === 0) return <Text className='text-secondary trend-empty'>征询开始后，这里按天显示答复户数。</Text>
  const latest = trend.days[trend.days.length - 1]
  return (
    <View className='trend'>
      <Text className='trend__caption'>
        每天答复户数（按北京时间计日），累计 {latest.cumulative} 户
      </Text>
      <View className='trend__bars'>
        {bars.map((bar) => (
          <View key={bar.date} className={`trend-bar ${bar.older ? 'trend-bar--older' : ''}`} data-date={bar.date} data-answered={bar.answered} role='img' aria-label={bar.spoken}>
            <Text className='trend-bar__count' aria-hidden='true'>
              {bar.answered}
            </Text>
            <View className='trend-bar__area' aria-hidden='true'>
              <View className={`trend-bar__fill ${bar.answered === 0 ? 'trend-bar__fill--zero' : ''}`} style={{ height: `${bar.height}%` }} />
            </View>
            <Text className='trend-bar__day' aria-hidden='true'>
              {bar.month}
            </Text>
            <Text className='trend-bar__day' aria-hidden='true'>
              {bar.dayOfMonth}
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}
