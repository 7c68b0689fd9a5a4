// Reads vitest JSON reports and prints what a red run needs at the end of its log: one summary line
// per suite, each failing test with the first lines of its first assertion, and a total line.
// usage: node .ci/test-report.mjs LABEL=REPORT.json [LABEL=REPORT.json ...]
// A report that is missing (its suite never ran or crashed before writing) is named as such.
import { existsSync, readFileSync } from 'node:fs';

const assertionLines = 6;
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

const firstLines = (text) =>
  String(text)
    // Stack frames say nothing the first message lines do not.
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .slice(0, assertionLines)
    .map((line) => `      ${line}`)
    .join('\n');

for (const argument of process.argv.slice(2)) {
  const [label, file] = argument.split('=');
  if (!existsSync(file)) {
    console.log(`${label}: no report (${file}): the suite did not run to the end`);
    totals.failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const skipped = report.numPendingTests + report.numTodoTests;
  console.log(`${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += skipped;
  for (const file of report.testResults) {
    const failed = file.assertionResults.filter((test) => test.status === 'failed');
    for (const test of failed) failures.push(`${label} ${file.name}\n  ✗ ${test.fullName}\n${firstLines(test.failureMessages[0] ?? '')}`);
    // A file that failed outside any test (import error, a hook) has no failed assertion to show.
    if (file.status === 'failed' && failed.length === 0) {
      failures.push(`${label} ${file.name}\n  ✗ (file failed outside its tests)\n${firstLines(file.message ?? '')}`);
      totals.failed += 1;
    }
  }
}

if (failures.length > 0) {
  console.log(`\nFailed (${failures.length}):`);
  for (const failure of failures) console.log(failure);
}
console.log(`\ntotal: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
