import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor, type AcceptanceProgressView } from '@linyi/shared';
import type { StaffActor } from '../auth/actor.js';
import { CurrentActor, StaffOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { AcceptanceProgressService } from './acceptance-progress.service.js';

/** The plan's acceptance, unit by unit: what the committee chases and the contractor works down. */
@ApiTags('acceptance')
@ApiBearerAuth()
@Controller('work-plans')
export class AcceptanceProgressController {
  constructor(@Inject(AcceptanceProgressService) private readonly progress: AcceptanceProgressService) {}

  /** 404 outside the caller's scope; 409 PLAN_NOT_PUBLISHED for a draft. */
  @Get(':id/acceptance')
  @StaffOnly(...rolesFor(StaffAction.ViewWorks))
  get(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('施工计划')) id: string): Promise<AcceptanceProgressView> {
    return this.progress.progress(actor, id);
  }
}
