import Taro from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { COMPLAINT_REPLY_MAX } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { CharCounter } from '../works/WorksParts'
import { charCount } from '../works/plan-form.rules'
import { replyProblem } from './complaints-staff.rules'

interface Props {
  householdLabel: string
  submission: { run: (reply: string) => Promise<boolean>; submitting: boolean; error: string | null }
  onCancel: () => void
}

const CONFIRM_TEXT = '答复提交后不能修改，住户会在“意见建议”里看到这段答复。确定提交吗？'

/** The committee's one answer to a complaint: asked once more before it is sent, since it cannot be changed. */
export function ComplaintReplyForm({ householdLabel, submission, onCancel }: Props) {
  const [reply, setReply] = useState('')
  const problem = replyProblem(reply)
  const submit = async () => {
    if (problem) return
    const { confirm } = await Taro.showModal({ title: '提交答复', content: CONFIRM_TEXT, confirmText: '提交', cancelText: '再改改' })
    if (confirm) await submission.run(reply)
  }
  return (
    <View className='complaint-reply-form' role='group' aria-label={`答复${householdLabel}`}>
      <Text className='field-label'>答复{householdLabel}</Text>
      <Text className='text-secondary'>写清楚怎么处理、什么时候处理、找谁联系。</Text>
      <Textarea
        className='text-area complaint-reply-input'
        nativeProps={{ 'aria-label': `答复${householdLabel}` }}
        value={reply}
        maxlength={COMPLAINT_REPLY_MAX + 20}
        placeholder='例如：已联系施工单位，明天上午9点前清理楼道。'
        onInput={(e) => setReply(e.detail.value)}
      />
      <CharCounter used={charCount(reply)} max={COMPLAINT_REPLY_MAX} />
      <ErrorNotice message={submission.error} className='complaint-reply-error' />
      <BigButton className='complaint-reply-submit' disabled={problem !== null} loading={submission.submitting} onClick={() => void submit()}>
        {submission.submitting ? '正在提交…' : (problem ?? '提交答复')}
      </BigButton>
      <BigButton variant='link' className='complaint-reply-cancel' onClick={onCancel}>
        取消
      </BigButton>
    </View>
  )
}
