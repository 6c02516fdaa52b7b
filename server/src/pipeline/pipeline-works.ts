import { Inject, Injectable } from '@nestjs/common';
import { PipelineStage, worksRefusal } from '@linyi/shared';
import { In, type EntityManager } from 'typeorm';
import { AppException } from '../common/app.exception.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Unit } from '../places/unit.entity.js';
import { CompoundPipeline } from './compound-pipeline.entity.js';
import { pipelineFacts } from './pipeline-facts.js';
import { lockPipeline } from './pipeline-row.js';

/** Works follow the pipeline (API.md): plans only at ANNUAL_PLAN or later, never in an excluded building (the works' start moves the stage: works-started-sweep.ts). */
@Injectable()
export class PipelineWorks {
  constructor(@Inject(TransactionRunner) private readonly transactions: TransactionRunner) {}

  /** 409 PIPELINE_NOT_IN_PLAN or BUILDING_EXCLUDED (naming the buildings), else nothing. */
  async check(manager: EntityManager, compoundId: string, unitIds: string[]): Promise<void> {
    const row = await manager.findOneBy(CompoundPipeline, { compoundId });
    await this.refuseUnless(manager, row?.stage ?? PipelineStage.None, compoundId, unitIds);
  }

  /** In the publishing transaction, under the pipeline row's lock: a move back to the reserve waits for it, and sees the plan. */
  async checkLocked(manager: EntityManager, compoundId: string, unitIds: string[], at: Date): Promise<void> {
    const row = await lockPipeline(manager, this.transactions, compoundId, at);
    await this.refuseUnless(manager, row.stage, compoundId, unitIds);
  }

  private async refuseUnless(manager: EntityManager, stage: PipelineStage, compoundId: string, unitIds: string[]) {
    const excluded = (await pipelineFacts(manager, [compoundId])).get(compoundId)!.excluded;
    const buildingIds = new Set(unitIds.length ? (await manager.find(Unit, { select: { buildingId: true }, where: { id: In(unitIds) } })).map((u) => u.buildingId) : []);
    const refusal = worksRefusal(stage, excluded.filter((b) => buildingIds.has(b.buildingId)).map((b) => b.name));
    if (refusal) throw new AppException(refusal.code, refusal.message, refusal.code === 'BUILDING_EXCLUDED' ? { excludedBuildings: excluded.filter((b) => buildingIds.has(b.buildingId)) } : undefined);
  }
}
