import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice, LoadingNotice } from '../../components/Notice'
import { Routes } from '../../lib/routes'

/** What to do next, in words a committee member can follow, for each kind of failure. */
export function failureAdvice(status: number | null): string {
  if (status === 401) return '请重新登录后再打开这一页。'
  if (status === 403) return '您的账号没有查看这项内容的权限。如确实需要，请联系街道办事处调整您的账号。'
  if (status === 404) return '内容可能已被删除，或链接有误。请回到工作台重新选择。'
  if (status === null || status === 0) return '请检查手机或电脑的网络连接，然后点“重新加载”。'
  if (status >= 500) return '服务器暂时出了问题。请稍后点“重新加载”；一直不行，请联系街道办事处。'
  return '请点“重新加载”再试一次；一直不行，请联系街道办事处。'
}

/**
 * A failed staff load: the server's message, what to do, and the one button that helps — sign in
 * again after a 401, back to the 工作台 when retrying cannot help (403, 404), else a retry.
 */
export function LoadFailure({ message, status, onRetry }: { message: string; status: number | null; onRetry: () => void }) {
  const hopeless = status === 403 || status === 404
  return (
    <View className='card load-failure' data-status={status ?? 'network'}>
      <ErrorNotice message={message} />
      <Text className='text-body load-failure__advice'>{failureAdvice(status)}</Text>
      {status === 401 ? (
        <BigButton className='load-failure__login' onClick={() => void Taro.redirectTo({ url: Routes.staffLogin })}>
          重新登录
        </BigButton>
      ) : hopeless ? (
        <BigButton variant='secondary' className='load-failure__home' onClick={() => void Taro.reLaunch({ url: Routes.staffHome })}>
          回到工作台
        </BigButton>
      ) : (
        <BigButton variant='secondary' className='load-failure__retry' onClick={onRetry}>
          重新加载
        </BigButton>
      )}
    </View>
  )
}

/** Before the first answer: the failure with its way out, else the loading notice. */
export function NotLoaded({ state }: { state: { error: string | null; errorStatus: number | null; reload: () => Promise<void> } }) {
  if (state.error) return <LoadFailure message={state.error} status={state.errorStatus} onRetry={() => void state.reload()} />
  return <LoadingNotice />
}
