import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { UpgradeView } from '@linyi/shared';
import { EntityManager, In, Repository } from 'typeorm';
import type { StaffActor } from '../auth/actor.js';
import { AuditService, groupChain, type AuditRecord } from '../audit/audit.service.js';
import { AppException, notFound } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { ConsultationHousehold } from '../consultations/consultation-household.entity.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { GroupStateService } from '../consultations/group-state.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { select, sql } from '../database/sql.js';
import { UpgradePayment } from './upgrade-payment.entity.js';
import { UpgradeQuote } from './upgrade-quote.entity.js';
import { UNPAID_BY_GROUP, UNPAID_IN_GROUP } from './upgrade-queries.js';
import { UpgradeRequest } from './upgrade-request.entity.js';
import { toUpgradeView } from './upgrade-view.js';

/**
 * Above-standard upgrades (DOMAIN rule 3): requested by the household, quoted and marked paid by
 * staff. Requests, quotes and payments are append-only facts, each written under the household's
 * group lock with an entry in the group's audit chain, so no resubmission or race erases money records.
 */
@Injectable()
export class UpgradesService {
  constructor(
    @Inject(ConsultationsService) private readonly consultations: ConsultationsService,
    @Inject(GroupStateService) private readonly groupState: GroupStateService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @InjectRepository(ConsultationHousehold) private readonly electorate: Repository<ConsultationHousehold>,
  ) {}

  /**
   * The household asks for an upgrade with its answer; the caller holds the group lock. The same
   * description again changes nothing; a new one is a new request and the earlier ones, with their
   * quotes and payments, stay. Returns the audit record for the caller to append, or null.
   */
  async request(manager: EntityManager, consultationId: string, householdId: string, description: string, actor: string, at: Date, chainKey: string): Promise<AuditRecord | null> {
    const latest = await this.latestRequest(manager, consultationId, householdId);
    if (latest?.description === description) return null;
    const request = manager.create(UpgradeRequest, { id: randomUUID(), consultationId, householdId, seq: (latest?.seq ?? 0) + 1, description, createdAt: at });
    await manager.insert(UpgradeRequest, request);
    return {
      chainKey,
      action: 'UPGRADE_REQUESTED',
      actor,
      subjectId: householdId,
      payload: { consultationId, requestId: request.id, seq: request.seq, description, supersedesRequestId: latest?.id ?? null },
      at,
    };
  }

  /** Every request of the consultation, superseded ones included, each with all its quotes and its payment. */
  async list(actor: StaffActor, consultationId: string): Promise<UpgradeView[]> {
    await this.consultations.forStaff(actor, consultationId);
    const manager = this.transactions.dataSource.manager;
    const requests = await manager.find(UpgradeRequest, { where: { consultationId }, order: { createdAt: 'ASC', householdId: 'ASC', seq: 'ASC' } });
    if (!requests.length) return [];
    const ids = requests.map((r) => r.id);
    const quotes = await manager.find(UpgradeQuote, { where: { requestId: In(ids) }, order: { seq: 'ASC' } });
    const payments = await manager.find(UpgradePayment, { where: { requestId: In(ids) } });
    const latestSeq = new Map<string, number>();
    for (const r of requests) latestSeq.set(r.householdId, Math.max(latestSeq.get(r.householdId) ?? 0, r.seq));
    return requests.map((r) =>
      toUpgradeView(
        r,
        latestSeq.get(r.householdId) === r.seq,
        quotes.filter((q) => q.requestId === r.id),
        payments.find((p) => p.requestId === r.id) ?? null,
      ),
    );
  }

