import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditService } from '../audit/audit.service.js';
import { OutstandingController } from '../chase/outstanding.controller.js';
import { OutstandingService } from '../chase/outstanding.service.js';
import { EvidenceStore } from '../evidence/evidence.store.js';
import { PlacesModule } from '../places/places.module.js';
import { RefusalNoticeIssuer } from '../records/refusal-notice-issuer.js';
import { ReminderPlanner } from '../reminders/reminder-planner.js';
import { Unit } from '../places/unit.entity.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { ResponseHistoryService } from '../responses/response-history.service.js';
import { ResponsesController } from '../responses/responses.controller.js';
import { ResponsesService } from '../responses/responses.service.js';
import { UpgradesService } from '../responses/upgrades.service.js';
import { StreetStatusController } from '../street-status/street-status.controller.js';
import { StreetStatusService } from '../street-status/street-status.service.js';
import { VisitsController } from '../visits/visits.controller.js';
import { VisitsService } from '../visits/visits.service.js';
import { ConsultationHousehold } from './consultation-household.entity.js';
import { ConsultationGroup } from './consultation-group.entity.js';
import { ConsultationGroupsService } from './consultation-groups.service.js';
import { ConsultationScheduler } from './consultation-scheduler.js';
import { Consultation } from './consultation.entity.js';
import { ConsultationsController } from './consultations.controller.js';
import { ConsultationsService } from './consultations.service.js';
import { GroupStateService } from './group-state.service.js';
import { MyConsultationsService } from './my-consultations.service.js';

/** The consent engine: consultations, answers, group states, chase lists, visits and street status. */
@Module({
  imports: [PlacesModule, TypeOrmModule.forFeature([Consultation, ConsultationGroup, ConsultationHousehold, Unit, HouseholdMember])],
  controllers: [ConsultationsController, ResponsesController, VisitsController, OutstandingController, StreetStatusController],
  providers: [
    AuditService,
    EvidenceStore,
    GroupStateService,
    ConsultationsService,
    ConsultationGroupsService,
    MyConsultationsService,
    ConsultationScheduler,
    ResponsesService,
    ResponseHistoryService,
    UpgradesService,
    VisitsService,
    // markFinal issues the written notice into the household's inbox (RemindersModule imports this module, so not the other way round).
    ReminderPlanner,
    RefusalNoticeIssuer,
    OutstandingService,
    StreetStatusService,
  ],
  exports: [ConsultationScheduler, GroupStateService, AuditService, ConsultationsService],
})
export class ConsultationsModule {}
