import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ScopeType, StaffAction } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { LargeTypeSwitch } from '../../components/LargeTypeSwitch'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { staffLogout } from '../../api'
import { getToken } from '../../api/session'
import { useCompounds } from '../../hooks/staff'
import { canDo, useStaffProfile } from '../../hooks/staff-session'
import { Routes, withParams } from '../../lib/routes'
import { ActionButton } from '../components/compound/ActionButton'
import { CompoundCard } from '../components/compound/CompoundCard'
import { NO_COMPOUND_YET, ROLE_HINT, ROLE_LABEL } from '../components/role-text'
import { SignInPrompt } from '../components/dashboard/SignInPrompt'
import { LoadFailure } from '../components/LoadFailure'
import '../staff.css'
import '../components/compound/compound.css'
import './index.css'

const go = (url: string) => void Taro.navigateTo({ url })

/** 工作台: what the signed-in role may do, and nothing else. */
export default function StaffHomePage() {
  const profile = useStaffProfile()
  // Street and admin staff supervise many compounds: they reach them through 小区与住户, not one long list here.
  const supervises = canDo(profile, StaffAction.ViewStreetDashboard)
  const listsCompounds = profile !== null && !supervises && canDo(profile, StaffAction.ViewCompounds)
  const compounds = useCompounds(listsCompounds)

  const logout = () => {
    staffLogout()
    void Taro.reLaunch({ url: Routes.staffLogin })
  }

  if (!profile) {
    return (
      <Screen className='staff-home'>
        <Text className='page-title'>工作台</Text>
        {getToken('staff') ? (
          <LoadingNotice text='正在读取您的账号…' />
        ) : (
          <SignInPrompt className='staff-home-signed-out' buttonClassName='staff-home-login' />
        )}
      </Screen>
    )
  }

  const homeAction = 'staff-home-action'
  // Street staff read their own street office's log (its id is their scope, as GET /street-offices answers it).
  const streetOfficeId = profile.scope.type === ScopeType.StreetOffice ? profile.scope.id : null
  const accessLogUrl = streetOfficeId && canDo(profile, StaffAction.ViewSensitiveAccessLog) ? withParams(Routes.staffAccessLog, { streetOfficeId }) : null
  return (
    <Screen className='staff-home'>
      <View className='page-header'>
        <Text className='page-title'>工作台</Text>
        <Text className='text-secondary staff-who'>
          {profile.displayName || profile.username} · {ROLE_LABEL[profile.role] ?? profile.role}
        </Text>
        <Text className='text-body staff-home__hint'>{ROLE_HINT[profile.role]}</Text>
      </View>
      <LargeTypeSwitch />

      {supervises ? (
        <View className='section staff-home-actions'>
          <ActionButton profile={profile} action={StaffAction.ViewStreetDashboard} variant='primary' wrapperClassName={homeAction} text='街道总览' onClick={() => go(Routes.staffDashboard)} />
          <ActionButton profile={profile} action={StaffAction.ViewCompounds} wrapperClassName={homeAction} text='小区与住户' onClick={() => go(Routes.staffCompounds)} />
          <ActionButton profile={profile} action={StaffAction.ManageStaffAccounts} wrapperClassName={homeAction} text='工作人员账号' onClick={() => go(Routes.staffAccounts)} />
        </View>
      ) : null}

      {/* The street office's own duty of oversight over special-needs reads; its own section, not one of the work entries. */}
      {accessLogUrl ? (
        <View className='section staff-home-privacy'>
          <ActionButton profile={profile} action={StaffAction.ViewSensitiveAccessLog} className='staff-access-log-entry' wrapperClassName='staff-home-privacy-action' text='敏感信息查看记录' onClick={() => go(accessLogUrl)} />
        </View>
      ) : null}

      {listsCompounds ? (
        <View className='section staff-home-compounds'>
          <Text className='section-title'>{canDo(profile, StaffAction.AuthorConsultation) ? '我负责的小区' : '我参与施工的小区'}</Text>
          {compounds.loading && !compounds.data ? <LoadingNotice /> : null}
          {compounds.error ? <LoadFailure message={compounds.error} status={compounds.errorStatus} onRetry={() => void compounds.reload()} /> : null}
          {compounds.data?.length === 0 ? (
            <View className='card staff-home-empty'>
              <Text className='text-body'>{NO_COMPOUND_YET[profile.role]}</Text>
            </View>
          ) : null}
          {(compounds.data ?? []).map((compound) => (
            <CompoundCard key={compound.id} compound={compound} profile={profile} actionClassName={homeAction} />
          ))}
        </View>
      ) : null}

      <View className='page-footer'>
        <BigButton variant='link' className='staff-logout' onClick={logout}>
          退出登录
        </BigButton>
      </View>
    </Screen>
  )
}