  /** A new quote for the household's current request; the latest quote is the one to pay. */
  async quote(actor: StaffActor, consultationId: string, householdId: string, amountFen: number): Promise<UpgradeView> {
    await this.consultations.forStaff(actor, consultationId);
    const groupId = await this.groupOf(consultationId, householdId);
    return this.transactions.run(async (manager) => {
      const group = await this.groupState.lockGroup(manager, groupId);
      const { request, quotes, payment } = await this.currentFacts(manager, consultationId, householdId);
      if (payment) throw new AppException('CONFLICT', '该住户已付款，不能再修改报价；如需增加改造内容，请住户重新提出申请');
      const quotedAt = this.clock.stamp();
      const quote = manager.create(UpgradeQuote, { id: randomUUID(), requestId: request.id, seq: (quotes.at(-1)?.seq ?? 0) + 1, amountFen, staffId: actor.id, quotedAt });
      await manager.insert(UpgradeQuote, quote);
      await this.audit.append(manager, {
        chainKey: groupChain(group.id),
        action: 'UPGRADE_QUOTED',
        actor: `staff:${actor.id}`,
        subjectId: householdId,
        payload: { consultationId, requestId: request.id, quoteId: quote.id, seq: quote.seq, amountFen },
        at: quotedAt,
      });
      return toUpgradeView(request, true, [...quotes, quote], null);
    });
  }

  /** Records payment of the latest quote; recording it again answers the payment already recorded. */
  async markPaid(actor: StaffActor, consultationId: string, householdId: string): Promise<UpgradeView> {
    await this.consultations.forStaff(actor, consultationId);
    const groupId = await this.groupOf(consultationId, householdId);
    return this.transactions.run(async (manager) => {
      const group = await this.groupState.lockGroup(manager, groupId);
      const { request, quotes, payment } = await this.currentFacts(manager, consultationId, householdId);
      if (payment) return toUpgradeView(request, true, quotes, payment);
      const quote = quotes.at(-1);
      if (!quote) throw new AppException('CONFLICT', '尚未报价，不能登记付款');
      const paidAt = this.clock.stamp();
      const paid = manager.create(UpgradePayment, { id: randomUUID(), requestId: request.id, quoteId: quote.id, amountFen: quote.amountFen, staffId: actor.id, paidAt });
      await manager.insert(UpgradePayment, paid);
      await this.audit.append(manager, {
        chainKey: groupChain(group.id),
        action: 'UPGRADE_PAID',
        actor: `staff:${actor.id}`,
        subjectId: householdId,
        payload: { consultationId, requestId: request.id, quoteId: quote.id, amountFen: quote.amountFen },
        at: paidAt,
      });
      return toUpgradeView(request, true, quotes, paid);
    });
  }

  /** Households of one group whose current request is quoted but unpaid: their upgraded work may not start. */
  async unpaidInGroup(manager: EntityManager, consultationId: string, groupRowId: string): Promise<number> {
    const [row] = await select<{ count: number | string }>(manager, sql(manager, UNPAID_IN_GROUP), [consultationId, groupRowId]);
    return Number(row?.count ?? 0);
  }

  async unpaidByGroup(consultationId: string): Promise<Map<string, number>> {
    const manager = this.transactions.dataSource.manager;
    const rows = await select<{ groupId: string; count: number | string }>(manager, sql(manager, UNPAID_BY_GROUP), [consultationId]);
    return new Map(rows.map((row) => [row.groupId, Number(row.count)]));
  }

  private async groupOf(consultationId: string, householdId: string): Promise<string> {
    const voter = await this.electorate.findOneBy({ consultationId, householdId });
    if (!voter) throw notFound('该住户的自费提升改造申请');
    return voter.groupId;
  }

  private latestRequest(manager: EntityManager, consultationId: string, householdId: string): Promise<UpgradeRequest | null> {
    return manager.findOne(UpgradeRequest, { where: { consultationId, householdId }, order: { seq: 'DESC' } });
  }

  /** The household's current request with its quotes (oldest first) and payment, read under the group lock. */
  private async currentFacts(manager: EntityManager, consultationId: string, householdId: string) {
    const request = await this.latestRequest(manager, consultationId, householdId);
    if (!request) throw notFound('该住户的自费提升改造申请');
    const quotes = await manager.find(UpgradeQuote, { where: { requestId: request.id }, order: { seq: 'ASC' } });
    const payment = await manager.findOneBy(UpgradePayment, { requestId: request.id });
    return { request, quotes, payment };
  }
}
