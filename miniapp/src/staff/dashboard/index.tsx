import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ScopeType, StaffAction } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { Screen } from '../../components/Screen'
import { canDo, useStaffProfile } from '../../hooks/staff-session'
import { withParams } from '../../lib/routes'
import { STAFF_STREET_COMPLAINTS_ROUTE } from '../components/complaints/complaint-routes'
import { StaffGate } from '../components/dashboard/StaffGate'
import { StreetDashboard } from '../components/dashboard/StreetDashboard'
import '../staff.css'
import '../components/dashboard/dashboard.css'
import '../components/pipeline/pipeline.css'
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
          {profile && canDo(profile, StaffAction.ViewComplaints) && profile.scope.type === ScopeType.StreetOffice && profile.scope.id ? (
            <BigButton
              variant='secondary'
              className='dashboard-street-complaints'
              onClick={() => void Taro.navigateTo({ url: withParams(STAFF_STREET_COMPLAINTS_ROUTE, { streetOfficeId: profile.scope.id! }) })}
            >
              各小区意见建议
            </BigButton>
          ) : null}
          {profile ? <StreetDashboard profile={profile} /> : null}
        </StaffGate>
      </View>
    </Screen>
  )
}
