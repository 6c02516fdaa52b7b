import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PipelineStage, WorkPlanStatus } from '@linyi/shared';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { PeriodicTask } from '../common/periodic-task.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { WorkPlan } from '../works/work-plan.entity.js';
import { WorkWindow } from '../works/work-window.entity.js';
import { CompoundPipeline } from './compound-pipeline.entity.js';
import { recordMove } from './pipeline-move.service.js';
import { lockPipeline } from './pipeline-row.js';

/**
 * The works' progress moves the stage: once the first in-home window of a published plan has begun,
 * a compound in the year's plan is IN_WORKS. Runs with the works sweep's interval; each move is
 * made under the pipeline row's lock, checked again there, so two processes move it once.
 */
@Injectable()
export class WorksStartedSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task = new PeriodicTask(
    () => this.run(),
    (error) => new Logger('pipeline').error({ msg: 'works-started sweep failed', error: String(error) }),
  );

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async run(): Promise<{ moved: number }> {
    const waiting = await this.transactions.dataSource.getRepository(CompoundPipeline).find({ select: { compoundId: true }, where: { stage: PipelineStage.AnnualPlan } });
    let moved = 0;
    for (const { compoundId } of waiting) {
      const at = this.clock.stamp();
      const started = await this.firstStart(compoundId, at);
      if (!started) continue;
      moved += await this.transactions.run(async (manager) => {
        const row = await lockPipeline(manager, this.transactions, compoundId, at);
        if (row.stage !== PipelineStage.AnnualPlan) return 0;
        await recordMove(manager, this.audit, row, PipelineStage.InWorks, { staffId: null, note: '首个入户施工时段已开始，进入施工阶段', at });
        return 1;
      });
    }
    return { moved };
  }

  /** Whether a window of a published plan of the compound has begun by `at`. */
  private async firstStart(compoundId: string, at: Date): Promise<boolean> {
    const count = await this.transactions.dataSource.getRepository(WorkWindow).createQueryBuilder('w')
      .innerJoin(WorkPlan, 'p', 'p.id = w.workPlanId')
      .where('p.compoundId = :compoundId AND p.status = :status AND w.startsAt <= :at', { compoundId, status: WorkPlanStatus.Published, at })
      .getCount();
    return count > 0;
  }

  onApplicationBootstrap() {
    this.task.start(this.config.works.sweepMs);
  }

  onApplicationShutdown() {
    return this.task.stop();
  }
}
