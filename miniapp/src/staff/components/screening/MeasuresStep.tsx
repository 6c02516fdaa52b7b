import { Input, Text, View } from '@tarojs/components'
import { MEASURE_DESCRIPTION_MAX, MEASURE_LABELS, MeasureKind } from '@linyi/shared'
import { FieldError } from '../accounts/FieldError'
import { MEASURE_ORDER } from './care-plan-form.rules'
import { TickRow } from './TickRow'

const EXAMPLE: Record<MeasureKind, string> = {
  [MeasureKind.TemporaryStay]: '例如：住女儿家三天',
  [MeasureKind.Helper]: '例如：小王8点到场陪同',
  [MeasureKind.WaterDelivery]: '例如：每天上午送两桶水',
  [MeasureKind.PriorityWindow]: '例如：上午9点至11点',
  [MeasureKind.AccessibleToilet]: '例如：社区服务中心一楼',
  [MeasureKind.Other]: '写明具体安排',
}

interface Props {
  ticked: MeasureKind[]
  descriptions: Partial<Record<MeasureKind, string>>
  onToggle: (kind: MeasureKind) => void
  onDescribe: (kind: MeasureKind, description: string) => void
}

/** Each measure as a tick box; a ticked one says who does what, when. */
export function MeasuresStep({ ticked, descriptions, onToggle, onDescribe }: Props) {
  return (
    <View className='care-measures'>
      <Text className='field-label'>照顾措施（可多选）</Text>
      {MEASURE_ORDER.map((kind) => {
        const on = ticked.includes(kind)
        const words = [...(descriptions[kind] ?? '').trim()].length
        return (
          <View key={kind} className={`care-measure care-measure--${kind.toLowerCase()}`}>
            <TickRow label={MEASURE_LABELS[kind]} on={on} onToggle={() => onToggle(kind)} />
            {on ? (
              <>
                <Input
                  className='text-input care-measure__description'
                  value={descriptions[kind] ?? ''}
                  maxlength={MEASURE_DESCRIPTION_MAX}
                  placeholder={EXAMPLE[kind]}
                  aria-label={`${MEASURE_LABELS[kind]}：具体安排`}
                  onInput={(e) => onDescribe(kind, e.detail.value)}
                />
                <FieldError message={words > MEASURE_DESCRIPTION_MAX ? `每项安排最多 ${MEASURE_DESCRIPTION_MAX} 个字` : null} className='care-measure-error' />
              </>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
