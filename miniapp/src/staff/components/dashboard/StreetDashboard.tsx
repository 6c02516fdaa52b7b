import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { StaffAction } from '@linyi/shared'
import type { StaffView } from '@linyi/shared'
import { LoadingNotice } from '../../../components/Notice'
import { useStreetDashboard, useStreetOffices } from '../../../hooks/dashboard'
import { canDo } from '../../../hooks/staff-session'
import { dashboardTotals } from '../../../lib/dashboard'
import { Routes, withParams } from '../../../lib/routes'
import { LoadFailure } from '../LoadFailure'
import { RefreshButton } from '../RefreshButton'
import { PIPELINE_ROUTE } from '../pipeline/pipeline-routes'
import { DashboardTotals } from './DashboardTotals'
import { StreetOverview } from './StreetOverview'
import { StreetPicker } from './StreetPicker'
import { StreetPipeline } from './StreetPipeline'

/** The dashboard's data: which street, its status, and each open consultation's details. */
export function StreetDashboard({ profile }: { profile: StaffView }) {
  const offices = useStreetOffices()
  const [chosen, setChosen] = useState<string | null>(null)
  const list = offices.data ?? []
  const selectedId = chosen ?? list[0]?.id ?? null
  const dashboard = useStreetDashboard(selectedId)
  const data = dashboard.data
  const openPipeline = (id: string) => void Taro.navigateTo({ url: withParams(PIPELINE_ROUTE, { id }) })
  const openDrillDown = canDo(profile, StaffAction.ViewAnswerClasses)
    ? (id: string) => void Taro.navigateTo({ url: withParams(Routes.staffProgress, { id }) })
    : undefined

  if (offices.loading && !offices.data) return <LoadingNotice />
  if (offices.error) return <LoadFailure message={offices.error} status={offices.errorStatus} onRetry={() => void offices.reload()} />
  if (list.length === 0) {
    return (
      <View className='card dashboard-no-street'>
        <Text className='text-body'>还没有可查看的街道。系统管理员在名册中建立街道、社区和小区后，这里会显示各小区的征询进度。</Text>
      </View>
    )
  }
  const totals = data ? dashboardTotals(data.status) : null
  return (
    <View className='street-dashboard'>
      {list.length > 1 ? <StreetPicker offices={list} selectedId={selectedId} onSelect={setChosen} /> : null}
      {data ? <Text className='dashboard-street-name'>{data.status.name}</Text> : null}
      {dashboard.loading && !data ? <LoadingNotice /> : null}
      {dashboard.error ? <LoadFailure message={dashboard.error} status={dashboard.errorStatus} onRetry={() => void dashboard.reload()} /> : null}
      {data && totals ? (
        <>
          <DashboardTotals totals={totals} />
          {totals.openConsultations === 0 ? (
            <View className='card dashboard-empty'>
              <Text className='dashboard-empty__title'>本街道目前没有进行中的征询</Text>
              <Text className='text-body'>居委会在「发起征询」中创建并发布征询后，这里会按社区和小区显示每项征询的答复进度。</Text>
            </View>
          ) : (
            <StreetOverview status={data.status} details={data.details} onOpen={openDrillDown} />
          )}
          {canDo(profile, StaffAction.ViewPipeline) ? <StreetPipeline status={data.status} onOpen={openPipeline} /> : null}
          <RefreshButton className='dashboard-refresh' state={dashboard} />
        </>
      ) : null}
    </View>
  )
}
