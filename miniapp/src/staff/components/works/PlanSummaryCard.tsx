import { Text, View } from '@tarojs/components'
import { WorkPlanStatus, workDayText } from '@linyi/shared'
import type { WorkPlanSummary } from '@linyi/shared'
import { pressable } from '../../../components/pressable'
import { formatDateTime } from '../../../lib/format'
import { PlanStatusChip } from './WorksParts'

/** One plan in the compound's list: its state and figures; the whole card opens it. */
export function PlanSummaryCard({ plan, onOpen }: { plan: WorkPlanSummary; onOpen: () => void }) {
  const published = plan.status === WorkPlanStatus.Published
  return (
    <View className='card works-plan-card' id={`work-plan-${plan.id}`} {...pressable(onOpen)} onClick={onOpen}>
      <View className='works-plan-card__top'>
        <PlanStatusChip status={plan.status} />
      </View>
      <Text className='works-plan-card__title'>{plan.title}</Text>
      <Text className='works-plan-card__figure'>
        {plan.units} 个单元 · {plan.windows} 个施工时段
      </Text>
      <Text className='works-plan-card__figure works-plan-card__booked'>
        {published ? `已预约 ${plan.booked} / ${plan.households} 户` : `共 ${plan.households} 户（发布后住户才能预约）`}
      </Text>
      <Text className='works-plan-card__figure works-plan-card__first'>
        {plan.firstStartsAt ? `第一个时段：${workDayText(plan.firstStartsAt)}` : '还没有施工时段'}
      </Text>
      {plan.publishedAt ? <Text className='text-secondary'>发布于 {formatDateTime(plan.publishedAt)}</Text> : null}
      <Text className='works-plan-card__open'>{published ? '查看时段和预约 ›' : '安排时段并发布 ›'}</Text>
    </View>
  )
}
