#!/usr/bin/env node
// Builds the tools the end-to-end tests start themselves (today: Mailpit, a real SMTP server with an
// HTTP API listing received mail) into .tools/bin. Runs as npm postinstall after install-ferretdb.js;
// idempotent, skippable with CSMS_SKIP_TEST_TOOLS_INSTALL=1, and never fails the install.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const BIN_DIR = path.join(ROOT, '.tools', 'bin');

/** Each tool: the Go package to install and its version. */
const TOOLS = [{ name: 'mailpit', module: 'github.com/axllent/mailpit', version: 'v1.33.1' }];

function log(message) {
  console.log(`[install-test-tools] ${message}`);
}

// `go install` builds report version "dev", so the installed version is kept in a stamp file beside the binary.
function stampOf(tool) {
  return path.join(BIN_DIR, `.${tool.name}.version`);
}

function installedVersion(tool) {
  if (!fs.existsSync(path.join(BIN_DIR, tool.name)) || !fs.existsSync(stampOf(tool))) return undefined;
  return fs.readFileSync(stampOf(tool), 'utf8').trim();
}

function hasGo() {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

function install(tool) {
  fs.mkdirSync(BIN_DIR, { recursive: true });
  const result = spawnSync('go', ['install', `${tool.module}@${tool.version}`], {
    stdio: 'inherit',
    env: { ...process.env, GOBIN: BIN_DIR },
  });
  if (result.status !== 0)
    throw new Error(`go install ${tool.module}@${tool.version} failed (exit ${result.status})`);
  fs.writeFileSync(stampOf(tool), `${tool.version}\n`);
}

function main() {
  if (process.env.CSMS_SKIP_TEST_TOOLS_INSTALL === '1') {
    log('skipped (CSMS_SKIP_TEST_TOOLS_INSTALL=1)');
    return;
  }
  const missing = TOOLS.filter((tool) => installedVersion(tool) !== tool.version);
  if (missing.length === 0) return;
  if (!hasGo()) {
    log(
      `warning: Go is not installed, so ${missing.map((tool) => tool.name).join(', ')} were not built; the e2e suites that need them will fail.`,
    );
    return;
  }
  for (const tool of missing) {
    log(`building ${tool.name} ${tool.version} into ${path.relative(ROOT, BIN_DIR)} with Go`);
    try {
      install(tool);
      log(`${tool.name} ${installedVersion(tool) ?? '(unknown version)'} installed`);
    } catch (error) {
      log(`warning: ${error.message}`);
    }
  }
}

main();
