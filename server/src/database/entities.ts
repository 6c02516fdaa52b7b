import { AcceptanceRecord } from '../acceptance/acceptance-record.entity.js';
import { AcceptanceSignOff } from '../acceptance/acceptance-sign-off.entity.js';
import { HouseholdAcceptance } from '../acceptance/household-acceptance.entity.js';
import { OwnerSupervisor } from '../acceptance/owner-supervisor.entity.js';
import { WarrantyNotice } from '../acceptance/warranty-notice.entity.js';
import { WarrantyRepair } from '../acceptance/warranty-repair.entity.js';
import { WorkInspection } from '../acceptance/work-inspection.entity.js';
import { AuditChainHead } from '../audit/audit-chain-head.entity.js';
import { AuditCheckpoint } from '../audit/audit-checkpoint.entity.js';
import { AuditCheckpointChain } from '../audit/audit-checkpoint-chain.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { ConsultationGroup } from '../consultations/consultation-group.entity.js';
import { ConsultationHousehold } from '../consultations/consultation-household.entity.js';
import { ConsultationTally } from '../consultations/consultation-tally.entity.js';
import { Consultation } from '../consultations/consultation.entity.js';
import { DomainEvent } from '../events/domain-event.entity.js';
import { EvidenceChunk } from '../evidence/evidence-chunk.entity.js';
import { Building } from '../places/building.entity.js';
import { Community } from '../places/community.entity.js';
import { Compound } from '../places/compound.entity.js';
import { Household } from '../places/household.entity.js';
import { StreetOffice } from '../places/street-office.entity.js';
import { Unit } from '../places/unit.entity.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { InviteCode } from '../residents/invite-code.entity.js';
import { Resident } from '../residents/resident.entity.js';
import { HouseholdResponse } from '../responses/household-response.entity.js';
import { ResponseHistory } from '../responses/response-history.entity.js';
import { UpgradeRequest } from '../responses/upgrade-request.entity.js';
import { UpgradeQuote } from '../responses/upgrade-quote.entity.js';
import { UpgradePayment } from '../responses/upgrade-payment.entity.js';
import { StaffAccount } from '../staff/staff-account.entity.js';
import { HomeVisit } from '../visits/home-visit.entity.js';
import { SubscriptionGrant } from '../channels/subscription-grant.entity.js';
import { InboxMessage } from '../inbox/inbox-message.entity.js';
import { ReminderDailyCap } from '../reminders/reminder-daily-cap.entity.js';
import { ReminderDelivery } from '../reminders/reminder-delivery.entity.js';
import { ReminderPolicy } from '../reminders/reminder-policy.entity.js';
import { Reminder } from '../reminders/reminder.entity.js';
import { CarePlan } from '../special-needs/care-plan.entity.js';
import { HouseholdScreening } from '../special-needs/household-screening.entity.js';
import { ScreeningConsent } from '../special-needs/screening-consent.entity.js';
import { ScreeningScanChunk } from '../special-needs/screening-scan-chunk.entity.js';
import { SensitiveAccessLog } from '../special-needs/sensitive-access-log.entity.js';
import { WorkBooking } from '../works/work-booking.entity.js';
import { WorkPlanUnit } from '../works/work-plan-unit.entity.js';
import { WorkPlan } from '../works/work-plan.entity.js';
import { WorkWindow } from '../works/work-window.entity.js';
import { PUBLICITY_ENTITIES } from '../publicity/publicity.entities.js';
import { RECORDS_ENTITIES } from '../records/records.entities.js';
import { COMPLAINTS_ENTITIES } from '../complaints/complaints.entities.js';
import { SURVEYS_ENTITIES } from '../surveys/surveys.entities.js';
import { PIPELINE_ENTITIES } from '../pipeline/pipeline.entities.js';

export const ENTITIES = [
  StreetOffice,
  Community,
  Compound,
  Building,
  Unit,
  Household,
  Resident,
  HouseholdMember,
  InviteCode,
  StaffAccount,
  Consultation,
  ConsultationHousehold,
  ConsultationGroup,
  ConsultationTally,
  HouseholdResponse,
  ResponseHistory,
  UpgradeRequest,
  UpgradeQuote,
  UpgradePayment,
  EvidenceChunk,
  HomeVisit,
  DomainEvent,
  AuditEntry,
  AuditChainHead,
  AuditCheckpoint,
  AuditCheckpointChain,
  ReminderPolicy,
  Reminder,
  ReminderDelivery,
  ReminderDailyCap,
  InboxMessage,
  SubscriptionGrant,
  HouseholdScreening,
  CarePlan,
  ScreeningConsent,
  ScreeningScanChunk,
  SensitiveAccessLog,
  WorkPlan,
  WorkPlanUnit,
  WorkWindow,
  WorkBooking,
  HouseholdAcceptance,
  WorkInspection,
  AcceptanceRecord,
  AcceptanceSignOff,
  OwnerSupervisor,
  WarrantyNotice,
  WarrantyRepair,
  ...PUBLICITY_ENTITIES,
  ...RECORDS_ENTITIES,
  ...COMPLAINTS_ENTITIES,
  ...SURVEYS_ENTITIES,
  ...PIPELINE_ENTITIES,
];
