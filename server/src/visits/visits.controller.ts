import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor } from '@linyi/shared';
import type { StaffActor } from '../auth/actor.js';
import { CurrentActor, StaffOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { uuidQuery } from '../common/validation/params.js';
import { RecordVisitDto } from './dto/record-visit.dto.js';
import { VisitsService } from './visits.service.js';

@ApiTags('visits')
@ApiBearerAuth()
@Controller()
@StaffOnly(...rolesFor(StaffAction.RecordVisit))
export class VisitsController {
  constructor(@Inject(VisitsService) private readonly visits: VisitsService) {}

  @Post('households/:householdId/visits')
  record(@CurrentActor() actor: StaffActor, @Param('householdId', uuidParam('房屋')) householdId: string, @Body() dto: RecordVisitDto) {
    return this.visits.record(actor, householdId, dto);
  }

  @Get('households/:householdId/visits')
  list(@CurrentActor() actor: StaffActor, @Param('householdId', uuidParam('房屋')) householdId: string, @Query('consultationId', uuidQuery('consultationId', '征询事项')) consultationId: string) {
    return this.visits.list(actor, householdId, consultationId);
  }

  @Post('consultations/:id/households/:householdId/final-refusal')
  @HttpCode(200)
  markFinal(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('征询事项')) id: string, @Param('householdId', uuidParam('房屋')) householdId: string) {
    return this.visits.markFinal(actor, id, householdId);
  }
}
