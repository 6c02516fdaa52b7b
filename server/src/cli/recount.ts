import { recount } from './recount-command.js';
import { runCommand } from './run-command.js';

// npm run recount -w server [-- --repair]: see recount-command.ts.
await runCommand((app) => recount(app, process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)));
