import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StaffRole } from '@linyi/shared';
import type { StaffActor } from '../auth/actor.js';
import { CurrentActor, StaffOnly } from '../auth/auth.decorators.js';
import { toStaffView } from '../staff/staff.mapper.js';
import { StaffAccountsService } from './staff-accounts.service.js';

@ApiTags('staff accounts')
@ApiBearerAuth()
@Controller('staff/me')
@StaffOnly(...Object.values(StaffRole))
export class StaffMeController {
  constructor(@Inject(StaffAccountsService) private readonly accounts: StaffAccountsService) {}

  /** The console refreshes its stored profile from this, so a re-scoped account's screens follow at once. */
  @Get()
  async me(@CurrentActor() actor: StaffActor) {
    return toStaffView(await this.accounts.me(actor));
  }
}
