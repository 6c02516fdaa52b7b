import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MyWorkPlan, MyWorkWindow } from '@linyi/shared'
import { useState } from 'react'
import { BigButton } from '../../components/BigButton'
import { acceptanceEntry } from '../../lib/acceptance-entry'
import { Routes, withParams } from '../../lib/routes'
import type { PlanNote } from './use-my-booking'
import { BookingReceipt } from './BookingReceipt'
import { ContactPhoneField } from './ContactPhoneField'
import { WorkPlanDetails } from './WorkPlanDetails'
import { WorkWindowCard } from './WorkWindowCard'
import { changesClosed, planKey, windowAction } from './booking.rules'

interface Props {
  plan: MyWorkPlan
  now: Date
  /** The action running on the page, if any. */
  busy: { key: string; at: string } | null
  problem: PlanNote | null
  outcome: PlanNote | null
  onBook: (window: MyWorkWindow, phone: string) => void
  onCancel: () => void
  onCalendar: () => void
}

/** Once the crew has inspected the flat: where its acceptance stands, and the way into 入户施工验收. */
function AcceptanceLink({ plan, acceptance }: { plan: MyWorkPlan; acceptance: NonNullable<MyWorkPlan['acceptance']> }) {
  const entry = acceptanceEntry(acceptance)
  const open = () => void Taro.navigateTo({ url: withParams(Routes.myAcceptance, { householdId: plan.householdId, workPlanId: plan.workPlanId }) })
  return (
    <View className='card work-plan-acceptance' id={`work-plan-acceptance-${plan.householdId}-${plan.workPlanId}`}>
      <Text className='works-card-title'>入户施工验收</Text>
      <Text className={`${entry.chip} work-plan-acceptance__state`}>{entry.state}</Text>
      <BigButton variant={entry.todo ? 'primary' : 'secondary'} className='work-plan-acceptance__open' onClick={open}>
        {entry.button}
      </BigButton>
    </View>
  )
}

/** One household in one plan: its receipt once booked, its unit's windows, what will be done and whom to call. */
export function PlanBooking({ plan, now, busy, problem, outcome, onBook, onCancel, onCalendar }: Props) {
  const [phone, setPhone] = useState('')
  const key = planKey(plan)
  const ids = `${plan.householdId}-${plan.workPlanId}`
  const { booking } = plan
  const closed = booking ? changesClosed(booking, now) : false
  const actions = plan.windows.map((window) => windowAction(window, booking, now))
  const canChoose = actions.some((action) => action === 'book' || action === 'move')
  const running = busy?.key === key ? busy.at : null
  const problemAt = (at: string) => (problem?.at === at ? problem.message : null)

  return (
    <View className='section work-plan-booking' id={`work-plan-${ids}`}>
      <View className='card work-plan-header'>
        <Text className='works-card-title work-plan-title'>{plan.title}</Text>
        <Text className='text-body work-plan-household'>房屋：{plan.householdLabel}</Text>
        {booking ? null : <Text className='answer-state answer-state--todo work-plan-unbooked'>您家尚未预约</Text>}
        <Text className='text-secondary work-plan-intro'>施工做什么、哪天停水，写在页面下方。</Text>
      </View>

      {plan.acceptance ? <AcceptanceLink plan={plan} acceptance={plan.acceptance} /> : null}

      {outcome && outcome.at !== 'calendar' ? (
        <View className='card booking-outcome' id={`booking-outcome-${ids}`} role='status'>
          <Text className='text-body booking-outcome__text'>{outcome.message}</Text>
        </View>
      ) : null}

      {booking ? (
        <BookingReceipt
          booking={booking}
          closed={closed}
          running={running === 'receipt' || running === 'calendar' ? running : null}
          waiting={busy !== null}
          problem={problem}
          outcome={outcome}
          onCancel={onCancel}
          onCalendar={onCalendar}
        />
      ) : null}

      <View className='work-windows'>
        <Text className='section-title'>{booking ? (closed ? '施工时段' : '改选时段') : '选择施工时段'}</Text>
        {plan.windows.length === 0 ? <Text className='text-body work-windows__none'>还没有可以预约的时段，请留意社区的通知。</Text> : null}
        {canChoose ? <ContactPhoneField fieldId={`booking-phone-${ids}`} value={phone} error={problemAt('phone')} onChange={setPhone} /> : null}
        {plan.windows.map((window, index) => (
          <WorkWindowCard
            key={window.id}
            householdId={plan.householdId}
            window={window}
            action={actions[index]}
            sending={running === window.id}
            waiting={busy !== null && running !== window.id}
            problem={problemAt(window.id)}
            onBook={() => onBook(window, phone)}
          />
        ))}
      </View>

      <WorkPlanDetails plan={plan} />
    </View>
  )
}
