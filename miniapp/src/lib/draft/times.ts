import { fromShanghai } from '@linyi/shared'
import type { ConsultationDraft, WallClock } from './types'

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/

/** The instant a picked Asia/Shanghai date and time stand for, or null when they are not a real one. */
export function parseWallClock(value: WallClock): Date | null {
  const date = DATE.exec(value.date)
  if (!date || !CLOCK.test(value.clock)) return null
  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])]
  const calendar = new Date(Date.UTC(year, month - 1, day))
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || year < 2000 || year > 2100) return null
  return fromShanghai(value.date, value.clock)
}

/**
 * "Opens at publication" is sent as the last whole minute before `now`, less a minute: the server
 * publishes on its own clock (to the second), which may run behind the device's, and would otherwise
 * schedule the consultation for a few seconds later instead of opening it.
 */
const OPEN_NOW_LEEWAY_MS = 60_000

/** When the consultation opens if published at `now`. */
export function opensAtOf(draft: ConsultationDraft, now: Date): Date | null {
  if (!draft.opensNow) return parseWallClock(draft.opensAt)
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000 - OPEN_NOW_LEEWAY_MS)
}

