import { Text, View } from '@tarojs/components'
import { StaffAction } from '@linyi/shared'
import { Screen } from '../../components/Screen'
import { useStaffProfile } from '../../hooks/staff-session'
import { StaffGate } from '../components/dashboard/StaffGate'
import { StreetDashboard } from '../components/dashboard/StreetDashboard'
import '../staff.css'
import '../components/dashboard/dashboard.css'
import './dashboard.css'

/** The street office's view of every open consultation in its district; street staff only watch here. */
export default function StaffDashboardPage() {
  const profile = useStaffProfile()
  return (
    <Screen className='staff-dashboard'>
      <View className='console-page dashboard-page'>
        <View className='page-header'>
          <Text className='page-title'>街道征询总览</Text>
          <Text className='text-secondary'>各社区、小区进行中的征询；时间均为北京时间。</Text>
        </View>
        <StaffGate profile={profile} action={StaffAction.ViewStreetDashboard} deniedText='街道征询总览供街道办和系统管理员查看。居委会和施工单位请在工作台查看本小区的征询。'>
          {profile ? <StreetDashboard profile={profile} /> : null}
        </StaffGate>
      </View>
    </Screen>
  )
}
