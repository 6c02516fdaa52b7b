import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { LoadError } from '../../components/LoadError'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useMyBooking } from '../components/use-my-booking'
import { Routes } from '../../lib/routes'
import { PlanBooking } from '../components/PlanBooking'
import { planKey } from '../components/booking.rules'
import '../works.css'

/** 入户施工预约: for each of my households in a published plan, its windows, the booking and its receipt. */
export default function MyBookingPage() {
  const booking = useMyBooking()
  const { plans } = booking
  // Reloading cannot help a refusal (403); a lost sign-in (401) is renewed by the next read.
  const retryable = booking.errorStatus !== 403
  const now = new Date()

  return (
    <Screen className='works-booking'>
      <View className='page-header'>
        <Text className='page-title'>入户施工预约</Text>
        <Text className='text-secondary'>更换上下水管道要进入您家施工。请选一个家里有人的时段，时间都是北京时间。</Text>
      </View>

      {booking.loading && !booking.loaded ? <LoadingNotice /> : null}
      {booking.error ? <LoadError name='works' message={booking.error} stale={plans.length > 0} onRetry={retryable ? () => void booking.reload() : null} /> : null}

      {booking.loaded && plans.length === 0 ? (
        <View className='card works-none'>
          <Text className='text-body'>您家目前没有需要预约的入户施工。施工计划公布后，社区会在“消息”里通知您。</Text>
          <BigButton variant='secondary' className='works-home' onClick={() => void Taro.reLaunch({ url: Routes.home })}>
            回到首页
          </BigButton>
        </View>
      ) : null}

      {plans.map((plan) => {
        const key = planKey(plan)
        return (
          <PlanBooking
            key={key}
            plan={plan}
            now={now}
            busy={booking.busy}
            problem={booking.problems[key] ?? null}
            outcome={booking.outcomes[key] ?? null}
            onBook={(window, phone) => void booking.book(plan, window, phone)}
            onCancel={() => void booking.cancel(plan)}
            onCalendar={() => void booking.addToCalendar(plan)}
          />
        )
      })}
    </Screen>
  )
}
