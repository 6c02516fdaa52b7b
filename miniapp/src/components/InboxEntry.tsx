import { Button, Text, View } from '@tarojs/components'
import { badgeNumber } from '../lib/reminder-text'
import { pressable } from './pressable'

/** Home's way into 消息: a big row with the number of unread messages. */
export function InboxEntry({ unread, onOpen }: { unread: number | null; onOpen: () => void }) {
  return (
    <Button {...pressable(onOpen)} className='inbox-entry' id='inbox-entry' onClick={onOpen}>
      <Text className='inbox-entry__label'>消息</Text>
      {unread ? (
        <View className='inbox-entry__state'>
          <Text className='unread-badge' aria-label={`${unread} 条未读消息`}>
            {badgeNumber(unread)}
          </Text>
          <Text className='inbox-entry__hint'>条未读</Text>
        </View>
      ) : (
        <Text className='inbox-entry__hint'>{unread === 0 ? '没有新消息' : '查看'}</Text>
      )}
    </Button>
  )
}
