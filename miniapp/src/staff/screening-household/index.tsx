import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ScreeningStatus, StaffAction } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useHouseholdScreening } from '../../hooks/screening'
import { useStaffProfile } from '../../hooks/staff-session'
import { Routes, withParams } from '../../lib/routes'
import { StaffGate } from '../components/dashboard/StaffGate'
import { LoadFailure } from '../components/LoadFailure'
import { ScreeningForm } from '../components/screening/ScreeningForm'
import { SensitiveNotice } from '../components/screening/ScreeningNotice'
import { ScreeningRecordCard } from '../components/screening/ScreeningRecordCard'
import '../staff.css'
import '../components/screening/screening.css'

/** The record as read (logged once), the form, and the way on to the care plan. */
function HouseholdScreening({ householdId }: { householdId: string }) {
  const screening = useHouseholdScreening(householdId)
  const view = screening.view
  const openCarePlan = () => void Taro.navigateTo({ url: withParams(Routes.staffCarePlan, { householdId }) })
  return (
    <>
      <View className='page-header'>
        <Text className='page-title'>{view?.label ?? '摸排登记'}</Text>
      </View>
      <SensitiveNotice />
      {screening.loading && !view ? <LoadingNotice /> : null}
      {screening.error && !view ? <LoadFailure message={screening.error} status={screening.errorStatus} onRetry={() => void screening.reload()} /> : null}
      {view ? (
        <>
          <ScreeningRecordCard view={view} />
          {view.status === ScreeningStatus.NeedsCare ? (
            <BigButton
              variant={view.carePlan ? 'secondary' : 'primary'}
              className='screening-care-plan-entry'
              onClick={openCarePlan}
            >
              {view.carePlan ? '照顾方案：查看和修改' : '照顾方案：现在制定'}
            </BigButton>
          ) : null}
          <ScreeningForm view={view} onSave={screening.record.run} saving={screening.record.submitting} error={screening.record.error} onCarePlan={openCarePlan} />
        </>
      ) : null}
    </>
  )
}

/** One household's screening: what is recorded, then the form with its consent step. */
export default function StaffScreeningHouseholdPage() {
  const householdId = decodeURIComponent(useRouter().params.householdId ?? '')
  const profile = useStaffProfile()
  return (
    <Screen className='staff-screening-household'>
      <StaffGate profile={profile} action={StaffAction.ScreenHouseholds} deniedText='各户摸排情况属于敏感个人信息，只有居委会和街道工作人员可以查看和登记。'>
        {householdId ? (
          <HouseholdScreening householdId={householdId} />
        ) : (
          <Text className='card text-body screening-no-id'>链接中缺少房屋编号，请从单元摸排名单进入。</Text>
        )}
      </StaffGate>
    </Screen>
  )
}
