import { Body, Controller, Get, Inject, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor, type ScreeningView } from '@linyi/shared';
import type { Response } from 'express';
import type { StaffActor } from '../auth/actor.js';
import { CurrentActor, StaffOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { CarePlanDto } from './dto/care-plan.dto.js';
import { ScreeningDto } from './dto/screening.dto.js';
import { ScreeningService } from './screening.service.js';

/** One household's special-needs screening and care plan: committee and street staff only, reads logged. */
@ApiTags('special-needs')
@ApiBearerAuth()
@Controller('households/:householdId')
@StaffOnly(...rolesFor(StaffAction.ScreenHouseholds))
export class ScreeningController {
  constructor(@Inject(ScreeningService) private readonly screenings: ScreeningService) {}

  @Put('screening')
  record(@CurrentActor() actor: StaffActor, @Param('householdId', uuidParam('房屋')) householdId: string, @Body() dto: ScreeningDto): Promise<ScreeningView> {
    return this.screenings.record(actor, householdId, dto);
  }

  @Get('screening')
  read(@CurrentActor() actor: StaffActor, @Param('householdId', uuidParam('房屋')) householdId: string): Promise<ScreeningView> {
    return this.screenings.read(actor, householdId);
  }

  @Put('care-plan')
  saveCarePlan(@CurrentActor() actor: StaffActor, @Param('householdId', uuidParam('房屋')) householdId: string, @Body() dto: CarePlanDto): Promise<ScreeningView> {
    return this.screenings.saveCarePlan(actor, householdId, dto);
  }

  /** The signed consent form: sensitive, so never cached (each view is a logged read). */
  @Get('screening/consent-scan')
  async consentScan(@CurrentActor() actor: StaffActor, @Param('householdId', uuidParam('房屋')) householdId: string, @Res() response: Response): Promise<void> {
    const image = await this.screenings.consentScan(actor, householdId);
    response.setHeader('content-type', image.mime);
    response.setHeader('cache-control', 'no-store');
    response.send(image.bytes);
  }
}
