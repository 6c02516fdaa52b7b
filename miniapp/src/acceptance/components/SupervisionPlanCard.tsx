import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ACCEPTANCE_STATUS_LABELS, AcceptanceStatus } from '@linyi/shared'
import type { SupervisionPlan } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { formatDateTime } from '../../lib/format'
import { Routes, withParams } from '../../lib/routes'

type Household = SupervisionPlan['households'][number]

/** Accepted and not yet signed first: that is what the supervisor is asked to do. */
const order = (h: Household) => (h.status === AcceptanceStatus.Accepted ? (h.signedOff ? 1 : 0) : 2)

/** One plan a supervisor watches: each household's acceptance, and the way to read and sign it. */
export function SupervisionPlanCard({ plan }: { plan: SupervisionPlan }) {
  const households = [...plan.households].sort((a, b) => order(a) - order(b))
  const toSign = households.filter((h) => order(h) === 0).length
  const open = (household: Household) =>
    void Taro.navigateTo({
      url: withParams(Routes.myAcceptance, { householdId: household.householdId, workPlanId: plan.workPlanId, supervisor: '1', ...(household.signedOff ? { signed: '1' } : {}) }),
    })
  return (
    <View className='section supervision-plan' id={`supervision-${plan.workPlanId}`}>
      <View className='card supervision-plan__header'>
        <Text className='acceptance-card-title'>{plan.title}</Text>
        <Text className='text-body'>
          {plan.compoundName} · 业主监督员：{plan.supervisorName}
        </Text>
        <Text className={`answer-state answer-state--${toSign ? 'todo' : 'done'} supervision-plan__count`}>{toSign ? `${toSign} 户已验收，等您签字` : '没有等您签字的'}</Text>
      </View>
      {households.map((household) => {
        const accepted = household.status === AcceptanceStatus.Accepted
        return (
          <View key={household.householdId} className='card supervision-household' id={`supervision-household-${household.householdId}`}>
            <Text className='warranty-item__part'>{household.label}</Text>
            <Text className='text-body supervision-household__state'>
              {accepted && household.acceptedAt ? `已验收（${formatDateTime(household.acceptedAt)}）` : ACCEPTANCE_STATUS_LABELS[household.status]}
              {household.signedOff ? ' · 您已签字' : ''}
            </Text>
            <BigButton variant={order(household) === 0 ? 'primary' : 'secondary'} className='supervision-open' onClick={() => open(household)}>
              {order(household) === 0 ? '查看结果并签字' : '查看检测和验收记录'}
            </BigButton>
          </View>
        )
      })}
    </View>
  )
}
