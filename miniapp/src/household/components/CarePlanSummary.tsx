import { Text, View } from '@tarojs/components'
import { MEASURE_LABELS } from '@linyi/shared'
import type { MyScreeningView } from '@linyi/shared'
import { formatDateTime } from '../../lib/format'

type Plan = NonNullable<MyScreeningView['carePlan']>

/** The care plan for the works: what will be done, whom to call, and the one line the crew sees. */
export function CarePlanSummary({ plan }: { plan: Plan }) {
  const contact = [plan.contactName, plan.contactPhone].filter(Boolean).join(' ')
  return (
    <View className='card care-plan-summary'>
      <Text className='screening-card-title'>施工期间的照顾安排</Text>
      {plan.measures.map((measure, index) => (
        <View key={`${measure.kind}-${index}`} className='care-measure'>
          <Text className='care-measure__kind'>{MEASURE_LABELS[measure.kind]}</Text>
          {measure.description ? <Text className='text-body care-measure__description'>{measure.description}</Text> : null}
        </View>
      ))}
      {contact ? <Text className='text-body care-contact'>联系人：{contact}</Text> : null}
      <View className='crew-note'>
        <Text className='text-body crew-note__text'>施工队看到的提示：{plan.assistanceNote}</Text>
        <Text className='text-secondary'>施工队只看到这一句提示，看不到上面登记的情况。</Text>
      </View>
      <Text className='text-secondary'>更新时间：{formatDateTime(plan.updatedAt)}</Text>
    </View>
  )
}
