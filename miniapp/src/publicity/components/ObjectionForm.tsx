import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { OBJECTION_TEXT_MAX } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { objectionProblem } from './publicity.rules'

interface Props {
  label: string
  sending: boolean
  error: string | null
  onSubmit: (text: string) => Promise<boolean>
  onCancel: () => void
}

/** 我有异议: what is wrong with one room's entry, in the resident's words. */
export function ObjectionForm({ label, sending, error, onSubmit, onCancel }: Props) {
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const submit = () => {
    const found = objectionProblem(text, OBJECTION_TEXT_MAX)
    setProblem(found)
    if (!found) void onSubmit(text)
  }
  return (
    <View className='card objection-form' id='objection-form'>
      <Text className='publicity-card-title'>对 {label} 的统计有异议</Text>
      <Text className='text-body'>业委会会核实并答复您。答复会显示在本页“我提出的异议”里。</Text>
      <Text className='field-label'>哪里不对？</Text>
      <Textarea
        className='text-area objection-text'
        value={text}
        maxlength={OBJECTION_TEXT_MAX}
        placeholder='例如：我家已经签了同意，这里显示未表态'
        placeholderClass='field-placeholder'
        aria-label='哪里不对'
        onInput={(e) => setText(e.detail.value)}
      />
      <ErrorNotice message={problem ?? error} className='objection-error' />
      <BigButton className='objection-submit' loading={sending} onClick={submit}>
        {sending ? '正在提交…' : '提交异议'}
      </BigButton>
      <BigButton variant='link' className='objection-cancel' onClick={onCancel}>
        不提了
      </BigButton>
    </View>
  )
}
