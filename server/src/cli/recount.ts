import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { recountAll } from '../consultations/group-recount.js';
import { GroupStateService } from '../consultations/group-state.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { runCommand } from './run-command.js';

// npm run recount -w server [-- --repair]: recompute every group from the answers and report drift.
await runCommand(async (app) => {
  const repair = process.argv.includes('--repair');
  const drifts = await recountAll(app.get(DataSource), app.get(TransactionRunner), app.get(GroupStateService), repair, app.get(Clock).now());
  for (const drift of drifts) process.stdout.write(`${JSON.stringify(drift)}\n`);
  process.stdout.write(`${drifts.length} drifted value(s)${repair && drifts.length ? ', repaired' : ''}\n`);
  return drifts.length && !repair ? 1 : 0;
});
