import { Text, View } from '@tarojs/components'
import { GroupBy } from '@linyi/shared'
import type { StreetStatusConsultation } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import type { ConsultationDetail } from '../../../hooks/dashboard'
import { kindLabel } from '../../../lib/consultation-text'
import { percentOf } from '../../../lib/dashboard'
import { formatDateTime } from '../../../lib/format'
import { ClosestUnits } from './ClosestUnits'
import { ProgressBar } from './ProgressBar'
import { TrendChart } from './TrendChart'

const GROUP_NOUN: Record<GroupBy, string> = { [GroupBy.Unit]: '单元', [GroupBy.Building]: '楼栋', [GroupBy.Compound]: '小区' }

interface Props {
  consultation: StreetStatusConsultation
  compound: { id: string; name: string }
  detail: ConsultationDetail | undefined
  /** Absent when the role may not see answer classes: then there is no drill-down to offer. */
  onOpen?: () => void
}

/** One open consultation: its groups and households as the server counts them, its trend, its nearest units. */
export function ConsultationCard({ consultation: c, compound, detail, onOpen }: Props) {
  const noun = GROUP_NOUN[c.groupBy] ?? '单元'
  return (
    <View className='card dashboard-consultation' data-id={c.id} data-compound-id={compound.id}>
      <View className='dashboard-consultation__top'>
        <Text className='dashboard-consultation__compound'>{compound.name}</Text>
        <Text className='kind-tag'>{kindLabel(c.kind)}</Text>
      </View>
      <Text className='dashboard-consultation__title'>{c.title}</Text>
      <Text className='text-secondary dashboard-deadline'>截止 {formatDateTime(c.deadline)}</Text>

      <View className='dashboard-groups'>
        <Text className='dashboard-groups__line'>
          共 <Text className='dashboard-groups-total'>{c.groups.total}</Text> 个{noun}：
        </Text>
        <Text className='dashboard-state dashboard-state--reached'>
          ✓ 已达成 <Text className='dashboard-groups-reached'>{c.groups.reached}</Text>
        </Text>
        <Text className='dashboard-state dashboard-state--pending'>
          … 进行中 <Text className='dashboard-groups-pending'>{c.groups.pending}</Text>
        </Text>
        <Text className='dashboard-state dashboard-state--failed'>
          ✗ 未达成 <Text className='dashboard-groups-failed'>{c.groups.failed}</Text>
        </Text>
      </View>

      <Text className='dashboard-households'>
        已答复 <Text className='dashboard-households-answered'>{c.households.answered}</Text> /{' '}
        <Text className='dashboard-households-total'>{c.households.total}</Text> 户
      </Text>
      <ProgressBar percent={percentOf(c.households.answered, c.households.total)} label={`${c.title} 答复进度`} />

      <ErrorNotice message={detail?.error ?? null} />
      {detail?.trend ? (
        <View className='dashboard-subsection'>
          <Text className='dashboard-subsection__title'>每日答复</Text>
          <TrendChart trend={detail.trend} />
        </View>
      ) : null}
      {detail?.groups ? (
        <View className='dashboard-subsection'>
          <Text className='dashboard-subsection__title'>最接近决定的{noun}</Text>
          <ClosestUnits groups={detail.groups} rule={c.rule} />
        </View>
      ) : null}

      {onOpen ? (
        <BigButton variant='secondary' className='dashboard-open' onClick={onOpen}>
          查看各楼栋住户答复
        </BigButton>
      ) : null}
    </View>
  )
}
