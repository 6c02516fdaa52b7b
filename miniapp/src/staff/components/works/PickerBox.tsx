import { Picker, Text, View } from '@tarojs/components'

interface Props {
  mode: 'date' | 'time'
  value: string
  label: string
  className: string
  /** A date range's first day; with it and no `end`, the range runs to 2100. */
  start?: string
  end?: string
  onPick: (value: string) => void
}

/** A big box that opens the platform's date or time picker, with what it holds in large print (works.css: the page imports it). */
export function PickerBox({ mode, value, label, className, start, end, onPick }: Props) {
  const range = { ...(start ? { start, end: end ?? '2100-12-31' } : {}), ...(end ? { end } : {}) }
  return (
    <Picker mode={mode} value={value} {...range} onChange={(e) => onPick(String(e.detail.value))}>
      <View className={`works-picker ${className}`} role='button' aria-label={`${label}：${value}`}>
        <Text className='works-picker__label'>{label}</Text>
        <Text className='works-picker__value'>{value}</Text>
      </View>
    </Picker>
  )
}
