import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor, type MySurvey, type SurveyAnswerReceipt, type SurveyResults, type SurveyView } from '@linyi/shared';
import type { Actor, ResidentActor, StaffActor } from '../auth/actor.js';
import { CurrentActor, ResidentOnly, ResidentsAndStaff, StaffOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { CreateSurveyDto } from './dto/create-survey.dto.js';
import { SurveyAnswerDto } from './dto/survey-answer.dto.js';
import { SurveyAnswersService } from './survey-answers.service.js';
import { SurveysService } from './surveys.service.js';

const READERS = [...new Set([...rolesFor(StaffAction.AuthorSurvey), ...rolesFor(StaffAction.ViewSurveyResults)])];

/** Needs and satisfaction surveys (问需于民 / 问效于民). */
@ApiTags('surveys')
@ApiBearerAuth()
@Controller()
export class SurveysController {
  constructor(
    @Inject(SurveysService) private readonly surveys: SurveysService,
    @Inject(SurveyAnswersService) private readonly answers: SurveyAnswersService,
  ) {}

  @Post('surveys')
  @StaffOnly(...rolesFor(StaffAction.AuthorSurvey))
  create(@CurrentActor() actor: StaffActor, @Body() dto: CreateSurveyDto): Promise<SurveyView> {
    return this.surveys.create(actor, dto);
  }

  @Post('surveys/:surveyId/publish')
  @HttpCode(200)
  @StaffOnly(...rolesFor(StaffAction.AuthorSurvey))
  publish(@CurrentActor() actor: StaffActor, @Param('surveyId', uuidParam('问卷')) surveyId: string): Promise<SurveyView> {
    return this.surveys.publish(actor, surveyId);
  }

  @Post('surveys/:surveyId/close')
  @HttpCode(200)
  @StaffOnly(...rolesFor(StaffAction.AuthorSurvey))
  close(@CurrentActor() actor: StaffActor, @Param('surveyId', uuidParam('问卷')) surveyId: string): Promise<SurveyView> {
    return this.surveys.close(actor, surveyId);
  }

  @Get('compounds/:compoundId/surveys')
  @StaffOnly(...READERS)
  forCompound(@CurrentActor() actor: StaffActor, @Param('compoundId', uuidParam('小区')) compoundId: string): Promise<SurveyView[]> {
    return this.surveys.forCompound(actor, compoundId);
  }

  @Get('surveys/:surveyId')
  @ResidentsAndStaff(...READERS)
  view(@CurrentActor() actor: Actor, @Param('surveyId', uuidParam('问卷')) surveyId: string): Promise<SurveyView> {
    return this.surveys.view(actor, surveyId);
  }

  @Get('me/surveys')
  @ResidentOnly()
  mine(@CurrentActor() actor: ResidentActor): Promise<MySurvey[]> {
    return this.answers.mine(actor);
  }

  @Post('surveys/:surveyId/answers')
  @ResidentOnly()
  answer(@CurrentActor() actor: ResidentActor, @Param('surveyId', uuidParam('问卷')) surveyId: string, @Body() dto: SurveyAnswerDto): Promise<SurveyAnswerReceipt> {
    return this.answers.answer(actor, surveyId, dto);
  }

  @Get('surveys/:surveyId/results')
  @StaffOnly(...rolesFor(StaffAction.ViewSurveyResults))
  results(@CurrentActor() actor: StaffActor, @Param('surveyId', uuidParam('问卷')) surveyId: string): Promise<SurveyResults> {
    return this.answers.results(actor, surveyId);
  }
}
