import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useCompoundStructure, useInviteCodes } from '../../hooks/staff'
import { BuildingSection } from '../components/BuildingSection'
import { LoadFailure } from '../components/LoadFailure'
import '../staff.css'

export default function StaffCompoundPage() {
  const compoundId = decodeURIComponent(useRouter().params.id ?? '')
  const structure = useCompoundStructure(compoundId)
  const invites = useInviteCodes()
  const data = structure.data

  return (
    <Screen className='staff-compound'>
      <View className='page-header'>
        <Text className='page-title'>{data?.name ?? '小区'}</Text>
        <Text className='text-secondary'>为住户生成邀请码，交给居民在“邻议”中绑定房屋。</Text>
      </View>
      {structure.loading && !data ? <LoadingNotice /> : null}
      {structure.error ? (
        <LoadFailure message={structure.error} status={structure.errorStatus} onRetry={() => void structure.reload()} />
      ) : null}
      {data && data.buildings.length === 0 ? (
        <View className='card'>
          <Text className='text-body'>这个小区还没有导入住户名册。</Text>
        </View>
      ) : null}
      {(data?.buildings ?? []).map((building) => (
        <BuildingSection key={building.id} building={building} issued={invites.byHousehold} onIssue={(id) => void invites.issue(id)} />
      ))}
    </Screen>
  )
}
