import { Text, View } from '@tarojs/components'
import { WorkPlanStatus } from '@linyi/shared'
import { callPhone } from '../../../api/wechat/phone'

export const PLAN_STATUS_LABEL: Record<WorkPlanStatus, string> = {
  [WorkPlanStatus.Draft]: '草稿，未发布',
  [WorkPlanStatus.Published]: '已发布',
}

/** The plan's state in words (the colour only repeats them). */
export function PlanStatusChip({ status }: { status: WorkPlanStatus }) {
  return <Text className={`works-status works-status--${status.toLowerCase()}`}>{PLAN_STATUS_LABEL[status] ?? status}</Text>
}

/** 优先: a window kept first for households whose care plan asks for one. */
export function PriorityBadge() {
  return <Text className='works-priority'>优先</Text>
}

/** A phone the crew or the committee rings: a tel: link in the browser, WeChat's dialer in the mini-program. */
export function PhoneLink({ phone }: { phone: string | null }) {
  if (!phone) return <Text className='text-secondary works-no-phone'>没有联系电话</Text>
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className='works-phone' href={`tel:${phone}`} aria-label={`拨打 ${phone}`}>
        ☎ {phone}
      </a>
    )
  }
  const call = () => void callPhone(phone)
  return (
    <View className='works-phone' role='button' onClick={call}>
      <Text>☎ {phone}</Text>
    </View>
  )
}

/** 「12/60 字」 under a field, red once over. */
export function CharCounter({ used, max }: { used: number; max: number }) {
  return (
    <Text className={`works-counter ${used > max ? 'works-counter--over' : ''}`}>
      {used}/{max} 字
    </Text>
  )
}
