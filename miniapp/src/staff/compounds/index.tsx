import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useCompounds } from '../../hooks/staff'
import { useStaffProfile } from '../../hooks/staff-session'
import { Routes, goBackOr } from '../../lib/routes'
import { CompoundCard } from '../components/compound/CompoundCard'
import { NO_COMPOUND_YET } from '../components/role-text'
import { LoadFailure } from '../components/LoadFailure'
import '../staff.css'
import '../components/compound/compound.css'

/** 小区与住户: every compound in the caller's scope, each with what the role may do there. */
export default function StaffCompoundsPage() {
  const profile = useStaffProfile()
  const compounds = useCompounds()

  return (
    <Screen className='staff-compounds'>
      <View className='page-header'>
        <Text className='page-title'>小区与住户</Text>
        {profile ? <Text className='text-secondary staff-who'>当前账号：{profile.displayName || profile.username}</Text> : null}
      </View>
      {compounds.loading && !compounds.data ? <LoadingNotice /> : null}
      {compounds.error ? <LoadFailure message={compounds.error} status={compounds.errorStatus} onRetry={() => void compounds.reload()} /> : null}
      {compounds.data && compounds.data.length === 0 ? (
        <View className='card compounds-empty'>
          <Text className='text-body'>{profile ? NO_COMPOUND_YET[profile.role] : '您的管辖范围内还没有小区。'}</Text>
        </View>
      ) : null}
      {(compounds.data ?? []).map((compound) => (
        <CompoundCard key={compound.id} compound={compound} profile={profile} />
      ))}
      <View className='page-footer'>
        <BigButton variant='link' className='back-to-home' onClick={() => goBackOr(Routes.staffHome)}>
          返回工作台
        </BigButton>
      </View>
    </Screen>
  )
}
