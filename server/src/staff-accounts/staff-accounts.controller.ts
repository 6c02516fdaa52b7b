import { Body, Controller, Get, Inject, Ip, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor } from '@linyi/shared';
import type { StaffActor } from '../auth/actor.js';
import { CurrentActor, StaffOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { CreateStaffAccountDto } from './dto/create-staff-account.dto.js';
import { UpdateStaffAccountDto } from './dto/update-staff-account.dto.js';
import { StaffAccountsService } from './staff-accounts.service.js';

@ApiTags('staff accounts')
@ApiBearerAuth()
@Controller('staff-accounts')
@StaffOnly(...rolesFor(StaffAction.ManageStaffAccounts))
export class StaffAccountsController {
  constructor(@Inject(StaffAccountsService) private readonly accounts: StaffAccountsService) {}

  @Get()
  list(@CurrentActor() actor: StaffActor) {
    return this.accounts.list(actor);
  }

  @Get('scopes')
  scopes(@CurrentActor() actor: StaffActor) {
    return this.accounts.scopes(actor);
  }

  @Post()
  create(@CurrentActor() actor: StaffActor, @Body() dto: CreateStaffAccountDto) {
    return this.accounts.create(actor, dto);
  }

  @Patch(':id')
  @ApiOkResponse({ description: 'The account as changed (StaffAccountView); plus `accessToken` only when callers changed their own password, since the token they sent has ended.' })
  update(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('账号')) id: string, @Body() dto: UpdateStaffAccountDto, @Ip() clientIp: string) {
    return this.accounts.update(actor, id, dto, clientIp);
  }
}
