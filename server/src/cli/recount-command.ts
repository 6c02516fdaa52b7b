import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AUDIT_SIGNING_KEY } from '../audit/checkpoint.service.js';
import { Clock } from '../common/clock.js';
import { recountAll } from '../consultations/group-recount.js';
import { GroupStateService } from '../consultations/group-state.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { UsageError } from './run-command.js';

/**
 * recount [--repair]: recompute every group and tally from the answers and report drift. A group
 * whose answers or chain do not match the audit trail is named and never repaired, and with a
 * checkpoint that does not verify nothing is; the last line counts what was found, repaired and
 * refused. Exit 1 on tampering, a bad checkpoint, a refused repair, or drift without --repair.
 */
export async function recount(app: INestApplicationContext, args: string[], write: (line: string) => void): Promise<number> {
  const unknown = args.filter((a) => a !== '--repair');
  if (unknown.length) throw new UsageError(`unknown argument "${unknown[0]}"; usage: npm run recount -w server [-- --repair]`);
  const repair = args.includes('--repair');
  const { drifts, tampered, checkpointProblems } = await recountAll(app.get(DataSource), app.get(TransactionRunner), app.get(GroupStateService), app.get(AUDIT_SIGNING_KEY), repair, app.get(Clock).now());
  for (const p of checkpointProblems) write(`BAD CHECKPOINT #${p.checkpointSeq}: ${p.problem}${repair ? ' — nothing repaired, run npm run audit:verify -w server' : ''}`);
  for (const drift of drifts) write(JSON.stringify(drift));
  for (const t of tampered) write(`TAMPERED ANSWER consultation ${t.consultationId} group ${t.label} household ${t.householdId}: ${t.problem}${repair ? ' — group not repaired' : ''}`);
  const repaired = drifts.filter((d) => d.outcome === 'repaired').length;
  const refused = drifts.filter((d) => d.outcome === 'refused').length;
  const refusedGroups = new Set(tampered.map((t) => t.groupRowId)).size;
  write(
    `${drifts.length} drifted value(s) found, ${repaired} repaired, ${refused} refused; ${tampered.length} answer(s) not matching the audit trail${refusedGroups ? ` in ${refusedGroups} group(s)${repair ? ', left untouched' : ''}` : ''}${checkpointProblems.length ? `; ${checkpointProblems.length} bad checkpoint(s)` : ''}`,
  );
  return tampered.length || checkpointProblems.length || refused || (drifts.length && !repair) ? 1 : 0;
}
