import { Text, View } from '@tarojs/components'
import { StaffAction } from '@linyi/shared'
import type { StaffView } from '@linyi/shared'
import type { ReminderOverview, ReminderRow } from '../../api'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice, LoadingNotice } from '../../components/Notice'
import type { RetryState, useConsultationReminders } from '../../hooks/reminders'
import { actionLabel } from '../../hooks/staff-session'
import { formatDateTime } from '../../lib/format'
import { REMINDER_STATUSES, REMINDER_STATUS_LABEL, channelLabel, policyInWords } from '../../lib/reminder-text'
import { LoadFailure } from './LoadFailure'

type Reminders = ReturnType<typeof useConsultationReminders>

function Counts({ counts }: { counts: ReminderOverview['counts'] }) {
  return (
    <View className='reminder-counts'>
      {REMINDER_STATUSES.map((status) => (
        <View key={status} className={`reminder-count reminder-count--${status.toLowerCase()}`}>
          <Text className='reminder-count__number'>{counts[status] ?? 0}</Text>
          <Text className='reminder-count__label'>{REMINDER_STATUS_LABEL[status]}</Text>
        </View>
      ))}
    </View>
  )
}

function DeadReminder({ reminder, retrying, label, onRetry }: { reminder: ReminderRow; retrying: RetryState | undefined; label: string; onRetry: () => void }) {
  return (
    <View className='dead-reminder' id={`reminder-${reminder.id}`}>
      <Text className='dead-reminder__who'>{reminder.householdLabel ?? '工作人员'}</Text>
      <Text className='text-body'>{reminder.title}</Text>
      <Text className='text-secondary'>
        {channelLabel(reminder.channel)} · {formatDateTime(reminder.createdAt)}
      </Text>
      {reminder.lastError ? <Text className='text-secondary dead-reminder__error'>原因：{reminder.lastError}</Text> : null}
      {retrying?.status === 'failed' ? <ErrorNotice message={retrying.error} /> : null}
      <BigButton variant='secondary' className='reminder-retry' loading={retrying?.status === 'sending'} onClick={onRetry}>
        {label}
      </BigButton>
    </View>
  )
}

/** 提醒: what was sent, the policy in words, pause/resume, and the dead letters to send again. */
export function ReminderSection({ reminders, profile = null }: { reminders: Reminders; profile?: StaffView | null }) {
  const { overview, toggle, retrying, retry } = reminders
  const label = (text: string) => actionLabel(profile, StaffAction.ManageReminders, text)
  const data = overview.data
  if (!data) {
    if (overview.error) return <LoadFailure message={overview.error} status={overview.errorStatus} onRetry={() => void overview.reload()} />
    return <LoadingNotice />
  }
  const { policy } = data
  const dead = data.reminders.filter((r) => r.status === 'DEAD')
  return (
    <View className='reminder-section'>
      <View className='card'>
        <Counts counts={data.counts} />
        <Text className='reminder-policy'>{policyInWords(policy)}</Text>
        <Text className={`reminder-state reminder-state--${policy.paused ? 'paused' : 'active'}`}>
          {policy.paused ? '自动提醒已暂停（“发提醒”仍可用）' : '自动提醒进行中'}
        </Text>
        <ErrorNotice message={toggle.error} />
        <BigButton
          variant={policy.paused ? 'primary' : 'secondary'}
          className='reminder-pause-toggle'
          loading={toggle.submitting}
          onClick={() => void toggle.run(!policy.paused)}
        >
          {label(policy.paused ? '恢复自动提醒' : '暂停自动提醒')}
        </BigButton>
      </View>
      <View className='card dead-reminders'>
        <Text className='unit-card__title'>发送失败的提醒{dead.length ? `（${dead.length}）` : ''}</Text>
        {dead.length === 0 ? <Text className='text-body dead-reminders-empty'>没有发送失败的提醒。</Text> : null}
        {dead.map((reminder) => (
          <DeadReminder key={reminder.id} reminder={reminder} retrying={retrying[reminder.id]} label={label('重发')} onRetry={() => void retry(reminder.id)} />
        ))}
      </View>
    </View>
  )
}
