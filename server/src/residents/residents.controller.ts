import { Body, Controller, Get, HttpCode, Inject, Ip, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor } from '@linyi/shared';
import type { Actor, ResidentActor, StaffActor } from '../auth/actor.js';
import { CurrentActor, ResidentOnly, ResidentsAndStaff, StaffOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { BindHouseholdDto } from './dto/bind-household.dto.js';
import { CreateInviteCodeDto } from './dto/create-invite-code.dto.js';
import { InviteCodesService } from './invite-codes.service.js';
import { MeService } from './me.service.js';

@ApiTags('residents')
@ApiBearerAuth()
@Controller()
export class ResidentsController {
  constructor(
    @Inject(InviteCodesService) private readonly invites: InviteCodesService,
    @Inject(MeService) private readonly meService: MeService,
  ) {}

  @Post('households/:householdId/invite-codes')
  @StaffOnly(...rolesFor(StaffAction.IssueInviteCode))
  issueInvite(@CurrentActor() actor: StaffActor, @Param('householdId', uuidParam('房屋')) householdId: string, @Body() dto: CreateInviteCodeDto) {
    return this.invites.issue(actor, householdId, dto.role);
  }

  @Get('households/:householdId')
  @ResidentsAndStaff(...rolesFor(StaffAction.ViewCompounds))
  household(@CurrentActor() actor: Actor, @Param('householdId', uuidParam('房屋')) householdId: string) {
    return this.meService.household(actor, householdId);
  }

  @Post('me/bindings')
  @HttpCode(200)
  @ResidentOnly()
  bind(@CurrentActor() actor: ResidentActor, @Body() dto: BindHouseholdDto, @Ip() clientIp: string) {
    return this.invites.redeem(actor, dto.inviteCode, clientIp);
  }

  @Get('me')
  @ResidentOnly()
  me(@CurrentActor() actor: ResidentActor) {
    return this.meService.me(actor);
  }
}
