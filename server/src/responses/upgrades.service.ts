import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { StaffActor } from '../auth/actor.js';
import { AppException, notFound } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { ConsultationHousehold } from '../consultations/consultation-household.entity.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { UpgradeRequest } from './upgrade-request.entity.js';

/** Above-standard upgrades (DOMAIN rule 3): requested by the household, quoted and marked paid by staff. */
@Injectable()
export class UpgradesService {
  constructor(
    @Inject(ConsultationsService) private readonly consultations: ConsultationsService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async request(manager: EntityManager, consultationId: string, householdId: string, description: string) {
    const existing = await manager.findOneBy(UpgradeRequest, { consultationId, householdId });
    if (existing) {
      if (existing.description !== description) await manager.update(UpgradeRequest, existing.id, { description, quotedFen: null, quotedAt: null, paidAt: null });
      return;
    }
    await manager.save(manager.create(UpgradeRequest, { consultationId, householdId, description, quotedFen: null, quotedAt: null, paidAt: null, recordedByStaffId: null }));
  }

  async list(actor: StaffActor, consultationId: string): Promise<UpgradeRequest[]> {
    await this.consultations.forStaff(actor, consultationId);
    return this.transactions.dataSource.getRepository(UpgradeRequest).find({ where: { consultationId }, order: { createdAt: 'ASC' } });
  }

  async quote(actor: StaffActor, consultationId: string, householdId: string, amountFen: number): Promise<UpgradeRequest> {
    await this.consultations.forStaff(actor, consultationId);
    return this.transactions.run(async (manager) => {
      const upgrade = await this.find(manager, consultationId, householdId);
      if (upgrade.paidAt) throw new AppException('CONFLICT', '该住户已付款，不能再修改报价');
      Object.assign(upgrade, { quotedFen: amountFen, quotedAt: this.clock.stamp(), recordedByStaffId: actor.id });
      return manager.save(upgrade);
    });
  }

  async markPaid(actor: StaffActor, consultationId: string, householdId: string): Promise<UpgradeRequest> {
    await this.consultations.forStaff(actor, consultationId);
    return this.transactions.run(async (manager) => {
      const upgrade = await this.find(manager, consultationId, householdId);
      if (upgrade.quotedFen === null) throw new AppException('CONFLICT', '尚未报价，不能登记付款');
      if (!upgrade.paidAt) Object.assign(upgrade, { paidAt: this.clock.stamp(), recordedByStaffId: actor.id });
      return manager.save(upgrade);
    });
  }

  /** Quoted but unpaid upgrades of the households in one group: their upgraded work may not start. */
  async unpaidInGroup(manager: EntityManager, consultationId: string, groupRowId: string): Promise<number> {
    return manager
      .createQueryBuilder(UpgradeRequest, 'u')
      .innerJoin(ConsultationHousehold, 'ch', 'ch.consultationId = u.consultationId AND ch.householdId = u.householdId')
      .where('u.consultationId = :consultationId AND ch.groupId = :groupRowId', { consultationId, groupRowId })
      .andWhere('u.quotedFen IS NOT NULL AND u.paidAt IS NULL')
      .getCount();
  }

  async unpaidByGroup(consultationId: string): Promise<Map<string, number>> {
    const rows = await this.transactions.dataSource.manager
      .createQueryBuilder(UpgradeRequest, 'u')
      .innerJoin(ConsultationHousehold, 'ch', 'ch.consultationId = u.consultationId AND ch.householdId = u.householdId')
      .select('ch.groupId', 'groupId')
      .addSelect('COUNT(*)', 'count')
      .where('u.consultationId = :consultationId AND u.quotedFen IS NOT NULL AND u.paidAt IS NULL', { consultationId })
      .groupBy('ch.groupId')
      .getRawMany<{ groupId: string; count: string | number }>();
    return new Map(rows.map((row) => [row.groupId, Number(row.count)]));
  }

  private async find(manager: EntityManager, consultationId: string, householdId: string) {
    const upgrade = await manager.findOneBy(UpgradeRequest, { consultationId, householdId });
    if (!upgrade) throw notFound('该住户的自费提升改造申请');
    return upgrade;
  }
}
