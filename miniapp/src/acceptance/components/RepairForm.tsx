import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { INSPECTION_LIMITS } from '@linyi/shared'
import type { RepairRequest, WarrantyView } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { PhotoField } from './PhotoField'
import { repairChoices, repairProblem } from './acceptance.rules'

interface Props {
  warranty: WarrantyView
  sending: boolean
  error: string | null
  onSubmit: (request: RepairRequest) => Promise<boolean>
  onCancel: () => void
}

/** 「我要报修」: which part (from the notice), what is wrong, a photo if possible. */
export function RepairForm({ warranty, sending, error, onSubmit, onCancel }: Props) {
  const choices = repairChoices(warranty)
  const [choiceKey, setChoiceKey] = useState<string | null>(choices.length === 1 ? choices[0].key : null)
  const [description, setDescription] = useState('')
  const [photo, setPhoto] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const choice = choices.find((c) => c.key === choiceKey) ?? null

  const submit = () => {
    const found = repairProblem(choiceKey, description)
    setProblem(found)
    if (found || !choice) return
    void onSubmit({ part: choice.part, workPlanId: choice.workPlanId, description: description.trim(), ...(photo ? { photoPng: photo } : {}) })
  }

  return (
    <View className='card repair-form'>
      <Text className='acceptance-card-title'>我要报修</Text>
      <Text className='field-label'>哪里坏了？</Text>
      <View className='repair-parts'>
        {choices.map((option) => (
          <BigButton
            key={option.key}
            variant={option.key === choiceKey ? 'primary' : 'secondary'}
            className={`repair-part ${option.key === choiceKey ? 'repair-part--on' : ''}`}
            onClick={() => setChoiceKey(option.key)}
          >
            {option.key === choiceKey ? `✓ ${option.text}` : option.text}
          </BigButton>
        ))}
      </View>
      <Text className='field-label'>什么情况？</Text>
      <Textarea
        className='text-area repair-description'
        value={description}
        maxlength={INSPECTION_LIMITS.repairDescription}
        placeholder='例如：厨房水管接头滴水'
        placeholderClass='field-placeholder'
        aria-label='什么情况'
        onInput={(e) => setDescription(e.detail.value)}
      />
      <PhotoField canvasId='repair-photo' label='照片（可不拍）' value={photo} onChange={setPhoto} />
      <ErrorNotice message={problem ?? error} className='repair-error' />
      <BigButton className='repair-submit' loading={sending} onClick={submit}>
        {sending ? '正在提交…' : '提交报修'}
      </BigButton>
      <BigButton variant='link' className='repair-cancel' onClick={onCancel}>
        不报修了
      </BigButton>
    </View>
  )
}
