import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { Routes } from '../../lib/routes'

/** The page cannot show the record (a broken link, a household not bound to this resident): why, and a way home. */
export function ScreeningProblem({ message, onReload }: { message: string; onReload?: () => void }) {
  return (
    <View className='card screening-problem' role='alert'>
      <Text className='screening-card-title'>无法打开我家的登记信息</Text>
      <Text className='text-body screening-problem__message'>{message}</Text>
      {onReload ? (
        <BigButton variant='secondary' className='screening-reload' onClick={onReload}>
          重新加载
        </BigButton>
      ) : null}
      <BigButton className='screening-home' onClick={() => void Taro.reLaunch({ url: Routes.home })}>
        回到首页
      </BigButton>
    </View>
  )
}
