import { Inject, Injectable } from '@nestjs/common';
import {
  ConsultationKind,
  CONTACT_PHONE_HINT,
  contactPhoneProblem,
  earliestWindowStart,
  normalizeContactPhone,
  noticeTooShort,
  shanghaiClock,
  windowProblem,
  WORK_LIMITS,
  workDayText,
  WorkKind,
  WorkPlanStatus,
  type CreateWorkPlanRequest,
  type CreateWorkWindowRequest,
  type UpdateWorkPlanRequest,
  type WorkPlanSummary,
  type WorkPlanView,
  type WorkWindowView,
} from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import type { StaffActor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { AppException, notFound } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Consultation } from '../consultations/consultation.entity.js';
import { PipelineWorks } from '../pipeline/pipeline-works.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { unitsById, unitsOfPlans } from './work-plan-facts.js';
import { WorkPlanUnit } from './work-plan-unit.entity.js';
import { WorkPlan } from './work-plan.entity.js';
import { toWorkPlanSummary, toWorkPlanView, toWorkWindowView } from './work-plans.mapper.js';
import { WorkWindow } from './work-window.entity.js';
import { WorksAccess } from './works-access.js';

/** The audit chain of one plan: publishing and the windows added after it. */
export const worksChain = (planId: string) => `works:${planId}`;

const invalid = (message: string) => new AppException('WORK_PLAN_INVALID', message);
const windowInvalid = (message: string) => new AppException('WINDOW_INVALID', message);
const notDraft = (message: string) => new AppException('WORK_PLAN_NOT_DRAFT', message);

type PlanFields = Partial<Pick<WorkPlan, 'title' | 'steps' | 'waterCut' | 'temporaryWater' | 'temporarySewage' | 'contactPhone'>>;

/** Trimmed texts, an empty arrangement or phone as null (the notice then leaves it out or uses the compound's phone); fields not sent stay undefined. */
function planFields(input: UpdateWorkPlanRequest): PlanFields {
  const text = (value: string | undefined) => (value === undefined ? undefined : value.trim() || null);
  const fields: PlanFields = {
    title: input.title?.trim(),
    steps: input.steps?.map((step) => ({ title: step.title.trim(), description: step.description.trim() })),
    waterCut: text(input.waterCut),
    temporaryWater: text(input.temporaryWater),
    temporarySewage: text(input.temporarySewage),
    contactPhone: input.contactPhone === undefined ? undefined : normalizeContactPhone(input.contactPhone) || null,
  };
  if (fields.contactPhone && contactPhoneProblem(fields.contactPhone)) throw invalid(CONTACT_PHONE_HINT);
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as PlanFields;
}

/** A DATETIME column keeps whole seconds: the reply must say what is stored. */
const toSecond = (iso: string) => new Date(Math.floor(Date.parse(iso) / 1000) * 1000);

/**
 * Work plans and their windows, by the compound's contractor or the committee. Everything but
 * adding a window is for drafts only; every change locks the plan row first, so it is ordered with
 * publishing (which locks it too) and a draft check cannot go stale before the write.
 */
