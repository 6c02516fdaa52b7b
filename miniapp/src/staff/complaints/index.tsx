import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { StaffAction } from '@linyi/shared'
import type { StaffView } from '@linyi/shared'
import { useCompoundComplaints } from '../../hooks/complaints-staff'
import { useCompoundInScope } from '../../hooks/roster'
import { canDo } from '../../hooks/staff-session'
import { NotLoaded } from '../components/LoadFailure'
import { RefreshButton } from '../components/RefreshButton'
import { ComplaintsBoard } from '../components/complaints/ComplaintsBoard'
import { WorksScreen } from '../components/works/WorksScreen'
import '../staff.css'
import '../components/works/works.css'
import '../components/acceptance/acceptance.css'
import '../components/complaints/complaints.css'

/** The compound's complaints and suggestions (问计): the committee answers each, the street office reads. */
function CompoundComplaints({ compoundId, profile }: { compoundId: string; profile: StaffView }) {
  const complaints = useCompoundComplaints(compoundId)
  const compound = useCompoundInScope(compoundId)
  const replies = canDo(profile, StaffAction.ReplyComplaints)
  return (
    <>
      <View className='page-header'>
        <Text className='page-title'>意见建议</Text>
        {compound.data ? <Text className='section-title complaints-compound-name'>{compound.data.name}</Text> : null}
        <Text className='text-secondary'>
          {replies ? '居民对施工和改造方案的意见建议。请逐条答复，等待最久的排在最前。' : '居民的意见建议和居委会的答复（只读）。'}
        </Text>
      </View>
      {complaints.data ? (
        <ComplaintsBoard complaints={complaints.data} replies={replies} reloadList={complaints.reload} />
      ) : (
        <NotLoaded state={complaints} />
      )}
      <RefreshButton className='complaints-refresh' state={complaints} />
    </>
  )
}

export default function StaffComplaintsPage() {
  const compoundId = decodeURIComponent(useRouter().params.compoundId ?? '')
  return (
    <WorksScreen
      className='staff-complaints'
      action={StaffAction.ViewComplaints}
      deniedText='意见建议写明了住户门牌，只供居委会和街道办查看。'
      missingText={compoundId ? null : '链接中缺少小区编号，请从小区页面进入“意见建议”。'}
    >
      {(profile) => <CompoundComplaints compoundId={compoundId} profile={profile} />}
    </WorksScreen>
  )
}
