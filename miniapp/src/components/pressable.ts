import type { KeyboardEvent } from 'react'

/**
 * H5 only: Taro's <Button> is a <taro-button-core> custom element, neither focusable nor announced as a
 * button, so the desktop console could not be used from the keyboard (and a scrolling page had nothing
 * to focus); nor are the cards that act as buttons, tick boxes or choices. These props make them
 * real controls there: role, Tab stop, Enter and Space.
 */
export function pressable(onPress: () => void, disabled = false, role: 'button' | 'checkbox' | 'radio' = 'button') {
  if (process.env.TARO_ENV !== 'h5') return {}
  return {
    role,
    tabIndex: disabled ? -1 : 0,
    'aria-disabled': disabled || undefined,
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return
      event.preventDefault()
      if (!disabled) onPress()
    },
  }
}
