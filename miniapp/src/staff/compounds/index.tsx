import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { getStaffProfile, staffLogout } from '../../api'
import { useCompounds } from '../../hooks/staff'
import { Routes } from '../../lib/routes'
import { LoadFailure } from '../components/LoadFailure'
import '../staff.css'

export default function StaffCompoundsPage() {
  const compounds = useCompounds()
  const staff = getStaffProfile()

  const open = (id: string) => void Taro.navigateTo({ url: `${Routes.staffCompound}?id=${encodeURIComponent(id)}` })
  const logout = () => {
    staffLogout()
    void Taro.reLaunch({ url: Routes.home })
  }

  return (
    <Screen className='staff-compounds'>
      <View className='page-header'>
        <Text className='page-title'>我负责的小区</Text>
        {staff ? <Text className='text-secondary staff-who'>当前账号：{staff.displayName || staff.username}</Text> : null}
      </View>
      {compounds.loading && !compounds.data ? <LoadingNotice /> : null}
      {compounds.error ? (
        <LoadFailure message={compounds.error} status={compounds.errorStatus} onRetry={() => void compounds.reload()} />
      ) : null}
      {compounds.data && compounds.data.length === 0 ? (
        <View className='card'>
          <Text className='text-body'>您的管辖范围内还没有小区。</Text>
        </View>
      ) : null}
      {(compounds.data ?? []).map((compound) => (
        <BigButton key={compound.id} variant='secondary' className='compound-item' onClick={() => open(compound.id)}>
          {compound.name}
        </BigButton>
      ))}
      <View className='page-footer'>
        <BigButton variant='link' className='staff-logout' onClick={logout}>
          退出登录
        </BigButton>
      </View>
    </Screen>
  )
}
