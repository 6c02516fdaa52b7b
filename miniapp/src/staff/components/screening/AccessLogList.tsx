import { Text, View } from '@tarojs/components'
import { SENSITIVE_ACCESS_LABELS } from '@linyi/shared'
import type { SensitiveAccessEntry } from '@linyi/shared'
import { formatDateTime } from '../../../lib/format'

/** Who read which record when, newest first, as the server lists them. */
export function AccessLogList({ items }: { items: SensitiveAccessEntry[] }) {
  return (
    <View className='card access-log'>
      {items.map((entry, index) => (
        <View key={`${entry.at}-${entry.staffId}-${index}`} className='access-entry' data-action={entry.action}>
          <Text className='access-entry__time'>{formatDateTime(entry.at)}</Text>
          <Text className='access-entry__who'>{entry.staffName || '（已删除的账号）'}</Text>
          <Text className='access-entry__what'>
            {SENSITIVE_ACCESS_LABELS[entry.action] ?? entry.action}：{entry.subject}
          </Text>
        </View>
      ))}
    </View>
  )
}
