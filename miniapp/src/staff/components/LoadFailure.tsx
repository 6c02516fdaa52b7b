import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { Routes } from '../../lib/routes'

/** A failed staff load: after a 401 the session is gone, so offer the sign-in screen, else a retry. */
export function LoadFailure({ message, status, onRetry }: { message: string; status: number | null; onRetry: () => void }) {
  return (
    <View className='card'>
      <ErrorNotice message={message} />
      {status === 401 ? (
        <BigButton onClick={() => void Taro.redirectTo({ url: Routes.staffLogin })}>重新登录</BigButton>
      ) : (
        <BigButton variant='secondary' onClick={onRetry}>
          重新加载
        </BigButton>
      )}
    </View>
  )
}
