import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { EvidenceStore } from '../evidence/evidence.store.js';
import { PlacesModule } from '../places/places.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { SpecialNeedsModule } from '../special-needs/special-needs.module.js';
import { WorksModule } from '../works/works.module.js';
import { AcceptanceProgressController } from './acceptance-progress.controller.js';
import { AcceptanceProgressService } from './acceptance-progress.service.js';
import { AcceptanceReminderSweep } from './acceptance-reminder-sweep.js';
import { AcceptanceReminders } from './acceptance-reminders.js';
import { AcceptanceController } from './acceptance.controller.js';
import { AcceptanceService } from './acceptance.service.js';
import { InspectionWriter } from './inspection-writer.js';
import { OwnerSupervisorsController } from './owner-supervisors.controller.js';
import { OwnerSupervisorsService } from './owner-supervisors.service.js';
import { RepairsController } from './repairs.controller.js';
import { RepairsService } from './repairs.service.js';
import { SignOffPlansService } from './sign-off-plans.service.js';
import { SignOffService } from './sign-off.service.js';
import { WarrantyController } from './warranty.controller.js';
import { WarrantyService } from './warranty.service.js';

/**
 * Acceptance and warranty (issue 11, API.md "Acceptance and warranty"): the crew's inspections, the
 * household's acceptance or rework, supervisors' sign-offs, progress, the warranty notice and repairs.
 */
@Module({
  imports: [PlacesModule, WorksModule, RemindersModule, SpecialNeedsModule],
  controllers: [AcceptanceController, AcceptanceProgressController, OwnerSupervisorsController, WarrantyController, RepairsController],
  providers: [AuditService, EvidenceStore, InspectionWriter, AcceptanceService, AcceptanceProgressService, AcceptanceReminders, AcceptanceReminderSweep, OwnerSupervisorsService, SignOffService, SignOffPlansService, WarrantyService, RepairsService],
})
export class AcceptanceModule {}
