import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Dispatch, SetStateAction } from 'react'
import type { BookingView, MyWorkPlan, MyWorkWindow } from '@linyi/shared'
import { bookWorkWindow, cancelWorkBooking } from '../../api/works-resident'
import { useMyWorkPlans } from '../../hooks/my-works'
import { addToPhoneCalendar, saveBookingCalendar } from './booking-calendar'
import {
  CALENDAR_DONE_TEXT,
  CANCELLED_WORDS,
  CANCEL_CONFIRMATION,
  MOVE_CONFIRMATION,
  bookedWords,
  bookingFailure,
  calendarDescription,
  planKey,
  typedPhone,
} from './booking.rules'

/** Where on a plan's section a problem, an outcome or a running action belongs: a window's id, 'phone', 'receipt' or 'calendar'. */
export interface PlanNote {
  at: string
  message: string
}

type Notes = Record<string, PlanNote>

/** Sets (or, with null, drops) the note of one plan. */
const note = (setter: Dispatch<SetStateAction<Notes>>, key: string, value: PlanNote | null) =>
  setter(({ [key]: _, ...rest }) => (value ? { ...rest, [key]: value } : rest))

const outcomeSelector = (plan: MyWorkPlan) => `#booking-outcome-${plan.householdId}-${plan.workPlanId}`

/** Brings the outcome and the receipt under it into view after booking: the tap was further down, at the window. */
function showOutcome(plan: MyWorkPlan) {
  if (typeof Taro.pageScrollTo !== 'function') return
  setTimeout(() => void Promise.resolve(Taro.pageScrollTo({ selector: outcomeSelector(plan), duration: 300 })).catch(() => undefined), 0)
}

/** The booking page: the plans, and booking, moving, cancelling and the calendar, one action at a time. */
export function useMyBooking() {
  const loaded = useMyWorkPlans()
  // What the server answered to the last action, shown until the list has been read again.
  const [answered, setAnswered] = useState<Record<string, BookingView | null>>({})
  const [problems, setProblems] = useState<Notes>({})
  const [outcomes, setOutcomes] = useState<Notes>({})
  const [busy, setBusy] = useState<{ key: string; at: string } | null>(null)
  const running = useRef(false)
  const { reload } = loaded

  useEffect(() => setAnswered({}), [loaded.data])

  const plans: MyWorkPlan[] = (loaded.data ?? []).map((plan) => {
    const key = planKey(plan)
    return key in answered ? { ...plan, booking: answered[key] } : plan
  })

  /** Runs one action of a plan: its outcome on success and a fresh list; on failure the reason where it happened. */
  const run = useCallback(
    async (plan: MyWorkPlan, at: string, action: () => Promise<string>, refreshAfter = true) => {
      if (running.current) return false
      running.current = true
      const key = planKey(plan)
      setBusy({ key, at })
      note(setProblems, key, null)
      note(setOutcomes, key, null)
      try {
        const outcome = await action()
        note(setOutcomes, key, { at, message: outcome })
        if (refreshAfter) await reload()
        return true
      } catch (error) {
        const failure = bookingFailure(error)
        note(setProblems, key, { at, message: failure.message })
        if (failure.refresh) await reload()
        return false
      } finally {
        running.current = false
        setBusy(null)
      }
    },
    [reload],
  )

  const book = useCallback(
    async (plan: MyWorkPlan, window: MyWorkWindow, typed: string) => {
      const key = planKey(plan)
      const { phone, problem } = typedPhone(typed)
      if (problem) {
        note(setProblems, key, { at: 'phone', message: problem })
        return false
      }
      const moving = Boolean(plan.booking && plan.booking.windowId !== window.id)
      if (moving) {
        // The old window is given up: one stray tap must not do that.
        const { confirm } = await Taro.showModal({ ...MOVE_CONFIRMATION(window), confirmText: '确认改约', cancelText: '不改' })
        if (!confirm) return false
      }
      const done = await run(plan, window.id, async () => {
        const booking = await bookWorkWindow(plan.householdId, { workPlanId: plan.workPlanId, windowId: window.id, ...(phone ? { contactPhone: phone } : {}) })
        setAnswered((all) => ({ ...all, [key]: booking }))
        return bookedWords(window, moving)
      })
      if (done) showOutcome(plan)
      return done
    },
    [run],
  )

  const cancel = useCallback(
    async (plan: MyWorkPlan) => {
      const { confirm } = await Taro.showModal({ ...CANCEL_CONFIRMATION, confirmText: '取消预约', cancelText: '不取消', confirmColor: '#8a0012' })
      if (!confirm) return false
      return run(plan, 'receipt', async () => {
        await cancelWorkBooking(plan.householdId, plan.workPlanId)
        setAnswered((all) => ({ ...all, [planKey(plan)]: null }))
        return CANCELLED_WORDS
      })
    },
    [run],
  )

  /** H5: the server's .ics; weapp: WeChat's own calendar dialog (it cannot open an .ics). Nothing to reload after. */
  const addToCalendar = useCallback(
    (plan: MyWorkPlan) => {
      const booking = plan.booking
      if (!booking) return Promise.resolve(false)
      return run(
        plan,
        'calendar',
        async () => {
          if (process.env.TARO_ENV === 'h5') await saveBookingCalendar(plan.householdId, plan.workPlanId)
          else await addToPhoneCalendar({ title: plan.title, startsAt: booking.startsAt, endsAt: booking.endsAt, description: calendarDescription(plan) })
          return CALENDAR_DONE_TEXT()
        },
        false,
      )
    },
    [run],
  )

  return {
    plans,
    /** The list has been read at least once. */
    loaded: loaded.data !== null,
    loading: loaded.loading,
    /** The last read failed: the whole list when nothing is shown yet, else a line above it. */
    error: loaded.error,
    errorStatus: loaded.errorStatus,
    reload,
    problems,
    outcomes,
    busy,
    book,
    cancel,
    addToCalendar,
  }
}
