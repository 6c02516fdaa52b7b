import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { COMPOUND_TIME_ZONE_LABEL, StaffAction, WorkPlanStatus } from '@linyi/shared'
import type { StaffView } from '@linyi/shared'
import { ErrorNotice } from '../../components/Notice'
import { canDo } from '../../hooks/staff-session'
import { useCrewBookings } from '../../hooks/works-staff'
import { NotLoaded } from '../components/LoadFailure'
import { RefreshButton } from '../components/RefreshButton'
import { BookingPicker } from '../components/works/BookingPicker'
import { CrewExportButton } from '../components/works/CrewExportButton'
import { CrewWindowCard } from '../components/works/CrewWindowCard'
import { windowsByUnit, windowsWithRoom } from '../components/works/crew.rules'
import { UnbookedList } from '../components/works/UnbookedList'
import { WorksScreen } from '../components/works/WorksScreen'
import '../staff.css'
import '../components/accounts/accounts.css'
import '../components/screening/screening.css'
import '../components/works/works.css'

/** The household the committee is booking or moving, and the window it holds now (null: not booked). */
interface Picking {
  householdId: string
  label: string
  unitId: string
  currentWindowId: string | null
}

/** Per window who is home and how to help; the unbooked to follow up; the committee books on a household's behalf. */
function Bookings({ planId, profile }: { planId: string; profile: StaffView }) {
  const crew = useCrewBookings(planId)
  const booksFor = canDo(profile, StaffAction.BookForHousehold)
  const [picking, setPicking] = useState<Picking | null>(null)
  // The household last acted on: the outcome is said right under it, wherever it now is in the list.
  const [focus, setFocus] = useState<string | null>(null)
  const data = crew.data
  if (!data) return <NotLoaded state={crew} />
  const { plan, crew: list } = data
  const pick = (next: Picking) => {
    crew.clearMessages()
    setFocus(next.householdId)
    setPicking(next)
  }
  const cancel = async (householdId: string, label: string) => {
    const { confirm } = await Taro.showModal({ title: '取消预约', content: `确定取消 ${label} 的预约吗？取消后这一户回到“未预约”名单。`, confirmText: '取消预约', cancelText: '不取消' })
    if (!confirm) return
    setPicking(null)
    setFocus(householdId)
    await crew.cancel(householdId, label)
  }
  const extraFor = (householdId: string) => {
    if (picking?.householdId === householdId) {
      return (
        <BookingPicker
          householdLabel={picking.label}
          windows={windowsWithRoom(list, picking.unitId, picking.currentWindowId)}
          moving={picking.currentWindowId !== null}
          busy={crew.busy}
          error={crew.error}
          onConfirm={async (windowId, phone) => {
            const booked = await crew.book(householdId, windowId, phone, picking.currentWindowId !== null)
            if (booked) setPicking(null)
            return booked
          }}
          onCancel={() => setPicking(null)}
        />
      )
    }
    if (focus !== householdId) return null
    return (
      <>
        {crew.done ? (
          <View role='status'>
            <Text className='works-saved works-booking-done'>{crew.done}</Text>
          </View>
        ) : null}
        <ErrorNotice message={crew.error} className='works-booking-error' />
      </>
    )
  }
  return (
    <>
      <View className='page-header'>
        <Text className='page-title'>入户名单与预约</Text>
        <Text className='section-title works-plan-title'>{plan.title}</Text>
        <Text className='text-secondary'>时间均为{COMPOUND_TIME_ZONE_LABEL}。</Text>
      </View>
      <Text className='screening-notice works-crew-notice'>名单上的电话和照顾说明只用于施工当天联系和照顾住户；每次打开本页都会被记录，请勿转发。</Text>
      {plan.status !== WorkPlanStatus.Published ? <Text className='card text-body works-not-published'>这个计划还没有发布，住户还不能预约。</Text> : null}
      <CrewExportButton planId={planId} planTitle={plan.title} />
      {windowsByUnit(list).map((unit) => (
        <View key={unit.unitId} className='section works-crew-unit' data-unit-id={unit.unitId}>
          <Text className='section-title'>{unit.unitLabel}</Text>
          {unit.windows.map((window) => (
            <CrewWindowCard
              key={window.windowId}
              window={window}
              busy={crew.busy}
              onMove={booksFor ? (h) => pick({ householdId: h.householdId, label: h.label, unitId: window.unitId, currentWindowId: window.windowId }) : undefined}
              onCancel={booksFor ? (h) => void cancel(h.householdId, h.label) : undefined}
              pickerFor={extraFor}
            />
          ))}
        </View>
      ))}
      <UnbookedList
        households={list.unbooked}
        busy={crew.busy}
        onBook={booksFor ? (h) => pick({ householdId: h.householdId, label: h.label, unitId: h.unitId, currentWindowId: null }) : undefined}
        pickerFor={extraFor}
      />
      <RefreshButton className='works-crew-refresh' state={crew} />
    </>
  )
}

export default function StaffWorkBookingsPage() {
  const planId = decodeURIComponent(useRouter().params.id ?? '')
  return (
    <WorksScreen
      className='staff-work-bookings'
      action={StaffAction.ViewCrewList}
      deniedText='入户名单含住户电话和照顾说明，只有施工单位和居委会可以查看。'
      missingText={planId ? null : '链接中缺少计划编号，请从施工计划页面进入。'}
    >
      {(profile) => <Bookings planId={planId} profile={profile} />}
    </WorksScreen>
  )
}
