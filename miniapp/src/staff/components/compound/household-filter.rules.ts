import { Answer } from '@linyi/shared'
import type { HouseholdState } from '@linyi/shared'

/** The chips above the buildings: which households to show. */
export enum HouseholdFilter {
  All = 'ALL',
  Unbound = 'UNBOUND',
  Unanswered = 'UNANSWERED',
  Refused = 'REFUSED',
  Visited = 'VISITED',
}

export const FILTER_LABEL: Record<HouseholdFilter, string> = {
  [HouseholdFilter.All]: '全部',
  [HouseholdFilter.Unbound]: '未绑定',
  [HouseholdFilter.Unanswered]: '未答复',
  [HouseholdFilter.Refused]: '不同意',
  [HouseholdFilter.Visited]: '已走访',
}

/** Filters that read a consultation's answers: without one they mean nothing. */
export const ANSWER_FILTERS: ReadonlySet<HouseholdFilter> = new Set([HouseholdFilter.Unanswered, HouseholdFilter.Refused])

/** What a search can match: the room as the roster wrote it, and the owner's name where the role may see it. */
export interface SearchableHousehold {
  label: string
  room: string
  buildingName: string
  unitName: string
  ownerName?: string | null
}

const FULL_WIDTH_START = 0xff01
const FULL_WIDTH_END = 0xff5e
const FULL_WIDTH_SHIFT = 0xfee0
/** Separators people type between building, unit and room: 1-2-301, 1/2/301, 1.2.301, 1—2—301. */
const SEPARATORS = /[-‐‑‒–—―−_/\\.·、,，#＃]+/g

/**
 * The form a search compares: half-width (an IME types "３０１" and "－"), lower case, no spaces,
 * one "-" for any separator. Written out instead of String.normalize: some WeChat runtimes lack ICU.
 */
export function searchKey(text: string): string {
  let halfWidth = ''
  for (const char of text) {
    const code = char.charCodeAt(0)
    if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END) halfWidth += String.fromCharCode(code - FULL_WIDTH_SHIFT)
    else if (code === 0x3000) halfWidth += ' '
    else halfWidth += char
  }
  return halfWidth.toLowerCase().replace(/\s+/g, '').replace(SEPARATORS, '-').replace(/^-+|-+$/g, '')
}

/** "1号楼" → "1", "A座" → "a": the building or unit as people number it. */
function shortName(name: string): string {
  const key = searchKey(name)
  return /\d+/.exec(key)?.[0] ?? key.replace(/(号楼|号|栋|幢|座|楼|单元)$/, '')
}

/**
 * A number ("301", "1-2-301", "1-2") is a room: it matches the start of the room, of
 * "building-unit-room" or "building-room", so "301" finds 301 but not 1301. Words ("2单元301", "王")
 * match anywhere in the label or the owner's name.
 */
export function matchesSearch(household: SearchableHousehold, query: string): boolean {
  const wanted = searchKey(query)
  if (!wanted) return true
  const room = searchKey(household.room)
  if (/^[\d-]+$/.test(wanted)) {
    const building = shortName(household.buildingName)
    const unit = shortName(household.unitName)
    return [room, `${building}-${unit}-${room}`, `${building}-${room}`].some((number) => number.startsWith(wanted))
  }
  return [room, searchKey(household.label), searchKey(household.ownerName ?? '')].some((text) => text !== '' && text.includes(wanted))
}

/** Whether a household passes a chip; without its state (role or loading) only 全部 passes. */
export function passesFilter(state: HouseholdState | null, filter: HouseholdFilter): boolean {
  if (filter === HouseholdFilter.All) return true
  if (!state) return false
  switch (filter) {
    case HouseholdFilter.Unbound:
      return state.boundResidents === 0
    case HouseholdFilter.Unanswered:
      return state.answer === null && state.inConsultation !== false
    case HouseholdFilter.Refused:
      return state.answer === Answer.Refuse
    case HouseholdFilter.Visited:
      return state.visits > 0
  }
  return true
}

export interface HouseholdCounts {
  households: number
  bound: number
  answered: number
  refused: number
}

/** The figures on a collapsed building or unit; states missing for a household count as unknown, not as no. */
export function countHouseholds(states: Array<HouseholdState | null>): HouseholdCounts {
  const known = states.filter((s): s is HouseholdState => s !== null)
  return {
    households: states.length,
    bound: known.filter((s) => s.boundResidents > 0).length,
    answered: known.filter((s) => s.answer !== null).length,
    refused: known.filter((s) => s.answer === Answer.Refuse).length,
  }
}

export function addCounts(a: HouseholdCounts, b: HouseholdCounts): HouseholdCounts {
  return { households: a.households + b.households, bound: a.bound + b.bound, answered: a.answered + b.answered, refused: a.refused + b.refused }
}
