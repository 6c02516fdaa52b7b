import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useCompoundStructure, useInviteCodes } from '../../hooks/staff'
import { useCompoundConsultations } from '../../hooks/staff-consultations'
import { Routes, withParams } from '../../lib/routes'
import { BuildingSection } from '../components/BuildingSection'
import { CompoundConsultations } from '../components/CompoundConsultations'
import { LoadFailure } from '../components/LoadFailure'
import '../staff.css'

export default function StaffCompoundPage() {
  const compoundId = decodeURIComponent(useRouter().params.id ?? '')
  const structure = useCompoundStructure(compoundId)
  const invites = useInviteCodes()
  const consultations = useCompoundConsultations(compoundId)
  const data = structure.data

  return (
    <Screen className='staff-compound'>
      <View className='page-header'>
        <Text className='page-title'>{data?.name ?? '小区'}</Text>
        <Text className='text-secondary'>查看意见征询进度、跟进住户；为住户生成邀请码。</Text>
      </View>
      <CompoundConsultations
        consultations={consultations.data}
        loading={consultations.loading}
        error={consultations.error}
        onOpen={(consultation) => void Taro.navigateTo({ url: withParams(Routes.staffConsultation, { id: consultation.id }) })}
      />
      <Text className='section-title'>楼栋与住户</Text>
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
