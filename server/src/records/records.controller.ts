import { Body, Controller, Get, Inject, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor, type CompoundBoards, type RefusalNoticeView } from '@linyi/shared';
import type { Response } from 'express';
import type { Actor, StaffActor } from '../auth/actor.js';
import { CurrentActor, ResidentsAndStaff, StaffOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { PDF, pdfFile } from '../documents/pdf-response.js';
import { ApplicationService } from './application.service.js';
import { BoardsService } from './boards.service.js';
import { BoardsDto } from './dto/boards.dto.js';
import { RefusalNoticesService } from './refusal-notices.service.js';

/** Printable records of a consultation: the household's signed application and its final-refusal notice. */
@ApiTags('records')
@ApiBearerAuth()
@Controller('consultations/:id')
@ResidentsAndStaff(...rolesFor(StaffAction.PrintRecords))
export class RecordsController {
  constructor(
    @Inject(ApplicationService) private readonly applications: ApplicationService,
    @Inject(RefusalNoticesService) private readonly notices: RefusalNoticesService,
  ) {}

  /** 404 when the household has not answered. */
  @Get('responses/:householdId/application.pdf')
  @ApiProduces(PDF)
  async application(@CurrentActor() actor: Actor, @Param('id', uuidParam('征询事项')) id: string, @Param('householdId', uuidParam('房屋')) householdId: string, @Res({ passthrough: true }) response: Response) {
    return pdfFile(response, await this.applications.pdf(actor, id, householdId), 'application.pdf');
  }

  /** 404 when no refusal of this household was made final. */
  @Get('households/:householdId/refusal-notice')
  refusalNotice(@CurrentActor() actor: Actor, @Param('id', uuidParam('征询事项')) id: string, @Param('householdId', uuidParam('房屋')) householdId: string): Promise<RefusalNoticeView> {
    return this.notices.view(actor, id, householdId);
  }

  @Get('households/:householdId/refusal-notice.pdf')
  @ApiProduces(PDF)
  async refusalNoticePdf(@CurrentActor() actor: Actor, @Param('id', uuidParam('征询事项')) id: string, @Param('householdId', uuidParam('房屋')) householdId: string, @Res({ passthrough: true }) response: Response) {
    return pdfFile(response, await this.notices.pdf(actor, id, householdId), 'refusal-notice.pdf');
  }
}

/** The compound's publicity boards (公示牌): read by its residents and staff, posted by the contractor or the committee. */
@ApiTags('records')
@ApiBearerAuth()
@Controller('compounds/:compoundId')
export class BoardsController {
  constructor(@Inject(BoardsService) private readonly boards: BoardsService) {}

  @Get('boards')
  @ResidentsAndStaff(...rolesFor(StaffAction.ViewBoards))
  get(@CurrentActor() actor: Actor, @Param('compoundId', uuidParam('小区')) compoundId: string): Promise<CompoundBoards> {
    return this.boards.get(actor, compoundId);
  }

  /** Replaces the boards: 400 BOARDS_INVALID names the row and field that is wrong. Owner supervisors are named through …/owner-supervisors. */
  @Put('boards')
  @StaffOnly(...rolesFor(StaffAction.EditBoards))
  replace(@CurrentActor() actor: StaffActor, @Param('compoundId', uuidParam('小区')) compoundId: string, @Body() dto: BoardsDto): Promise<CompoundBoards> {
    return this.boards.replace(actor, compoundId, dto);
  }

  @Get('boards.pdf')
  @ResidentsAndStaff(...rolesFor(StaffAction.ViewBoards))
  @ApiProduces(PDF)
  async pdf(@CurrentActor() actor: Actor, @Param('compoundId', uuidParam('小区')) compoundId: string, @Res({ passthrough: true }) response: Response) {
    return pdfFile(response, await this.boards.pdf(actor, compoundId), 'boards.pdf');
  }
}
