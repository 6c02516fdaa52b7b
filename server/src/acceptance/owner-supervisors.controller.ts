import { Body, Controller, Get, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor, type OwnerSupervisorView, type SupervisionPlan, type SupervisorSignOffView } from '@linyi/shared';
import type { ResidentActor, StaffActor } from '../auth/actor.js';
import { CurrentActor, ResidentOnly, StaffOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { OwnerSupervisorsDto } from './dto/owner-supervisors.dto.js';
import { SignOffDto } from './dto/sign-off.dto.js';
import { OwnerSupervisorsService } from './owner-supervisors.service.js';
import { SignOffPlansService } from './sign-off-plans.service.js';
import { SignOffService } from './sign-off.service.js';

/** The compound's owner supervisors: named by the committee; their sign-offs on acceptances; what each may sign. */
@ApiTags('acceptance')
@ApiBearerAuth()
@Controller()
export class OwnerSupervisorsController {
  constructor(
    @Inject(OwnerSupervisorsService) private readonly supervisors: OwnerSupervisorsService,
    @Inject(SignOffService) private readonly signOffs: SignOffService,
    @Inject(SignOffPlansService) private readonly plans: SignOffPlansService,
  ) {}

  @Get('compounds/:compoundId/owner-supervisors')
  @StaffOnly(...rolesFor(StaffAction.ViewWorks))
  list(@CurrentActor() actor: StaffActor, @Param('compoundId', uuidParam('小区')) compoundId: string): Promise<OwnerSupervisorView[]> {
    return this.supervisors.list(actor, compoundId);
  }

  /** Replaces the list: 0 to 2 households of the compound (400 TOO_MANY_SUPERVISORS beyond). */
  @Put('compounds/:compoundId/owner-supervisors')
  @StaffOnly(...rolesFor(StaffAction.NameOwnerSupervisors))
  replace(@CurrentActor() actor: StaffActor, @Param('compoundId', uuidParam('小区')) compoundId: string, @Body() dto: OwnerSupervisorsDto): Promise<OwnerSupervisorView[]> {
    return this.supervisors.replace(actor, compoundId, dto);
  }

  /** 403 NOT_SUPERVISOR unless the caller is bound to a supervisor household of the compound; 409 NOT_ACCEPTED, ALREADY_SIGNED. */
  @Post('households/:householdId/acceptance/sign-offs')
  @ResidentOnly()
  signOff(@CurrentActor() actor: ResidentActor, @Param('householdId', uuidParam('房屋')) householdId: string, @Body() dto: SignOffDto): Promise<SupervisorSignOffView> {
    return this.signOffs.signOff(actor, householdId, dto);
  }

  /** Empty for a resident the committee has not named. */
  @Get('me/supervision')
  @ResidentOnly()
  supervision(@CurrentActor() actor: ResidentActor): Promise<SupervisionPlan[]> {
    return this.plans.supervision(actor);
  }
}
