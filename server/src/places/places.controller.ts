import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor } from '@linyi/shared';
import type { StaffActor } from '../auth/actor.js';
import { CurrentActor, StaffOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { toCompoundStructure, toCompoundSummary } from './places.mapper.js';
import { PlacesService } from './places.service.js';

@ApiTags('places')
@ApiBearerAuth()
@Controller('compounds')
@StaffOnly(...rolesFor(StaffAction.ViewCompounds))
export class PlacesController {
  constructor(@Inject(PlacesService) private readonly places: PlacesService) {}

  @Get()
  async list(@CurrentActor() actor: StaffActor) {
    return (await this.places.compoundsInScope(actor)).map(toCompoundSummary);
  }

  @Get(':compoundId/structure')
  async structure(@CurrentActor() actor: StaffActor, @Param('compoundId', uuidParam('小区')) compoundId: string) {
    const { compound, buildings, units, households } = await this.places.structure(actor, compoundId);
    return toCompoundStructure(compound, buildings, units, households);
  }
}
