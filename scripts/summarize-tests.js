#!/usr/bin/env node
/**
 * Reads every jest --json result in a folder and prints the one line CI reads:
 * `N passed, N failed` (failed build steps and suites that failed to run count as failures).
 */
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const [dir = '.test-results', failedSteps = '0'] = process.argv.slice(2);
let passed = 0;
let failed = Number(failedSteps) || 0;
let skipped = 0;
const files = readdirSync(dir).filter((f) => /^jest.*\.json$/.test(f));
if (files.length === 0) failed += 1;
for (const file of files) {
  const r = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests || 0);
  // A suite that failed to run (syntax error, missing module) has no failed tests: count it.
  failed += r.testResults.filter((s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed')).length;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
