#!/usr/bin/env node
// `npm test`: runs jest with jest's usual output, then prints `N passed, N failed` as the very last line.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const outputFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'csms-jest-')), 'results.json');
const jestBin = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');

const run = spawnSync(
  process.execPath,
  [jestBin, '--json', `--outputFile=${outputFile}`, '--maxWorkers=2', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
try {
  const results = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
  passed = results.numPassedTests;
  // A suite that cannot even load (syntax error, failing global setup) has no failed tests but is a failure.
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
} catch (error) {
  console.error(`Could not read jest results from ${outputFile}: ${error.message}`);
  failed = Math.max(1, failed);
} finally {
  fs.rmSync(path.dirname(outputFile), { recursive: true, force: true });
}

// Jest failed for a reason its counts do not show (e.g. a failing globalTeardown).
if (run.status !== 0 && failed === 0 && passed > 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
