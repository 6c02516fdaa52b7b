import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../common/clock.js';
import { ConsultationGroup } from '../consultations/consultation-group.entity.js';
import { ConsultationHousehold } from '../consultations/consultation-household.entity.js';
import { Consultation } from '../consultations/consultation.entity.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { GroupStateService } from '../consultations/group-state.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { EvidenceStore } from '../evidence/evidence.store.js';
import { AccessService } from '../places/access.service.js';
import { Unit } from '../places/unit.entity.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { ResponsesService } from '../responses/responses.service.js';
import { UpgradesService } from '../responses/upgrades.service.js';

/**
 * The app's consultation and answer services, built again on a clock of the seeder's own: the demo
 * round is dated days back while the app's Clock, which its timers (checkpoints, outbox, reminders)
 * read, never moves. Everything else (database, audit, evidence) is the app's.
 */
export function demoRoundServices(app: INestApplicationContext, clock: Clock): { consultations: ConsultationsService; responses: ResponsesService } {
  const dataSource = app.get(DataSource);
  const transactions = app.get(TransactionRunner);
  const audit = app.get(AuditService);
  const groupState = app.get(GroupStateService);
  const consultations = new ConsultationsService(
    app.get(AccessService),
    clock,
    transactions,
    audit,
    groupState,
    dataSource.getRepository(Consultation),
    dataSource.getRepository(ConsultationGroup),
    dataSource.getRepository(Unit),
    dataSource.getRepository(HouseholdMember),
  );
  const electorate = dataSource.getRepository(ConsultationHousehold);
  const upgrades = new UpgradesService(consultations, groupState, transactions, audit, clock, electorate);
  const responses = new ResponsesService(consultations, groupState, transactions, audit, app.get(EvidenceStore), upgrades, clock, dataSource.getRepository(HouseholdMember), electorate);
  return { consultations, responses };
}
