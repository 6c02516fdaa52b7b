import { Body, Controller, Delete, Get, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ResidentActor } from '../auth/actor.js';
import { CurrentActor, ResidentOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { ScreeningConsentDto } from './dto/screening-consent.dto.js';
import { MyScreeningService } from './my-screening.service.js';

/** The bound resident's own screening record: staff read it only through the logged staff routes. */
@ApiTags('special-needs')
@ApiBearerAuth()
@Controller('me/households/:householdId/screening')
export class MyScreeningController {
  constructor(@Inject(MyScreeningService) private readonly mine: MyScreeningService) {}

  @Get()
  @ResidentOnly()
  read(@CurrentActor() actor: ResidentActor, @Param('householdId', uuidParam('房屋')) householdId: string) {
    return this.mine.read(actor, householdId);
  }

  @Post('consent')
  @ResidentOnly()
  consent(@CurrentActor() actor: ResidentActor, @Param('householdId', uuidParam('房屋')) householdId: string, @Body() dto: ScreeningConsentDto) {
    return this.mine.consent(actor, householdId, dto);
  }

  @Delete()
  @ResidentOnly()
  withdraw(@CurrentActor() actor: ResidentActor, @Param('householdId', uuidParam('房屋')) householdId: string) {
    return this.mine.withdraw(actor, householdId);
  }
}
