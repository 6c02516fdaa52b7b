import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { StaffActor } from '../auth/actor.js';
import { AccessService } from './access.service.js';
import { Building } from './building.entity.js';
import { Household } from './household.entity.js';
import { Unit } from './unit.entity.js';

@Injectable()
export class PlacesService {
  constructor(
    @Inject(AccessService) private readonly access: AccessService,
    @InjectRepository(Building) private readonly buildings: Repository<Building>,
    @InjectRepository(Unit) private readonly units: Repository<Unit>,
    @InjectRepository(Household) private readonly households: Repository<Household>,
  ) {}

  compoundsInScope(actor: StaffActor) {
    return this.access.compoundsInScope(actor);
  }

  async structure(actor: StaffActor, compoundId: string) {
    const compound = await this.access.compoundForStaff(actor, compoundId);
    const [buildings, units, households] = await Promise.all([
      this.buildings.findBy({ compoundId }),
      this.units.findBy({ compoundId }),
      this.households.findBy({ compoundId }),
    ]);
    return { compound, buildings, units, households };
  }
}
