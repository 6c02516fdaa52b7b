import { Text, View } from '@tarojs/components'
import type { WorkPlanView } from '@linyi/shared'
import { ARRANGEMENTS } from './plan-form.rules'

/** What residents are told: the steps in order, the water arrangements and whom to ring. */
export function PlanDetails({ plan }: { plan: WorkPlanView }) {
  return (
    <View className='card works-plan-details'>
      <Text className='section-title'>施工步骤</Text>
      {plan.steps.map((step, index) => (
        <View key={index} className='works-detail-step'>
          <Text className='works-detail-step__title'>
            {index + 1}. {step.title}
          </Text>
          {step.description ? <Text className='text-body works-detail-step__description'>{step.description}</Text> : null}
        </View>
      ))}
      <Text className='section-title works-details-arrangements'>停水和临时安排</Text>
      {ARRANGEMENTS.map(({ field, label }) => (
        <Text key={field} className={`works-detail-line works-detail-${field}`}>
          <Text className='works-detail-line__key'>{label}：</Text>
          {plan[field] || '（未填写）'}
        </Text>
      ))}
      <Text className='works-detail-line works-detail-phone'>
        <Text className='works-detail-line__key'>联系电话：</Text>
        {plan.contactPhone ?? '（未填写，通知上印小区的应急电话）'}
      </Text>
    </View>
  )
}
