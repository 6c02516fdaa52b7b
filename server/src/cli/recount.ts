import { DataSource } from 'typeorm';
import { AUDIT_SIGNING_KEY } from '../audit/checkpoint.service.js';
import { Clock } from '../common/clock.js';
import { recountAll } from '../consultations/group-recount.js';
import { GroupStateService } from '../consultations/group-state.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { runCommand } from './run-command.js';

// npm run recount -w server [-- --repair]: recompute every group from the answers and report drift.
// A group whose answers or chain do not match the audit trail is named and never repaired, and with a
// checkpoint that does not verify nothing is repaired (exit 1 either way).
await runCommand(async (app) => {
  const repair = process.argv.includes('--repair');
  const { drifts, tampered, checkpointProblems } = await recountAll(app.get(DataSource), app.get(TransactionRunner), app.get(GroupStateService), app.get(AUDIT_SIGNING_KEY), repair, app.get(Clock).now());
  for (const p of checkpointProblems) process.stdout.write(`BAD CHECKPOINT #${p.checkpointSeq}: ${p.problem}${repair ? ' — nothing repaired, run npm run audit:verify -w server' : ''}\n`);
  for (const drift of drifts) process.stdout.write(`${JSON.stringify(drift)}\n`);
  for (const t of tampered) {
    process.stdout.write(`TAMPERED ANSWER consultation ${t.consultationId} group ${t.label} household ${t.householdId}: ${t.problem}${repair ? ' — group not repaired' : ''}\n`);
  }
  const refusedGroups = new Set(tampered.map((t) => t.groupRowId)).size;
  const repaired = repair && !checkpointProblems.length && drifts.length;
  process.stdout.write(`${drifts.length} drifted value(s)${repaired ? ', repaired' : ''}; ${tampered.length} answer(s) not matching the audit trail${refusedGroups ? ` in ${refusedGroups} group(s)${repair ? ', left untouched' : ''}` : ''}\n`);
  return tampered.length || checkpointProblems.length || (drifts.length && !repair) ? 1 : 0;
});
