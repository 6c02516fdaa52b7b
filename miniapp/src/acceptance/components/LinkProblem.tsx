import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { Routes } from '../../lib/routes'

/** A link that cannot open the page: what is wrong, and one way back. */
export function AcceptanceLinkProblem({ message }: { message: string }) {
  return (
    <View className='card acceptance-link-problem' role='alert'>
      <Text className='acceptance-card-title'>无法打开这个页面</Text>
      <Text className='text-body'>{message}</Text>
      <BigButton className='acceptance-link-home' onClick={() => void Taro.reLaunch({ url: Routes.home })}>
        回到首页
      </BigButton>
    </View>
  )
}
