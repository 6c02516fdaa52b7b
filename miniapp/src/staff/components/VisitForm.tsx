import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { VisitOutcome } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { recordVisit } from '../../api'
import { useSubmission } from '../../hooks/use-submission'

export const OUTCOME_LABEL: Record<VisitOutcome, string> = {
  [VisitOutcome.Agreed]: '同意',
  [VisitOutcome.Refused]: '不同意',
  [VisitOutcome.Undecided]: '还在考虑',
  [VisitOutcome.NotHome]: '家中无人',
}

const OUTCOMES = [VisitOutcome.Agreed, VisitOutcome.Refused, VisitOutcome.Undecided, VisitOutcome.NotHome]

interface Props {
  consultationId: string
  householdId: string
  onSaved: (message: string) => void
  onCancel: () => void
}

/** 上门记录 (DOMAIN rule 4): what happened at the door, kept with the consultation. */
export function VisitForm({ consultationId, householdId, onSaved, onCancel }: Props) {
  const [outcome, setOutcome] = useState<VisitOutcome | null>(null)
  const [note, setNote] = useState('')
  const save = useSubmission(recordVisit)

  // The server keeps a record of every visit; "nobody home" needs no more words than that.
  const written = note.trim() || (outcome === VisitOutcome.NotHome ? OUTCOME_LABEL[VisitOutcome.NotHome] : '')
  const ready = outcome !== null && written !== ''

  const submit = async () => {
    if (!outcome || !ready) return
    if (await save.run(householdId, { consultationId, outcome, note: written })) onSaved(`已记录上门：${OUTCOME_LABEL[outcome]}`)
  }

  return (
    <View className='visit-form'>
      <Text className='field-label'>上门结果</Text>
      <View className='outcome-choices'>
        {OUTCOMES.map((value) => (
          <BigButton
            key={value}
            variant={outcome === value ? 'primary' : 'secondary'}
            className={`outcome-choice outcome-choice--${value.toLowerCase()}`}
            onClick={() => setOutcome(value)}
          >
            {OUTCOME_LABEL[value]}
          </BigButton>
        ))}
      </View>
      {outcome === VisitOutcome.Agreed ? (
        <Text className='text-secondary'>住户当面同意后，请用“录入纸质申请”上传其签字的申请表，或请住户在小程序内签名。</Text>
      ) : null}
      <Text className='field-label'>情况记录</Text>
      <Textarea
        className='visit-note text-area'
        value={note}
        maxlength={1000}
        placeholder='例如：住户担心施工期间用水，已说明临时供水安排'
        onInput={(e) => setNote(e.detail.value)}
      />
      {outcome && !ready ? <Text className='missing-hint'>请填写情况记录</Text> : null}
      <ErrorNotice message={save.error} />
      <BigButton className='visit-save' disabled={!ready} loading={save.submitting} onClick={() => void submit()}>
        {save.submitting ? '正在保存…' : '保存上门记录'}
      </BigButton>
      <BigButton variant='link' className='visit-cancel' onClick={onCancel}>
        取消
      </BigButton>
    </View>
  )
}
