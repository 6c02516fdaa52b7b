import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { PlacesModule } from '../places/places.module.js';
import { SurveyAccess } from './survey-access.js';
import { SurveyAnswersService } from './survey-answers.service.js';
import { SurveysController } from './surveys.controller.js';
import { SurveysService } from './surveys.service.js';

/** Issue 12: needs and satisfaction surveys (问需于民 / 问效于民); see docs/publicity.md. */
@Module({
  imports: [PlacesModule],
  controllers: [SurveysController],
  providers: [AuditService, SurveyAccess, SurveysService, SurveyAnswersService],
})
export class SurveysModule {}
