import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Answer, StaffAction } from '@linyi/shared'
import type { ConsultationView, OutstandingHousehold, StaffView } from '@linyi/shared'
import type { IssuedInvite } from '../../hooks/staff'
import { actionLabel, canDo } from '../../hooks/staff-session'
import { answerLabel, isAnswerable } from '../../lib/consultation-text'
import { formatDateTime } from '../../lib/format'
import { CallButton } from './CallButton'
import { ActionButton } from './compound/ActionButton'
import { InviteCodeAction } from './compound/InviteCodeAction'
import { PaperAnswerForm } from './compound/PaperAnswerForm'
import { VisitHistory } from './compound/VisitHistory'
import { NudgeButton } from './NudgeButton'
import { FinalRefusalActions } from './publicity/FinalRefusalActions'
import { VisitForm } from './VisitForm'

interface Props {
  consultation: ConsultationView
  household: OutstandingHousehold
  profile: StaffView | null
  issued: IssuedInvite | undefined
  onIssue: (householdId: string) => void
  /** Something was recorded: the lists must be loaded again. */
  onChanged: () => void
  /** A reminder was sent: the reminder counts change. */
  onNudged?: () => void
}

function contactLine(household: OutstandingHousehold): string {
  if (household.visits === 0 && !household.lastContactAt) return '尚未上门'
  const last = household.lastContactAt ? ` · 最近联系 ${formatDateTime(household.lastContactAt)}` : ''
  return `已上门 ${household.visits} 次${last}`
}

/** One household still to reach: call, remind, give an invite code, record a visit or its signed paper answer. */
export function ChaseHousehold({ consultation, household, profile, issued, onIssue, onChanged, onNudged }: Props) {
  const [open, setOpen] = useState<'none' | 'visit' | 'paper'>('none')
  const [done, setDone] = useState<string | null>(null)
  const answerable = isAnswerable(consultation)

  const saved = (message: string) => {
    setOpen('none')
    setDone(message)
    onChanged()
  }

  return (
    <View className='chase-household' id={`chase-${household.householdId}`}>
      <View className='chase-household__head'>
        <Text className='chase-household__label'>{household.label}</Text>
        <Text className={`answer-state ${household.answer === Answer.Refuse ? 'answer-state--refused' : 'answer-state--todo'}`}>
          {answerLabel(consultation.kind, household.answer)}
        </Text>
      </View>
      <Text className='text-body'>业主：{household.ownerName || '未登记'}</Text>
      <Text className='text-secondary chase-household__contact'>{contactLine(household)}</Text>
      {household.finalRefusal ? <Text className='final-refusal'>多次上门后仍不同意，已确认为最终意见</Text> : null}
      {done ? <Text className='done-message'>{done}</Text> : null}
      <FinalRefusalActions consultation={consultation} household={household} profile={profile} onChanged={onChanged} />

      <CallButton phone={household.phone} />
      {/* Only those who have not answered: a reminder after a refusal is the complaint to avoid. */}
      {answerable && household.answer === null && canDo(profile, StaffAction.ManageReminders) ? (
        <NudgeButton
          householdId={household.householdId}
          consultationId={consultation.id}
          label={actionLabel(profile, StaffAction.ManageReminders, '发提醒')}
          onNudged={onNudged}
        />
      ) : null}
      <InviteCodeAction profile={profile} householdId={household.householdId} householdLabel={household.label} issued={issued} onIssue={onIssue} />
      {/* Keyed by the count: a new visit loads the history again. */}
      {household.visits > 0 ? <VisitHistory key={household.visits} householdId={household.householdId} consultationId={consultation.id} profile={profile} /> : null}

      {open === 'visit' ? (
        <VisitForm consultationId={consultation.id} householdId={household.householdId} onSaved={saved} onCancel={() => setOpen('none')} />
      ) : null}
      {open === 'paper' ? <PaperAnswerForm consultation={consultation} household={household} onSaved={saved} onCancel={() => setOpen('none')} /> : null}
      {open === 'none' ? (
        <View className='chase-household__actions'>
          <ActionButton profile={profile} action={StaffAction.RecordVisit} className='visit-entry' text='记录上门' onClick={() => setOpen('visit')} />
          {answerable ? (
            <ActionButton profile={profile} action={StaffAction.RecordPaperAnswer} className='paper-entry' text='录入纸质意见' onClick={() => setOpen('paper')} />
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
