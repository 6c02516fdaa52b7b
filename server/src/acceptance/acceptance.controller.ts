import { Body, Controller, Get, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor, type AcceptanceResult, type HouseholdAcceptanceView, type InspectionCreated } from '@linyi/shared';
import type { Response } from 'express';
import type { Actor, StaffActor } from '../auth/actor.js';
import { CurrentActor, ResidentsAndStaff, StaffOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { sha256Param, uuidQuery } from '../common/validation/params.js';
import { AcceptanceService } from './acceptance.service.js';
import { AcceptanceDto } from './dto/acceptance.dto.js';
import { InspectionDto } from './dto/inspection.dto.js';

/** Per-household acceptance (分户验收): the crew's inspections, the household's decision, what it sees before signing. */
@ApiTags('acceptance')
@ApiBearerAuth()
@Controller('households')
export class AcceptanceController {
  constructor(@Inject(AcceptanceService) private readonly acceptance: AcceptanceService) {}

  @Post(':householdId/inspections')
  @StaffOnly(...rolesFor(StaffAction.InspectWorks))
  inspect(@CurrentActor() actor: StaffActor, @Param('householdId', uuidParam('房屋')) householdId: string, @Body() dto: InspectionDto): Promise<InspectionCreated> {
    return this.acceptance.inspect(actor, householdId, dto);
  }

  @Put(':householdId/acceptance')
  @ResidentsAndStaff(...rolesFor(StaffAction.RecordPaperAcceptance))
  decide(@CurrentActor() actor: Actor, @Param('householdId', uuidParam('房屋')) householdId: string, @Body() dto: AcceptanceDto): Promise<AcceptanceResult> {
    return this.acceptance.decide(actor, householdId, dto);
  }

  @Get(':householdId/acceptance')
  @ResidentsAndStaff(...rolesFor(StaffAction.ViewWorks))
  @ApiQuery({ name: 'workPlanId', required: true, schema: { type: 'string', format: 'uuid' } })
  view(@CurrentActor() actor: Actor, @Param('householdId', uuidParam('房屋')) householdId: string, @Query('workPlanId', uuidQuery('workPlanId', '施工计划')) workPlanId: string): Promise<HouseholdAcceptanceView> {
    return this.acceptance.view(actor, householdId, workPlanId);
  }

  /** A photo, signature or scan of the household's acceptance or repairs, by its hash. */
  @Get(':householdId/acceptance/photos/:sha256')
  @ResidentsAndStaff(...rolesFor(StaffAction.ViewWorks))
  @ApiProduces('image/png', 'image/jpeg')
  async photo(@CurrentActor() actor: Actor, @Param('householdId', uuidParam('房屋')) householdId: string, @Param('sha256', sha256Param('照片')) sha256: string, @Res() response: Response) {
    const image = await this.acceptance.photo(actor, householdId, sha256);
    response.setHeader('content-type', image.mime);
    response.setHeader('cache-control', 'private, max-age=86400, immutable');
    response.send(image.bytes);
  }
}
