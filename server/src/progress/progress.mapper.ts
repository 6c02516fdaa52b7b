import type { Answer, AnswerChannel, CompoundHouseholds, ConsultationHouseholds, GroupState, HouseholdState } from '@linyi/shared';
import { rawDateToIso } from '../common/raw-date.js';

/** Roster order: 2号楼 before 10号楼, then floor, then room. */
const byName = (a: string, b: string) => a.localeCompare(b, 'zh-Hans-CN', { numeric: true });

interface PlaceRow {
  householdId: string;
  label: string;
  room: string;
  floor: number | string;
  unitId: string;
  unitName: string;
  buildingId: string;
  buildingName: string;
}

const inRosterOrder = <T extends PlaceRow>(rows: T[]) =>
  [...rows].sort((a, b) => byName(a.buildingName, b.buildingName) || byName(a.unitName, b.unitName) || Number(a.floor) - Number(b.floor) || byName(a.room, b.room));

export interface AnswerClassRow extends PlaceRow {
  answer: Answer | null;
  optionId: string | null;
  finalRefusalAt: unknown;
  /** The unit's group state (grouping by unit only). */
  groupState: GroupState | null;
}

const isSet = (value: unknown) => value !== null && value !== undefined;

/** The electorate as a tree of buildings and units, with nothing but each household's answer class. */
export function toConsultationHouseholds(consultationId: string, compoundId: string, rows: AnswerClassRow[]): ConsultationHouseholds {
  const buildings = new Map<string, ConsultationHouseholds['buildings'][number]>();
  const units = new Map<string, ConsultationHouseholds['buildings'][number]['units'][number]>();
  for (const row of inRosterOrder(rows)) {
    let building = buildings.get(row.buildingId);
    if (!building) buildings.set(row.buildingId, (building = { id: row.buildingId, name: row.buildingName, units: [] }));
    let unit = units.get(row.unitId);
    if (!unit) {
      unit = { id: row.unitId, name: row.unitName, groupState: row.groupState ?? null, households: [] };
      units.set(row.unitId, unit);
      building.units.push(unit);
    }
    unit.households.push({
      householdId: row.householdId,
      label: row.label,
      room: row.room,
      floor: Number(row.floor),
      answer: row.answer ?? null,
      optionId: row.optionId ?? null,
      finalRefusal: isSet(row.finalRefusalAt),
    });
  }
  return { consultationId, compoundId, buildings: [...buildings.values()] };
}

export interface HouseholdRow extends PlaceRow {
  ownerName: string;
  phone: string | null;
}

export interface ResponseRow {
  householdId: string;
  answer: Answer;
  optionId: string | null;
  channel: AnswerChannel;
  answeredAt: unknown;
  finalRefusalAt: unknown;
}

export interface HouseholdFacts {
  boundResidents: Map<string, number>;
  responses: Map<string, ResponseRow>;
  visits: Map<string, { count: number; last: string | null }>;
  /** The consultation's electorate; null without a consultation. */
  electorate: Set<string> | null;
}

/** Every household of the compound with what the committee follows up on. */
export function toCompoundHouseholds(compoundId: string, consultationId: string | null, rows: HouseholdRow[], facts: HouseholdFacts): CompoundHouseholds {
  const households = inRosterOrder(rows).map((row): HouseholdState => {
    const response = facts.responses.get(row.householdId);
    const visit = facts.visits.get(row.householdId);
    return {
      householdId: row.householdId,
      label: row.label,
      room: row.room,
      floor: Number(row.floor),
      buildingId: row.buildingId,
      unitId: row.unitId,
      ownerName: row.ownerName,
      phone: row.phone ?? null,
      boundResidents: facts.boundResidents.get(row.householdId) ?? 0,
      answer: response?.answer ?? null,
      optionId: response?.optionId ?? null,
      channel: response?.channel ?? null,
      answeredAt: rawDateToIso(response?.answeredAt),
      visits: visit?.count ?? 0,
      lastVisitAt: visit?.last ?? null,
      finalRefusal: isSet(response?.finalRefusalAt),
      ...(facts.electorate ? { inConsultation: facts.electorate.has(row.householdId) } : {}),
    };
  });
  return { compoundId, consultationId, households };
}
