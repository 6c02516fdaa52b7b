import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ScopeType, StaffAction } from '@linyi/shared'
import type { StaffView } from '@linyi/shared'
import { useStreetComplaints } from '../../hooks/complaints-staff'
import { withParams } from '../../lib/routes'
import { NotLoaded } from '../components/LoadFailure'
import { RefreshButton } from '../components/RefreshButton'
import { StreetComplaintRow } from '../components/complaints/StreetComplaintRow'
import { STAFF_COMPLAINTS_ROUTE } from '../components/complaints/complaint-routes'
import { streetRowsInOrder } from '../components/complaints/complaints-staff.rules'
import { WorksScreen } from '../components/works/WorksScreen'
import '../staff.css'
import '../components/works/works.css'
import '../components/complaints/complaints.css'

const openCompound = (compoundId: string) => void Taro.navigateTo({ url: withParams(STAFF_COMPLAINTS_ROUTE, { compoundId }) })

/** Every compound of the street office: how many complaints wait for the committee's answer, and for how long. */
function StreetComplaints({ streetOfficeId }: { streetOfficeId: string }) {
  const rows = useStreetComplaints(streetOfficeId)
  const list = rows.data ? streetRowsInOrder(rows.data) : null
  const open = list?.reduce((sum, row) => sum + row.open, 0) ?? 0
  return (
    <>
      <View className='page-header'>
        <Text className='page-title'>各小区意见建议</Text>
        <Text className='text-secondary'>居民意见建议等待居委会答复的情况；等待最久的小区排在最前（按北京时间计天数）。</Text>
      </View>
      {list ? (
        <>
          <Text className='section-title street-complaints-total'>{open ? `共 ${open} 条待答复` : '各小区都没有待答复的意见建议'}</Text>
          {list.length === 0 ? <Text className='card text-body street-complaints-none'>本街道还没有小区。</Text> : null}
          {list.map((row) => (
            <StreetComplaintRow key={row.compoundId} row={row} onOpen={() => openCompound(row.compoundId)} />
          ))}
        </>
      ) : (
        <NotLoaded state={rows} />
      )}
      <RefreshButton className='street-complaints-refresh' state={rows} />
    </>
  )
}

/** A street officer's own street office, when the link does not name one. */
const ownStreetOffice = (profile: StaffView) => (profile.scope.type === ScopeType.StreetOffice ? (profile.scope.id ?? '') : '')

export default function StaffStreetComplaintsPage() {
  const fromLink = decodeURIComponent(useRouter().params.streetOfficeId ?? '')
  return (
    <WorksScreen className='staff-street-complaints' action={StaffAction.ViewComplaints} deniedText='各小区意见建议供街道办和居委会查看。' missingText={null}>
      {(profile) => {
        const streetOfficeId = fromLink || ownStreetOffice(profile)
        if (!streetOfficeId) return <Text className='card text-body works-no-id'>链接中缺少街道编号，请从“街道征询总览”进入“各小区意见建议”。</Text>
        return <StreetComplaints streetOfficeId={streetOfficeId} />
      }}
    </WorksScreen>
  )
}
