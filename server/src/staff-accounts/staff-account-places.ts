import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SCOPE_OF_ROLE, ScopeType, type StaffRole } from '@linyi/shared';
import { In, Repository } from 'typeorm';
import type { StaffActor } from '../auth/actor.js';
import { notFound } from '../common/app.exception.js';
import { Community } from '../places/community.entity.js';
import { Compound } from '../places/compound.entity.js';
import { StreetOffice } from '../places/street-office.entity.js';

/** A place an account can be scoped to, with the street office it belongs to. */
export interface ScopePlace {
  type: ScopeType;
  id: string;
  name: string;
  streetOfficeId: string;
}

/** The places a manager reaches: a street office's own communities and compounds, or everything for an admin. */
export interface Reach {
  offices: StreetOffice[];
  communities: Community[];
  compounds: Compound[];
}

const PLACE_WORD: Record<ScopeType, string> = {
  [ScopeType.Community]: '社区',
  [ScopeType.Compound]: '小区',
  [ScopeType.StreetOffice]: '街道',
  [ScopeType.All]: '管辖范围',
};

export const ALL_PLACES_NAME = '全部';

/** Where accounts live: which street office a scope belongs to, and what the caller may reach. */
@Injectable()
export class StaffAccountPlaces {
  constructor(
    @InjectRepository(StreetOffice) private readonly offices: Repository<StreetOffice>,
    @InjectRepository(Community) private readonly communities: Repository<Community>,
    @InjectRepository(Compound) private readonly compounds: Repository<Compound>,
  ) {}

  /** The place a scope id names as a place of this type, or null when it names none. */
  async placeOf(type: ScopeType, scopeId: string | null): Promise<ScopePlace | null> {
    if (!scopeId) return null;
    switch (type) {
      case ScopeType.StreetOffice: {
        const office = await this.offices.findOneBy({ id: scopeId });
        return office && { type, id: office.id, name: office.name, streetOfficeId: office.id };
      }
      case ScopeType.Community: {
        const community = await this.communities.findOneBy({ id: scopeId });
        return community && { type, id: community.id, name: community.name, streetOfficeId: community.streetOfficeId };
      }
      case ScopeType.Compound: {
        const compound = await this.compounds.findOneBy({ id: scopeId });
        const community = compound && (await this.communities.findOneBy({ id: compound.communityId }));
        return compound && community ? { type, id: compound.id, name: compound.name, streetOfficeId: community.streetOfficeId } : null;
      }
      case ScopeType.All:
        return null;
    }
  }

  /** Whether the caller's scope covers an account (or a new scope) in this street office; admins cover all. */
  covers(actor: StaffActor, streetOfficeId: string | null): boolean {
    if (actor.scopeType === ScopeType.All) return true;
    return actor.scopeType === ScopeType.StreetOffice && streetOfficeId !== null && streetOfficeId === actor.scopeId;
  }

  /** The new scope of an account of `role`, if the caller may place accounts there; 404 otherwise, as if it did not exist. */
  async placeInReach(actor: StaffActor, role: StaffRole, scopeId: string): Promise<ScopePlace> {
    const place = await this.placeOf(SCOPE_OF_ROLE[role], scopeId);
    if (!place || !this.covers(actor, place.streetOfficeId)) throw notFound(PLACE_WORD[SCOPE_OF_ROLE[role]]);
    return place;
  }

  async reach(actor: StaffActor): Promise<Reach> {
    if (actor.scopeType === ScopeType.All) {
      const [offices, communities, compounds] = await Promise.all([this.offices.find(), this.communities.find(), this.compounds.find()]);
      return { offices, communities, compounds };
    }
    if (actor.scopeType !== ScopeType.StreetOffice || !actor.scopeId) return { offices: [], communities: [], compounds: [] };
    const offices = await this.offices.findBy({ id: actor.scopeId });
    const communities = await this.communities.findBy({ streetOfficeId: actor.scopeId });
    const compounds = communities.length ? await this.compounds.findBy({ communityId: In(communities.map((c) => c.id)) }) : [];
    return { offices, communities, compounds };
  }
}

/** The names of every place in reach, by scope type and id. */
export function placeNames(reach: Reach): (type: ScopeType, id: string | null) => string | undefined {
  const names = new Map<string, string>([
    ...reach.offices.map((o) => [`${ScopeType.StreetOffice}:${o.id}`, o.name] as const),
    ...reach.communities.map((c) => [`${ScopeType.Community}:${c.id}`, c.name] as const),
    ...reach.compounds.map((c) => [`${ScopeType.Compound}:${c.id}`, c.name] as const),
  ]);
  return (type, id) => (type === ScopeType.All ? ALL_PLACES_NAME : names.get(`${type}:${id}`));
}
