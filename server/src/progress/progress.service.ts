import { Inject, Injectable } from '@nestjs/common';
import { COMPOUND_TIME_ZONE, GroupBy, type ConsultationHouseholds, type ConsultationTrend } from '@linyi/shared';
import type { StaffActor } from '../auth/actor.js';
import { Clock } from '../common/clock.js';
import { ConsultationGroup } from '../consultations/consultation-group.entity.js';
import { ConsultationHousehold } from '../consultations/consultation-household.entity.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Building } from '../places/building.entity.js';
import { Household } from '../places/household.entity.js';
import { Unit } from '../places/unit.entity.js';
import { HouseholdResponse } from '../responses/household-response.entity.js';
import { ResponseHistory } from '../responses/response-history.entity.js';
import { toConsultationHouseholds, type AnswerClassRow } from './progress.mapper.js';
import { dailyTrend } from './trend.rules.js';

/** A consultation's progress as the console draws it: answers per day, and answer classes per unit. */
@Injectable()
export class ProgressService {
  constructor(
    @Inject(ConsultationsService) private readonly consultations: ConsultationsService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async trend(actor: StaffActor, consultationId: string): Promise<ConsultationTrend> {
    const consultation = await this.consultations.forStaff(actor, consultationId);
    const manager = this.transactions.dataSource.manager;
    const [householdsTotal, firstVersions] = await Promise.all([
      manager.countBy(ConsultationHousehold, { consultationId }),
      // Version 1 is a household's first answer; later versions are changes of mind, not new answers.
      manager.find(ResponseHistory, { select: { id: true, answeredAt: true }, where: { consultationId, version: 1 } }),
    ]);
    const window = { opensAt: consultation.opensAt, publishedAt: consultation.publishedAt, deadline: consultation.deadline, now: this.clock.now() };
    return { consultationId, timeZone: COMPOUND_TIME_ZONE, days: dailyTrend(window, firstVersions.map((v) => v.answeredAt)), householdsTotal };
  }

  /** The electorate by building and unit; selects no owner name or phone, so none can leak into the reply. */
  async answerClasses(actor: StaffActor, consultationId: string): Promise<ConsultationHouseholds> {
    const consultation = await this.consultations.forStaff(actor, consultationId);
    const byUnit = consultation.groupBy === GroupBy.Unit;
    const rows = await this.transactions.dataSource.manager
      .createQueryBuilder(ConsultationHousehold, 'ch')
      .innerJoin(Household, 'h', 'h.id = ch.householdId')
      .innerJoin(Unit, 'u', 'u.id = ch.unitId')
      .innerJoin(Building, 'b', 'b.id = u.buildingId')
      .leftJoin(HouseholdResponse, 'r', 'r.consultationId = ch.consultationId AND r.householdId = ch.householdId')
      .leftJoin(ConsultationGroup, 'g', 'g.id = ch.groupId')
      .select(['ch.householdId AS householdId', 'h.label AS label', 'h.room AS room', 'h.floor AS floor'])
      .addSelect(['u.id AS unitId', 'u.name AS unitName', 'b.id AS buildingId', 'b.name AS buildingName'])
      .addSelect(['r.answer AS answer', 'r.optionId AS optionId', 'r.finalRefusalAt AS finalRefusalAt', 'g.state AS groupState'])
      .where('ch.consultationId = :consultationId', { consultationId })
      .getRawMany<AnswerClassRow>();
    return toConsultationHouseholds(consultationId, consultation.compoundId, byUnit ? rows : rows.map((row) => ({ ...row, groupState: null })));
  }
}
