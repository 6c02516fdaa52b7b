import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { StaffAction, StaffView } from '@linyi/shared'
import { Screen } from '../../../components/Screen'
import { useStaffProfile } from '../../../hooks/staff-session'
import { StaffGate } from '../dashboard/StaffGate'

interface Props {
  className: string
  action: StaffAction
  deniedText: string
  /** Said instead of the page when its link lacks an id (opened by hand, or an old link). */
  missingText: string | null
  children: (profile: StaffView) => ReactNode
}

/** A works page opened by a link with ids: the gate for its action, then the page for the signed-in staff member. */
export function WorksScreen({ className, action, deniedText, missingText, children }: Props) {
  const profile = useStaffProfile()
  return (
    <Screen className={className}>
      <StaffGate profile={profile} action={action} deniedText={deniedText}>
        {missingText ? <Text className='card text-body works-no-id'>{missingText}</Text> : profile ? children(profile) : null}
      </StaffGate>
    </Screen>
  )
}
