import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor } from '@linyi/shared';
import type { StaffActor } from '../auth/actor.js';
import { CurrentActor, StaffOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { toCompoundSettings } from './compound-settings.mapper.js';
import { CompoundSettingsService } from './compound-settings.service.js';
import { UpdateCompoundSettingsDto } from './dto/update-compound-settings.dto.js';

@ApiTags('places')
@ApiBearerAuth()
@Controller('compounds/:compoundId/settings')
export class CompoundSettingsController {
  constructor(@Inject(CompoundSettingsService) private readonly settings: CompoundSettingsService) {}

  @Get()
  @StaffOnly(...rolesFor(StaffAction.ViewCompounds))
  async get(@CurrentActor() actor: StaffActor, @Param('compoundId', uuidParam('小区')) compoundId: string) {
    return toCompoundSettings(await this.settings.get(actor, compoundId));
  }

  @Put()
  @StaffOnly(...rolesFor(StaffAction.EditCompoundSettings))
  async update(@CurrentActor() actor: StaffActor, @Param('compoundId', uuidParam('小区')) compoundId: string, @Body() dto: UpdateCompoundSettingsDto) {
    return toCompoundSettings(await this.settings.update(actor, compoundId, dto));
  }
}
