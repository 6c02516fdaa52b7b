import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor, type CompoundHouseholds, type ConsultationHouseholds, type ConsultationTrend } from '@linyi/shared';
import type { StaffActor } from '../auth/actor.js';
import { CurrentActor, StaffOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { optionalUuidQuery } from '../common/validation/params.js';
import { CompoundHouseholdsService } from './compound-households.service.js';
import { ProgressService } from './progress.service.js';

@ApiTags('progress')
@ApiBearerAuth()
@Controller()
export class ProgressController {
  constructor(
    @Inject(ProgressService) private readonly progress: ProgressService,
    @Inject(CompoundHouseholdsService) private readonly households: CompoundHouseholdsService,
  ) {}

  @Get('consultations/:id/trend')
  @StaffOnly(...rolesFor(StaffAction.ViewAnswerClasses))
  trend(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('征询事项')) id: string): Promise<ConsultationTrend> {
    return this.progress.trend(actor, id);
  }

  @Get('consultations/:id/households')
  @StaffOnly(...rolesFor(StaffAction.ViewAnswerClasses))
  answerClasses(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('征询事项')) id: string): Promise<ConsultationHouseholds> {
    return this.progress.answerClasses(actor, id);
  }

  @Get('compounds/:compoundId/households')
  @StaffOnly(...rolesFor(StaffAction.ViewHouseholdStates))
  @ApiQuery({ name: 'consultationId', required: false, description: 'a consultation of this compound: adds each household’s answer and visits' })
  compoundHouseholds(
    @CurrentActor() actor: StaffActor,
    @Param('compoundId', uuidParam('小区')) compoundId: string,
    @Query('consultationId', optionalUuidQuery('consultationId', '征询事项')) consultationId: string | undefined,
  ): Promise<CompoundHouseholds> {
    return this.households.list(actor, compoundId, consultationId);
  }
}
