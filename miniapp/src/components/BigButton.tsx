import { Button } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { pressable } from './pressable'

interface Props {
  onClick: () => void
  variant?: 'primary' | 'secondary' | 'link'
  disabled?: boolean
  loading?: boolean
  id?: string
  className?: string
}

/** A full-width button with a tap target of at least 48px (64px in large type). */
export function BigButton({ onClick, variant = 'primary', disabled, loading, id, className = '', children }: PropsWithChildren<Props>) {
  const inactive = Boolean(disabled || loading)
  return (
    <Button
      {...pressable(onClick, inactive)}
      // Taro H5 renders an unset id as id="undefined" on every button: pass it only when set.
      {...(id ? { id } : {})}
      className={`big-button big-button--${variant} ${inactive ? 'big-button--inactive' : ''} ${className}`}
      // Only ever `true`: on H5 a `false` would still render a `disabled` attribute.
      disabled={inactive || undefined}
      onClick={() => {
        if (!inactive) onClick()
      }}
    >
      {children}
    </Button>
  )
}
