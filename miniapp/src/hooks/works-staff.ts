import { useCallback, useEffect, useState } from 'react'
import { windowSpanText } from '@linyi/shared'
import type { BookingView, CreateWorkPlanRequest, CreateWorkWindowRequest, UpdateWorkPlanRequest, WorkPlanProblem, WorkPlanView } from '@linyi/shared'
import { ApiError, fetchCompoundStructure, readableError } from '../api'
import {
  addWorkWindow,
  createWorkPlan,
  discardWorkPlan,
  downloadCrewList,
  fetchCrewList,
  fetchPlumbingApplications,
  fetchWorkPlan,
  fetchWorkPlans,
  openWorkNotice,
  publishWorkPlan,
  removeWorkWindow,
  staffBookWindow,
  staffCancelBooking,
  updateWorkPlan,
  type NoticeOpened,
} from '../api/works-staff'
import { bookingErrorText } from '../staff/components/works/crew.rules'
import { ZONE_SUFFIX } from '../lib/format'
import { useAsyncWhen } from './staff'
import { useShownAsync } from './use-async'
import { useSubmission } from './use-submission'

export const useWorkPlans = (compoundId: string) => useShownAsync(() => fetchWorkPlans(compoundId))

/** What the plan form picks from: the compound's units and its plumbing applications, asked only once the form opens. */
export function usePlanFormSources(compoundId: string, enabled: boolean) {
  const structure = useAsyncWhen(() => fetchCompoundStructure(compoundId), enabled)
  const applications = useAsyncWhen(() => fetchPlumbingApplications(compoundId), enabled)
  return { structure, applications }
}

export const useCreatePlan = (onCreated: (plan: WorkPlanView) => void) =>
  useSubmission(async (body: CreateWorkPlanRequest) => onCreated(await createWorkPlan(body)))

/** One plan, replaced by what each change answers; publishing keeps the server's problems until the next try. */
export function useWorkPlan(planId: string) {
  const loaded = useShownAsync(() => fetchWorkPlan(planId))
  const [plan, setPlan] = useState<WorkPlanView | null>(null)
  const [problems, setProblems] = useState<WorkPlanProblem[] | null>(null)
  useEffect(() => {
    if (loaded.data) setPlan(loaded.data)
  }, [loaded.data])
  const refresh = useCallback(async () => setPlan(await fetchWorkPlan(planId)), [planId])

  // A window's booked and remaining come from the server: read the plan again after each change.
  const addWindow = useCallback(
    async (body: CreateWorkWindowRequest) => {
      await addWorkWindow(planId, body)
      await refresh()
    },
    [planId, refresh],
  )
  const removeWindow = useCallback(
    async (windowId: string) => {
      await removeWorkWindow(planId, windowId)
      await refresh()
    },
    [planId, refresh],
  )
  const [justPublished, setJustPublished] = useState(false)
  const publish = useSubmission(async () => {
    setProblems(null)
    try {
      const outcome = await publishWorkPlan(planId)
      if (outcome.published) setPlan(outcome.published)
      else setProblems(outcome.problems)
      setJustPublished(outcome.published !== null)
    } catch (e) {
      // Published meanwhile (another device): show it as it now is, with the server's message.
      if (e instanceof ApiError && e.code === 'WORK_PLAN_NOT_DRAFT') await refresh()
      throw e
    }
  })
  const update = useSubmission(async (body: UpdateWorkPlanRequest) => setPlan(await updateWorkPlan(planId, body)))
  const discard = useSubmission(() => discardWorkPlan(planId))
  return { ...loaded, plan, problems, justPublished, addWindow, removeWindow, publish, update, discard }
}

/** The unit's stairwell notice, one at a time, and where it went. */
export function useNoticePrint(planId: string) {
  const [opening, setOpening] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<{ unitId: string; opened: NoticeOpened | null; error: string | null } | null>(null)
  const open = useCallback(
    async (unitId: string, unitLabel: string) => {
      setOpening(unitId)
      setOutcome(null)
      try {
        setOutcome({ unitId, opened: await openWorkNotice(planId, unitId, unitLabel), error: null })
      } catch (e) {
        setOutcome({ unitId, opened: null, error: readableError(e) })
      } finally {
        setOpening(null)
      }
    },
    [planId],
  )
  return { opening, outcome, open }
}

const loadBookings = async (planId: string) => {
  const [plan, crew] = await Promise.all([fetchWorkPlan(planId), fetchCrewList(planId)])
  return { plan, crew }
}

const bookedText = (booking: BookingView, moved: boolean) =>
  `已为 ${booking.householdLabel} ${moved ? '改约到' : '预约'} ${windowSpanText(booking.startsAt, booking.endsAt)}${ZONE_SUFFIX}`

/**
 * The crew list (a logged read) and the committee's bookings on a household's behalf. After each
 * change, refused or not, the list is read again: a full window shows its real count at once.
 */
export function useCrewBookings(planId: string) {
  const loaded = useShownAsync(() => loadBookings(planId))
  const { reload } = loaded
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const change = useCallback(
    async (action: () => Promise<string>) => {
      setBusy(true)
      setDone(null)
      setError(null)
      try {
        setDone(await action())
        return true
      } catch (e) {
        setError(bookingErrorText(e))
        return false
      } finally {
        setBusy(false)
        await reload()
      }
    },
    [reload],
  )

  const book = (householdId: string, windowId: string, contactPhone: string | null, moving: boolean) =>
    change(async () => bookedText(await staffBookWindow(householdId, { workPlanId: planId, windowId, ...(contactPhone ? { contactPhone } : {}) }), moving))
  const cancel = (householdId: string, label: string) =>
    change(async () => {
      await staffCancelBooking(householdId, planId)
      return `已取消 ${label} 的预约，这一户回到“未预约”名单`
    })
  const clearMessages = () => {
    setDone(null)
    setError(null)
  }
  return { ...loaded, busy, done, error, book, cancel, clearMessages }
}

/** The crew list as a workbook, one export at a time. */
export function useCrewExport(planId: string) {
  const exporting = useSubmission(async (planTitle: string) => {
    setDone(false)
    await downloadCrewList(planId, planTitle)
    setDone(true)
  })
  const [done, setDone] = useState(false)
  return { ...exporting, done }
}
