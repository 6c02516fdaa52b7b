import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../../components/BigButton'
import { Routes } from '../../../lib/routes'

interface Props {
  /** The card's own classes, besides `card`. */
  className: string
  buttonClassName: string
}

/** A staff page opened without a session: says so and leads to the sign-in page. */
export function SignInPrompt({ className, buttonClassName }: Props) {
  return (
    <View className={`card ${className}`}>
      <Text className='text-body'>请先登录工作人员账号。</Text>
      <BigButton className={buttonClassName} onClick={() => void Taro.redirectTo({ url: Routes.staffLogin })}>
        去登录
      </BigButton>
    </View>
  )
}
