import { WORK_LIMITS, fromShanghai, shanghaiDate, windowProblem } from '@linyi/shared'
import type { CreateWorkWindowRequest, WorkPlanProblem, WorkWindowView } from '@linyi/shared'
import { WorkProblemReason } from '@linyi/shared'
import { parseWallClock } from '../../../lib/draft/times'

const DAY_MS = 24 * 3600 * 1000

/** A new window as picked: a Beijing-time day, a start and an end on it, how many flats. */
export interface WindowDraft {
  date: string
  startClock: string
  endClock: string
  /** Typed: text until checked. */
  capacity: string
  priority: boolean
}

/** Defaults: the day after the unit's last window, else four days on (the notice period is three), a working day's hours. */
export function newWindowDraft(now: Date, unitWindows: Pick<WorkWindowView, 'startsAt'>[]): WindowDraft {
  const last = unitWindows.map((w) => w.startsAt).sort().pop()
  const day = last ? new Date(new Date(last).getTime() + DAY_MS) : new Date(now.getTime() + 4 * DAY_MS)
  return { date: shanghaiDate(day), startClock: '08:30', endClock: '17:30', capacity: '4', priority: false }
}

/** The Beijing-time day after `date` (YYYY-MM-DD). */
export const nextDay = (date: string) => shanghaiDate(new Date(fromShanghai(date).getTime() + DAY_MS))

export function windowTimes(draft: WindowDraft): { startsAt: Date | null; endsAt: Date | null } {
  return { startsAt: parseWallClock({ date: draft.date, clock: draft.startClock }), endsAt: parseWallClock({ date: draft.date, clock: draft.endClock }) }
}

/** What is wrong with the window as picked, or null: the shared rule the server applies, and not in the past. */
export function windowDraftProblem(draft: WindowDraft, now: Date): string | null {
  const { startsAt, endsAt } = windowTimes(draft)
  if (!startsAt || !endsAt) return '请选择日期和开始、结束时间'
  if (startsAt.getTime() <= now.getTime()) return '开始时间已经过去，请选择以后的日期'
  const capacity = /^\d+$/.test(draft.capacity.trim()) ? Number(draft.capacity.trim()) : Number.NaN
  return windowProblem(startsAt, endsAt, capacity)
}

export function windowRequestOf(unitId: string, draft: WindowDraft): CreateWorkWindowRequest {
  const { startsAt, endsAt } = windowTimes(draft)
  return {
    unitId,
    startsAt: (startsAt as Date).toISOString(),
    endsAt: (endsAt as Date).toISOString(),
    capacity: Number(draft.capacity.trim()),
    ...(draft.priority ? { priority: true } : {}),
  }
}

/** The capacity after a tap on − or +, kept within 1..capacityMax. */
export function steppedCapacity(typed: string, by: -1 | 1): string {
  const current = /^\d+$/.test(typed.trim()) ? Number(typed.trim()) : 0
  return String(Math.min(WORK_LIMITS.capacityMax, Math.max(1, current + by)))
}

export interface UnitProblems {
  unitId: string
  label: string
  problems: WorkPlanProblem[]
  /** Not screened, or needing a care plan: fixed on the unit's screening page. */
  screening: boolean
}

const SCREENING_CODES: string[] = [WorkProblemReason.NotScreened, WorkProblemReason.NeedsCarePlan]

/** The server's problems unit by unit, in the order it gave them, so each unit is fixed in one go. */
export function problemsByUnit(problems: WorkPlanProblem[]): UnitProblems[] {
  const units = new Map<string, UnitProblems>()
  for (const problem of problems) {
    const unit = units.get(problem.unitId) ?? { unitId: problem.unitId, label: problem.label, problems: [], screening: false }
    unit.problems.push(problem)
    unit.screening ||= SCREENING_CODES.includes(problem.code)
    units.set(problem.unitId, unit)
  }
  return [...units.values()]
}
