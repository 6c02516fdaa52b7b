import { View } from '@tarojs/components'
import { StaffAction } from '@linyi/shared'
import type { StaffView } from '@linyi/shared'
import { ErrorNotice } from '../../../components/Notice'
import type { IssuedInvite } from '../../../hooks/staff'
import { InviteCodeCard } from '../InviteCodeCard'
import { ActionButton } from './ActionButton'

interface Props {
  profile: StaffView | null
  householdId: string
  householdLabel: string
  issued: IssuedInvite | undefined
  onIssue: (householdId: string) => void
}

/** 生成邀请码 for one household, and the code once issued (kept by the page, so folding a unit keeps it). */
export function InviteCodeAction({ profile, householdId, householdLabel, issued, onIssue }: Props) {
  const issuing = issued?.status === 'issuing'
  return (
    <View className='invite-action'>
      {issued?.status === 'issued' ? <InviteCodeCard invite={issued.invite} householdLabel={householdLabel} /> : null}
      {issued?.status === 'failed' ? <ErrorNotice message={issued.error} className='invite-error' /> : null}
      <ActionButton
        profile={profile}
        action={StaffAction.IssueInviteCode}
        className='issue-invite-button'
        loading={issuing}
        text={issuing ? '正在生成…' : issued?.status === 'issued' ? '重新生成邀请码' : '生成邀请码'}
        onClick={() => onIssue(householdId)}
      />
    </View>
  )
}
