#!/usr/bin/env node
// Builds the tools the end-to-end tests start themselves into .tools/bin: Mailpit (a real SMTP server
// with an HTTP API listing received mail, with Go), stripe-mock (Stripe's request validator, with Go)
// ocpi-tariffs (the independent OCPI tariff
// engine the pricing tests check us against, with cargo) and oicp (oicp-kit's Hubject simulator, with cargo). Runs as npm postinstall after
// install-ferretdb.js; idempotent, skippable with CSMS_SKIP_TEST_TOOLS_INSTALL=1, never fails the install.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const BIN_DIR = path.join(ROOT, '.tools', 'bin');

/**
 * Each tool: how it is built (Go module or crate), the binary it leaves, and its pinned version.
 * ocpi-tariffs-cli 0.48.0 is the newest that builds with Rust 1.95 (0.49 and later need 1.96).
 */
const TOOLS = [
  { name: 'mailpit', builder: 'go', module: 'github.com/axllent/mailpit', version: 'v1.33.1' },
  { name: 'ocpi-tariffs', builder: 'cargo', crate: 'ocpi-tariffs-cli', version: '0.48.0' },
  // Hubject's broker as a simulator (`oicp serve-mock`, plain HTTP): the OICP roaming suite's peer.
  { name: 'oicp', builder: 'cargo', crate: 'oicp-kit', version: '0.1.0', features: ['cli'] },
  // Stripe's own mock server: checks each request against Stripe's OpenAPI description (billing contract test).
  { name: 'stripe-mock', builder: 'go', module: 'github.com/stripe/stripe-mock', version: 'v0.203.0' },
];

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

function has(builder) {
  return spawnSync(builder, ['version'], { stdio: 'ignore' }).status === 0;
}

function install(tool) {
  fs.mkdirSync(BIN_DIR, { recursive: true });
  const [command, args, env] =
    tool.builder === 'go'
      ? ['go', ['install', `${tool.module}@${tool.version}`], { GOBIN: BIN_DIR }]
      : [
          'cargo',
          [
            'install',
            tool.crate,
            '--version',
            tool.version,
            ...(tool.features ? ['--features', tool.features.join(',')] : []),
            '--locked',
            '--root',
            path.dirname(BIN_DIR),
            '--force',
          ],
          {},
        ];
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
  fs.writeFileSync(stampOf(tool), `${tool.version}\n`);
}

function main() {
  if (process.env.CSMS_SKIP_TEST_TOOLS_INSTALL === '1') {
    log('skipped (CSMS_SKIP_TEST_TOOLS_INSTALL=1)');
    return;
  }
  const missing = TOOLS.filter((tool) => installedVersion(tool) !== tool.version);
  for (const tool of missing) {
    if (!has(tool.builder)) {
      log(
        `warning: ${tool.builder} is not installed, so ${tool.name} was not built; the suites that need it will fail.`,
      );
      continue;
    }
    log(`building ${tool.name} ${tool.version} into ${path.relative(ROOT, BIN_DIR)} with ${tool.builder}`);
    try {
      install(tool);
      log(`${tool.name} ${installedVersion(tool) ?? '(unknown version)'} installed`);
    } catch (error) {
      log(`warning: ${error.message}`);
    }
  }
}

main();
