import { Text, View } from '@tarojs/components'
import { BigButton } from './BigButton'

/** Shown before the first binding: one thing to do, said plainly. */
export function EmptyHouseholds({ onBind }: { onBind: () => void }) {
  return (
    <View className='card empty-households'>
      <Text className='empty-households__title'>您还没有绑定房屋</Text>
      <Text className='text-secondary'>请向社区居委会工作人员索取邀请码，绑定后就能参与小区改造的意见征询。</Text>
      <BigButton id='bind-entry' className='bind-entry' onClick={onBind}>
        绑定我的房屋
      </BigButton>
    </View>
  )
}
