import { DataSource } from 'typeorm';
import { verifyAuditLog } from '../audit/audit-verifier.js';
import { runCommand } from './run-command.js';

// npm run audit:verify -w server: check every audit chain; names the first bad entry of each broken chain.
await runCommand(async (app) => {
  const report = await verifyAuditLog(app.get(DataSource));
  for (const problem of report.problems) process.stdout.write(`BROKEN ${problem.chainKey} at link ${problem.seq} (entry ${problem.entryId ?? '-'}): ${problem.problem}\n`);
  process.stdout.write(`${report.chains} chains, ${report.entries} entries, ${report.problems.length} broken\n`);
  return report.problems.length ? 1 : 0;
});
