import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { COMPLAINT_TEXT_MAX, COMPLAINT_TOPIC_LABELS, ComplaintTopic } from '@linyi/shared'
import type { ComplaintRequest, MyHousehold } from '@linyi/shared'
import { PhotoField } from '../../acceptance/components/PhotoField'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { complaintProblem } from './publicity.rules'

interface Props {
  households: MyHousehold[]
  sending: boolean
  error: string | null
  onSubmit: (request: ComplaintRequest) => Promise<boolean>
}

const TOPICS = [ComplaintTopic.Works, ComplaintTopic.Plan, ComplaintTopic.Other]

/** 提意见建议: which home, about what, in the resident's words, a photo if it helps. */
export function ComplaintForm({ households, sending, error, onSubmit }: Props) {
  const [householdId, setHouseholdId] = useState<string | null>(households.length === 1 ? households[0].id : null)
  const [topic, setTopic] = useState<ComplaintTopic | null>(null)
  const [text, setText] = useState('')
  const [photo, setPhoto] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const submit = () => {
    const found = complaintProblem(householdId, topic, text, COMPLAINT_TEXT_MAX)
    setProblem(found)
    if (found || !householdId || !topic) return
    void onSubmit({ householdId, topic, text: text.trim(), ...(photo ? { photo } : {}) })
  }

  return (
    <View className='card complaint-form'>
      <Text className='publicity-card-title'>写意见建议</Text>
      {households.length > 1 ? (
        <>
          <Text className='field-label'>是哪一套房屋？</Text>
          {households.map((household) => (
            <BigButton
              key={household.id}
              variant={household.id === householdId ? 'primary' : 'secondary'}
              className={`complaint-household complaint-household--${household.id}`}
              onClick={() => setHouseholdId(household.id)}
            >
              {household.id === householdId ? `✓ ${household.label}` : household.label}
            </BigButton>
          ))}
        </>
      ) : null}
      <Text className='field-label'>是关于什么的？</Text>
      {TOPICS.map((option) => (
        <BigButton key={option} variant={option === topic ? 'primary' : 'secondary'} className={`complaint-topic complaint-topic--${option.toLowerCase()}`} onClick={() => setTopic(option)}>
          {option === topic ? `✓ ${COMPLAINT_TOPIC_LABELS[option]}` : COMPLAINT_TOPIC_LABELS[option]}
        </BigButton>
      ))}
      <Text className='field-label'>您的意见或建议</Text>
      <Textarea
        className='text-area complaint-text'
        value={text}
        maxlength={COMPLAINT_TEXT_MAX}
        placeholder='例如：3号楼门口的建筑垃圾好几天没有清运'
        placeholderClass='field-placeholder'
        aria-label='您的意见或建议'
        onInput={(e) => setText(e.detail.value)}
      />
      <PhotoField canvasId='complaint-photo' label='照片（可不拍）' value={photo} onChange={setPhoto} />
      <ErrorNotice message={problem ?? error} className='complaint-error' />
      <BigButton className='complaint-submit' loading={sending} onClick={submit}>
        {sending ? '正在提交…' : '提交'}
      </BigButton>
    </View>
  )
}
