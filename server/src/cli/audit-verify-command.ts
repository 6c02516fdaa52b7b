import type { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { problemCount, reportLines, verifyAuditLog } from '../audit/audit-verifier.js';
import { AUDIT_SIGNING_KEY } from '../audit/checkpoint.service.js';
import { parseExpected, type ExpectedCheckpoint } from '../audit/expected-checkpoint.rules.js';
import { UsageError } from './run-command.js';

/** The checkpoints named by every `--expect <file.json>` (each file one checkpoint or an array of them). */
export function expectedFromArgs(args: string[]): ExpectedCheckpoint[] {
  const expected: ExpectedCheckpoint[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--expect') throw new UsageError(`unknown argument "${args[i]}"; usage: npm run audit:verify -w server [-- --expect checkpoint.json …]`);
    const file = args[++i];
    if (!file) throw new UsageError('--expect needs a file: the body of GET /api/audit/checkpoint kept outside the database');
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new UsageError(`cannot read --expect ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = parseExpected(value, file);
    if (typeof parsed === 'string') throw new UsageError(`--expect ${parsed}`);
    expected.push(...parsed);
  }
  return expected;
}

/** audit:verify: every chain, every checkpoint and kept copy (with the configured public key) and every counted answer; one line per problem. */
export async function auditVerify(app: INestApplicationContext, args: string[], write: (line: string) => void): Promise<number> {
  const expected = expectedFromArgs(args);
  const report = await verifyAuditLog(app.get(DataSource), app.get(AUDIT_SIGNING_KEY), expected);
  for (const line of reportLines(report)) write(line);
  write(
    `${report.chains} chains, ${report.entries} entries, ${report.checkpoints} checkpoints, ${report.expected} kept checkpoint(s), ${report.answers} answers: ${report.problems.length} broken chain(s), ${report.checkpointProblems.length} bad checkpoint(s), ${report.expectedProblems.length} kept checkpoint(s) not in the database, ${report.answerProblems.length} tampered answer(s)`,
  );
  return problemCount(report) ? 1 : 0;
}
