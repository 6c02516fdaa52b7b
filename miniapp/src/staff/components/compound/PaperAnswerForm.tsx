import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ConsultationView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { recordPaperAnswer } from '../../../api'
import { usePaperScan } from '../../../hooks/use-paper-scan'
import { useSubmission } from '../../../hooks/use-submission'
import { PaperConfirm, PaperPhoto } from '../PaperFormParts'
import { paperChoices } from './paper-answer.rules'
import type { PaperChoice } from './paper-answer.rules'

interface Props {
  consultation: ConsultationView
  household: { householdId: string; label: string }
  onSaved: (message: string) => void
  onCancel: () => void
}

/**
 * A signed paper answer of any kind (同意, 不同意, 弃权, an option), with the photographed form, recorded
 * only after the committee member confirms it; the server refuses (409) a household that answered online.
 */
export function PaperAnswerForm({ consultation, household, onSaved, onCancel }: Props) {
  const [choice, setChoice] = useState<PaperChoice | null>(null)
  const [confirming, setConfirming] = useState(false)
  const disclosureIds = consultation.disclosures.map((d) => d.id)
  const save = useSubmission((picked: PaperChoice, png: string) => recordPaperAnswer(consultation.id, household.householdId, picked, disclosureIds, png))
  const canvasId = `paper-scan-${household.householdId}`
  const paper = usePaperScan(canvasId)
  const { scan } = paper

  const submit = async () => {
    if (!choice || !scan) return
    if (await save.run(choice, scan)) onSaved(`已录入纸质意见：${choice.text}`)
    else setConfirming(false)
  }

  return (
    <View className='paper-answer-form paper-form'>
      <Text className='text-body'>
        请对照 {household.label} 住户签字的纸质意见表，选择表上勾选的意见，并拍摄整张表，签名和日期要清楚。纸质表已载明全部告知事项。
      </Text>
      <Text className='field-label'>表上的意见</Text>
      <View className='paper-choices'>
        {paperChoices(consultation).map((option) => (
          <BigButton
            key={option.key}
            variant={choice?.key === option.key ? 'primary' : 'secondary'}
            className={`paper-choice paper-choice--${option.key} ${choice?.key === option.key ? 'paper-choice--on' : ''}`}
            onClick={() => {
              setChoice(option)
              setConfirming(false)
            }}
          >
            {option.text}
          </BigButton>
        ))}
      </View>
      <PaperPhoto paper={paper} canvasId={canvasId} className='paper-choose' takeText='拍照或选择照片' retakeText='重新拍摄' />
      <ErrorNotice message={paper.error ?? save.error} className='paper-error' />
      <PaperConfirm
        prefix='paper'
        question={confirming && choice ? `确认录入：${household.label} 的纸质意见为「${choice.text}」？录入后计入本户意见，纸质表照片一并存证。` : null}
        submitText={!choice ? '请先选择表上的意见' : !scan ? '请先拍摄纸质表' : `录入：${choice.text}`}
        ready={Boolean(choice && scan)}
        submitting={save.submitting}
        onConfirming={setConfirming}
        onConfirm={() => void submit()}
        onCancel={onCancel}
      />
    </View>
  )
}
