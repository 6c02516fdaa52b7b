import { ScopeType, StaffRole, householdLabel } from '@linyi/shared';
import bcrypt from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { Building } from '../places/building.entity.js';
import { Community } from '../places/community.entity.js';
import { Compound } from '../places/compound.entity.js';
import { Household } from '../places/household.entity.js';
import { StreetOffice } from '../places/street-office.entity.js';
import { Unit } from '../places/unit.entity.js';
import { StaffAccount } from '../staff/staff-account.entity.js';
import { DEMO_COMMUNITIES, DEMO_PASSWORD, DEMO_STREET_OFFICE, demoOwner, type DemoCompound } from './demo-data.js';

export const DEMO_LOGINS = [
  { username: 'committee-demo', role: StaffRole.Committee, note: '光明社区居委会' },
  { username: 'committee2-demo', role: StaffRole.Committee, note: '红星社区居委会' },
  { username: 'street-demo', role: StaffRole.Street, note: '和平里街道办事处' },
  { username: 'contractor-demo', role: StaffRole.Contractor, note: '光明里小区施工单位' },
  // Listed so the production check covers it too, should anyone enable it again.
  { username: 'contractor-old-demo', role: StaffRole.Contractor, note: '幸福苑小区原施工单位（已停用）' },
];

/** Seeds the demo district once; a database that already has a street office is left alone. */
export async function seedDemo(dataSource: DataSource): Promise<boolean> {
  if ((await dataSource.getRepository(StreetOffice).count()) > 0) return false;
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  await dataSource.transaction(async (manager) => {
    const street = await manager.save(manager.create(StreetOffice, { name: DEMO_STREET_OFFICE }));
    const communityIds: string[] = [];
    const compoundIds: string[] = [];
    let ownerIndex = 0;
    for (const demoCommunity of DEMO_COMMUNITIES) {
      const community = await manager.save(manager.create(Community, { name: demoCommunity.name, streetOfficeId: street.id }));
      communityIds.push(community.id);
      for (const demoCompound of demoCommunity.compounds) {
        const compound = await manager.save(manager.create(Compound, { name: demoCompound.name, address: demoCompound.address, emergencyPhone: demoCompound.emergencyPhone, communityId: community.id }));
        compoundIds.push(compound.id);
        ownerIndex = await seedCompound(manager, compound.id, demoCompound, ownerIndex);
      }
    }
    const scopeIdOf = { committee: communityIds[0], committee2: communityIds[1], street: street.id, contractor: compoundIds[0], oldContractor: compoundIds[1] };
    const accounts = [
      { username: 'committee-demo', displayName: '光明社区 李主任', role: StaffRole.Committee, scopeType: ScopeType.Community, scopeId: scopeIdOf.committee },
      { username: 'committee2-demo', displayName: '红星社区 王主任', role: StaffRole.Committee, scopeType: ScopeType.Community, scopeId: scopeIdOf.committee2 },
      { username: 'street-demo', displayName: '和平里街道 张科长', role: StaffRole.Street, scopeType: ScopeType.StreetOffice, scopeId: scopeIdOf.street },
      { username: 'contractor-demo', displayName: '光明里施工队 赵经理', role: StaffRole.Contractor, scopeType: ScopeType.Compound, scopeId: scopeIdOf.contractor },
      // A contractor whose works ended: the accounts screen shows a disabled row.
      { username: 'contractor-old-demo', displayName: '幸福苑原施工队 钱经理', role: StaffRole.Contractor, scopeType: ScopeType.Compound, scopeId: scopeIdOf.oldContractor, disabled: true },
    ];
    await manager.save(accounts.map((account) => manager.create(StaffAccount, { ...account, passwordHash })));
  });
  return true;
}

async function seedCompound(manager: EntityManager, compoundId: string, shape: DemoCompound, ownerIndex: number): Promise<number> {
  const households: Partial<Household>[] = [];
  for (let b = 1; b <= shape.buildings; b++) {
    const building = await manager.save(manager.create(Building, { compoundId, name: `${b}号楼` }));
    for (let u = 1; u <= shape.unitsPerBuilding; u++) {
      const unit = await manager.save(manager.create(Unit, { compoundId, buildingId: building.id, name: `${u}单元` }));
      for (let floor = 1; floor <= shape.floors; floor++) {
        for (let flat = 1; flat <= shape.flatsPerFloor; flat++) {
          const room = `${floor}0${flat}`;
          households.push({ id: randomUUID(), compoundId, unitId: unit.id, room, floor, label: householdLabel(building.name, unit.name, room), ...demoOwner(ownerIndex++) });
        }
      }
    }
  }
  for (let i = 0; i < households.length; i += 200) {
    await manager.createQueryBuilder().insert().into(Household).values(households.slice(i, i + 200)).execute();
  }
  return ownerIndex;
}
