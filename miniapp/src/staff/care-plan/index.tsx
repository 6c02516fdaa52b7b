import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { NEED_LABELS, ScreeningStatus, StaffAction } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useHouseholdScreening } from '../../hooks/screening'
import { useStaffProfile } from '../../hooks/staff-session'
import { goBackOr, Routes, withParams } from '../../lib/routes'
import { StaffGate } from '../components/dashboard/StaffGate'
import { LoadFailure } from '../components/LoadFailure'
import { CarePlanForm } from '../components/screening/CarePlanForm'
import { ReadLoggedLine, SensitiveNotice } from '../components/screening/ScreeningNotice'
import '../staff.css'
import '../components/screening/screening.css'

/** The plan for a household screened as needing care; the record is read once (logged) for its needs. */
function CarePlan({ householdId }: { householdId: string }) {
  const screening = useHouseholdScreening(householdId)
  const view = screening.view
  const back = () => goBackOr(withParams(Routes.staffScreeningHousehold, { householdId }))
  return (
    <>
      <View className='page-header'>
        <Text className='page-title'>照顾方案</Text>
        {view ? <Text className='section-title care-plan-household'>{view.label}</Text> : null}
      </View>
      <SensitiveNotice />
      {screening.loading && !view ? <LoadingNotice /> : null}
      {screening.error && !view ? <LoadFailure message={screening.error} status={screening.errorStatus} onRetry={() => void screening.reload()} /> : null}
      {view && view.status !== ScreeningStatus.NeedsCare ? (
        <View className='card care-plan-not-needed'>
          <Text className='text-body'>这一户没有登记为“需要照顾”，不需要照顾方案。如情况有变，请先在摸排登记中选择“需要照顾”。</Text>
          <BigButton variant='secondary' className='care-plan-back' onClick={back}>
            返回摸排登记
          </BigButton>
        </View>
      ) : null}
      {view && view.status === ScreeningStatus.NeedsCare ? (
        <>
          <ReadLoggedLine />
          <Text className='text-body care-plan-needs'>需要照顾的情况：{view.needs.map((n) => NEED_LABELS[n]).join('、') || '（未写明）'}</Text>
          <CarePlanForm plan={view.carePlan} onSave={screening.plan.run} saving={screening.plan.submitting} error={screening.plan.error} />
          <BigButton variant='link' className='care-plan-back' onClick={back}>
            返回摸排登记
          </BigButton>
        </>
      ) : null}
    </>
  )
}

export default function StaffCarePlanPage() {
  const householdId = decodeURIComponent(useRouter().params.householdId ?? '')
  const profile = useStaffProfile()
  return (
    <Screen className='staff-care-plan'>
      <StaffGate profile={profile} action={StaffAction.ScreenHouseholds} deniedText='照顾方案含敏感个人信息，只有居委会和街道工作人员可以查看和制定。'>
        {householdId ? <CarePlan householdId={householdId} /> : <Text className='card text-body screening-no-id'>链接中缺少房屋编号，请从摸排登记进入。</Text>}
      </StaffGate>
    </Screen>
  )
}
