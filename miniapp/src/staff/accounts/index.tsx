import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { StaffAction } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useStaffAccounts } from '../../hooks/accounts'
import { canDo, useStaffProfile } from '../../hooks/staff-session'
import { Routes } from '../../lib/routes'
import { AccountList } from '../components/accounts/AccountList'
import { CreateAccountForm } from '../components/accounts/CreateAccountForm'
import { ROLE_SHORT } from '../components/role-text'
import { LoadFailure } from '../components/LoadFailure'
import '../staff.css'
import './accounts.css'

export default function StaffAccountsPage() {
  const profile = useStaffProfile()
  const allowed = canDo(profile, StaffAction.ManageStaffAccounts)
  const { accounts, scopes } = useStaffAccounts(allowed)
  const reloadAccounts = accounts.reload

  return (
    <Screen className='staff-accounts'>
      <View className='page-header'>
        <Text className='page-title'>工作人员账号</Text>
        <Text className='text-secondary'>为居委会和施工单位开设账号、调整管理范围、停用或重置密码。停用和调整立即生效。</Text>
      </View>

      {!profile ? (
        <View className='card accounts-not-allowed'>
          <Text className='text-body'>请先登录工作人员账号。</Text>
          <BigButton onClick={() => void Taro.redirectTo({ url: Routes.staffLogin })}>登录</BigButton>
        </View>
      ) : !allowed ? (
        <View className='card accounts-not-allowed'>
          <Text className='text-body'>
            工作人员账号由街道办事处或管理员管理，您的账号（{ROLE_SHORT[profile.role]}）不能查看或修改账号。如需开设、停用账号或重置密码，请联系街道办事处。
          </Text>
        </View>
      ) : (
        <>
          {scopes.error ? <LoadFailure message={scopes.error} status={scopes.errorStatus} onRetry={() => void scopes.reload()} /> : null}
          {scopes.data && scopes.data.length > 0 ? <CreateAccountForm scopes={scopes.data} onCreated={() => void reloadAccounts()} /> : null}
          {scopes.data && scopes.data.length === 0 ? (
            <View className='card accounts-no-scopes'>
              <Text className='text-body'>您的范围内还没有可以分配账号的社区或小区，暂时不能新建账号。社区和小区由管理员录入。</Text>
            </View>
          ) : null}

          <Text className='section-title'>
            已有账号{accounts.data ? `（${accounts.data.length}）` : ''}
          </Text>
          {accounts.loading && !accounts.data ? <LoadingNotice /> : null}
          {accounts.error ? <LoadFailure message={accounts.error} status={accounts.errorStatus} onRetry={() => void accounts.reload()} /> : null}
          {accounts.data ? (
            <AccountList accounts={accounts.data} scopes={scopes.data ?? []} selfId={profile.id} onChanged={() => void reloadAccounts()} />
          ) : null}
        </>
      )}
    </Screen>
  )
}
