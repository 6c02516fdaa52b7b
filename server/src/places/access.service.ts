import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ScopeType } from '@linyi/shared';
import { Repository } from 'typeorm';
import type { Actor, StaffActor } from '../auth/actor.js';
import { notFound } from '../common/app.exception.js';
import { Community } from './community.entity.js';
import { Compound } from './compound.entity.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { Household } from './household.entity.js';
import { StreetOffice } from './street-office.entity.js';

/**
 * Scope checks shared by every feature. Out-of-scope places answer 404, as if they did not exist:
 * a committee must not learn which compounds other communities have.
 */
@Injectable()
export class AccessService {
  constructor(
    @InjectRepository(StreetOffice) private readonly streetOffices: Repository<StreetOffice>,
    @InjectRepository(Compound) private readonly compounds: Repository<Compound>,
    @InjectRepository(Community) private readonly communities: Repository<Community>,
    @InjectRepository(Household) private readonly households: Repository<Household>,
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
  ) {}

  /** The compound, if the staff member's scope covers it. */
  async compoundForStaff(actor: StaffActor, compoundId: string): Promise<Compound> {
    const compound = await this.compounds.findOneBy({ id: compoundId });
    if (!compound || !(await this.covers(actor, compound))) throw notFound('小区');
    return compound;
  }

  /** The street office, if the staff member's scope covers all of it: admin any, street staff their own. */
  async streetOfficeForStaff(actor: StaffActor, streetOfficeId: string): Promise<StreetOffice> {
    const street = coversStreetOffice(actor, streetOfficeId) ? await this.streetOffices.findOneBy({ id: streetOfficeId }) : null;
    if (!street) throw notFound('街道');
    return street;
  }

  /** Street offices within a staff member's scope, by name: admin every one, street staff their own, narrower scopes none. */
  async streetOfficesInScope(actor: StaffActor): Promise<StreetOffice[]> {
    if (actor.scopeType === ScopeType.All) return this.streetOffices.find({ order: { name: 'ASC' } });
    if (actor.scopeType !== ScopeType.StreetOffice || !actor.scopeId) return [];
    return this.streetOffices.findBy({ id: actor.scopeId });
  }

  /** The household, if the caller may see it: staff by scope, residents by binding. */
  async householdFor(actor: Actor, householdId: string): Promise<Household> {
    const household = await this.households.findOneBy({ id: householdId });
    if (!household) throw notFound('房屋');
    if (actor.kind === 'resident') {
      if (!(await this.members.existsBy({ householdId, residentId: actor.id }))) throw notFound('房屋');
      return household;
    }
    await this.compoundForStaff(actor, household.compoundId);
    return household;
  }

  /** Compounds within a staff member's scope. */
  async compoundsInScope(actor: StaffActor): Promise<Compound[]> {
    const query = this.compounds.createQueryBuilder('c').orderBy('c.name', 'ASC');
    switch (actor.scopeType) {
      case ScopeType.All:
        return query.getMany();
      case ScopeType.Compound:
        return query.where('c.id = :id', { id: actor.scopeId }).getMany();
      case ScopeType.Community:
        return query.where('c.communityId = :id', { id: actor.scopeId }).getMany();
      case ScopeType.StreetOffice:
        return query.innerJoin(Community, 'm', 'm.id = c.communityId').where('m.streetOfficeId = :id', { id: actor.scopeId }).getMany();
    }
  }

  private async covers(actor: StaffActor, compound: Compound): Promise<boolean> {
    switch (actor.scopeType) {
      case ScopeType.All:
        return true;
      case ScopeType.Compound:
        return compound.id === actor.scopeId;
      case ScopeType.Community:
        return compound.communityId === actor.scopeId;
      case ScopeType.StreetOffice: {
        const community = await this.communities.findOneBy({ id: compound.communityId });
        return community?.streetOfficeId === actor.scopeId;
      }
    }
  }
}

/** A community or compound scope sees part of a street, never the whole street office. */
function coversStreetOffice(actor: StaffActor, streetOfficeId: string): boolean {
  return actor.scopeType === ScopeType.All || (actor.scopeType === ScopeType.StreetOffice && actor.scopeId === streetOfficeId);
}
