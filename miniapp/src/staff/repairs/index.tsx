import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { StaffAction } from '@linyi/shared'
import type { StaffView } from '@linyi/shared'
import { usePlanRepairs } from '../../hooks/acceptance-staff'
import { canDo } from '../../hooks/staff-session'
import { NotLoaded } from '../components/LoadFailure'
import { RefreshButton } from '../components/RefreshButton'
import { WorksScreen } from '../components/works/WorksScreen'
import { RepairCard } from '../components/acceptance/RepairCard'
import { repairsOpenFirst } from '../components/acceptance/acceptance-staff.rules'
import '../staff.css'
import '../components/works/works.css'
import '../components/acceptance/acceptance.css'

/** The plan's repairs under warranty, open ones first; the contractor records each repair with its tests. */
function Repairs({ workPlanId, profile }: { workPlanId: string; profile: StaffView }) {
  const loaded = usePlanRepairs(workPlanId)
  const data = loaded.data
  if (!data) return <NotLoaded state={loaded} />
  const repairs = canDo(profile, StaffAction.InspectWorks)
  const list = repairsOpenFirst(data.repairs)
  return (
    <>
      <View className='page-header'>
        <Text className='page-title'>保修维修</Text>
        <Text className='section-title staff-acc-plan-title'>{data.plan.title}</Text>
        <Text className='text-secondary'>
          {repairs ? '居民在保修期内报修的问题：上门维修后逐项检测并记录，居民确认修好后这一部位的保修期重新计算。' : '居民报修和施工单位维修的情况（只读）。'}
        </Text>
      </View>
      {list.length === 0 ? <Text className='card text-body staff-acc-no-repairs'>还没有居民报修。</Text> : null}
      {list.map((repair) => (
        <RepairCard key={repair.id} repair={repair} repairs={repairs} onChanged={loaded.reload} />
      ))}
      <RefreshButton className='staff-acc-refresh' state={loaded} />
    </>
  )
}

export default function StaffRepairsPage() {
  const workPlanId = decodeURIComponent(useRouter().params.workPlanId ?? '')
  return (
    <WorksScreen
      className='staff-repairs'
      action={StaffAction.ViewWorks}
      deniedText='保修维修情况供施工单位、居委会、街道办和系统管理员查看。'
      missingText={workPlanId ? null : '链接中缺少计划编号，请从施工计划页面进入“保修维修”。'}
    >
      {(profile) => <Repairs workPlanId={workPlanId} profile={profile} />}
    </WorksScreen>
  )
}
