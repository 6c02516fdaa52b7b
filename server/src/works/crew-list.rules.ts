import { ScreeningStatus, type CrewHousehold, type CrewList } from '@linyi/shared';
import { byNaturalName, inRoomOrder, unitLabel } from '../special-needs/screening-overview.rules.js';

export interface CrewUnitRow {
  unitId: string;
  buildingName: string;
  unitName: string;
}

export interface CrewWindowRow {
  id: string;
  unitId: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  priority: boolean;
}

/** A household of the plan's units with its booking (if any) and, for a booked one, its screening status and the care plan's crew line. */
export interface CrewHouseholdRow {
  householdId: string;
  unitId: string;
  label: string;
  room: string;
  floor: number;
  rosterPhone: string | null;
  bookedWindowId: string | null;
  bookingPhone: string | null;
  screeningStatus: ScreeningStatus | null;
  carePlanNote: string | null;
}

/** The crew sees the care plan's one line only while the household needs care (a withdrawn or erased screening shows nothing). */
export function crewAssistanceNote(status: ScreeningStatus | null, carePlanNote: string | null): string | null {
  return status === ScreeningStatus.NeedsCare && carePlanNote ? carePlanNote : null;
}

/** The number the crew rings: the one given at booking, else the roster's. */
export const crewPhone = (row: CrewHouseholdRow) => row.bookingPhone ?? row.rosterPhone;

/**
 * The crew's list: windows in unit (building, unit) then start order, each with its households from
 * the lowest floor up, and the unbooked in roster order. `shownNotes` are the households whose care
 * line is in it: each of them is a logged read.
 */
export function crewList(units: CrewUnitRow[], windows: CrewWindowRow[], households: CrewHouseholdRow[]): { list: CrewList; shownNotes: CrewHouseholdRow[] } {
  const unitOrder = [...units].sort((a, b) => byNaturalName(a.buildingName, b.buildingName) || byNaturalName(a.unitName, b.unitName));
  const rank = new Map(unitOrder.map((unit, index) => [unit.unitId, index]));
  const labels = new Map(units.map((unit) => [unit.unitId, unitLabel(unit.buildingName, unit.unitName)]));
  const ordered = [...windows].sort((a, b) => (rank.get(a.unitId) ?? 0) - (rank.get(b.unitId) ?? 0) || a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
  const byWindow = new Map<string, CrewHouseholdRow[]>(ordered.map((w) => [w.id, []]));
  const unbooked: CrewHouseholdRow[] = [];
  for (const row of households) {
    if (!row.bookedWindowId) unbooked.push(row);
    else byWindow.get(row.bookedWindowId)?.push(row);
  }
  const shownNotes: CrewHouseholdRow[] = [];
  const toCrew = (row: CrewHouseholdRow): CrewHousehold => {
    const assistanceNote = crewAssistanceNote(row.screeningStatus, row.carePlanNote);
    if (assistanceNote) shownNotes.push(row);
    return { householdId: row.householdId, label: row.label, contactPhone: crewPhone(row), assistanceNote };
  };
  const list: CrewList = {
    windows: ordered.map((w) => ({
      windowId: w.id,
      unitId: w.unitId,
      unitLabel: labels.get(w.unitId) ?? '',
      startsAt: w.startsAt.toISOString(),
      endsAt: w.endsAt.toISOString(),
      capacity: w.capacity,
      priority: w.priority,
      households: inRoomOrder(byWindow.get(w.id)!).map(toCrew),
    })),
    unbooked: unbooked
      .sort((a, b) => (rank.get(a.unitId) ?? 0) - (rank.get(b.unitId) ?? 0) || a.floor - b.floor || byNaturalName(a.room, b.room))
      .map((row) => ({ householdId: row.householdId, label: row.label, unitId: row.unitId })),
  };
  return { list, shownNotes };
}
