import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { MyWorkPlan } from '@linyi/shared';
import type { Response } from 'express';
import type { ResidentActor } from '../auth/actor.js';
import { CurrentActor, ResidentOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { uuidQuery } from '../common/validation/params.js';
import { MyWorkWindowsService } from './my-work-windows.service.js';

/** The resident's side of in-home works: their unit's windows and their own booking. */
@ApiTags('works')
@ApiBearerAuth()
@Controller('me')
@ResidentOnly()
export class MyWorkWindowsController {
  constructor(@Inject(MyWorkWindowsService) private readonly mine: MyWorkWindowsService) {}

  @Get('work-windows')
  list(@CurrentActor() actor: ResidentActor): Promise<MyWorkPlan[]> {
    return this.mine.list(actor);
  }

  /** The booking for the phone's calendar. */
  @Get('households/:householdId/booking.ics')
  @ApiQuery({ name: 'workPlanId', required: true, schema: { type: 'string', format: 'uuid' } })
  @ApiProduces('text/calendar')
  async calendar(
    @CurrentActor() actor: ResidentActor,
    @Param('householdId', uuidParam('房屋')) householdId: string,
    @Query('workPlanId', uuidQuery('workPlanId', '施工计划')) workPlanId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const { fileName, text } = await this.mine.calendar(actor, householdId, workPlanId);
    response.setHeader('content-type', 'text/calendar; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="booking.ics"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    response.setHeader('cache-control', 'no-store');
    return text;
  }
}
