import { Text, View } from '@tarojs/components'
import type { HouseholdNode } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import type { IssuedInvite } from '../../hooks/staff'
import { floorAndArea } from '../../lib/format'
import { InviteCodeCard } from './InviteCodeCard'

interface Props {
  household: HouseholdNode
  issued: IssuedInvite | undefined
  onIssue: (householdId: string) => void
}

export function HouseholdRow({ household, issued, onIssue }: Props) {
  const issuing = issued?.status === 'issuing'
  return (
    <View className='staff-household household-row' id={`staff-household-${household.id}`}>
      <View className='staff-household__head'>
        <Text className='staff-household__room'>{household.room}室</Text>
        <Text className='text-secondary'>{floorAndArea(household.floor, household.areaM2)}</Text>
      </View>
      {issued?.status === 'issued' ? <InviteCodeCard invite={issued.invite} householdLabel={household.label} /> : null}
      {issued?.status === 'failed' ? <ErrorNotice message={issued.error} /> : null}
      <BigButton variant='secondary' className='issue-invite-button' loading={issuing} onClick={() => onIssue(household.id)}>
        {issuing ? '正在生成…' : issued?.status === 'issued' ? '重新生成邀请码' : '生成邀请码'}
      </BigButton>
    </View>
  )
}
