import type { EntityManager } from 'typeorm';
import { execute, sql } from '../database/sql.js';

const LOCK_HOUSEHOLD = 'SELECT {id} FROM {household} WHERE {id} = ? {FOR UPDATE}';

/**
 * Every step of a household's acceptance, inspection, repair and warranty takes this row lock first:
 * they queue up, so an ACCEPT never slips past a failing inspection recorded at the same moment.
 * A row lock, never a range (TiDB has no gap locks).
 */
export async function lockHousehold(manager: EntityManager, householdId: string): Promise<void> {
  await execute(manager, sql(manager, LOCK_HOUSEHOLD), [householdId]);
}
