import { Inject, Injectable } from '@nestjs/common';
import { WarrantyIssueReason, restartWarranty, type WarrantyItem, type WarrantyPart, type WarrantyYears, type WorkKind } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { householdChain } from '../audit/household-chain.js';
import { AppException } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Compound } from '../places/compound.entity.js';
import { WorkPlan } from '../works/work-plan.entity.js';
import { WorksAccess } from '../works/works-access.js';
import { itemsAfterAcceptance } from './warranty-items.rules.js';
import { toWarrantyView } from './warranty.mapper.js';
import { WarrantyNotice } from './warranty-notice.entity.js';
import { WARRANTY_NOTICE_TITLE, renderWarrantyNotice } from './warranty.pdf.js';

export const NO_NOTICE_TEXT = '这户还没有验收，暂无保修告知书';

/** The household's newest notice, or null: versions only grow, so the highest is the one in force. */
export function latestNotice(manager: EntityManager, householdId: string): Promise<WarrantyNotice | null> {
  return manager.findOne(WarrantyNotice, { where: { householdId }, order: { version: 'DESC' } });
}

/** The 保修事项告知书: issued on acceptance, re-issued when a repair is accepted; every version is kept. */
@Injectable()
export class WarrantyService {
  private readonly years: WarrantyYears;

  constructor(
    @Inject(WorksAccess) private readonly access: WorksAccess,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.years = config.warrantyYears;
  }

  /** Inside the accepting transaction (household row locked): the next version with the plan's parts added, starting on the day. */
  async issueOnAcceptance(manager: EntityManager, input: { householdId: string; workPlanId: string; kind: WorkKind; acceptedAt: Date; acceptanceRecordId: string }): Promise<WarrantyNotice> {
    const previous = await latestNotice(manager, input.householdId);
    const items = itemsAfterAcceptance(previous?.items ?? [], input.workPlanId, input.kind, input.acceptedAt, this.years);
    return this.issue(manager, { householdId: input.householdId, previous, items, reason: WarrantyIssueReason.Acceptance, sourceId: input.acceptanceRecordId, at: input.acceptedAt, workPlanId: input.workPlanId });
  }

  /** Inside the repair-accepting transaction: the next version with that part restarted on the day. */
  async restartOnRepair(manager: EntityManager, input: { householdId: string; workPlanId: string; part: WarrantyPart; repairId: string; acceptedAt: Date }): Promise<WarrantyNotice> {
    const previous = await latestNotice(manager, input.householdId);
    if (!previous) throw new AppException('NO_WARRANTY', NO_NOTICE_TEXT);
    const items = restartWarranty(previous.items, input.workPlanId, input.part, input.repairId, input.acceptedAt);
    return this.issue(manager, { householdId: input.householdId, previous, items, reason: WarrantyIssueReason.Repair, sourceId: input.repairId, at: input.acceptedAt, workPlanId: input.workPlanId, part: input.part });
  }

  /** `GET …/warranty`: the version in force (or the one asked for) and the list of all versions. */
  async view(actor: Actor, householdId: string, version: number | undefined) {
    const household = await this.access.householdFor(actor, householdId);
    const manager = this.transactions.dataSource.manager;
    const { notice, history } = await this.noticeOf(manager, householdId, version);
    return toWarrantyView(household, notice, history, await this.plansOf(manager, notice.items));
  }

  /** `GET …/warranty.pdf`: the printable notice of that version. */
  async pdf(actor: Actor, householdId: string, version: number | undefined): Promise<{ fileName: string; bytes: Buffer }> {
    const household = await this.access.householdFor(actor, householdId);
    const manager = this.transactions.dataSource.manager;
    const { notice } = await this.noticeOf(manager, householdId, version);
    const plans = await this.plansOf(manager, notice.items);
    const compound = await manager.findOneByOrFail(Compound, { id: household.compoundId });
    const bytes = await renderWarrantyNotice({
      compoundName: compound.name,
      householdLabel: household.label,
      version: notice.version,
      reason: notice.reason,
      issuedAt: notice.issuedAt,
      items: notice.items,
      plans: [...plans.values()].map((plan) => ({ id: plan.id, title: plan.title, phone: plan.contactPhone ?? compound.emergencyPhone })),
      printedAt: this.clock.stamp(),
    });
    return { fileName: `${WARRANTY_NOTICE_TITLE}-${household.label}-第${notice.version}版.pdf`, bytes };
  }

  private async noticeOf(manager: EntityManager, householdId: string, version: number | undefined) {
    const history = await manager.find(WarrantyNotice, { select: { id: true, version: true, issuedAt: true, reason: true }, where: { householdId }, order: { version: 'DESC' } });
    if (!history.length) throw new AppException('NOT_ACCEPTED', NO_NOTICE_TEXT);
    const wanted = version === undefined ? history[0] : history.find((entry) => entry.version === version);
    if (!wanted) throw new AppException('NOT_FOUND', `这户没有第 ${version} 版保修告知书`);
    return { notice: await manager.findOneByOrFail(WarrantyNotice, { id: wanted.id }), history };
  }

  private async plansOf(manager: EntityManager, items: WarrantyItem[]): Promise<Map<string, WorkPlan>> {
    const ids = [...new Set(items.map((item) => item.workPlanId))];
    const plans = ids.length ? await manager.findBy(WorkPlan, { id: In(ids) }) : [];
    // In the order the notice lists them.
    return new Map(ids.map((id) => plans.find((plan) => plan.id === id)).filter((plan): plan is WorkPlan => !!plan).map((plan) => [plan.id, plan]));
  }

  private async issue(
    manager: EntityManager,
    input: { householdId: string; previous: WarrantyNotice | null; items: WarrantyItem[]; reason: WarrantyIssueReason; sourceId: string; at: Date; workPlanId: string; part?: WarrantyPart },
  ): Promise<WarrantyNotice> {
    const notice = manager.create(WarrantyNotice, { id: randomUUID(), householdId: input.householdId, version: (input.previous?.version ?? 0) + 1, items: input.items, reason: input.reason, sourceId: input.sourceId, issuedAt: input.at });
    await manager.insert(WarrantyNotice, notice);
    await this.audit.append(manager, {
      chainKey: householdChain(input.householdId),
      action: 'WARRANTY_ISSUED',
      actor: 'system',
      subjectId: input.householdId,
      payload: { version: notice.version, reason: input.reason, sourceId: input.sourceId, workPlanId: input.workPlanId, ...(input.part ? { part: input.part } : {}), items: input.items.map((item) => ({ workPlanId: item.workPlanId, part: item.part, startsOn: item.startsOn, endsOn: item.endsOn })) },
      at: input.at,
    });
    return notice;
  }
}
