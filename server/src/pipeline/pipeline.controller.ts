import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PIPELINE_GATES, PipelineGate, StaffAction, rolesFor, type PipelineView, type ResidentPipelineView } from '@linyi/shared';
import type { Response } from 'express';
import type { Actor, StaffActor } from '../auth/actor.js';
import { CurrentActor, ResidentsAndStaff, StaffOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { oneOfParam } from '../common/validation/params.js';
import { PDF, pdfFile } from '../documents/pdf-response.js';
import { GateRecordDto, MovePipelineDto, OwnersOrganisationDto } from './dto/pipeline.dto.js';
import { PipelineMoveService } from './pipeline-move.service.js';
import { PipelineService } from './pipeline.service.js';
import { PlanNoticeService } from './plan-notice.service.js';

/** The renovation pipeline (API.md "The renovation pipeline"): stage, gates, excluded buildings, the advance notice. */
@ApiTags('pipeline')
@ApiBearerAuth()
@Controller('compounds/:compoundId')
export class PipelineController {
  constructor(
    @Inject(PipelineService) private readonly pipeline: PipelineService,
    @Inject(PipelineMoveService) private readonly moves: PipelineMoveService,
    @Inject(PlanNoticeService) private readonly notice: PlanNoticeService,
  ) {}

  /** Staff of the place: everything. Residents of the compound: the stage and the notice only. */
  @Get('pipeline')
  @ResidentsAndStaff(...rolesFor(StaffAction.ViewPipeline))
  view(@CurrentActor() actor: Actor, @Param('compoundId', uuidParam('小区')) compoundId: string): Promise<PipelineView | ResidentPipelineView> {
    return this.pipeline.view(actor, compoundId);
  }

  /** 409 PIPELINE_GATES_UNMET with `gates` listing every unmet gate; 409 for a move the pipeline does not allow. */
  @Post('pipeline')
  @HttpCode(200)
  @StaffOnly(...rolesFor(StaffAction.ManagePipeline))
  move(@CurrentActor() actor: StaffActor, @Param('compoundId', uuidParam('小区')) compoundId: string, @Body() dto: MovePipelineDto): Promise<PipelineView> {
    return this.moves.move(actor, compoundId, dto);
  }

  @Put('owners-organisation')
  @StaffOnly(...rolesFor(StaffAction.ManagePipeline))
  organisation(@CurrentActor() actor: StaffActor, @Param('compoundId', uuidParam('小区')) compoundId: string, @Body() dto: OwnersOrganisationDto): Promise<PipelineView> {
    return this.pipeline.recordOwnersOrganisation(actor, compoundId, dto);
  }

  /** ILLEGAL_STRUCTURES_CLEARED `{met, note}`; FUND_PLEDGE `{required, note}`; the other gates follow their records (400). */
  @Put('gates/:gate')
  @ApiParam({ name: 'gate', enum: PipelineGate, description: 'ILLEGAL_STRUCTURES_CLEARED or FUND_PLEDGE; the other two follow their records' })
  @StaffOnly(...rolesFor(StaffAction.ManagePipeline))
  gate(
    @CurrentActor() actor: StaffActor,
    @Param('compoundId', uuidParam('小区')) compoundId: string,
    @Param('gate', oneOfParam<PipelineGate>('条件', PIPELINE_GATES)) gate: PipelineGate,
    @Body() dto: GateRecordDto,
  ): Promise<PipelineView> {
    return this.pipeline.recordGate(actor, compoundId, gate, dto);
  }

  /** 404 PLAN_NOTICE_NOT_ISSUED before the compound entered the reserve. */
  @Get('pipeline/notice.pdf')
  @ApiProduces(PDF)
  @ResidentsAndStaff(...rolesFor(StaffAction.ViewPipeline))
  async pdf(@CurrentActor() actor: Actor, @Param('compoundId', uuidParam('小区')) compoundId: string, @Res({ passthrough: true }) response: Response) {
    return pdfFile(response, await this.notice.pdf(actor, compoundId), 'plan-notice.pdf');
  }
}
