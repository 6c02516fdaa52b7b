import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { COMPOUND_TIME_ZONE_LABEL, StaffAction, WorkPlanStatus } from '@linyi/shared'
import type { StaffView } from '@linyi/shared'
import { canDo } from '../../hooks/staff-session'
import { useNoticePrint, useWorkPlan } from '../../hooks/works-staff'
import { formatDateTime } from '../../lib/format'
import { Routes, goBackOr, withParams } from '../../lib/routes'
import { NotLoaded } from '../components/LoadFailure'
import { PlanActions } from '../components/works/PlanActions'
import { PlanDetails } from '../components/works/PlanDetails'
import { PlanEditor } from '../components/works/PlanEditor'
import { PublishProblems } from '../components/works/PublishProblems'
import { UnitWindowsCard } from '../components/works/UnitWindowsCard'
import { PlanStatusChip } from '../components/works/WorksParts'
import { WorksScreen } from '../components/works/WorksScreen'
import '../staff.css'
import '../components/accounts/accounts.css'
import '../components/screening/screening.css'
import '../components/works/works.css'

const go = (url: string) => void Taro.navigateTo({ url })

/** A plan: what residents are told, each unit's windows, publishing with every problem shown, the notices to post. */
function WorkPlan({ planId, profile }: { planId: string; profile: StaffView }) {
  const loaded = useWorkPlan(planId)
  const notice = useNoticePrint(planId)
  const [editing, setEditing] = useState(false)
  const manages = canDo(profile, StaffAction.ManageWorks)
  const plan = loaded.plan
  if (!plan) return <NotLoaded state={loaded} />
  const published = plan.status === WorkPlanStatus.Published
  const screens = canDo(profile, StaffAction.ScreenHouseholds)
  return (
    <>
      <View className='page-header'>
        <PlanStatusChip status={plan.status} />
        <Text className='page-title works-plan-title'>{plan.title}</Text>
        <Text className='text-secondary'>
          {plan.publishedAt ? `发布于 ${formatDateTime(plan.publishedAt)}` : `草稿，创建于 ${formatDateTime(plan.createdAt)}；住户在发布后才能看到。`}
        </Text>
      </View>
      {loaded.problems ? (
        <PublishProblems
          problems={loaded.problems}
          onOpenScreening={screens ? (unitId) => go(withParams(Routes.staffScreeningUnit, { unitId })) : undefined}
        />
      ) : null}
      {loaded.justPublished ? <Text className='works-saved works-published-line'>已发布：各单元住户会收到入户施工通知，可以预约了。</Text> : null}
      {editing ? (
        <PlanEditor plan={plan} update={loaded.update} onClose={() => setEditing(false)} />
      ) : (
        <PlanDetails plan={plan} />
      )}
      <Text className='section-title works-units-title'>各单元施工时段（{COMPOUND_TIME_ZONE_LABEL}）</Text>
      {plan.units.map((unit) => (
        <UnitWindowsCard
          key={unit.unitId}
          unit={unit}
          windows={plan.windows.filter((w) => w.unitId === unit.unitId)}
          published={published}
          manages={manages}
          onAdd={loaded.addWindow}
          onRemove={loaded.removeWindow}
          notice={{
            opening: notice.opening === unit.unitId,
            opened: notice.outcome?.unitId === unit.unitId ? notice.outcome.opened : null,
            error: notice.outcome?.unitId === unit.unitId ? notice.outcome.error : null,
          }}
          onPrint={() => void notice.open(unit.unitId, unit.label)}
        />
      ))}
      <PlanActions
        plan={plan}
        manages={manages}
        seesCrewList={canDo(profile, StaffAction.ViewCrewList)}
        publish={loaded.publish}
        discard={loaded.discard}
        onEdit={() => setEditing(true)}
        onDiscarded={() => goBackOr(withParams(Routes.staffWorks, { compoundId: plan.compoundId }))}
        onBookings={() => go(withParams(Routes.staffWorkBookings, { id: plan.id }))}
        onAcceptance={() => go(withParams(Routes.staffAcceptance, { workPlanId: plan.id }))}
        onRepairs={() => go(withParams(Routes.staffRepairs, { workPlanId: plan.id }))}
      />
    </>
  )
}

export default function StaffWorkPlanPage() {
  const planId = decodeURIComponent(useRouter().params.id ?? '')
  return (
    <WorksScreen
      className='staff-work-plan'
      action={StaffAction.ViewWorks}
      deniedText='施工计划供居委会、街道办、施工单位和系统管理员查看。'
      missingText={planId ? null : '链接中缺少计划编号，请从“入户施工”进入。'}
    >
      {(profile) => <WorkPlan planId={planId} profile={profile} />}
    </WorksScreen>
  )
}
