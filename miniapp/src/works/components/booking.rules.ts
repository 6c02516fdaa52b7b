import { BOOKING_REFUSAL_TEXT, CONTACT_PHONE_HINT, contactPhoneProblem, normalizeContactPhone, windowSpanText } from '@linyi/shared'
import type { BookingView, MyWorkPlan, MyWorkWindow } from '@linyi/shared'
import { ApiError, readableError } from '../../api'
import { ZONE_SUFFIX, parseServerTime } from '../../lib/format'

/** One entry of `GET /me/work-windows`: a household in a plan. */
export const planKey = (plan: Pick<MyWorkPlan, 'householdId' | 'workPlanId'>) => `${plan.householdId}:${plan.workPlanId}`

/** 「12月8日（周二）08:30—17:30（北京时间）」 */
export const windowText = (window: Pick<MyWorkWindow, 'startsAt' | 'endsAt'>) => `${windowSpanText(window.startsAt, window.endsAt)}${ZONE_SUFFIX}`

/** 「还剩 3 户」, or 「已约满」 at 0: the only thing a resident learns about other households. */
export const remainingText = (remaining: number) => (remaining > 0 ? `还剩 ${remaining} 户` : '已约满')

export const BOOKED_BY_TEXT: Record<BookingView['bookedBy'], string> = {
  RESIDENT: '本人',
  STAFF: '社区代为预约',
}

/** Moving and cancelling are over (the server refuses them with BOOKING_CLOSED from this moment). */
export const changesClosed = (booking: Pick<BookingView, 'changesCloseAt'>, now: Date) => now.getTime() >= parseServerTime(booking.changesCloseAt).getTime()

/** What the resident can do with one window. */
export type WindowAction = 'mine' | 'book' | 'move' | 'full' | 'unavailable' | 'locked'

export function windowAction(window: MyWorkWindow, booking: BookingView | null, now: Date): WindowAction {
  if (booking?.windowId === window.id) return 'mine'
  if (!window.bookable) return 'unavailable'
  if (window.remaining <= 0) return 'full'
  if (booking && changesClosed(booking, now)) return 'locked'
  return booking ? 'move' : 'book'
}

export const ACTION_BUTTON: Partial<Record<WindowAction, string>> = {
  book: '预约这个时段',
  move: '改约到这个时段',
}

export const PRIORITY_NOTE = '先留给施工期间需要照顾的住户（如独居老人、行动不便的住户）'

export const CONTACT_PHONE_NOTE = '这个号码会交给施工队，只用于上门前联系您。不填写，就用社区登记的电话。'

/** The typed phone as the server wants it: undefined when left empty, or why it cannot be called. */
export function typedPhone(typed: string): { phone?: string; problem: string | null } {
  const phone = normalizeContactPhone(typed)
  if (!phone) return { problem: null }
  const problem = contactPhoneProblem(phone)
  return problem ? { problem: CONTACT_PHONE_HINT } : { phone, problem: null }
}

/** Why booking or cancelling failed, said so that the resident knows what to do next; `refresh`: the list changed under them. */
export function bookingFailure(error: unknown): { message: string; refresh: boolean } {
  const code = error instanceof ApiError ? error.code : null
  switch (code) {
    case 'WINDOW_FULL':
      return { message: '这个时段刚刚约满了。剩余户数已经刷新，请另选一个时段。', refresh: true }
    case 'BOOKING_CLOSED':
      return { message: `${BOOKING_REFUSAL_TEXT.BOOKING_CLOSED}。`, refresh: true }
    case 'PRIORITY_WINDOW_HELD':
      return { message: `${BOOKING_REFUSAL_TEXT.PRIORITY_WINDOW_HELD}，请另选一个时段。`, refresh: true }
    case 'NOT_BOOKED':
      return { message: '您家已经没有这项预约了（可能已被取消），页面已刷新。', refresh: true }
    default:
      // A plan or window that is gone (404) also means the list is out of date.
      return { message: readableError(error), refresh: error instanceof ApiError && error.statusCode === 404 }
  }
}

export const MOVE_CONFIRMATION = (to: MyWorkWindow) => ({
  title: '改约时段？',
  content: `改约到${windowText(to)}。原来约的时段会让给别的住户。确定改约吗？`,
})

export const CANCEL_CONFIRMATION = {
  title: '取消预约？',
  content: '取消后，这个时段会让给别的住户。截止时间前您还可以重新预约。确定取消吗？',
}

export const bookedWords = (window: Pick<MyWorkWindow, 'startsAt' | 'endsAt'>, moved: boolean) =>
  `${moved ? '已改约' : '预约成功'}：${windowText(window)}。回执在下面，请记好时间，施工当天家中留人。`

export const CANCELLED_WORDS = '已取消预约。截止时间前您还可以重新选一个时段。'

/** The calendar entry's text on weapp (wx.addPhoneCalendar): what will be done, in order, and the water cut. */
export function calendarDescription(plan: Pick<MyWorkPlan, 'steps' | 'waterCut' | 'contactPhone'>): string {
  const steps = plan.steps.map((step, index) => `${index + 1}.${step.title}`).join(' → ')
  return [`施工顺序：${steps}`, plan.waterCut ? `停水：${plan.waterCut}` : '', plan.contactPhone ? `施工联系电话：${plan.contactPhone}` : '']
    .filter(Boolean)
    .join('\n')
}

export const CALENDAR_DONE_TEXT = () =>
  process.env.TARO_ENV === 'h5' ? '日历文件已下载，打开它即可加入手机日历。' : '已加入手机日历，施工前一天会提醒您。'
