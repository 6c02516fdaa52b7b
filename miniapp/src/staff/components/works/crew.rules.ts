import { BOOKING_REFUSAL_TEXT, placesLeft as freePlaces } from '@linyi/shared'
import type { CrewList } from '@linyi/shared'
import { ApiError, readableError } from '../../../api'

export type CrewWindow = CrewList['windows'][number]

export const placesLeft = (window: CrewWindow) => freePlaces(window.capacity, window.households.length)

/** Where a household of `unitId` may be booked or moved: its own unit's windows with room, not the one it holds. */
export function windowsWithRoom(list: CrewList, unitId: string, currentWindowId: string | null): CrewWindow[] {
  return list.windows.filter((window) => window.unitId === unitId && window.windowId !== currentWindowId && placesLeft(window) > 0)
}

/** The windows unit by unit, in the server's order (unit, then start). */
export function windowsByUnit(list: CrewList): Array<{ unitId: string; unitLabel: string; windows: CrewWindow[] }> {
  const units = new Map<string, { unitId: string; unitLabel: string; windows: CrewWindow[] }>()
  for (const window of list.windows) {
    const unit = units.get(window.unitId) ?? { unitId: window.unitId, unitLabel: window.unitLabel, windows: [] }
    unit.windows.push(window)
    units.set(window.unitId, unit)
  }
  return [...units.values()]
}

/** What a refused booking means for the committee member at the phone, and what to do next. */
export function bookingErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return readableError(error)
  switch (error.code) {
    case 'WINDOW_FULL':
      return '这个时段刚刚约满了。名单已刷新，请另选一个还有空位的时段。'
    case 'BOOKING_CLOSED':
      return '已过预约截止时间：临近施工，已不能再预约、改约或取消。确需调整，请直接与施工单位电话商量。'
    case 'PRIORITY_WINDOW_HELD':
      return `${BOOKING_REFUSAL_TEXT.PRIORITY_WINDOW_HELD}，这一户不能约。请另选一个时段。`
    case 'NOT_BOOKED':
      return '这一户现在没有预约（可能刚被取消或改约）。名单已刷新。'
    default:
      return error.message
  }
}
