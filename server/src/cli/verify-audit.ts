import { auditVerify } from './audit-verify-command.js';
import { runCommand } from './run-command.js';

// npm run audit:verify -w server [-- --expect kept-checkpoint.json …]: exit 1 on any problem, 2 on bad arguments or configuration.
await runCommand((app) => auditVerify(app, process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)));
