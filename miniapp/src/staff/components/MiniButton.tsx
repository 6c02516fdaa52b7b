import type { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import { pressable } from '../../components/pressable'

/** A small action in a row (上移, 删除, 改约), still a full tap target and reachable by keyboard. */
export function MiniButton({ onClick, className = '', disabled, children }: PropsWithChildren<{ onClick: () => void; className?: string; disabled?: boolean }>) {
  const press = () => {
    if (!disabled) onClick()
  }
  return (
    <View className={`mini-button ${disabled ? 'mini-button--off' : ''} ${className}`} role='button' aria-disabled={Boolean(disabled)} {...pressable(press, disabled)} onClick={press}>
      <Text>{children}</Text>
    </View>
  )
}
