import { Picker, Text, View } from '@tarojs/components'
import { COMPOUND_TIME_ZONE_LABEL, shanghaiDate } from '@linyi/shared'
import type { WallClock } from '../../../lib/draft/types'
import { Field, TickRow } from './FormParts'
import type { SectionProps } from './section-props'

interface PickerPairProps {
  value: WallClock
  onChange: (value: WallClock) => void
  /** Class prefix: `author-deadline` gives `.author-deadline-date` and `.author-deadline-time`. */
  prefix: string
  today: string
}

/** A date and a time, each a big tappable box; both are wall-clock times in Asia/Shanghai. */
function PickerPair({ value, onChange, prefix, today }: PickerPairProps) {
  return (
    <View className='author-picker-pair'>
      <Picker mode='date' value={value.date} start={today} end='2100-12-31' onChange={(e) => onChange({ ...value, date: String(e.detail.value) })}>
        <View className={`author-picker ${prefix}-date`} role='button'>
          <Text className='author-picker__label'>日期</Text>
          <Text className='author-picker__value'>{value.date}</Text>
        </View>
      </Picker>
      <Picker mode='time' value={value.clock} onChange={(e) => onChange({ ...value, clock: String(e.detail.value) })}>
        <View className={`author-picker ${prefix}-time`} role='button'>
          <Text className='author-picker__label'>时间</Text>
          <Text className='author-picker__value'>{value.clock}</Text>
        </View>
      </Picker>
    </View>
  )
}

/** When it opens and closes, always in 北京时间 whatever the device's time zone. */
export function ScheduleSection({ draft, errors, update, now }: SectionProps & { now: Date }) {
  const today = shanghaiDate(now)
  return (
    <View className='section author-section'>
      <Text className='section-title'>时间（{COMPOUND_TIME_ZONE_LABEL}）</Text>
      <Field name='opensAt' label='开始时间' error={errors.opensAt}>
        <TickRow
          className='author-opens-now'
          checked={draft.opensNow}
          onToggle={() => update({ opensNow: !draft.opensNow })}
          label='发布后立即开始'
          hint={draft.opensNow ? '取消勾选可以定时开始。' : '到下面的时间自动开始，之前居民看不到。'}
        />
        {draft.opensNow ? null : <PickerPair value={draft.opensAt} onChange={(opensAt) => update({ opensAt })} prefix='author-opens' today={today} />}
      </Field>
      <Field name='deadline' label='截止时间' help='截止后不能再填写；至少留出一天给居民协商。' error={errors.deadline}>
        <PickerPair value={draft.deadline} onChange={(deadline) => update({ deadline })} prefix='author-deadline' today={today} />
      </Field>
    </View>
  )
}
