import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { StaffAction } from '@linyi/shared'
import type { StaffView } from '@linyi/shared'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useCompoundInScope } from '../../hooks/roster'
import { useCompoundScreening } from '../../hooks/screening'
import { canDo, useStaffProfile } from '../../hooks/staff-session'
import { Routes, withParams } from '../../lib/routes'
import { StaffGate } from '../components/dashboard/StaffGate'
import { LoadFailure } from '../components/LoadFailure'
import { RefreshButton } from '../components/RefreshButton'
import { CompoundTotals } from '../components/screening/CompoundTotals'
import { ExportButton } from '../components/screening/ExportButton'
import { SensitiveNotice } from '../components/screening/ScreeningNotice'
import { unitsGapsFirst } from '../components/screening/screening-progress.rules'
import { UnitProgressCard } from '../components/screening/UnitProgressCard'
import '../staff.css'
import '../components/dashboard/dashboard.css'
import '../components/screening/screening.css'

/** The compound's totals and the export first, then units still missing something; committee and street staff open a unit from here. */
function CompoundScreening({ compoundId, profile }: { compoundId: string; profile: StaffView }) {
  const counts = useCompoundScreening(compoundId)
  const compound = useCompoundInScope(compoundId)
  const opens = canDo(profile, StaffAction.ScreenHouseholds)
  const units = counts.data ?? []
  const name = compound.data?.name ?? ''
  return (
    <>
      <View className='page-header'>
        <Text className='page-title'>特殊困难户摸排</Text>
        {name ? <Text className='section-title screening-compound-name'>{name}</Text> : null}
      </View>
      <SensitiveNotice countsOnly={!opens} />
      {counts.loading && !counts.data ? <LoadingNotice /> : null}
      {counts.error ? <LoadFailure message={counts.error} status={counts.errorStatus} onRetry={() => void counts.reload()} /> : null}
      {counts.data && units.length === 0 ? <Text className='card text-body screening-no-units'>这个小区还没有导入住户名册，导入后各单元会显示在这里。</Text> : null}
      {units.length > 0 ? <CompoundTotals units={units} /> : null}
      {units.length > 0 && canDo(profile, StaffAction.ExportScreening) ? <ExportButton compoundId={compoundId} compoundName={name} /> : null}
      {units.length > 0 ? <Text className='section-title screening-units-title'>各单元（未完成的排在前面）</Text> : null}
      {unitsGapsFirst(units).map((unit) => (
        <UnitProgressCard
          key={unit.unitId}
          unit={unit}
          onOpen={opens ? () => void Taro.navigateTo({ url: withParams(Routes.staffScreeningUnit, { unitId: unit.unitId }) }) : undefined}
        />
      ))}
      {counts.data ? (
        <RefreshButton className='screening-refresh' state={counts} />
      ) : null}
    </>
  )
}

/** A compound's screening progress, unit by unit: no personal details on this page. */
export default function StaffScreeningPage() {
  const compoundId = decodeURIComponent(useRouter().params.compoundId ?? '')
  const profile = useStaffProfile()
  return (
    <Screen className='staff-screening'>
      <StaffGate profile={profile} action={StaffAction.ViewScreeningCounts} deniedText='摸排进度供居委会、街道办、施工单位和系统管理员查看。'>
        {!compoundId ? (
          <Text className='card text-body screening-no-id'>链接中缺少小区编号，请从小区页面进入“特殊困难户摸排”。</Text>
        ) : profile ? (
          <CompoundScreening compoundId={compoundId} profile={profile} />
        ) : null}
      </StaffGate>
    </Screen>
  )
}
