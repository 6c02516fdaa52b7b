import type { CompoundStructure, HouseholdNode, HouseholdState } from '@linyi/shared'
import { HouseholdFilter, addCounts, countHouseholds, matchesSearch, passesFilter } from './household-filter.rules'
import type { HouseholdCounts } from './household-filter.rules'

/** One household of the page: where it is (structure) and how it stands (state, for organisers). */
export interface HouseholdEntry {
  node: HouseholdNode
  state: HouseholdState | null
}

export interface UnitView {
  id: string
  name: string
  counts: HouseholdCounts
  /** The households the search and chip let through, in roster order. */
  shown: HouseholdEntry[]
}

export interface BuildingView {
  id: string
  name: string
  counts: HouseholdCounts
  units: UnitView[]
  shownCount: number
}

export interface Narrowing {
  query: string
  filter: HouseholdFilter
}

export const isNarrowed = ({ query, filter }: Narrowing) => query.trim() !== '' || filter !== HouseholdFilter.All

/**
 * The structure with each household's state, counted per unit and building (over all households),
 * and narrowed by the search and chip; when narrowed, units and buildings without a match drop out.
 */
export function compoundTree(structure: CompoundStructure, states: HouseholdState[] | null, narrowing: Narrowing): BuildingView[] {
  const byId = new Map((states ?? []).map((state) => [state.householdId, state]))
  const narrowed = isNarrowed(narrowing)
  const buildings = structure.buildings.map((building) => {
    const units = building.units.map((unit) => {
      const entries = unit.households.map((node) => ({ node, state: byId.get(node.id) ?? null }))
      const shown = entries.filter(
        ({ node, state }) =>
          passesFilter(state, narrowing.filter) &&
          matchesSearch({ label: node.label, room: node.room, buildingName: building.name, unitName: unit.name, ownerName: state?.ownerName }, narrowing.query),
      )
      return { id: unit.id, name: unit.name, counts: countHouseholds(entries.map((e) => e.state)), shown }
    })
    const kept = narrowed ? units.filter((unit) => unit.shown.length > 0) : units
    return {
      id: building.id,
      name: building.name,
      counts: units.map((u) => u.counts).reduce(addCounts, countHouseholds([])),
      units: kept,
      shownCount: kept.reduce((sum, unit) => sum + unit.shown.length, 0),
    }
  })
  return narrowed ? buildings.filter((building) => building.shownCount > 0) : buildings
}
