import { Text, View } from '@tarojs/components'
import type { InviteCodeResponse } from '@linyi/shared'
import { formatDateTime, spacedCode } from '../../lib/format'

/** Big enough to read out over the phone or copy onto a slip of paper. */
export function InviteCodeCard({ invite, householdLabel }: { invite: InviteCodeResponse; householdLabel: string }) {
  return (
    <View className='invite-card'>
      <Text className='invite-card__for'>{householdLabel} 的邀请码</Text>
      <Text className='invite-code' selectable>
        {spacedCode(invite.code)}
      </Text>
      <Text className='invite-card__expiry'>有效期至 {formatDateTime(invite.expiresAt)}</Text>
      <Text className='text-secondary'>只能使用一次。请交给本户居民，在“邻议”里输入完成绑定。</Text>
    </View>
  )
}
