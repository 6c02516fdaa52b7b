import type { MyHousehold, ResidentView } from '@linyi/shared';
import type { Compound } from '../places/compound.entity.js';
import type { Household } from '../places/household.entity.js';
import type { HouseholdMember } from './household-member.entity.js';
import type { Resident } from './resident.entity.js';

/** Explicit fields only: the WeChat session key must never be serialised. */
export function toResidentView(resident: Resident): ResidentView {
  return { id: resident.id, openid: resident.openid, name: resident.name };
}

export function toMyHousehold(member: HouseholdMember, household: Household, compound: Compound): MyHousehold {
  return { id: household.id, label: household.label, compoundId: compound.id, compoundName: compound.name, unitId: household.unitId, role: member.role };
}
