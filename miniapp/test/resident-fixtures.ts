/** A signed-in resident and their household's works plan, as the resident screens read them. */
import { DEFAULT_WORK_STEPS, WorkKind } from '@linyi/shared'
import type { MyWorkPlan } from '@linyi/shared'
import { ok } from './taro-mock'

export const resident = { id: 'r1', openid: 'h5-demo-x', name: null }

/** What home reads first (GET /me and the rest), for a resident with these households and nothing to answer or read. */
export const homeReads = (households: unknown[]) => ({
  'GET /me': ok({ resident, households }),
  'GET /me/consultations': ok([]),
  'GET /me/inbox/unread-count': ok({ unread: 0 }),
})

/** One household's works plan as GET /me/work-windows lists it: 1号楼2单元301, plumbing, no windows, not booked, no acceptance yet. */
export function myWorkPlan(overrides: Partial<MyWorkPlan> = {}): MyWorkPlan {
  return {
    householdId: 'h-301',
    householdLabel: '1号楼2单元301',
    workPlanId: 'p-1',
    title: '1号楼2单元上下水立管更换',
    kind: WorkKind.Plumbing,
    acceptance: null,
    steps: DEFAULT_WORK_STEPS,
    waterCut: null,
    temporaryWater: null,
    temporarySewage: null,
    contactPhone: null,
    windows: [],
    booking: null,
    ...overrides,
  }
}
