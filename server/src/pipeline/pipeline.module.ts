import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { PlacesModule } from '../places/places.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { PipelineMoveService } from './pipeline-move.service.js';
import { PipelineWorks } from './pipeline-works.js';
import { PipelineController } from './pipeline.controller.js';
import { PipelineService } from './pipeline.service.js';
import { PlanNoticeService } from './plan-notice.service.js';
import { WorksStartedSweep } from './works-started-sweep.js';

/**
 * Issue 14, the renovation pipeline: a compound's stage (储备库 → 年度计划 → 施工 → 完工), the
 * gates before the year's plan, buildings excluded after a failed window-guard consent, and the
 * advance notice on entering the reserve. Works import PipelineWorks to follow it.
 */
@Module({
  imports: [PlacesModule, RemindersModule],
  controllers: [PipelineController],
  providers: [AuditService, PipelineService, PipelineMoveService, PipelineWorks, PlanNoticeService, WorksStartedSweep],
  exports: [PipelineWorks],
})
export class PipelineModule {}
