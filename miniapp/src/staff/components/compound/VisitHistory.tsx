import { Text, View } from '@tarojs/components'
import type { HomeVisitView, StaffView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice, LoadingNotice } from '../../../components/Notice'
import { useHouseholdVisits } from '../../../hooks/staff'
import { OUTCOME_LABEL } from '../VisitForm'
import { formatDateTimePlain } from '../../../lib/format'

/** Who went: the server may name them (`staffName`); otherwise "我" or another member of staff. */
function visitor(visit: HomeVisitView & { staffName?: string | null }, profile: StaffView | null): string {
  if (profile && visit.staffId === profile.id) return '我'
  return visit.staffName || '其他工作人员'
}

interface Props {
  householdId: string
  consultationId: string
  profile: StaffView | null
}

/** 上门记录: every visit to this household in this consultation, newest first, readable afterwards. */
export function VisitHistory({ householdId, consultationId, profile }: Props) {
  const visits = useHouseholdVisits(householdId, consultationId)
  return (
    <View className='visit-history'>
      <Text className='visit-history__title'>上门记录（北京时间）</Text>
      {visits.loading && !visits.data ? <LoadingNotice text='正在读取上门记录…' /> : null}
      {visits.error ? (
        <>
          <ErrorNotice message={visits.error} />
          <BigButton variant='link' className='visit-history-retry' onClick={() => void visits.reload()}>
            重新读取上门记录
          </BigButton>
        </>
      ) : null}
      {visits.data?.length === 0 ? <Text className='text-secondary'>还没有上门记录。</Text> : null}
      {(visits.data ?? []).map((visit) => (
        <View key={visit.id} className='visit-history__item' id={`visit-${visit.id}`}>
          <Text className='visit-history__head'>
            {formatDateTimePlain(visit.visitedAt)} · {OUTCOME_LABEL[visit.outcome] ?? visit.outcome} · {visitor(visit, profile)}
          </Text>
          <Text className='text-body visit-history__note'>{visit.note}</Text>
        </View>
      ))}
    </View>
  )
}
