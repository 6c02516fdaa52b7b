import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { PlacesModule } from '../places/places.module.js';
import { SensitiveAccessLogController } from './access-log.controller.js';
import { MyScreeningController } from './my-screening.controller.js';
import { MyScreeningService } from './my-screening.service.js';
import { ScreeningOverviewController } from './screening-overview.controller.js';
import { ScreeningOverviewService } from './screening-overview.service.js';
import { ScreeningRetentionService } from './screening-retention.service.js';
import { ScreeningScanStore } from './screening-scan.store.js';
import { ScreeningController } from './screening.controller.js';
import { ScreeningService } from './screening.service.js';
import { SensitiveAccessLogService } from './sensitive-access-log.service.js';
import { UnitWorksStatus } from './unit-works-status.js';

/**
 * Special-needs screening and care plans (issue 9, API.md "Special needs and care plans"): health
 * and disability details for the committee and the street office only, every read logged.
 * `ScreeningOverviewService.unitReadiness` and `UnitWorksStatus` are what the works issue builds on.
 */
@Module({
  imports: [PlacesModule],
  controllers: [ScreeningController, ScreeningOverviewController, MyScreeningController, SensitiveAccessLogController],
  providers: [AuditService, SensitiveAccessLogService, ScreeningScanStore, ScreeningService, ScreeningOverviewService, MyScreeningService, ScreeningRetentionService, UnitWorksStatus],
  exports: [ScreeningOverviewService, UnitWorksStatus, SensitiveAccessLogService],
})
export class SpecialNeedsModule {}
