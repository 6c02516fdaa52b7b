import { householdLabel, householdReadiness, ScreeningStatus } from '@linyi/shared';

/** Where one household's screening stands: all the counts need to know about it. */
export interface HouseholdStanding {
  status: ScreeningStatus | null;
  hasCarePlan: boolean;
}

/** A row of a unit joined to its households: `householdId` null for a unit without households. */
export interface PlacedStanding extends HouseholdStanding {
  unitId: string;
  unitName: string;
  buildingName: string;
  householdId: string | null;
}

export interface UnitTally {
  households: number;
  /** Screened in any way: nothing needed, needs care, or withdrawn by the resident (readiness ≠ NOT_SCREENED). */
  screened: number;
  needsCare: number;
  /** Needs care and has its care plan. */
  withCarePlan: number;
  notScreened: number;
  needsPlan: number;
}

export interface UnitStandings {
  unitId: string;
  label: string;
  tally: UnitTally;
}

/** Roster order of names: "2号楼" before "10号楼". */
export const byNaturalName = (a: string, b: string) => a.localeCompare(b, 'zh-Hans-CN', { numeric: true });

/** A unit as staff read it, e.g. "1号楼2单元": the household label without its room. */
export const unitLabel = (buildingName: string, unitName: string) => householdLabel(buildingName, unitName, '');

/** A care plan counts only for a household that needs care: a stale plan of another status is not "with plan". */
export const withCarePlan = (standing: HouseholdStanding) => standing.status === ScreeningStatus.NeedsCare && standing.hasCarePlan;

export function tallyUnit(standings: HouseholdStanding[]): UnitTally {
  const tally: UnitTally = { households: standings.length, screened: 0, needsCare: 0, withCarePlan: 0, notScreened: 0, needsPlan: 0 };
  for (const standing of standings) {
    const readiness = householdReadiness(standing.status, standing.hasCarePlan);
    if (readiness === 'NOT_SCREENED') tally.notScreened++;
    else tally.screened++;
    if (readiness === 'NEEDS_PLAN') tally.needsPlan++;
    if (standing.status === ScreeningStatus.NeedsCare) tally.needsCare++;
    if (withCarePlan(standing)) tally.withCarePlan++;
  }
  return tally;
}

/** Units in building-then-unit order, each with the tally of its households (zero for a unit without any). */
export function unitsInOrder(rows: PlacedStanding[]): UnitStandings[] {
  const units = new Map<string, { buildingName: string; unitName: string; standings: HouseholdStanding[] }>();
  for (const row of rows) {
    let unit = units.get(row.unitId);
    if (!unit) units.set(row.unitId, (unit = { buildingName: row.buildingName, unitName: row.unitName, standings: [] }));
    if (row.householdId !== null) unit.standings.push({ status: row.status, hasCarePlan: row.hasCarePlan });
  }
  return [...units.entries()]
    .sort(([, a], [, b]) => byNaturalName(a.buildingName, b.buildingName) || byNaturalName(a.unitName, b.unitName))
    .map(([unitId, unit]) => ({ unitId, label: unitLabel(unit.buildingName, unit.unitName), tally: tallyUnit(unit.standings) }));
}

/** Households of a unit from the lowest floor up, rooms in natural order. */
export function inRoomOrder<T extends { floor: number; room: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.floor - b.floor || byNaturalName(a.room, b.room));
}

/** Households of a compound in roster order: building, unit, floor, room. */
export function inRosterOrder<T extends { buildingName: string; unitName: string; floor: number; room: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => byNaturalName(a.buildingName, b.buildingName) || byNaturalName(a.unitName, b.unitName) || a.floor - b.floor || byNaturalName(a.room, b.room));
}
