import { Text, View } from '@tarojs/components'
import { COMPOUND_TIME_ZONE_LABEL, AcceptanceStatus, windowSpanText } from '@linyi/shared'
import type { MyWorkPlan, SupervisionPlan } from '@linyi/shared'
import { acceptanceEntry } from '../lib/acceptance-entry'
import { BigButton } from './BigButton'

interface Props {
  plans: MyWorkPlan[]
  onOpen: (plan: MyWorkPlan) => void
  /** Once the crew has inspected the flat, the card leads into 入户施工验收 instead. */
  onOpenAcceptance: (plan: MyWorkPlan) => void
}

/** Home's way into 入户施工预约 (and, once inspected, 入户施工验收): one card per household in a published plan. */
export function WorksEntry({ plans, onOpen, onOpenAcceptance }: Props) {
  if (plans.length === 0) return null
  return (
    <View className='section works-section'>
      <Text className='section-title'>入户施工预约</Text>
      {plans.map((plan) => {
        const acceptance = plan.acceptance ? acceptanceEntry(plan.acceptance) : null
        return (
          <View key={`${plan.householdId}:${plan.workPlanId}`} className='card works-entry' id={`works-entry-${plan.householdId}-${plan.workPlanId}`}>
            <Text className='works-entry__title'>{plan.title}</Text>
            <Text className='text-secondary works-entry__household'>{plan.householdLabel}</Text>
            {acceptance ? (
              <>
                <Text className={`${acceptance.chip} works-entry__state works-entry__acceptance`}>验收：{acceptance.state}</Text>
                <BigButton variant={acceptance.todo ? 'primary' : 'secondary'} className='works-entry__accept' onClick={() => onOpenAcceptance(plan)}>
                  {acceptance.button}
                </BigButton>
              </>
            ) : plan.booking ? (
              <Text className='answer-state answer-state--done works-entry__state'>
                已预约：{windowSpanText(plan.booking.startsAt, plan.booking.endsAt)}（{COMPOUND_TIME_ZONE_LABEL}）
              </Text>
            ) : (
              <Text className='answer-state answer-state--todo works-entry__state'>您家尚未预约</Text>
            )}
            {/* After acceptance the booking is history: the card no longer offers it. */}
            {plan.acceptance?.status === AcceptanceStatus.Accepted ? null : (
              <BigButton variant={plan.booking || acceptance ? 'secondary' : 'primary'} className='works-entry__open' onClick={() => onOpen(plan)}>
                {plan.booking ? '查看预约' : '去预约施工时段'}
              </BigButton>
            )}
          </View>
        )
      })}
    </View>
  )
}

/** Home's way into 业主监督员签字, only for a resident of a supervisor household: how many acceptances await their signature. */
export function SupervisionEntry({ plans, onOpen }: { plans: SupervisionPlan[]; onOpen: () => void }) {
  if (plans.length === 0) return null
  const toSign = plans.flatMap((plan) => plan.households).filter((h) => h.status === AcceptanceStatus.Accepted && !h.signedOff).length
  return (
    <View className='section supervision-section'>
      <Text className='section-title'>业主监督员</Text>
      <View className='card supervision-entry'>
        <Text className='text-body supervision-entry__text'>
          您是{plans[0].compoundName}的业主监督员。{toSign ? `有 ${toSign} 户已验收，等您查看并签字。` : '目前没有等您签字的验收。'}
        </Text>
        <BigButton variant={toSign ? 'primary' : 'secondary'} className='supervision-entry__open' onClick={onOpen}>
          {toSign ? '去签字' : '查看验收情况'}
        </BigButton>
      </View>
    </View>
  )
}
