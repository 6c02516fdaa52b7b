import { ResidentRole } from '@linyi/shared';
import type { DataSource } from 'typeorm';
import type { ResidentActor, StaffActor } from '../auth/actor.js';
import { Building } from '../places/building.entity.js';
import { Compound } from '../places/compound.entity.js';
import { Household } from '../places/household.entity.js';
import { Unit } from '../places/unit.entity.js';
import { backfillInbox } from '../inbox/inbox-backfill.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { Resident } from '../residents/resident.entity.js';
import { StaffAccount } from '../staff/staff-account.entity.js';

/** Who the demo acts as, and where: the seeders go through the real services as these actors. */
export async function demoStaffActor(dataSource: DataSource, username: string): Promise<StaffActor> {
  const s = await dataSource.getRepository(StaffAccount).findOneByOrFail({ username });
  return { kind: 'staff', id: s.id, role: s.role, scopeType: s.scopeType, scopeId: s.scopeId };
}

export async function demoResidentByOpenid(dataSource: DataSource, openid: string): Promise<ResidentActor> {
  const resident = await dataSource.getRepository(Resident).findOneByOrFail({ openid });
  return { kind: 'resident', id: resident.id };
}

/** A new resident with this openid (H5: dev login with it), bound to the household as its owner. */
export async function bindDemoResident(dataSource: DataSource, householdId: string, openid: string): Promise<ResidentActor> {
  const resident = await dataSource.getRepository(Resident).save(dataSource.getRepository(Resident).create({ openid, unionid: null, name: null }));
  await dataSource.getRepository(HouseholdMember).save(dataSource.getRepository(HouseholdMember).create({ householdId, residentId: resident.id, role: ResidentRole.Owner }));
  // As the invite code does: what the household was told before is in the new resident's inbox.
  await backfillInbox(dataSource.manager, householdId, resident.id);
  return { kind: 'resident', id: resident.id };
}

/** Unit and household ids of a compound by building, unit name and room; a name that is not there stops the seeding. */
export async function demoPlacesOf(dataSource: DataSource, compoundName: string) {
  const compound = await dataSource.getRepository(Compound).findOneByOrFail({ name: compoundName });
  const buildings = await dataSource.getRepository(Building).findBy({ compoundId: compound.id });
  const units = await dataSource.getRepository(Unit).findBy({ compoundId: compound.id });
  const households = await dataSource.getRepository(Household).findBy({ compoundId: compound.id });
  const unit = (buildingName: string, unitName: string) => {
    const building = buildings.find((b) => b.name === buildingName);
    const found = units.find((u) => u.buildingId === building?.id && u.name === unitName);
    if (!found) throw new Error(`demo: no unit ${compoundName}${buildingName}${unitName}`);
    return found.id;
  };
  const household = (buildingName: string, unitName: string, room: string) => {
    const unitId = unit(buildingName, unitName);
    const found = households.find((h) => h.unitId === unitId && h.room === room);
    if (!found) throw new Error(`demo: no household ${compoundName}${buildingName}${unitName}${room}`);
    return found.id;
  };
  return { compoundId: compound.id, unit, household };
}
