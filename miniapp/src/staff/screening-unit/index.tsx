import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { StaffAction } from '@linyi/shared'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useUnitScreening } from '../../hooks/screening'
import { useStaffProfile } from '../../hooks/staff-session'
import { Routes, withParams } from '../../lib/routes'
import { StaffGate } from '../components/dashboard/StaffGate'
import { LoadFailure } from '../components/LoadFailure'
import { ReadLoggedLine, SensitiveNotice } from '../components/screening/ScreeningNotice'
import { UnitHouseholdList } from '../components/screening/UnitHouseholdList'
import { UnitProgressCard } from '../components/screening/UnitProgressCard'
import '../staff.css'
import '../components/dashboard/dashboard.css'
import '../components/screening/screening.css'

/** Read once (the server logs it); each household opens its own record. */
function UnitScreening({ unitId }: { unitId: string }) {
  const unit = useUnitScreening(unitId)
  const data = unit.data
  return (
    <>
      <View className='page-header'>
        <Text className='page-title'>{data?.label ?? '单元摸排名单'}</Text>
      </View>
      <SensitiveNotice />
      {unit.loading && !data ? <LoadingNotice /> : null}
      {unit.error ? <LoadFailure message={unit.error} status={unit.errorStatus} onRetry={() => void unit.reload()} /> : null}
      {data ? (
        <>
          <ReadLoggedLine />
          <UnitProgressCard unit={data} />
          <UnitHouseholdList
            items={data.items}
            onOpen={(household) => void Taro.navigateTo({ url: withParams(Routes.staffScreeningHousehold, { householdId: household.householdId }) })}
          />
        </>
      ) : null}
    </>
  )
}

/** A unit's households floor by floor, each with where its screening stands. */
export default function StaffScreeningUnitPage() {
  const unitId = decodeURIComponent(useRouter().params.unitId ?? '')
  const profile = useStaffProfile()
  return (
    <Screen className='staff-screening-unit'>
      <StaffGate profile={profile} action={StaffAction.ScreenHouseholds} deniedText='各户摸排情况属于敏感个人信息，只有居委会和街道工作人员可以查看。'>
        {unitId ? <UnitScreening unitId={unitId} /> : <Text className='card text-body screening-no-id'>链接中缺少单元编号，请从“特殊困难户摸排”进入。</Text>}
      </StaffGate>
    </Screen>
  )
}
