import { Text, View } from '@tarojs/components'
import { ComplaintStatus, complaintsInQueueOrder } from '@linyi/shared'
import type { ComplaintView } from '@linyi/shared'
import { ComplaintCard } from './ComplaintCard'

interface Props {
  complaints: ComplaintView[]
  replies: boolean
  reloadList: () => Promise<void>
}

/**
 * Open complaints first, the longest waiting on top; then the answered ones. One list with its two
 * headings among the cards: a card just answered moves down without losing what it says about that.
 */
export function ComplaintsBoard({ complaints, replies, reloadList }: Props) {
  const now = new Date()
  const ordered = complaintsInQueueOrder(complaints)
  const open = ordered.filter((c) => c.status === ComplaintStatus.Open)
  const answered = ordered.filter((c) => c.status !== ComplaintStatus.Open)
  const card = (complaint: ComplaintView) => <ComplaintCard key={complaint.id} complaint={complaint} now={now} replies={replies} reloadList={reloadList} />
  const rows = [
    <Text key='open-title' className='section-title complaints-open__title'>
      待答复（{open.length} 条）
    </Text>,
    ...(open.length === 0
      ? [
          <Text key='none-open' className='card text-body complaints-none-open'>
            没有待答复的意见建议。
          </Text>,
        ]
      : open.map(card)),
    ...(answered.length
      ? [
          <Text key='answered-title' className='section-title complaints-answered__title'>
            已答复（{answered.length} 条）
          </Text>,
          ...answered.map(card),
        ]
      : []),
  ]
  return <View className='section complaints-board'>{rows}</View>
}
