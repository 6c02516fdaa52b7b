import { DataSource } from 'typeorm';
import { problemCount, reportLines, verifyAuditLog } from '../audit/audit-verifier.js';
import { AUDIT_SIGNING_KEY } from '../audit/checkpoint.service.js';
import { runCommand } from './run-command.js';

// npm run audit:verify -w server: checks every chain, every checkpoint (with the configured key) and every counted answer; one line per problem.
await runCommand(async (app) => {
  const report = await verifyAuditLog(app.get(DataSource), app.get(AUDIT_SIGNING_KEY));
  for (const line of reportLines(report)) process.stdout.write(`${line}\n`);
  process.stdout.write(
    `${report.chains} chains, ${report.entries} entries, ${report.checkpoints} checkpoints, ${report.answers} answers: ${report.problems.length} broken chain(s), ${report.checkpointProblems.length} bad checkpoint(s), ${report.answerProblems.length} tampered answer(s)\n`,
  );
  return problemCount(report) ? 1 : 0;
});
