import { Text, View } from '@tarojs/components'

export function ErrorNotice({ message, className = '' }: { message: string | null; className?: string }) {
  if (!message) return null
  return (
    <View className={`error-message ${className}`} role='alert'>
      <Text>{message}</Text>
    </View>
  )
}

export function LoadingNotice({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className='loading-message'>
      <Text>{text}</Text>
    </View>
  )
}
