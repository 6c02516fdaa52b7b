import { View } from '@tarojs/components'
import { BigButton } from './BigButton'
import { ErrorNotice } from './Notice'

interface Props {
  /** The page's name in its class names: `${name}-load-error` on the card, `${name}-reload` on the button. */
  name: string
  message: string
  /** The page already shows what it read before: the failure was a refresh. */
  stale: boolean
  /** Null when reading again cannot help (a refusal, a household that is not the resident's). */
  onRetry: (() => void) | null
}

/** A resident page that could not be read: the server's words, and 重新加载 where that can help. */
export function LoadError({ name, message, stale, onRetry }: Props) {
  return (
    <View className={`card ${name}-load-error`}>
      <ErrorNotice message={stale ? `刷新失败：${message}` : message} />
      {onRetry ? (
        <BigButton variant='secondary' className={`${name}-reload`} onClick={onRetry}>
          重新加载
        </BigButton>
      ) : null}
    </View>
  )
}
