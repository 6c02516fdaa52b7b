import { ScreeningStatus } from '@linyi/shared'
import type { UnitScreeningHousehold, UnitScreeningSummary } from '@linyi/shared'

/** Where one household stands, as the unit list's chip says it. */
export type HouseholdChip = 'NOT_SCREENED' | 'NOTHING_NEEDED' | 'NEEDS_PLAN' | 'PLANNED' | 'WITHDRAWN' | 'ERASED'

export const CHIP_LABEL: Record<HouseholdChip, string> = {
  NOT_SCREENED: '未摸排',
  NOTHING_NEEDED: '无特殊需要',
  NEEDS_PLAN: '需要照顾·缺方案',
  PLANNED: '需要照顾·已有方案',
  WITHDRAWN: '已撤回',
  ERASED: '已到期删除',
}

export function chipOf(status: ScreeningStatus | null, withCarePlan: boolean): HouseholdChip {
  switch (status) {
    case null:
      return 'NOT_SCREENED'
    case ScreeningStatus.NothingNeeded:
      return 'NOTHING_NEEDED'
    case ScreeningStatus.NeedsCare:
      return withCarePlan ? 'PLANNED' : 'NEEDS_PLAN'
    case ScreeningStatus.Withdrawn:
      return 'WITHDRAWN'
    case ScreeningStatus.Erased:
      return 'ERASED'
  }
}

/** What is still missing in a unit before its in-home works may go ahead. */
export function unitGaps(unit: UnitScreeningSummary): { notScreened: number; needsPlan: number } {
  return { notScreened: Math.max(0, unit.households - unit.screened), needsPlan: Math.max(0, unit.needsCare - unit.withCarePlan) }
}

/** "还差 3 户未摸排 · 1 户需要照顾方案", or that nothing is missing. */
export function gapsLine(unit: UnitScreeningSummary): string {
  const { notScreened, needsPlan } = unitGaps(unit)
  if (unit.households === 0) return '本单元还没有住户'
  if (notScreened === 0 && needsPlan === 0) return '已全部摸排，需要照顾的住户都有照顾方案'
  const parts = [notScreened ? `${notScreened} 户未摸排` : '', needsPlan ? `${needsPlan} 户需要照顾方案` : ''].filter(Boolean)
  return `还差 ${parts.join(' · ')}`
}

export function screenedPercent(unit: UnitScreeningSummary): number {
  return unit.households > 0 ? Math.round((Math.min(unit.screened, unit.households) / unit.households) * 100) : 0
}

/** The unit's households floor by floor, lowest first, rooms in order. */
export function householdsByFloor(items: UnitScreeningHousehold[]): Array<{ floor: number; households: UnitScreeningHousehold[] }> {
  const floors = new Map<number, UnitScreeningHousehold[]>()
  for (const item of items) floors.set(item.floor, [...(floors.get(item.floor) ?? []), item])
  return [...floors.entries()]
    .sort(([a], [b]) => a - b)
    .map(([floor, households]) => ({ floor, households: [...households].sort((a, b) => a.room.localeCompare(b.room, 'zh-CN', { numeric: true })) }))
}

/** The compound's figures: the units' counts added up. */
export function compoundTotals(units: UnitScreeningSummary[]): UnitScreeningSummary {
  const sum = (pick: (unit: UnitScreeningSummary) => number) => units.reduce((total, unit) => total + pick(unit), 0)
  return { unitId: 'all', label: '全小区', households: sum((u) => u.households), screened: sum((u) => u.screened), needsCare: sum((u) => u.needsCare), withCarePlan: sum((u) => u.withCarePlan) }
}

const hasGaps = (unit: UnitScreeningSummary) => {
  const { notScreened, needsPlan } = unitGaps(unit)
  return notScreened > 0 || needsPlan > 0
}

/** Units still missing something first (in the server's order), finished ones after them. */
export const unitsGapsFirst = (units: UnitScreeningSummary[]) => [...units.filter(hasGaps), ...units.filter((unit) => !hasGaps(unit))]

/** "共 15 个单元，13 个还没完成", or that all are done. */
export function unitsLine(units: UnitScreeningSummary[]): string {
  const open = units.filter(hasGaps).length
  return open ? `共 ${units.length} 个单元，${open} 个还没完成` : `共 ${units.length} 个单元，都已完成`
}
