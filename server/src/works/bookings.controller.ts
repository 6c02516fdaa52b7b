import { Body, Controller, Delete, Inject, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor, type BookingView } from '@linyi/shared';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, ResidentsAndStaff } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { uuidQuery } from '../common/validation/params.js';
import { BookingService } from './booking.service.js';
import { BookingDto } from './dto/booking.dto.js';

/** A household's booking of a work window: the bound resident, or committee staff for a household without a phone. */
@ApiTags('works')
@ApiBearerAuth()
@Controller('households')
@ResidentsAndStaff(...rolesFor(StaffAction.BookForHousehold))
export class BookingsController {
  constructor(@Inject(BookingService) private readonly bookings: BookingService) {}

  /** Books a window, or moves the household's booking of that plan to it. */
  @Put(':householdId/booking')
  book(@CurrentActor() actor: Actor, @Param('householdId', uuidParam('房屋')) householdId: string, @Body() dto: BookingDto): Promise<BookingView> {
    return this.bookings.book(actor, householdId, dto);
  }

  @Delete(':householdId/booking')
  @ApiQuery({ name: 'workPlanId', required: true, schema: { type: 'string', format: 'uuid' } })
  cancel(@CurrentActor() actor: Actor, @Param('householdId', uuidParam('房屋')) householdId: string, @Query('workPlanId', uuidQuery('workPlanId', '施工计划')) workPlanId: string) {
    return this.bookings.cancel(actor, householdId, workPlanId);
  }
}
