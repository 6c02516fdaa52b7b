import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { StaffAction } from '@linyi/shared'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useConsultationDrillDown } from '../../hooks/dashboard'
import { useStaffProfile } from '../../hooks/staff-session'
import { kindLabel } from '../../lib/consultation-text'
import { formatDateTime } from '../../lib/format'
import { AnswerLegend } from '../components/dashboard/AnswerLegend'
import { ProgressTree } from '../components/dashboard/ProgressTree'
import { StaffGate } from '../components/dashboard/StaffGate'
import { LoadFailure } from '../components/LoadFailure'
import { RefreshButton } from '../components/RefreshButton'
import '../staff.css'
import '../components/dashboard/dashboard.css'
import './progress.css'

function ConsultationProgressView({ consultationId }: { consultationId: string }) {
  const progress = useConsultationDrillDown(consultationId)
  const data = progress.data
  return (
    <>
      {progress.loading && !data ? <LoadingNotice /> : null}
      {progress.error ? <LoadFailure message={progress.error} status={progress.errorStatus} onRetry={() => void progress.reload()} /> : null}
      {data ? (
        <>
          <View className='page-header progress-header'>
            <Text className='kind-tag'>{kindLabel(data.consultation.kind)}</Text>
            <Text className='page-title progress-title'>{data.consultation.title}</Text>
            <Text className='text-secondary'>截止 {formatDateTime(data.consultation.deadline)}</Text>
          </View>
          <AnswerLegend kind={data.consultation.kind} options={data.consultation.options} />
          <ProgressTree consultation={data.consultation} households={data.households} groups={data.groups} compoundName={data.compound?.name ?? '本小区'} />
          <RefreshButton className='progress-refresh' state={progress} />
        </>
      ) : null}
    </>
  )
}

/** The drill-down of one consultation: every household's answer class, never a name or a phone. */
export default function StaffProgressPage() {
  const consultationId = decodeURIComponent(useRouter().params.id ?? '')
  const profile = useStaffProfile()
  return (
    <Screen className='staff-progress'>
      <View className='console-page progress-page'>
        <StaffGate profile={profile} action={StaffAction.ViewAnswerClasses} deniedText='各户答复情况仅供居委会、街道办和系统管理员查看。'>
          {consultationId ? (
            <ConsultationProgressView consultationId={consultationId} />
          ) : (
            <Text className='card text-body progress-no-id'>链接中缺少征询编号，请从街道征询总览进入。</Text>
          )}
        </StaffGate>
      </View>
    </Screen>
  )
}
