import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor } from '@linyi/shared';
import type { StaffActor } from '../auth/actor.js';
import { CurrentActor, StaffOnly } from '../auth/auth.decorators.js';
import { AppException } from '../common/app.exception.js';
import { uuidParam } from '../common/uuid-param.js';
import { NudgeDto } from './dto/nudge.dto.js';
import { UpdateReminderPolicyDto } from './dto/reminder-policy.dto.js';
import { ReminderStatus } from './reminder.entity.js';
import { RemindersService } from './reminders.service.js';

@ApiTags('reminders')
@ApiBearerAuth()
@Controller()
@StaffOnly(...rolesFor(StaffAction.ManageReminders))
export class RemindersController {
  constructor(@Inject(RemindersService) private readonly reminders: RemindersService) {}

  @Get('consultations/:id/reminders')
  @ApiQuery({ name: 'status', required: false, enum: ReminderStatus })
  overview(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('征询事项')) id: string, @Query('status') status?: string) {
    if (status !== undefined && !Object.values(ReminderStatus).includes(status as ReminderStatus)) {
      throw new AppException('VALIDATION_FAILED', `status 只能是 ${Object.values(ReminderStatus).join('、')}`);
    }
    return this.reminders.overview(actor, id, status as ReminderStatus | undefined);
  }

  @Put('consultations/:id/reminder-policy')
  updatePolicy(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('征询事项')) id: string, @Body() dto: UpdateReminderPolicyDto) {
    return this.reminders.updatePolicy(actor, id, dto);
  }

  @Post('consultations/:id/reminders/pause')
  @HttpCode(200)
  pause(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('征询事项')) id: string) {
    return this.reminders.setPaused(actor, id, true);
  }

  @Post('consultations/:id/reminders/resume')
  @HttpCode(200)
  resume(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('征询事项')) id: string) {
    return this.reminders.setPaused(actor, id, false);
  }

  @Post('consultations/:id/reminders/:reminderId/retry')
  @HttpCode(200)
  retry(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('征询事项')) id: string, @Param('reminderId', uuidParam('提醒')) reminderId: string) {
    return this.reminders.retry(actor, id, reminderId);
  }

  @Post('households/:householdId/nudge')
  nudge(@CurrentActor() actor: StaffActor, @Param('householdId', uuidParam('房屋')) householdId: string, @Body() dto: NudgeDto) {
    return this.reminders.nudge(actor, householdId, dto.consultationId);
  }
}
