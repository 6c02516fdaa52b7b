import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { Routes } from '../../lib/routes'

/** A link that cannot open the page: what is wrong, and one way back. */
export function PublicityLinkProblem({ message }: { message: string }) {
  return (
    <View className='card publicity-link-problem' role='alert'>
      <Text className='publicity-card-title'>无法打开这个页面</Text>
      <Text className='text-body'>{message}</Text>
      <BigButton className='publicity-link-home' onClick={() => void Taro.reLaunch({ url: Routes.home })}>
        回到首页
      </BigButton>
    </View>
  )
}
