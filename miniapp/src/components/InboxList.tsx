import { Text, View } from '@tarojs/components'
import { Fragment, type ReactNode } from 'react'
import type { InboxMessage } from '../api'
import { formatDateTime } from '../lib/format'
import { inboxKindLabel, isRefusalNotice, isUnread, opensAcceptance, opensBooking, opensPlan, opensPublicity } from '../lib/reminder-text'
import { pressable } from './pressable'

/** What tapping the message opens, said at its foot; null when it opens nothing. */
function opensText(message: InboxMessage): string | null {
  if (opensAcceptance(message)) return '查看检测结果并验收 ›'
  if (opensBooking(message)) return '查看施工预约 ›'
  if (opensPublicity(message)) return '查看公示结果 ›'
  if (isRefusalNotice(message)) return '查看/打印告知书 ›'
  if (opensPlan(message)) return '查看小区改造告知 ›'
  return message.consultationId ? '查看征询 ›' : null
}

/** Messages as the server ordered them (newest first); unread ones stand out and say so. */
export function InboxList({ messages, onOpen, below }: { messages: InboxMessage[]; onOpen: (message: InboxMessage) => void; below?: (message: InboxMessage) => ReactNode }) {
  if (messages.length === 0) {
    return (
      <View className='card inbox-empty'>
        <Text className='text-body'>还没有消息。社区的通知和提醒会出现在这里。</Text>
      </View>
    )
  }
  return (
    <View className='inbox-list'>
      {messages.map((message) => {
        const unread = isUnread(message)
        const opens = opensText(message)
        return (
          <Fragment key={message.id}>
            <View
              id={`inbox-${message.id}`}
              className={`card inbox-item ${unread ? 'inbox-item--unread' : 'inbox-item--read'}`}
              role='button'
              {...pressable(() => onOpen(message))}
              onClick={() => onOpen(message)}
            >
              <View className='inbox-item__top'>
                <Text className='kind-tag'>{inboxKindLabel(message.kind)}</Text>
                <Text className={unread ? 'unread-tag' : 'read-tag'}>{unread ? '未读' : '已读'}</Text>
              </View>
              <Text className='inbox-item__title'>{message.title}</Text>
              <Text className='inbox-item__body'>{message.body}</Text>
              <Text className='text-secondary inbox-item__time'>{formatDateTime(message.createdAt)}</Text>
              {opens ? <Text className='inbox-item__open'>{opens}</Text> : null}
            </View>
            {/* Outside the tappable card: what the message unfolds (the refusal notice and its PDF). */}
            {below?.(message)}
          </Fragment>
        )
      })}
    </View>
  )
}
