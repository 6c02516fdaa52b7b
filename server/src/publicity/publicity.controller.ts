import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor, type MyPublicity, type ObjectionView, type PublicityView } from '@linyi/shared';
import type { Response } from 'express';
import type { Actor, ResidentActor, StaffActor } from '../auth/actor.js';
import { CurrentActor, ResidentOnly, ResidentsAndStaff, StaffOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { PDF, pdfFile } from '../documents/pdf-response.js';
import { ObjectionDto, ObjectionResolutionDto, PreliminaryResultDto } from './dto/publicity.dto.js';
import { ObjectionsService } from './objections.service.js';
import { PublicityPublisher } from './publicity-publish.service.js';
import { PublicityService } from './publicity.service.js';
import { ResultNoticeService } from './result-notice.service.js';

/** Publicity of results (API.md "Publicity, objections and printable records"): preliminary result, objections, final result, the notice. */
@ApiTags('publicity')
@ApiBearerAuth()
@Controller()
export class PublicityController {
  constructor(
    @Inject(PublicityService) private readonly publicity: PublicityService,
    @Inject(PublicityPublisher) private readonly publisher: PublicityPublisher,
    @Inject(ObjectionsService) private readonly objections: ObjectionsService,
    @Inject(ResultNoticeService) private readonly notice: ResultNoticeService,
  ) {}

  /** 409 RESULT_NOT_READY before the consultation has closed and settled; 409 PRELIMINARY_ALREADY_PUBLISHED the second time. */
  @Post('consultations/:id/preliminary-result')
  @HttpCode(200)
  @StaffOnly(...rolesFor(StaffAction.PublishResults))
  preliminary(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('征询事项')) id: string, @Body() dto: PreliminaryResultDto): Promise<PublicityView> {
    return this.publisher.preliminary(actor, id, dto.objectionDays);
  }

  /** 409 while the window is open, while an objection is unanswered, before the preliminary result, after the final one. */
  @Post('consultations/:id/final-result')
  @HttpCode(200)
  @StaffOnly(...rolesFor(StaffAction.PublishResults))
  final(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('征询事项')) id: string): Promise<PublicityView> {
    return this.publisher.final(actor, id);
  }

  /** Residents of the compound: the published board only, their own objections. Staff: a live preview before publication, every objection. */
  @Get('consultations/:id/publicity')
  @ResidentsAndStaff(...rolesFor(StaffAction.ViewAnswerClasses))
  view(@CurrentActor() actor: Actor, @Param('id', uuidParam('征询事项')) id: string): Promise<PublicityView> {
    return this.publicity.view(actor, id);
  }

  @Get('me/publicity')
  @ResidentOnly()
  mine(@CurrentActor() actor: ResidentActor): Promise<MyPublicity[]> {
    return this.publicity.mine(actor);
  }

  @Post('consultations/:id/objections')
  @ResidentOnly()
  file(@CurrentActor() actor: ResidentActor, @Param('id', uuidParam('征询事项')) id: string, @Body() dto: ObjectionDto): Promise<ObjectionView> {
    return this.objections.file(actor, id, dto);
  }

  @Get('consultations/:id/objections')
  @StaffOnly(...rolesFor(StaffAction.ViewObjections))
  list(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('征询事项')) id: string): Promise<ObjectionView[]> {
    return this.publicity.objections(actor, id);
  }

  /** Once: 409 OBJECTION_ALREADY_ANSWERED the second time. */
  @Put('consultations/:id/objections/:objectionId')
  @StaffOnly(...rolesFor(StaffAction.AnswerObjections))
  answer(
    @CurrentActor() actor: StaffActor,
    @Param('id', uuidParam('征询事项')) id: string,
    @Param('objectionId', uuidParam('异议')) objectionId: string,
    @Body() dto: ObjectionResolutionDto,
  ): Promise<ObjectionView> {
    return this.objections.answer(actor, id, objectionId, dto);
  }

  /** The notice for the notice board, of the result in force; 409 PRELIMINARY_NOT_PUBLISHED before publication. */
  @Get('consultations/:id/result-notice.pdf')
  @ApiProduces(PDF)
  @ResidentsAndStaff(...rolesFor(StaffAction.ViewAnswerClasses))
  async pdf(@CurrentActor() actor: Actor, @Param('id', uuidParam('征询事项')) id: string, @Res({ passthrough: true }) response: Response) {
    return pdfFile(response, await this.notice.pdf(actor, id), 'result-notice.pdf');
  }
}