@Injectable()
export class WorkPlansService {
  constructor(
    @Inject(WorksAccess) private readonly access: WorksAccess,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PipelineWorks) private readonly pipeline: PipelineWorks,
  ) {}

  async create(actor: StaffActor, input: CreateWorkPlanRequest): Promise<WorkPlanView> {
    const compound = await this.access.compoundForStaff(actor, input.compoundId);
    const fields = planFields(input);
    return this.transactions.run(async (manager) => {
      const consultation = await manager.findOneBy(Consultation, { id: input.consultationId });
      if (consultation?.compoundId !== compound.id || consultation.kind !== ConsultationKind.PlumbingApplication) {
        throw invalid('施工计划须依据本小区的“楼内上下水管线改造申请”，所选征询不是');
      }
      await this.checkUnits(manager, compound.id, input.unitIds);
      await this.pipeline.check(manager, compound.id, input.unitIds);
      const plan = manager.create(WorkPlan, {
        id: randomUUID(),
        compoundId: compound.id,
        consultationId: consultation.id,
        waterCut: null,
        temporaryWater: null,
        temporarySewage: null,
        contactPhone: null,
        ...fields,
        kind: input.kind ?? WorkKind.Plumbing,
        status: WorkPlanStatus.Draft,
        createdBy: actor.id,
        createdAt: this.clock.stamp(),
        publishedAt: null,
        publishedBy: null,
      });
      await manager.save(plan);
      await manager.insert(WorkPlanUnit, input.unitIds.map((unitId) => ({ id: randomUUID(), workPlanId: plan.id, unitId, publishedKey: null })));
      return this.viewOf(manager, plan);
    });
  }

  /** The compound's plans, newest first, with counts: a fixed number of queries. */
  async list(actor: StaffActor, compoundId: string): Promise<WorkPlanSummary[]> {
    await this.access.compoundForStaff(actor, compoundId);
    const manager = this.transactions.dataSource.manager;
    const plans = await manager.find(WorkPlan, { where: { compoundId }, order: { createdAt: 'DESC', id: 'ASC' } });
    const ids = plans.map((plan) => plan.id);
    const units = await unitsOfPlans(manager, ids);
    const windows = ids.length ? await manager.findBy(WorkWindow, { workPlanId: In(ids) }) : [];
    return plans.map((plan) => toWorkPlanSummary(plan, units.get(plan.id) ?? [], windows.filter((window) => window.workPlanId === plan.id)));
  }

  async get(actor: StaffActor, planId: string): Promise<WorkPlanView> {
    const manager = this.transactions.dataSource.manager;
    return this.viewOf(manager, await this.access.planForStaff(manager, actor, planId));
  }

  async update(actor: StaffActor, planId: string, input: UpdateWorkPlanRequest): Promise<WorkPlanView> {
    await this.access.planForStaff(this.transactions.dataSource.manager, actor, planId);
    const fields = planFields(input);
    return this.transactions.run(async (manager) => {
      const plan = await this.lock(manager, planId);
      if (plan.status !== WorkPlanStatus.Draft) throw notDraft('施工计划已发布，不能再修改（可以继续添加施工时段）');
      if (input.unitIds) await this.replaceUnits(manager, plan, input.unitIds);
      Object.assign(plan, fields);
      if (Object.keys(fields).length) await manager.save(plan);
      return this.viewOf(manager, plan);
    });
  }

  /** Discards a draft with its units and windows (a draft has no bookings: only published plans are bookable). */
  async discard(actor: StaffActor, planId: string): Promise<{ deleted: true }> {
    await this.access.planForStaff(this.transactions.dataSource.manager, actor, planId);
    return this.transactions.run(async (manager) => {
      const plan = await this.lock(manager, planId);
      if (plan.status !== WorkPlanStatus.Draft) throw notDraft('已发布的施工计划不能删除');
      await manager.delete(WorkWindow, { workPlanId: plan.id });
      await manager.delete(WorkPlanUnit, { workPlanId: plan.id });
      await manager.delete(WorkPlan, { id: plan.id });
      return { deleted: true as const };
    });
  }

  /**
   * A window for one unit of the plan. Allowed after publishing too (crews add days when windows
   * fill up), but then residents see it at once, so it must give them the notice period.
   */
  async addWindow(actor: StaffActor, planId: string, input: CreateWorkWindowRequest): Promise<WorkWindowView> {
    await this.access.planForStaff(this.transactions.dataSource.manager, actor, planId);
    const startsAt = toSecond(input.startsAt);
    const endsAt = toSecond(input.endsAt);
    const problem = windowProblem(startsAt, endsAt, input.capacity);
    if (problem) throw windowInvalid(problem);
    return this.transactions.run(async (manager) => {
      const plan = await this.lock(manager, planId);
      if (!(await manager.existsBy(WorkPlanUnit, { workPlanId: plan.id, unitId: input.unitId }))) throw windowInvalid('该单元不在本施工计划中，请先把单元加入计划');
      if ((await manager.countBy(WorkWindow, { workPlanId: plan.id, unitId: input.unitId })) >= WORK_LIMITS.windowsPerUnitMax) {
        throw windowInvalid(`每个单元最多 ${WORK_LIMITS.windowsPerUnitMax} 个施工时段`);
      }
      const at = this.clock.stamp();
      const published = plan.status === WorkPlanStatus.Published;
      const { noticeDays } = this.config.works;
      if (published && noticeTooShort(startsAt, at, noticeDays)) {
        const earliest = earliestWindowStart(at, noticeDays);
        throw windowInvalid(`计划已发布，新增时段须提前${noticeDays}天告知住户：最早从${workDayText(earliest)}${shanghaiClock(earliest)}（北京时间）开始`);
      }
      const window = manager.create(WorkWindow, { id: randomUUID(), workPlanId: plan.id, unitId: input.unitId, startsAt, endsAt, capacity: input.capacity, booked: 0, priority: input.priority ?? false, createdAt: at });
      await manager.save(window);
      // Once published, the plan's record says what residents were offered, and when.
      if (published) {
        await this.audit.append(manager, {
          chainKey: worksChain(plan.id),
          action: 'WORK_WINDOW_ADDED',
          actor: `staff:${actor.id}`,
          subjectId: window.id,
          payload: { windowId: window.id, unitId: window.unitId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), capacity: window.capacity, priority: window.priority },
          at,
        });
      }
      const [unit] = await unitsById(manager, [input.unitId]);
      return toWorkWindowView(window, unit?.label ?? '');
    });
  }

  async removeWindow(actor: StaffActor, planId: string, windowId: string): Promise<{ deleted: true }> {
    await this.access.planForStaff(this.transactions.dataSource.manager, actor, planId);
    return this.transactions.run(async (manager) => {
      const plan = await this.lock(manager, planId);
      const window = await manager.findOneBy(WorkWindow, { id: windowId, workPlanId: plan.id });
      if (!window) throw notFound('施工时段');
      if (plan.status !== WorkPlanStatus.Draft) throw notDraft('施工计划已发布，已公布的施工时段不能删除');
      await manager.delete(WorkWindow, { id: window.id });
      return { deleted: true as const };
    });
  }

  /** The plan row, locked for the rest of the transaction; gone meanwhile reads as not found. */
  async lock(manager: EntityManager, planId: string): Promise<WorkPlan> {
    const plan = await this.transactions.forUpdate(manager.getRepository(WorkPlan).createQueryBuilder('p').where('p.id = :planId', { planId })).getOne();
    if (!plan) throw notFound('施工计划');
    return plan;
  }

  async viewOf(manager: EntityManager, plan: WorkPlan): Promise<WorkPlanView> {
    const units = (await unitsOfPlans(manager, [plan.id])).get(plan.id) ?? [];
    const windows = await manager.findBy(WorkWindow, { workPlanId: plan.id });
    return toWorkPlanView(plan, units, windows);
  }

  /** Every unit must be a unit of the plan's compound (the DTO has refused repeats already). */
  private async checkUnits(manager: EntityManager, compoundId: string, unitIds: string[]) {
    const units = await unitsById(manager, unitIds);
    if (units.length !== unitIds.length || units.some((unit) => unit.compoundId !== compoundId)) throw invalid('所选单元中有不属于本小区的单元');
  }

  /** The plan's units from now on: a unit dropped takes its windows with it. */
  private async replaceUnits(manager: EntityManager, plan: WorkPlan, unitIds: string[]) {
    await this.checkUnits(manager, plan.compoundId, unitIds);
    await this.pipeline.check(manager, plan.compoundId, unitIds);
    const current = await manager.findBy(WorkPlanUnit, { workPlanId: plan.id });
    const dropped = current.filter((link) => !unitIds.includes(link.unitId));
    if (dropped.length) {
      await manager.delete(WorkWindow, { workPlanId: plan.id, unitId: In(dropped.map((link) => link.unitId)) });
      await manager.delete(WorkPlanUnit, { id: In(dropped.map((link) => link.id)) });
    }
    const added = unitIds.filter((unitId) => !current.some((link) => link.unitId === unitId));
    if (added.length) await manager.insert(WorkPlanUnit, added.map((unitId) => ({ id: randomUUID(), workPlanId: plan.id, unitId, publishedKey: null })));
  }
}
