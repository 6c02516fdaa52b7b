import { Text, View } from '@tarojs/components'
import { Answer } from '@linyi/shared'
import type { ConsultationView, SubmitResponseRequest } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { DisclosureChecklist, useDisclosureTicks } from './DisclosureChecklist'

interface Props {
  consultation: ConsultationView
  submitting: boolean
  error: string | null
  onSubmit: (request: SubmitResponseRequest) => void
}

/** 同意 / 不同意 / 弃权; agreeing needs every disclosure ticked first. */
export function SimpleAnswerForm({ consultation, submitting, error, onSubmit }: Props) {
  const ticks = useDisclosureTicks(consultation.disclosures)
  const answer = (value: Answer) => onSubmit({ answer: value, acknowledgedDisclosureIds: ticks.tickedIds })

  return (
    <View className='simple-answer'>
      <DisclosureChecklist disclosures={consultation.disclosures} ticked={ticks.ticked} onToggle={ticks.toggle} />
      <View className='section submit-area'>
        <Text className='section-title'>您的意见</Text>
        {!ticks.allTicked ? <Text className='missing-hint'>同意前请先勾选全部告知内容</Text> : null}
        <ErrorNotice message={error} className='submit-error' />
        <BigButton className='answer-agree' disabled={!ticks.allTicked} loading={submitting} onClick={() => answer(Answer.Agree)}>
          同意
        </BigButton>
        <BigButton variant='secondary' className='answer-refuse' loading={submitting} onClick={() => answer(Answer.Refuse)}>
          不同意
        </BigButton>
        <BigButton variant='secondary' className='answer-abstain' loading={submitting} onClick={() => answer(Answer.Abstain)}>
          弃权
        </BigButton>
      </View>
    </View>
  )
}
