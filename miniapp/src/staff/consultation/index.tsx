import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ConsultationKind, StaffAction } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice, LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { openOutstandingSpreadsheet } from '../../api'
import { useConsultationReminders } from '../../hooks/reminders'
import { useInviteCodes } from '../../hooks/staff'
import { useChaseList, useConsultationProgress, useUpgrades } from '../../hooks/staff-consultations'
import { canDo, useStaffProfile } from '../../hooks/staff-session'
import { useSubmission } from '../../hooks/use-submission'
import { kindLabel } from '../../lib/consultation-text'
import { withParams } from '../../lib/routes'
import { formatDateTime } from '../../lib/format'
import { ChaseList } from '../components/ChaseList'
import { STATUS_LABEL } from '../components/CompoundConsultations'
import { ActionButton } from '../components/compound/ActionButton'
import { UpgradeList } from '../components/compound/UpgradeList'
import { GroupProgressList } from '../components/GroupProgressList'
import { LoadFailure } from '../components/LoadFailure'
import { ReminderSection } from '../components/ReminderSection'
import { PublicityRoutes } from '../components/publicity/publicity-routes'
import '../staff.css'
import '../components/compound/compound.css'

/** One consultation: progress for every role; the chase list, reminders and paper answers for organisers only. */
export default function StaffConsultationPage() {
  const consultationId = decodeURIComponent(useRouter().params.id ?? '')
  const profile = useStaffProfile()
  const chases = canDo(profile, StaffAction.ViewChaseList)
  const managesReminders = canDo(profile, StaffAction.ManageReminders)
  const progress = useConsultationProgress(consultationId)
  const chase = useChaseList(consultationId, chases)
  const reminders = useConsultationReminders(consultationId, managesReminders)
  const invites = useInviteCodes()
  const spreadsheet = useSubmission(openOutstandingSpreadsheet)
  const data = progress.data
  const plumbing = data?.consultation.kind === ConsultationKind.PlumbingApplication
  const showsUpgrades = plumbing && canDo(profile, StaffAction.ViewUpgrades)
  const upgrades = useUpgrades(data?.consultation ?? null, showsUpgrades)

  const reload = () => {
    void progress.reload()
    if (chases) void chase.reload()
  }
  const reloadReminders = () => {
    if (managesReminders) void reminders.overview.reload()
  }

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
      {progress.loading && !data ? <LoadingNotice /> : null}
      {progress.error ? <LoadFailure message={progress.error} status={progress.errorStatus} onRetry={reload} /> : null}

      {data ? (
        <>
          <View className='section'>
            <Text className='section-title'>各单元进度</Text>
            <GroupProgressList consultation={data.consultation} groups={data.groups} />
          </View>
          <ActionButton
            profile={profile}
            action={StaffAction.ViewAnswerClasses}
            className='open-publicity'
            wrapperClassName='section'
            text='结果公示与异议'
            onClick={() => void Taro.navigateTo({ url: withParams(PublicityRoutes.staffPublicity, { consultationId }) })}
          />

          {chases ? (
            <View className='section'>
              <Text className='section-title'>待跟进住户</Text>
              {chase.loading && !chase.data ? <LoadingNotice /> : null}
              {chase.error ? <LoadFailure message={chase.error} status={chase.errorStatus} onRetry={() => void chase.reload()} /> : null}
              {chase.data ? (
                <ChaseList
                  consultation={data.consultation}
                  units={chase.data}
                  profile={profile}
                  issued={invites.byHousehold}
                  onIssue={(id) => void invites.issue(id)}
                  onChanged={reload}
                  onNudged={reloadReminders}
                />
              ) : null}
            </View>
          ) : null}

          {managesReminders ? (
            <View className='section'>
              <Text className='section-title'>提醒</Text>
              <ReminderSection reminders={reminders} profile={profile} />
            </View>
          ) : null}

          {showsUpgrades ? (
            <View className='section upgrades-section'>
              <Text className='section-title'>自费提升改造申请</Text>
              {upgrades.loading && !upgrades.data ? <LoadingNotice /> : null}
              {upgrades.error ? <LoadFailure message={upgrades.error} status={upgrades.errorStatus} onRetry={() => void upgrades.reload()} /> : null}
              {upgrades.data ? <UpgradeList lines={upgrades.data} /> : null}
            </View>
          ) : null}

          <View className='section'>
            {process.env.TARO_ENV === 'weapp' && chases ? (
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
              loading={progress.loading}
              onClick={() => {
                reload()
                reloadReminders()
              }}
            >
              {progress.loading ? '正在刷新…' : '刷新'}
            </BigButton>
          </View>
        </>
      ) : null}
    </Screen>
  )
}
