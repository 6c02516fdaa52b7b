import { Picker, Text, View } from '@tarojs/components'
import { COMPOUND_TIME_ZONE_LABEL, shanghaiDate } from '@linyi/shared'

/** A big box that opens the platform's date or time picker (the works form's boxes, works.css), with what it holds in large print. */
function PickerBox({ mode, value, label, className, start, onPick }: { mode: 'date' | 'time'; value: string; label: string; className: string; start?: string; onPick: (v: string) => void }) {
  return (
    <Picker mode={mode} value={value} {...(start ? { start, end: '2100-12-31' } : {})} onChange={(e) => onPick(String(e.detail.value))}>
      <View className={`works-picker ${className}`} role='button' aria-label={`${label}：${value}`}>
        <Text className='works-picker__label'>{label}</Text>
        <Text className='works-picker__value'>{value}</Text>
      </View>
    </Picker>
  )
}

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
