import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { StaffAction } from '@linyi/shared'
import type { StaffView } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useCompoundInScope } from '../../hooks/roster'
import { canDo, useStaffProfile } from '../../hooks/staff-session'
import { useWorkPlans } from '../../hooks/works-staff'
import { Routes, withParams } from '../../lib/routes'
import { StaffGate } from '../components/dashboard/StaffGate'
import { LoadFailure } from '../components/LoadFailure'
import { NewPlanSection } from '../components/works/NewPlanSection'
import { PlanSummaryCard } from '../components/works/PlanSummaryCard'
import '../staff.css'
import '../components/accounts/accounts.css'
import '../components/screening/screening.css'
import '../components/works/works.css'

const openPlan = (id: string) => void Taro.navigateTo({ url: withParams(Routes.staffWorkPlan, { id }) })

/** The compound's work plans, newest first; the contractor and the committee start a new one here. */
function CompoundWorks({ compoundId, profile }: { compoundId: string; profile: StaffView }) {
  const plans = useWorkPlans(compoundId)
  const compound = useCompoundInScope(compoundId)
  const manages = canDo(profile, StaffAction.ManageWorks)
  const [creating, setCreating] = useState(false)
  const list = plans.data ?? []
  return (
    <>
      <View className='page-header'>
        <Text className='page-title'>入户施工</Text>
        {compound.data ? <Text className='section-title works-compound-name'>{compound.data.name}</Text> : null}
        <Text className='text-secondary'>
          {manages ? '制定施工计划、安排各单元的入户时段，发布后住户即可预约。' : '查看本小区的施工计划和预约情况（只读）。'}
        </Text>
      </View>
      {manages && !creating ? (
        <BigButton className='works-new-plan' onClick={() => setCreating(true)}>
          新建施工计划
        </BigButton>
      ) : null}
      {creating ? (
        <NewPlanSection
          compoundId={compoundId}
          onCancel={() => setCreating(false)}
          onCreated={(plan) => {
            setCreating(false)
            void plans.reload()
            openPlan(plan.id)
          }}
        />
      ) : null}
      <View className='section works-plans'>
        <Text className='section-title'>施工计划</Text>
        {plans.loading && !plans.data ? <LoadingNotice /> : null}
        {plans.error ? <LoadFailure message={plans.error} status={plans.errorStatus} onRetry={() => void plans.reload()} /> : null}
        {plans.data && list.length === 0 ? (
          <Text className='card text-body works-no-plans'>
            {manages ? '还没有施工计划。点上面的“新建施工计划”开始。' : '施工单位还没有制定施工计划。'}
          </Text>
        ) : null}
        {list.map((plan) => (
          <PlanSummaryCard key={plan.id} plan={plan} onOpen={() => openPlan(plan.id)} />
        ))}
      </View>
    </>
  )
}

export default function StaffWorksPage() {
  const compoundId = decodeURIComponent(useRouter().params.compoundId ?? '')
  const profile = useStaffProfile()
  return (
    <Screen className='staff-works'>
      <StaffGate profile={profile} action={StaffAction.ViewWorks} deniedText='施工计划供居委会、街道办、施工单位和系统管理员查看。'>
        {!compoundId ? (
          <Text className='card text-body works-no-id'>链接中缺少小区编号，请从小区页面进入“入户施工”。</Text>
        ) : profile ? (
          <CompoundWorks compoundId={compoundId} profile={profile} />
        ) : null}
      </StaffGate>
    </Screen>
  )
}
