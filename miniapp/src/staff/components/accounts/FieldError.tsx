import { Text, View } from '@tarojs/components'
import './accounts.css'

/** A field's problem, right under the field. */
export function FieldError({ message, className }: { message?: string | null; className: string }) {
  if (!message) return null
  return (
    <View className={`field-error ${className}`} role='alert'>
      <Text>{message}</Text>
    </View>
  )
}
