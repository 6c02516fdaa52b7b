// Adds up the Jest JSON reports and the browser test's TAP file into one closing line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'test-results';
let passed = 0;
let failed = 0;
for (const file of readdirSync(dir)) {
  const path = join(dir, file);
  if (file.endsWith('.json')) {
    const report = JSON.parse(readFileSync(path, 'utf8'));
    console.log(`${file.replace('.json', '')}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  } else if (file.endsWith('.tap') && existsSync(path)) {
    const tap = readFileSync(path, 'utf8');
    const pass = Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
    const fail = Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0);
    console.log(`${file.replace('.tap', '')}: ${pass} passed, ${fail} failed`);
    passed += pass;
    failed += fail;
  }
}
if (passed === 0) {
  console.error('no test ran');
  process.exit(1);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
