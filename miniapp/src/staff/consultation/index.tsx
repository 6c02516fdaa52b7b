import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice, LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { openOutstandingSpreadsheet } from '../../api'
import { useConsultationReminders } from '../../hooks/reminders'
import { useConsultationFollowUp } from '../../hooks/staff-consultations'
import { useSubmission } from '../../hooks/use-submission'
import { kindLabel } from '../../lib/consultation-text'
import { formatDateTime } from '../../lib/format'
import { ChaseList } from '../components/ChaseList'
import { STATUS_LABEL } from '../components/CompoundConsultations'
import { GroupProgressList } from '../components/GroupProgressList'
import { LoadFailure } from '../components/LoadFailure'
import { ReminderSection } from '../components/ReminderSection'
import '../staff.css'

export default function StaffConsultationPage() {
  const consultationId = decodeURIComponent(useRouter().params.id ?? '')
  const followUp = useConsultationFollowUp(consultationId)
  const reminders = useConsultationReminders(consultationId)
  const spreadsheet = useSubmission(openOutstandingSpreadsheet)
  const data = followUp.data
  const reload = () => void followUp.reload()
  const reloadReminders = () => void reminders.overview.reload()

  return (
    <Screen className='staff-consultation'>
      {data ? (
        <View className='page-header'>
          <Text className='kind-tag'>
            {kindLabel(data.consultation.kind)} · {STATUS_LABEL[data.consultation.status] ?? data.consultation.status}
          </Text>
          <Text className='page-title'>{data.consultation.title}</Text>
          <Text className='text-secondary'>截止 {formatDateTime(data.consultation.deadline)}</Text>
        </View>
      ) : null}
      {followUp.loading && !data ? <LoadingNotice /> : null}
      {followUp.error ? <LoadFailure message={followUp.error} status={followUp.errorStatus} onRetry={reload} /> : null}

      {data ? (
        <>
          <View className='section'>
            <Text className='section-title'>各单元进度</Text>
            <GroupProgressList consultation={data.consultation} groups={data.groups} />
          </View>

          <View className='section'>
            <Text className='section-title'>待跟进住户</Text>
            <ChaseList consultation={data.consultation} units={data.outstanding} onChanged={reload} onNudged={reloadReminders} />
          </View>

          <View className='section'>
            <Text className='section-title'>提醒</Text>
            <ReminderSection reminders={reminders} />
          </View>

          <View className='section'>
            {process.env.TARO_ENV === 'weapp' ? (
              <>
                <ErrorNotice message={spreadsheet.error} />
                <BigButton variant='secondary' className='outstanding-xlsx' loading={spreadsheet.submitting} onClick={() => void spreadsheet.run(consultationId)}>
                  导出待跟进名单（Excel）
                </BigButton>
              </>
            ) : null}
            <BigButton
              variant='link'
              className='follow-up-refresh'
              loading={followUp.loading}
              onClick={() => {
                reload()
                reloadReminders()
              }}
            >
              {followUp.loading ? '正在刷新…' : '刷新'}
            </BigButton>
          </View>
        </>
      ) : null}
    </Screen>
  )
}
