import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor, type StreetOfficeSummary } from '@linyi/shared';
import type { StaffActor } from '../auth/actor.js';
import { CurrentActor, StaffOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { StreetStatusService } from './street-status.service.js';

@ApiTags('street offices')
@ApiBearerAuth()
@Controller('street-offices')
@StaffOnly(...rolesFor(StaffAction.ViewStreetDashboard))
export class StreetStatusController {
  constructor(@Inject(StreetStatusService) private readonly status: StreetStatusService) {}

  @Get()
  list(@CurrentActor() actor: StaffActor): Promise<StreetOfficeSummary[]> {
    return this.status.offices(actor);
  }

  @Get(':streetOfficeId/status')
  get(@CurrentActor() actor: StaffActor, @Param('streetOfficeId', uuidParam('街道')) streetOfficeId: string) {
    return this.status.status(actor, streetOfficeId);
  }
}
