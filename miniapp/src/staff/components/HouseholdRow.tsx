import { Text, View } from '@tarojs/components'
import type { ConsultationView, StaffView } from '@linyi/shared'
import type { IssuedInvite } from '../../hooks/staff'
import { floorAndArea } from '../../lib/format'
import type { HouseholdEntry } from './compound/compound-tree'
import { householdBadges } from './compound/household-badges'
import { InviteCodeAction } from './compound/InviteCodeAction'
import { ApplicationPdfButton } from './publicity/ApplicationPdfButton'

interface Props {
  entry: HouseholdEntry
  /** The consultation whose answers the badges show; null: binding only. */
  consultation: ConsultationView | null
  profile: StaffView | null
  issued: IssuedInvite | undefined
  onIssue: (householdId: string) => void
}

/** One household of an expanded unit: its room, owner, state badges and the invite-code action. */
export function HouseholdRow({ entry, consultation, profile, issued, onIssue }: Props) {
  const { node, state } = entry
  return (
    <View className='staff-household household-row' id={`staff-household-${node.id}`}>
      <View className='staff-household__head'>
        <Text className='staff-household__room'>{node.room}室</Text>
        <Text className='text-secondary'>{floorAndArea(node.floor, node.areaM2)}</Text>
      </View>
      {state ? <Text className='text-body staff-household__owner'>业主：{state.ownerName || '未登记'}</Text> : null}
      {state ? (
        <View className='household-states'>
          {householdBadges(state, consultation).map((badge) => (
            <Text key={badge.kind} className={`household-state household-state--${badge.kind}`}>
              {badge.text}
            </Text>
          ))}
        </View>
      ) : null}
      {consultation && state?.answer ? <ApplicationPdfButton profile={profile} consultationId={consultation.id} householdId={node.id} householdLabel={node.label} /> : null}
      <InviteCodeAction profile={profile} householdId={node.id} householdLabel={node.label} issued={issued} onIssue={onIssue} />
    </View>
  )
}
