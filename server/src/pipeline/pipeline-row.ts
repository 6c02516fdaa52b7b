import { PipelineStage } from '@linyi/shared';
import type { EntityManager } from 'typeorm';
import type { TransactionRunner } from '../database/transaction-runner.js';
import { CompoundPipeline } from './compound-pipeline.entity.js';

/**
 * The compound's pipeline row, created at NONE if missing (insert-or-ignore on the primary key), then
 * locked: every change to a compound's stage or gates is serialised on it. A row lock, never a range
 * lock, so it holds on TiDB too.
 */
export async function lockPipeline(manager: EntityManager, transactions: TransactionRunner, compoundId: string, at: Date): Promise<CompoundPipeline> {
  await manager.createQueryBuilder().insert().into(CompoundPipeline)
    .values({ compoundId, stage: PipelineStage.None, since: null, fundPledgeRequired: false, illegalStructuresCleared: null, updatedAt: at })
    .orIgnore().execute();
  return transactions.forUpdate(manager.getRepository(CompoundPipeline).createQueryBuilder('p').where('p.compoundId = :compoundId', { compoundId })).getOneOrFail();
}

export const pipelineChainAction = {
  moved: 'PIPELINE_STAGE_MOVED',
  organisation: 'OWNERS_ORGANISATION_RECORDED',
  gate: 'PIPELINE_GATE_RECORDED',
  notice: 'PLAN_NOTICE_ISSUED',
} as const;
