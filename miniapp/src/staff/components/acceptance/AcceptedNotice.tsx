import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice, LoadingNotice } from '../../../components/Notice'
import { useAcceptedHousehold } from '../../../hooks/acceptance-staff'
import { formatDateTime } from '../../../lib/format'
import { Routes, withParams } from '../../../lib/routes'
import { repairNeedsWork } from './acceptance-staff.rules'

/** After acceptance the record is final: problems go through a repair under the warranty the notice lists. */
export function AcceptedNotice({ householdId, workPlanId, acceptedAt }: { householdId: string; workPlanId: string; acceptedAt: string | null }) {
  const loaded = useAcceptedHousehold(householdId)
  const items = loaded.data?.warranty.items.filter((item) => item.workPlanId === workPlanId) ?? []
  const repairs = loaded.data?.repairs.filter((repair) => repair.workPlanId === workPlanId) ?? []
  const waiting = repairs.filter(repairNeedsWork).length
  return (
    <View className='card staff-acc-accepted'>
      <Text className='staff-acc-accepted__title'>已验收，问题请走保修维修</Text>
      {acceptedAt ? <Text className='text-body'>验收于 {formatDateTime(acceptedAt)}。验收记录不能更改，也不再记录验收检测。</Text> : null}
      {loaded.loading && !loaded.data ? <LoadingNotice text='正在读取保修告知书…' /> : null}
      <ErrorNotice message={loaded.error} className='staff-acc-warranty-error' />
      {items.map((item) => (
        <Text key={item.part} className='text-body staff-acc-warranty-item'>
          {item.partLabel}：保修 {item.years} 年，{item.startsOn} 至 {item.endsOn}
          {item.restartedByRepairId ? '（维修验收后重新计算）' : ''}
        </Text>
      ))}
      {loaded.data ? (
        <Text className='text-body staff-acc-household-repairs'>{repairs.length ? `本户报修 ${repairs.length} 次，其中待维修 ${waiting} 次。` : '本户还没有报修。'}</Text>
      ) : null}
      <BigButton variant='secondary' className='staff-acc-open-repairs' onClick={() => void Taro.navigateTo({ url: withParams(Routes.staffRepairs, { workPlanId }) })}>
        打开保修维修
      </BigButton>
    </View>
  )
}
