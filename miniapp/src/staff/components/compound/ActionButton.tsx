import { View } from '@tarojs/components'
import type { StaffAction, StaffView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { actionLabel, canDo } from '../../../hooks/staff-session'

interface Props {
  profile: StaffView | null
  action: StaffAction
  text: string
  onClick: () => void
  variant?: 'primary' | 'secondary' | 'link'
  loading?: boolean
  disabled?: boolean
  /** On the button (e.g. `issue-invite-button`). */
  className?: string
  /** On the wrapper that carries `data-action` (e.g. `staff-home-action`). */
  wrapperClassName?: string
}

/**
 * A button for one staff action: shown only when the role may do it (the server's own table, so it
 * never answers 403), and labelled 「（代居委会）」 when street or admin staff do the committee's work.
 */
export function ActionButton({ profile, action, text, onClick, variant = 'secondary', loading, disabled, className = '', wrapperClassName = '' }: Props) {
  if (!canDo(profile, action)) return null
  return (
    <View className={`staff-action ${wrapperClassName}`} data-action={action}>
      <BigButton variant={variant} className={className} loading={loading} disabled={disabled} onClick={onClick}>
        {actionLabel(profile, action, text)}
      </BigButton>
    </View>
  )
}
