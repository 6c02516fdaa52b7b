import { Text, View } from '@tarojs/components'
import { COMPOUND_TIME_ZONE_LABEL, windowSpanText } from '@linyi/shared'
import type { MyWorkPlan } from '@linyi/shared'
import { BigButton } from './BigButton'

/** Home's way into 入户施工预约: one card per household in a published plan, saying whether it has booked. */
export function WorksEntry({ plans, onOpen }: { plans: MyWorkPlan[]; onOpen: (plan: MyWorkPlan) => void }) {
  if (plans.length === 0) return null
  return (
    <View className='section works-section'>
      <Text className='section-title'>入户施工预约</Text>
      {plans.map((plan) => (
        <View key={`${plan.householdId}:${plan.workPlanId}`} className='card works-entry' id={`works-entry-${plan.householdId}-${plan.workPlanId}`}>
          <Text className='works-entry__title'>{plan.title}</Text>
          <Text className='text-secondary works-entry__household'>{plan.householdLabel}</Text>
          {plan.booking ? (
            <Text className='answer-state answer-state--done works-entry__state'>
              已预约：{windowSpanText(plan.booking.startsAt, plan.booking.endsAt)}（{COMPOUND_TIME_ZONE_LABEL}）
            </Text>
          ) : (
            <Text className='answer-state answer-state--todo works-entry__state'>您家尚未预约</Text>
          )}
          <BigButton variant={plan.booking ? 'secondary' : 'primary'} className='works-entry__open' onClick={() => onOpen(plan)}>
            {plan.booking ? '查看预约' : '去预约施工时段'}
          </BigButton>
        </View>
      ))}
    </View>
  )
}
