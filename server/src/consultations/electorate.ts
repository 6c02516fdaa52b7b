import { GroupBy } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import type { Building } from '../places/building.entity.js';
import type { Compound } from '../places/compound.entity.js';
import type { Household } from '../places/household.entity.js';
import type { Unit } from '../places/unit.entity.js';
import { ownerKey } from './consultation.rules.js';

export interface PlannedGroup {
  id: string;
  placeId: string;
  label: string;
  householdIds: string[];
}

/**
 * Splits the households taking part into groups (unit, building or whole compound) and freezes
 * each household's group, area and owner identity. Groups without households are not created.
 */
export function planElectorate(groupBy: GroupBy, compound: Compound, buildings: Building[], units: Unit[], households: Household[]) {
  const unitById = new Map(units.map((u) => [u.id, u]));
  const buildingById = new Map(buildings.map((b) => [b.id, b]));
  const groups = new Map<string, PlannedGroup>();
  const rows = households.map((household) => {
    const unit = unitById.get(household.unitId)!;
    const building = buildingById.get(unit.buildingId)!;
    const place =
      groupBy === GroupBy.Unit
        ? { id: unit.id, label: `${building.name}${unit.name}` }
        : groupBy === GroupBy.Building
          ? { id: building.id, label: building.name }
          : { id: compound.id, label: compound.name };
    let group = groups.get(place.id);
    if (!group) {
      group = { id: randomUUID(), placeId: place.id, label: place.label, householdIds: [] };
      groups.set(place.id, group);
    }
    group.householdIds.push(household.id);
    return {
      householdId: household.id,
      groupId: group.id,
      unitId: unit.id,
      areaCenti: Math.round(Number(household.areaM2) * 100),
      ownerKey: ownerKey(household.ownerName, household.phone, household.id),
    };
  });
  return { groups: [...groups.values()], rows };
}
