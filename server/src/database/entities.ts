import { Building } from '../places/building.entity.js';
import { Community } from '../places/community.entity.js';
import { Compound } from '../places/compound.entity.js';
import { Household } from '../places/household.entity.js';
import { StreetOffice } from '../places/street-office.entity.js';
import { Unit } from '../places/unit.entity.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { InviteCode } from '../residents/invite-code.entity.js';
import { Resident } from '../residents/resident.entity.js';
import { StaffAccount } from '../staff/staff-account.entity.js';

export const ENTITIES = [StreetOffice, Community, Compound, Building, Unit, Household, Resident, HouseholdMember, InviteCode, StaffAccount];
