import { Text, View } from '@tarojs/components'

/** A bar of plain Views with its percent written beside it, so the figure never depends on colour. */
export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <View className='progress-bar'>
      <View className='progress-bar__track' role='progressbar' aria-label={label} aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
        <View className='progress-bar__fill' style={{ width: `${percent}%` }} />
      </View>
      <Text className='progress-bar__percent'>{percent}%</Text>
    </View>
  )
}
