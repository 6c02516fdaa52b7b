import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { RESOLUTION_TEXT_MAX } from '@linyi/shared'
import type { ObjectionResolutionRequest } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { useSubmission } from '../../../hooks/use-submission'
import { ChoiceButtons } from '../accounts/ChoiceButtons'
import { CharCounter } from '../works/WorksParts'

const VERDICTS = [
  { value: 'upheld', label: '异议成立（该户表态记录有误）' },
  { value: 'rejected', label: '异议不成立（记录无误）' },
]

interface Props {
  label: string
  onAnswer: (body: ObjectionResolutionRequest) => Promise<void>
}

/** The committee's answer: whether the objection holds, and what it says back to the filer. */
export function ObjectionAnswerForm({ label, onAnswer }: Props) {
  const [verdict, setVerdict] = useState<string | null>(null)
  const [text, setText] = useState('')
  const answer = useSubmission(onAnswer)
  const resolution = text.trim()
  const problem = verdict === null ? '请先选择异议是否成立' : !resolution ? '请填写答复内容' : [...resolution].length > RESOLUTION_TEXT_MAX ? `答复最多 ${RESOLUTION_TEXT_MAX} 个字` : null
  const submit = () => {
    if (problem) return
    void answer.run({ resolution, ...(verdict === 'upheld' ? { upheld: true } : {}) })
  }
  return (
    <View className='publicity-answer-form'>
      <Text className='field-label'>答复结论</Text>
      <ChoiceButtons className='publicity-verdict' choices={VERDICTS} selected={verdict} onSelect={setVerdict} />
      <Text className='field-label'>答复内容</Text>
      <Textarea
        className='text-area publicity-resolution'
        nativeProps={{ 'aria-label': '答复内容' }}
        value={text}
        maxlength={RESOLUTION_TEXT_MAX + 20}
        placeholder='例如：经核对纸质申请表，该户已签字同意，记录无误'
        onInput={(e) => setText(e.detail.value)}
      />
      <CharCounter used={[...resolution].length} max={RESOLUTION_TEXT_MAX} />
      <ErrorNotice message={answer.error} className='publicity-answer-error' />
      <BigButton className='publicity-answer-save' disabled={problem !== null} loading={answer.submitting} onClick={submit}>
        {problem ?? (answer.submitting ? '正在保存…' : label)}
      </BigButton>
    </View>
  )
}
