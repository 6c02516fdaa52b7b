import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { StaffAction, WORK_KIND_LABELS } from '@linyi/shared'
import type { StaffView } from '@linyi/shared'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useHouseholdAcceptance } from '../../hooks/acceptance-staff'
import { canDo, useStaffProfile } from '../../hooks/staff-session'
import { StaffGate } from '../components/dashboard/StaffGate'
import { LoadFailure } from '../components/LoadFailure'
import { AcceptanceHistory } from '../components/acceptance/AcceptanceHistory'
import { AcceptedNotice } from '../components/acceptance/AcceptedNotice'
import { InspectionForm } from '../components/acceptance/InspectionForm'
import { StageChip } from '../components/acceptance/StageChip'
import { STAGE_LABELS, viewStage } from '../components/acceptance/acceptance-staff.rules'
import '../staff.css'
import '../components/works/works.css'
import '../components/acceptance/acceptance.css'

/** One household: what was tested and decided so far, then the contractor's form (or, once accepted, the way to repairs). */
function Inspection({ householdId, workPlanId, profile }: { householdId: string; workPlanId: string; profile: StaffView }) {
  const loaded = useHouseholdAcceptance(householdId, workPlanId)
  const view = loaded.data
  if (!view) {
    if (loaded.error) return <LoadFailure message={loaded.error} status={loaded.errorStatus} onRetry={() => void loaded.reload()} />
    return <LoadingNotice />
  }
  const stage = viewStage(view)
  const inspects = canDo(profile, StaffAction.InspectWorks)
  return (
    <>
      <View className='page-header'>
        <StageChip stage={stage} text={STAGE_LABELS[stage]} />
        <Text className='page-title staff-acc-household'>{view.label}</Text>
        <Text className='section-title staff-acc-plan-title'>{view.title}</Text>
        <Text className='text-secondary'>{WORK_KIND_LABELS[view.kind]}</Text>
      </View>
      {stage === 'REWORK' ? <Text className='card text-body staff-acc-rework-hint'>居民验收时提出了问题（见下方验收记录）：整改后请重新检测。</Text> : null}
      {stage === 'ACCEPTED' ? <AcceptedNotice householdId={householdId} workPlanId={workPlanId} acceptedAt={view.acceptedAt} /> : null}
      <AcceptanceHistory view={view} />
      {stage !== 'ACCEPTED' && inspects ? <InspectionForm key={view.householdId} view={view} onRecorded={loaded.reload} /> : null}
      {stage !== 'ACCEPTED' && !inspects ? <Text className='card text-body staff-acc-read-only'>检测由施工单位入户完成并在这里记录；您可以查看记录。</Text> : null}
    </>
  )
}

export default function StaffInspectionPage() {
  const params = useRouter().params
  const householdId = decodeURIComponent(params.householdId ?? '')
  const workPlanId = decodeURIComponent(params.workPlanId ?? '')
  const profile = useStaffProfile()
  return (
    <Screen className='staff-inspection'>
      <StaffGate profile={profile} action={StaffAction.ViewWorks} deniedText='验收检测记录供施工单位、居委会、街道办和系统管理员查看。'>
        {!householdId || !workPlanId ? (
          <Text className='card text-body works-no-id'>链接中缺少房屋或计划编号，请从“分户验收”进入。</Text>
        ) : profile ? (
          <Inspection householdId={householdId} workPlanId={workPlanId} profile={profile} />
        ) : null}
      </StaffGate>
    </Screen>
  )
}
