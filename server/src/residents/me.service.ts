import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { MeResponse } from '@linyi/shared';
import { In, Repository } from 'typeorm';
import type { Actor, ResidentActor } from '../auth/actor.js';
import { AccessService } from '../places/access.service.js';
import { AppException } from '../common/app.exception.js';
import { Compound } from '../places/compound.entity.js';
import { Household } from '../places/household.entity.js';
import { HouseholdMember } from './household-member.entity.js';
import { Resident } from './resident.entity.js';
import { toMyHousehold, toResidentView } from './residents.mapper.js';

@Injectable()
export class MeService {
  constructor(
    @InjectRepository(Resident) private readonly residents: Repository<Resident>,
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
    @InjectRepository(Household) private readonly households: Repository<Household>,
    @InjectRepository(Compound) private readonly compounds: Repository<Compound>,
    @Inject(AccessService) private readonly access: AccessService,
  ) {}

  /** One household's register entry: its bound residents, or staff whose scope covers it. */
  async household(actor: Actor, householdId: string) {
    const h = await this.access.householdFor(actor, householdId);
    return { id: h.id, label: h.label, room: h.room, floor: h.floor, areaM2: h.areaM2, compoundId: h.compoundId, unitId: h.unitId };
  }

  async me(actor: ResidentActor): Promise<MeResponse> {
    const resident = await this.residents.findOneBy({ id: actor.id });
    if (!resident) throw new AppException('UNAUTHENTICATED', '账号不存在，请重新登录');
    const memberships = await this.members.find({ where: { residentId: actor.id }, order: { createdAt: 'ASC' } });
    const households = await this.households.findBy({ id: In(memberships.map((m) => m.householdId)) });
    const compounds = await this.compounds.findBy({ id: In(households.map((h) => h.compoundId)) });
    return {
      resident: toResidentView(resident),
      households: memberships.map((member) => {
        const household = households.find((h) => h.id === member.householdId)!;
        return toMyHousehold(member, household, compounds.find((c) => c.id === household.compoundId)!);
      }),
    };
  }
}
