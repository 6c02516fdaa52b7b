import { Text, View } from '@tarojs/components'
import { COMPOUND_TIME_ZONE_LABEL, shanghaiDate } from '@linyi/shared'
import { PickerBox } from '../works/PickerBox'

interface Props {
  date: string
  clock: string
  onChange: (patch: { closeDate?: string; closeClock?: string }) => void
}

/** When answering ends, as a Beijing-time day and clock. */
export function ClosingPicker({ date, clock, onChange }: Props) {
  return (
    <View className='survey-closing'>
      <Text className='field-label'>截止时间（{COMPOUND_TIME_ZONE_LABEL}）</Text>
      <Text className='text-secondary'>到时自动结束，之后住户不能再答；也可以提前手动结束。</Text>
      <View className='works-picker-row'>
        <PickerBox mode='date' label='日期' value={date} start={shanghaiDate(new Date())} className='survey-close-date' onPick={(closeDate) => onChange({ closeDate })} />
        <PickerBox mode='time' label='时间' value={clock} className='survey-close-time' onPick={(closeClock) => onChange({ closeClock })} />
      </View>
    </View>
  )
}
