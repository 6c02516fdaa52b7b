import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from './BigButton'
import { Routes } from '../lib/routes'

/** A link that cannot open the page: what is wrong, and one way back. */
export function LinkProblem({ message, title = '无法打开这个页面' }: { message: string; title?: string }) {
  return (
    <View className='card link-problem' role='alert'>
      <Text className='link-problem__title'>{title}</Text>
      <Text className='text-body link-problem__message'>{message}</Text>
      <BigButton className='link-problem-home' onClick={() => void Taro.reLaunch({ url: Routes.home })}>
        回到首页
      </BigButton>
    </View>
  )
}
