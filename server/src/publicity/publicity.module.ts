import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { PlacesModule } from '../places/places.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { ObjectionsService } from './objections.service.js';
import { PublicityAccess } from './publicity-access.js';
import { PublicityPublisher } from './publicity-publish.service.js';
import { PublicityController } from './publicity.controller.js';
import { PublicityService } from './publicity.service.js';
import { ResultNoticeService } from './result-notice.service.js';

/**
 * Issue 12, publicity of results: the preliminary result (初步统计结果公示) with its objection window
 * (询异公示), objections answered by the committee, the final result (结果公示), the notice-board PDF.
 */
@Module({
  imports: [PlacesModule, RemindersModule],
  controllers: [PublicityController],
  providers: [AuditService, PublicityAccess, PublicityService, PublicityPublisher, ObjectionsService, ResultNoticeService],
})
export class PublicityModule {}
