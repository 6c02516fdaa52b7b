import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { PipelineModule } from '../pipeline/pipeline.module.js';
import { PlacesModule } from '../places/places.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { SpecialNeedsModule } from '../special-needs/special-needs.module.js';
import { BookingService } from './booking.service.js';
import { BookingsController } from './bookings.controller.js';
import { CrewListController } from './crew-list.controller.js';
import { CrewListService } from './crew-list.service.js';
import { MyWorkWindowsController } from './my-work-windows.controller.js';
import { MyWorkWindowsService } from './my-work-windows.service.js';
import { WorkNoticeService } from './work-notice.service.js';
import { WorkPlanPublisher } from './work-plan-publish.service.js';
import { WorkPlansController } from './work-plans.controller.js';
import { WorkPlansService } from './work-plans.service.js';
import { WorksAccess } from './works-access.js';
import { WorksReminderSweep } from './works-reminder-sweep.js';

/**
 * In-home works and booking (issue 10, API.md "In-home works and booking"): plans and windows by the
 * contractor, publishing guarded by unanimity and screening, bookings under a capacity row lock,
 * reminders, the crew's list and the stairwell notice.
 */
@Module({
  imports: [PlacesModule, SpecialNeedsModule, RemindersModule, PipelineModule],
  controllers: [WorkPlansController, BookingsController, MyWorkWindowsController, CrewListController],
  providers: [AuditService, WorksAccess, WorkPlansService, WorkPlanPublisher, BookingService, MyWorkWindowsService, CrewListService, WorkNoticeService, WorksReminderSweep],
  exports: [WorksAccess],
})
export class WorksModule {}
