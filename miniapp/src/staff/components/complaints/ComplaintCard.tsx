import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { COMPLAINT_STATUS_LABELS, COMPLAINT_TOPIC_LABELS, ComplaintStatus } from '@linyi/shared'
import type { ComplaintView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { useComplaintReply } from '../../../hooks/complaints-staff'
import { formatDateTime } from '../../../lib/format'
import { MiniButton } from '../MiniButton'
import { ComplaintPhoto } from './ComplaintPhoto'
import { ComplaintReplyForm } from './ComplaintReplyForm'
import { isOverdue, waitText } from './complaints-staff.rules'

interface Props {
  complaint: ComplaintView
  now: Date
  /** ReplyComplaints: the committee answers; the street office only reads. */
  replies: boolean
  reloadList: () => Promise<void>
}

/** One complaint: who, about what, how long it has waited, the resident's words and photo, the answer or the form for it. */
export function ComplaintCard({ complaint, now, replies, reloadList }: Props) {
  const [photoShown, setPhotoShown] = useState(false)
  const [replying, setReplying] = useState(false)
  const [justReplied, setJustReplied] = useState(false)
  const reply = useComplaintReply(complaint.id, reloadList)
  const open = complaint.status === ComplaintStatus.Open
  const status = complaint.status.toLowerCase()
  const send = async (text: string) => {
    const sent = await reply.run(text)
    if (sent) {
      setReplying(false)
      setJustReplied(true)
    }
    return sent
  }
  return (
    <View className={`card complaint-card complaint-card--${status}`} id={`complaint-${complaint.id}`}>
      <View className='works-row'>
        <Text className='complaint-card__household'>{complaint.householdLabel}</Text>
        <Text className={`complaint-status complaint-status--${status}`}>{COMPLAINT_STATUS_LABELS[complaint.status] ?? complaint.status}</Text>
      </View>
      <Text className='complaint-card__topic'>关于：{COMPLAINT_TOPIC_LABELS[complaint.topic] ?? complaint.topic}</Text>
      <Text className='text-secondary complaint-card__filed'>提交于 {formatDateTime(complaint.createdAt)}</Text>
      {open ? (
        <Text className={`complaint-wait ${isOverdue(complaint.createdAt, now) ? 'complaint-wait--overdue' : ''}`}>{waitText(complaint.createdAt, now)}</Text>
      ) : null}
      <Text className='text-body complaint-card__text'>{complaint.text}</Text>
      {complaint.hasPhoto && photoShown ? <ComplaintPhoto complaintId={complaint.id} /> : null}
      {complaint.hasPhoto && !photoShown ? (
        <MiniButton className='complaint-photo-open' onClick={() => setPhotoShown(true)}>
          查看居民拍的照片
        </MiniButton>
      ) : null}
      {complaint.reply !== null ? (
        <View className='complaint-answer'>
          <Text className='complaint-answer__title'>居委会答复{complaint.repliedAt ? `（${formatDateTime(complaint.repliedAt)}）` : ''}</Text>
          <Text className='text-body complaint-answer__text'>{complaint.reply}</Text>
        </View>
      ) : null}
      {/* Answered meanwhile by another member: the refusal stays beside the answer now shown. */}
      {!open ? <ErrorNotice message={reply.error} className='complaint-reply-error' /> : null}
      {justReplied && !open ? (
        <View role='status'>
          <Text className='works-saved complaint-replied-line'>已答复：住户在“意见建议”里能看到这段答复。</Text>
        </View>
      ) : null}
      {open && replies && replying ? (
        <ComplaintReplyForm householdLabel={complaint.householdLabel} submission={{ ...reply, run: send }} onCancel={() => setReplying(false)} />
      ) : null}
      {open && replies && !replying ? (
        <BigButton className='complaint-reply-open' onClick={() => setReplying(true)}>
          答复这条意见
        </BigButton>
      ) : null}
    </View>
  )
}
