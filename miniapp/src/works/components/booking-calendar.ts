import Taro from '@tarojs/taro'
import { apiBase } from '../../api/base-url'
import { ApiError, NETWORK_ERROR_MESSAGE, toApiError } from '../../api/errors'
import { saveInBrowser } from '../../api/save-in-browser'
import { loginResident, residentToken } from '../../api/resident-login'
import { clearSession, getToken } from '../../api/session'
import { ensurePrivacyAgreed } from '../../api/wechat/privacy'

// Kept in the works/ subpackage, not api/: home loads api/works-resident.ts, and this is only the booking page's.

/** Not in endpoints.ts: a calendar file, not a JSON exchange. */
export const bookingCalendarPath = (householdId: string, workPlanId: string) =>
  `/me/households/${encodeURIComponent(householdId)}/booking.ics?workPlanId=${encodeURIComponent(workPlanId)}`

async function fetchCalendar(path: string, token: string): Promise<Response> {
  try {
    return await fetch(`${apiBase()}${path}`, { headers: { Authorization: `Bearer ${token}` } })
  } catch {
    throw new ApiError(NETWORK_ERROR_MESSAGE, 0, 'NETWORK_ERROR')
  }
}

/**
 * H5: the booking's .ics, saved by the browser (a phone offers to add it to its calendar). A plain
 * link cannot carry the resident's token, so fetch it and hand the browser an object URL.
 */
export async function saveBookingCalendar(householdId: string, workPlanId: string): Promise<void> {
  const path = bookingCalendarPath(householdId, workPlanId)
  const token = await residentToken()
  let response = await fetchCalendar(path, token)
  if (response.status === 401) {
    // The saved token has expired: sign in again once, as `call` does for JSON routes.
    if (getToken('resident') === token) clearSession('resident')
    response = await fetchCalendar(path, getToken('resident') ?? (await loginResident()))
  }
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => null))
  const href = URL.createObjectURL(await response.blob())
  saveInBrowser(href, '入户施工预约.ics')
  // Some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(href), 10000)
}

export interface PhoneCalendarEvent {
  title: string
  startsAt: string
  endsAt: string
  description: string
}

export const CALENDAR_PRIVACY_REFUSED = '您没有同意隐私保护指引，所以无法加入手机日历。请把时间记在纸上，回执里也写着。'

/**
 * weapp: WeChat's own "add to the phone's calendar" (wx.addPhoneCalendar, base library 2.15), which
 * asks the user itself; WeChat cannot open an .ics file. Reminds a day ahead, time to store water.
 */
export async function addToPhoneCalendar(event: PhoneCalendarEvent): Promise<void> {
  // Writing to the phone's calendar is a privacy interface: the guide is agreed to first.
  if (!(await ensurePrivacyAgreed())) throw new ApiError(CALENDAR_PRIVACY_REFUSED, 0, 'PRIVACY_REFUSED')
  const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000)
  return new Promise((resolve, reject) => {
    if (typeof Taro.addPhoneCalendar !== 'function') {
      reject(new ApiError('您的微信版本不能添加日历，请升级微信，或把时间记在纸上', 0, 'CALENDAR_UNSUPPORTED'))
      return
    }
    // Called with callbacks: Taro passes this API through to wx unpromisified.
    Taro.addPhoneCalendar({
      title: event.title,
      startTime: seconds(event.startsAt),
      // Taro's typing says string; WeChat takes the number of seconds either way.
      endTime: String(seconds(event.endsAt)),
      description: event.description,
      alarm: true,
      alarmOffset: 24 * 3600,
      success: () => resolve(),
      fail: (result) =>
        reject(/cancel|deny|auth/i.test(result.errMsg) ? new ApiError('没有加入日历：需要您允许“邻议”写入手机日历', 0, 'CALENDAR_DENIED') : new ApiError('没有加入日历，请稍后再试', 0, 'CALENDAR_FAILED')),
    })
  })
}
