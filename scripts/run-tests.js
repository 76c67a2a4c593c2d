#!/usr/bin/env node
// `npm test`: runs jest with jest's usual output, then the console's component tests (Vitest, in
// apps/console) unless jest was given arguments, then prints `N passed, N failed` (both together) as the
// very last line.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const consoleDir = path.join(root, 'apps', 'console');
const jestBin = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const jestArgs = process.argv.slice(2);

/**
 * Runs a test runner that writes jest-shaped JSON results (jest's --json, Vitest's json reporter) to the
 * file it is given, and reads its counts.
 */
function runAndCount(name, command, cwd) {
  const outputFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `csms-${name}-`)), 'results.json');
  const run = spawnSync(process.execPath, command(outputFile), { cwd, stdio: 'inherit' });
  let passed = 0;
  let failed = 0;
  try {
    const results = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
    passed = results.numPassedTests;
    // A suite that cannot even load (syntax error, failing global setup) has no failed tests but is a failure.
    failed = results.numFailedTests + (results.numRuntimeErrorTestSuites ?? 0);
  } catch (error) {
    console.error(`Could not read ${name} results from ${outputFile}: ${error.message}`);
    failed = 1;
  } finally {
    fs.rmSync(path.dirname(outputFile), { recursive: true, force: true });
  }
  // The runner failed for a reason its counts do not show (e.g. a failing globalTeardown).
  if (run.status !== 0 && failed === 0) failed = 1;
  return { passed, failed };
}

const counts = [
  runAndCount(
    'jest',
    (outputFile) => [jestBin, '--json', `--outputFile=${outputFile}`, '--maxWorkers=2', ...jestArgs],
    root,
  ),
];
// Arguments narrow the run to some jest suites; a full run also runs the console's component tests.
if (jestArgs.length === 0) {
  const vitestDir = path.dirname(require.resolve('vitest/package.json', { paths: [consoleDir] }));
  counts.push(
    runAndCount(
      'vitest',
      (outputFile) => [
        path.join(vitestDir, 'vitest.mjs'),
        'run',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${outputFile}`,
      ],
      consoleDir,
    ),
  );
}

const passed = counts.reduce((sum, count) => sum + count.passed, 0);
const failed = counts.reduce((sum, count) => sum + count.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
