import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ScopeType, StaffAction } from '@linyi/shared'
import type { StaffView } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useAccessLog } from '../../hooks/screening'
import { useStaffProfile } from '../../hooks/staff-session'
import { StaffGate } from '../components/dashboard/StaffGate'
import { LoadFailure } from '../components/LoadFailure'
import { AccessLogList } from '../components/screening/AccessLogList'
import '../staff.css'
import '../components/screening/screening.css'

function AccessLog({ streetOfficeId }: { streetOfficeId: string }) {
  const log = useAccessLog(streetOfficeId)
  const first = log.loading && log.items.length === 0
  return (
    <>
      {first ? <LoadingNotice /> : null}
      {!log.loading && !log.error && log.items.length === 0 ? (
        <Text className='card text-body access-log-empty'>还没有人查看过本街道的摸排记录。</Text>
      ) : null}
      {log.items.length ? <AccessLogList items={log.items} /> : null}
      {log.error ? <LoadFailure message={log.error} status={log.errorStatus} onRetry={() => void log.retry()} /> : null}
      {log.next && !log.error ? (
        <BigButton variant='secondary' className='access-log-more' loading={log.loading} onClick={() => void log.loadMore()}>
          {log.loading ? '正在加载…' : '加载更多'}
        </BigButton>
      ) : null}
      {!log.next && log.items.length > 0 ? <Text className='text-secondary access-log-end'>以上是全部记录。</Text> : null}
    </>
  )
}

/** The street staff member's own street office, unless the link names one. */
function streetOfficeOf(profile: StaffView | null, linked: string): string {
  if (linked) return linked
  return profile?.scope.type === ScopeType.StreetOffice ? (profile.scope.id ?? '') : ''
}

/** Who read which special-needs record, and when (PIPL: access restricted and logged). */
export default function StaffAccessLogPage() {
  const linked = decodeURIComponent(useRouter().params.streetOfficeId ?? '')
  const profile = useStaffProfile()
  const streetOfficeId = streetOfficeOf(profile, linked)
  return (
    <Screen className='staff-access-log'>
      <View className='page-header'>
        <Text className='page-title'>敏感信息查看记录</Text>
        <Text className='text-secondary'>工作人员每次查看、导出特殊困难户摸排信息都记录在这里，最新的在前；时间均为北京时间。</Text>
      </View>
      <StaffGate profile={profile} action={StaffAction.ViewSensitiveAccessLog} deniedText='敏感信息查看记录供街道办事处工作人员查看。'>
        {streetOfficeId ? <AccessLog streetOfficeId={streetOfficeId} /> : <Text className='card text-body screening-no-id'>找不到您的街道办事处，请从工作台进入。</Text>}
      </StaffGate>
    </Screen>
  )
}
