import { Text, View } from '@tarojs/components'
import { BOOKING_REFUSAL_TEXT } from '@linyi/shared'
import type { BookingView } from '@linyi/shared'
import type { PropsWithChildren } from 'react'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { formatDateTime } from '../../lib/format'
import type { PlanNote } from './use-my-booking'
import { BOOKED_BY_TEXT, windowText } from './booking.rules'

function Row({ label, className, children }: PropsWithChildren<{ label: string; className: string }>) {
  return (
    <View className={`receipt-row ${className}`}>
      <Text className='receipt-row__label'>{label}</Text>
      <Text className='receipt-row__value'>{children}</Text>
    </View>
  )
}

interface Props {
  booking: BookingView
  /** Moving and cancelling are over. */
  closed: boolean
  /** Which of its actions is running ('receipt': cancelling, 'calendar'), or null. */
  running: string | null
  /** Another action of the page is running. */
  waiting: boolean
  problem: PlanNote | null
  outcome: PlanNote | null
  onCancel: () => void
  onCalendar: () => void
}

/** 回执: what was booked, when changes close and who booked; the calendar and cancelling. */
export function BookingReceipt({ booking, closed, running, waiting, problem, outcome, onCancel, onCalendar }: Props) {
  const busy = running !== null || waiting
  return (
    <View className='card booking-receipt' id={`booking-receipt-${booking.householdId}-${booking.workPlanId}`} role='region' aria-label='预约回执'>
      <View className='booking-receipt__top'>
        <Text className='works-card-title booking-receipt__title'>预约回执</Text>
        <Text className='answer-state answer-state--done booking-receipt__state'>已预约</Text>
      </View>
      <Row label='房屋' className='booking-receipt__household'>
        {booking.householdLabel}
      </Row>
      <Row label='施工时段' className='booking-receipt__window'>
        {windowText(booking)}
      </Row>
      <Row label='预约时间' className='booking-receipt__booked-at'>
        {formatDateTime(booking.bookedAt)}
      </Row>
      <Row label='修改或取消截止' className='booking-receipt__closes-at'>
        {formatDateTime(booking.changesCloseAt)}
      </Row>
      <Row label='预约人' className='booking-receipt__by'>
        {BOOKED_BY_TEXT[booking.bookedBy]}
      </Row>
      <Row label='联系电话' className='booking-receipt__phone'>
        {booking.contactPhone ?? '使用社区登记的电话'}
      </Row>
      <Text className='text-body booking-receipt__rule'>
        {closed ? `${BOOKING_REFUSAL_TEXT.BOOKING_CLOSED}。` : '截止时间前，您可以在下面改选别的时段，或取消预约。施工当天请家中留人，或把钥匙交给居委会。'}
      </Text>

      <BigButton variant='secondary' className='booking-calendar' loading={running === 'calendar'} disabled={busy && running !== 'calendar'} onClick={onCalendar}>
        加入手机日历
      </BigButton>
      {outcome?.at === 'calendar' ? <Text className='booking-saved booking-calendar-done'>{outcome.message}</Text> : null}
      {problem?.at === 'calendar' ? <ErrorNotice message={problem.message} className='booking-calendar-error' /> : null}

      {closed ? null : (
        <BigButton variant='secondary' className='booking-cancel' loading={running === 'receipt'} disabled={busy && running !== 'receipt'} onClick={onCancel}>
          {running === 'receipt' ? '正在取消…' : '取消预约'}
        </BigButton>
      )}
      {problem?.at === 'receipt' ? <ErrorNotice message={problem.message} className='booking-error booking-cancel-error' /> : null}
    </View>
  )
}
