import type { EntityManager } from 'typeorm';

/** Key in the transaction's QueryRunner.data: the checkpoint service takes one after that transaction commits. */
export const CHECKPOINT_WANTED = 'linyi:auditCheckpointWanted';

/**
 * Asks for a checkpoint once this transaction commits (a group changed state). Costs nothing in the
 * transaction itself: no chain is read until after the commit, outside every lock.
 */
export function wantCheckpoint(manager: EntityManager): void {
  if (manager.queryRunner) manager.queryRunner.data[CHECKPOINT_WANTED] = true;
}
