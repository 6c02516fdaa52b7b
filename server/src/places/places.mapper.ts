import type { CompoundStructure, CompoundSummary } from '@linyi/shared';
import type { Building } from './building.entity.js';
import type { Compound } from './compound.entity.js';
import type { Household } from './household.entity.js';
import type { Unit } from './unit.entity.js';

export function toCompoundSummary(compound: Compound): CompoundSummary {
  return { id: compound.id, name: compound.name, communityId: compound.communityId };
}

/** Buildings, units and rooms in natural order ("2号楼" before "10号楼"). */
export function toCompoundStructure(compound: Compound, buildings: Building[], units: Unit[], households: Household[]): CompoundStructure {
  const byNatural = (a: string, b: string) => a.localeCompare(b, 'zh-Hans-CN', { numeric: true });
  return {
    id: compound.id,
    name: compound.name,
    buildings: [...buildings]
      .sort((a, b) => byNatural(a.name, b.name))
      .map((building) => ({
        id: building.id,
        name: building.name,
        units: units
          .filter((unit) => unit.buildingId === building.id)
          .sort((a, b) => byNatural(a.name, b.name))
          .map((unit) => ({
            id: unit.id,
            name: unit.name,
            households: households
              .filter((household) => household.unitId === unit.id)
              .sort((a, b) => a.floor - b.floor || byNatural(a.room, b.room))
              .map((h) => ({ id: h.id, label: h.label, room: h.room, floor: h.floor, areaM2: h.areaM2 })),
          })),
      })),
  };
}
