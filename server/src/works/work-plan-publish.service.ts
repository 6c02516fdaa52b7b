import { Inject, Injectable } from '@nestjs/common';
import { publishProblems, WorkPlanStatus, WorkProblemReason, worksReminderKey, type WorkPlanProblem, type WorkPlanUnitView, type WorkPlanView } from '@linyi/shared';
import { In, type EntityManager } from 'typeorm';
import type { StaffActor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { AppException } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { isUniqueViolation, type UniqueIndex } from '../database/unique-violation.js';
import { PipelineWorks } from '../pipeline/pipeline-works.js';
import { Household } from '../places/household.entity.js';
import { ReminderPlanner } from '../reminders/reminder-planner.js';
import { policyOf } from '../reminders/reminder-policies.js';
import { ReminderKind } from '../reminders/reminder.entity.js';
import { publishedKeyOf, unitPublishFacts, unitsOfPlans } from './work-plan-facts.js';
import { WorkPlanUnit } from './work-plan-unit.entity.js';
import { WorkPlan } from './work-plan.entity.js';
import { toWorkPlanView } from './work-plans.mapper.js';
import { worksChain, WorkPlansService } from './work-plans.service.js';
import { WorkWindow } from './work-window.entity.js';
import { WorksAccess } from './works-access.js';
import { worksReminderTexts } from './works-reminder-texts.js';

const PUBLISHED_KEY: UniqueIndex = { name: 'uq_work_plan_unit_published', columns: 'work_plan_unit.publishedKey' };

// The message counts; `problems` names every unit and reason, so staff can fix them all in one go.
const notReady = (problems: WorkPlanProblem[]) =>
  new AppException('WORK_PLAN_NOT_READY', `暂不能发布：${new Set(problems.map((p) => p.unitId)).size} 个单元共有 ${problems.length} 个问题，请逐一处理后再发布`, { problems });

/**
 * Publishing a plan: refused with every problem of every unit at once, or, in one transaction under
 * the plan's row lock, published, each unit claimed for the consultation (a unique key, so two
 * plans published at once cannot both take a unit), recorded in the audit chain, and announced to
 * every household of its units (inbox at once, pushes through the reminder channels).
 */
@Injectable()
export class WorkPlanPublisher {
  constructor(
    @Inject(WorksAccess) private readonly access: WorksAccess,
    @Inject(WorkPlansService) private readonly plans: WorkPlansService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ReminderPlanner) private readonly planner: ReminderPlanner,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PipelineWorks) private readonly pipeline: PipelineWorks,
  ) {}

  async publish(actor: StaffActor, planId: string): Promise<WorkPlanView> {
    await this.access.planForStaff(this.transactions.dataSource.manager, actor, planId);
    return this.transactions.run(async (manager) => {
      // The lock comes first: every read below sees what committed before it (windows added, other plans published).
      const plan = await this.plans.lock(manager, planId);
      if (plan.status !== WorkPlanStatus.Draft) throw new AppException('WORK_PLAN_NOT_DRAFT', '施工计划已经发布过了，不能重复发布');
      const at = this.clock.stamp();
      const units = (await unitsOfPlans(manager, [plan.id])).get(plan.id) ?? [];
      const windows = await manager.find(WorkWindow, { where: { workPlanId: plan.id }, order: { startsAt: 'ASC', id: 'ASC' } });
      const problems = publishProblems(await unitPublishFacts(manager, plan, units, windows), at, this.config.works.noticeDays);
      if (problems.length) throw notReady(problems);
      // The compound may have left the year's plan, or a building been excluded, since the draft was made.
      await this.pipeline.checkLocked(manager, plan.compoundId, units.map((unit) => unit.unitId), at);
      Object.assign(plan, { status: WorkPlanStatus.Published, publishedAt: at, publishedBy: actor.id });
      await manager.update(WorkPlan, { id: plan.id }, { status: plan.status, publishedAt: at, publishedBy: actor.id });
      await this.claimUnits(manager, plan, units);
      await this.audit.append(manager, {
        chainKey: worksChain(plan.id),
        action: 'WORK_PLAN_PUBLISHED',
        actor: `staff:${actor.id}`,
        subjectId: plan.id,
        payload: {
          unitIds: units.map((unit) => unit.unitId),
          windows: windows.map((w) => ({ id: w.id, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString(), capacity: w.capacity })),
        },
        at,
      });
      await this.announce(manager, plan, units, windows, at);
      return toWorkPlanView(plan, units, windows);
    });
  }

  /**
   * One WORKS_ANNOUNCED per household of the plan's units (the household table, not the electorate:
   * a flat bought since the application is told too), with its own unit's dates. Idempotent: the
   * dedupe key names the plan and the household, so a replay tells nobody twice.
   */
  async announce(manager: EntityManager, plan: WorkPlan, units: WorkPlanUnitView[], windows: WorkWindow[], at: Date): Promise<number> {
    const households = await manager.find(Household, { select: { id: true, unitId: true }, where: { unitId: In(units.map((unit) => unit.unitId)) } });
    const texts = new Map(
      units.map((unit) => {
        const own = windows.filter((w) => w.unitId === unit.unitId);
        const first = new Date(Math.min(...own.map((w) => w.startsAt.getTime())));
        const last = new Date(Math.max(...own.map((w) => w.endsAt.getTime())));
        return [unit.unitId, worksReminderTexts.announced(plan, unit.label, first, last)];
      }),
    );
    const created = await this.planner.plan(
      manager,
      households.map((household) => ({
        kind: ReminderKind.WorksAnnounced,
        consultationId: plan.consultationId,
        householdId: household.id,
        subjectId: plan.id,
        dedupeKey: worksReminderKey.announced(plan.id, household.id),
        capped: false,
        ...texts.get(household.unitId)!,
      })),
      at,
      await policyOf(manager, plan.consultationId),
    );
    return created.length;
  }

  /** Sets each unit's published key; a clash is another plan of the consultation published at the same moment. */
  private async claimUnits(manager: EntityManager, plan: WorkPlan, units: WorkPlanUnitView[]) {
    for (const unit of units) {
      try {
        await manager.update(WorkPlanUnit, { workPlanId: plan.id, unitId: unit.unitId }, { publishedKey: publishedKeyOf(plan.consultationId, unit.unitId) });
      } catch (error) {
        if (!isUniqueViolation(error, PUBLISHED_KEY)) throw error;
        throw notReady([{ unitId: unit.unitId, label: unit.label, code: WorkProblemReason.AlreadyPlanned, reason: '本单元刚被同一申请的另一个施工计划发布，请刷新后查看' }]);
      }
    }
  }
}
