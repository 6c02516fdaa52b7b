import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { StaffAction, WORK_KIND_LABELS } from '@linyi/shared'
import type { AcceptanceProgressHousehold, AcceptanceProgressView, StaffView, WorkPlanView } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { useAcceptanceBoard } from '../../hooks/acceptance-staff'
import { canDo } from '../../hooks/staff-session'
import { Routes, withParams } from '../../lib/routes'
import { NotLoaded } from '../components/LoadFailure'
import { RefreshButton } from '../components/RefreshButton'
import { HouseholdProgressRow } from '../components/acceptance/HouseholdProgressRow'
import { PaperAcceptanceForm } from '../components/acceptance/PaperAcceptanceForm'
import { ReworkList } from '../components/acceptance/ReworkList'
import { SupervisorsCard } from '../components/acceptance/SupervisorsCard'
import { UnitProgressCard } from '../components/acceptance/UnitProgressCard'
import { householdStage } from '../components/acceptance/acceptance-staff.rules'
import { WorksScreen } from '../components/works/WorksScreen'
import '../staff.css'
import '../components/compound/compound.css'
import '../components/works/works.css'
import '../components/acceptance/acceptance.css'

const go = (url: string) => void Taro.navigateTo({ url })

const ROLE_HINT = {
  inspects: '逐户检测并记录结果和照片；检测通过后居民验收。“整改中”的住户请整改后重新检测。',
  paper: '“待居民验收”的住户排在前面，请督促验收；不会用手机的，收回签字的纸质验收单后在这里录入。',
  reads: '各单元逐户的检测和验收情况（只读）。',
}

/** The units, the crew's rework list, the committee's paper forms and supervisors. */
function Board({ plan, progress, profile, onChanged }: { plan: WorkPlanView; progress: AcceptanceProgressView; profile: StaffView; onChanged: () => Promise<void> }) {
  const inspects = canDo(profile, StaffAction.InspectWorks)
  const recordsPaper = canDo(profile, StaffAction.RecordPaperAcceptance)
  const [paperFor, setPaperFor] = useState<string | null>(null)
  const [done, setDone] = useState<{ householdId: string; text: string } | null>(null)
  const now = new Date()
  const openInspection = (householdId: string) => go(withParams(Routes.staffInspection, { householdId, workPlanId: plan.id }))
  const rework = progress.units.flatMap((unit) => unit.list.filter((h) => householdStage(h) === 'REWORK'))

  const row = (household: AcceptanceProgressHousehold) => {
    const stage = householdStage(household)
    const extra =
      paperFor === household.householdId ? (
        <PaperAcceptanceForm
          workPlanId={plan.id}
          household={household}
          onCancel={() => setPaperFor(null)}
          onRefused={() => void onChanged()}
          onSaved={(text) => {
            setPaperFor(null)
            setDone({ householdId: household.householdId, text })
            void onChanged()
          }}
        />
      ) : done?.householdId === household.householdId ? (
        <View role='status'>
          <Text className='works-saved staff-acc-paper-done'>{done.text}</Text>
        </View>
      ) : null
    return (
      <HouseholdProgressRow
        household={household}
        now={now}
        openText={inspects && stage !== 'ACCEPTED' ? (household.inspected ? '重新检测' : '检测') : '查看记录'}
        onOpen={() => openInspection(household.householdId)}
        onPaper={
          recordsPaper && stage === 'AWAITING'
            ? () => {
                setDone(null)
                setPaperFor(household.householdId)
              }
            : undefined
        }
        extra={extra}
      />
    )
  }

  return (
    <>
      <Text className='text-secondary staff-acc-role-hint'>{inspects ? ROLE_HINT.inspects : recordsPaper ? ROLE_HINT.paper : ROLE_HINT.reads}</Text>
      {inspects ? <ReworkList households={rework} workPlanId={plan.id} onInspect={openInspection} /> : null}
      {progress.units.map((unit) => (
        <UnitProgressCard key={unit.unitId} unit={unit} row={row} />
      ))}
      <SupervisorsCard compoundId={plan.compoundId} edits={canDo(profile, StaffAction.NameOwnerSupervisors)} />
      <BigButton variant='secondary' className='staff-acc-open-repairs' onClick={() => go(withParams(Routes.staffRepairs, { workPlanId: plan.id }))}>
        保修维修
      </BigButton>
    </>
  )
}

function Acceptance({ workPlanId, profile }: { workPlanId: string; profile: StaffView }) {
  const board = useAcceptanceBoard(workPlanId)
  const data = board.data
  if (!data) return <NotLoaded state={board} />
  const { plan, progress } = data
  return (
    <>
      <View className='page-header'>
        <Text className='page-title'>分户验收</Text>
        <Text className='section-title staff-acc-plan-title'>{plan.title}</Text>
        <Text className='text-secondary'>{WORK_KIND_LABELS[plan.kind]}</Text>
      </View>
      {progress ? (
        <Board plan={plan} progress={progress} profile={profile} onChanged={board.reload} />
      ) : (
        <Text className='card text-body staff-acc-not-published'>这个计划还没有发布：发布并入户施工后，才能逐户检测和验收。</Text>
      )}
      <RefreshButton className='staff-acc-refresh' state={board} />
    </>
  )
}

export default function StaffAcceptancePage() {
  const workPlanId = decodeURIComponent(useRouter().params.workPlanId ?? '')
  return (
    <WorksScreen
      className='staff-acceptance'
      action={StaffAction.ViewWorks}
      deniedText='分户验收情况供施工单位、居委会、街道办和系统管理员查看。'
      missingText={workPlanId ? null : '链接中缺少计划编号，请从施工计划页面进入“分户验收”。'}
    >
      {(profile) => <Acceptance workPlanId={workPlanId} profile={profile} />}
    </WorksScreen>
  )
}
