import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Answer, ConsultationKind } from '@linyi/shared'
import type { ConsultationView, OutstandingHousehold } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { answerLabel, isAnswerable } from '../../lib/consultation-text'
import { formatDateTime } from '../../lib/format'
import { CallButton } from './CallButton'
import { NudgeButton } from './NudgeButton'
import { PaperApplicationForm } from './PaperApplicationForm'
import { VisitForm } from './VisitForm'

interface Props {
  consultation: ConsultationView
  household: OutstandingHousehold
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

/** One household still to reach: call, record a visit, or record its signed paper application. */
export function ChaseHousehold({ consultation, household, onChanged, onNudged }: Props) {
  const [open, setOpen] = useState<'none' | 'visit' | 'paper'>('none')
  const [done, setDone] = useState<string | null>(null)
  const answerable = isAnswerable(consultation)
  const paperAllowed = answerable && consultation.kind !== ConsultationKind.DesignVote

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

      <CallButton phone={household.phone} />
      {/* Only those who have not answered: a reminder after a refusal is the complaint to avoid. */}
      {answerable && household.answer === null ? (
        <NudgeButton householdId={household.householdId} consultationId={consultation.id} onNudged={onNudged} />
      ) : null}
      {open === 'visit' ? (
        <VisitForm consultationId={consultation.id} householdId={household.householdId} onSaved={saved} onCancel={() => setOpen('none')} />
      ) : null}
      {open === 'paper' ? (
        <PaperApplicationForm consultation={consultation} household={household} onSaved={saved} onCancel={() => setOpen('none')} />
      ) : null}
      {open === 'none' ? (
        <View className='chase-household__actions'>
          <BigButton variant='secondary' className='visit-entry' onClick={() => setOpen('visit')}>
            记录上门
          </BigButton>
          {paperAllowed ? (
            <BigButton variant='secondary' className='paper-entry' onClick={() => setOpen('paper')}>
              录入纸质申请
            </BigButton>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
