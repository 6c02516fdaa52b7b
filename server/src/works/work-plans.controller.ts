import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor, type WorkPlanSummary, type WorkPlanView, type WorkWindowView } from '@linyi/shared';
import type { StaffActor } from '../auth/actor.js';
import { CurrentActor, StaffOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { uuidQuery } from '../common/validation/params.js';
import { CreateWorkPlanDto, UpdateWorkPlanDto } from './dto/work-plan.dto.js';
import { CreateWorkWindowDto } from './dto/work-window.dto.js';
import { WorkPlanPublisher } from './work-plan-publish.service.js';
import { WorkPlansService } from './work-plans.service.js';

/** Work plans and their windows: written by the compound's contractor or the committee, read by staff of the place. */
@ApiTags('works')
@ApiBearerAuth()
@Controller('work-plans')
export class WorkPlansController {
  constructor(
    @Inject(WorkPlansService) private readonly plans: WorkPlansService,
    @Inject(WorkPlanPublisher) private readonly publisher: WorkPlanPublisher,
  ) {}

  @Post()
  @StaffOnly(...rolesFor(StaffAction.ManageWorks))
  create(@CurrentActor() actor: StaffActor, @Body() dto: CreateWorkPlanDto): Promise<WorkPlanView> {
    return this.plans.create(actor, dto);
  }

  @Get()
  @StaffOnly(...rolesFor(StaffAction.ViewWorks))
  @ApiQuery({ name: 'compoundId', required: true, description: 'the compound whose plans to list (newest first)' })
  list(@CurrentActor() actor: StaffActor, @Query('compoundId', uuidQuery('compoundId', '小区')) compoundId: string): Promise<WorkPlanSummary[]> {
    return this.plans.list(actor, compoundId);
  }

  @Get(':id')
  @StaffOnly(...rolesFor(StaffAction.ViewWorks))
  get(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('施工计划')) id: string): Promise<WorkPlanView> {
    return this.plans.get(actor, id);
  }

  /** Drafts only (409 WORK_PLAN_NOT_DRAFT once published); a unit left out of `unitIds` loses its windows. */
  @Patch(':id')
  @StaffOnly(...rolesFor(StaffAction.ManageWorks))
  update(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('施工计划')) id: string, @Body() dto: UpdateWorkPlanDto): Promise<WorkPlanView> {
    return this.plans.update(actor, id, dto);
  }

  @Delete(':id')
  @StaffOnly(...rolesFor(StaffAction.ManageWorks))
  discard(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('施工计划')) id: string): Promise<{ deleted: true }> {
    return this.plans.discard(actor, id);
  }

  /** Also on a published plan, then at least WORK_NOTICE_DAYS ahead. */
  @Post(':id/windows')
  @StaffOnly(...rolesFor(StaffAction.ManageWorks))
  addWindow(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('施工计划')) id: string, @Body() dto: CreateWorkWindowDto): Promise<WorkWindowView> {
    return this.plans.addWindow(actor, id, dto);
  }

  @Delete(':id/windows/:windowId')
  @StaffOnly(...rolesFor(StaffAction.ManageWorks))
  removeWindow(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('施工计划')) id: string, @Param('windowId', uuidParam('施工时段')) windowId: string): Promise<{ deleted: true }> {
    return this.plans.removeWindow(actor, id, windowId);
  }

  /** 200 with the published plan, or 409 WORK_PLAN_NOT_READY listing every unit's problems. */
  @Post(':id/publish')
  @HttpCode(200)
  @StaffOnly(...rolesFor(StaffAction.ManageWorks))
  publish(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('施工计划')) id: string): Promise<WorkPlanView> {
    return this.publisher.publish(actor, id);
  }
}
