import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { StaffAction, WORK_KIND_LABELS } from '@linyi/shared'
import type { StaffView } from '@linyi/shared'
import { useHouseholdAcceptance } from '../../hooks/acceptance-staff'
import { canDo } from '../../hooks/staff-session'
import { NotLoaded } from '../components/LoadFailure'
import { AcceptanceHistory } from '../components/acceptance/AcceptanceHistory'
import { AcceptedNotice } from '../components/acceptance/AcceptedNotice'
import { InspectionForm } from '../components/acceptance/InspectionForm'
import { StageChip } from '../components/acceptance/StageChip'
import { STAGE_LABELS, viewStage } from '../components/acceptance/acceptance-staff.rules'
import { WorksScreen } from '../components/works/WorksScreen'
import '../staff.css'
import '../components/works/works.css'
import '../components/acceptance/acceptance.css'

/** One household: what was tested and decided so far, then the contractor's form (or, once accepted, the way to repairs). */
function Inspection({ householdId, workPlanId, profile }: { householdId: string; workPlanId: string; profile: StaffView }) {
  const loaded = useHouseholdAcceptance(householdId, workPlanId)
  const view = loaded.data
  if (!view) return <NotLoaded state={loaded} />
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
  return (
    <WorksScreen
      className='staff-inspection'
      action={StaffAction.ViewWorks}
      deniedText='验收检测记录供施工单位、居委会、街道办和系统管理员查看。'
      missingText={householdId && workPlanId ? null : '链接中缺少房屋或计划编号，请从“分户验收”进入。'}
    >
      {(profile) => <Inspection householdId={householdId} workPlanId={workPlanId} profile={profile} />}
    </WorksScreen>
  )
}
