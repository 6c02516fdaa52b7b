import { Text, View } from '@tarojs/components'
import type { AcceptanceProgressHousehold } from '@linyi/shared'
import { ErrorNotice, LoadingNotice } from '../../../components/Notice'
import { useReworkDetail } from '../../../hooks/acceptance-staff'
import { MiniButton } from '../MiniButton'
import { DefectList } from './DecisionCard'
import { latestDefects } from './acceptance-staff.rules'

function ReworkHousehold({ household, workPlanId, onInspect }: { household: AcceptanceProgressHousehold; workPlanId: string; onInspect: () => void }) {
  const detail = useReworkDetail(household.householdId, workPlanId)
  const record = detail.data ? latestDefects(detail.data) : null
  return (
    <View className='staff-acc-rework' id={`rework-${household.householdId}`}>
      <View className='works-row'>
        <Text className='staff-acc-household-row__label'>{household.label}</Text>
        <MiniButton className='staff-acc-reinspect' onClick={onInspect}>
          整改后重新检测
        </MiniButton>
      </View>
      {detail.loading && !detail.data ? <LoadingNotice text='正在读取居民提出的问题…' /> : null}
      <ErrorNotice message={detail.error} />
      {record ? <DefectList householdId={household.householdId} record={record} /> : null}
    </View>
  )
}

/** 整改中: the households whose residents listed defects, with those defects; the crew's work list, on top. */
export function ReworkList({ households, workPlanId, onInspect }: { households: AcceptanceProgressHousehold[]; workPlanId: string; onInspect: (householdId: string) => void }) {
  if (!households.length) return null
  return (
    <View className='card staff-acc-rework-list'>
      <Text className='section-title'>整改中（{households.length} 户）</Text>
      <Text className='text-secondary'>居民验收时提出了这些问题：整改后重新检测，通过后居民再验收。</Text>
      {households.map((household) => (
        <ReworkHousehold key={household.householdId} household={household} workPlanId={workPlanId} onInspect={() => onInspect(household.householdId)} />
      ))}
    </View>
  )
}
