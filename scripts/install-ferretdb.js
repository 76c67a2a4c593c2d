#!/usr/bin/env node
// Builds FerretDB (the embedded database used when no mongod and no MONGODB_URI are available) into
// .tools/bin/ferretdb. Runs as npm postinstall; never fails the install.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const VERSION = 'v1.24.2';
const MODULE = 'github.com/FerretDB/FerretDB';
const ROOT = path.resolve(__dirname, '..');
const BIN_DIR = path.join(ROOT, '.tools', 'bin');
const BINARY = path.join(BIN_DIR, 'ferretdb');
/** Bumped whenever ferretdb-patches.js changes, so a binary built without them is rebuilt. */
const PATCH_LEVEL = 'csms-11';
// Read by libs/database/src/embedded/server-args.ts too: some settings suit only our patched build.
const STAMP = path.join(BIN_DIR, 'ferretdb.patch-level');

const { PATCHES } = require('./ferretdb-patches');

function applyPatches(source) {
  for (const { file, edits } of PATCHES) {
    const full = path.join(source, file);
    let text = fs.readFileSync(full, 'utf8');
    for (const [from, to] of edits) {
      if (!text.includes(from)) throw new Error(`patch for ${file} does not apply: ${JSON.stringify(from)}`);
      text = text.replace(from, to);
    }
    fs.writeFileSync(full, text);
  }
}

function installedPatchLevel() {
  return fs.existsSync(STAMP) ? fs.readFileSync(STAMP, 'utf8').trim() : undefined;
}

function log(message) {
  console.log(`[install-ferretdb] ${message}`);
}

function installedVersion() {
  if (!fs.existsSync(BINARY)) return undefined;
  const result = spawnSync(BINARY, ['--version'], { encoding: 'utf8' });
  const match = /^version:\s*(\S+)/m.exec(result.stdout || '');
  return match ? match[1] : undefined;
}

function hasGo() {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

// `go install ...@v1.24.2` alone yields a binary that panics at start-up: the module zip lacks the
// generated build/version/version.txt, and overlays may not touch GOMODCACHE. So we build from a copy
// of the module source with that file written.
function build() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'csms-ferretdb-'));
  try {
    const download = spawnSync('go', ['mod', 'download', '-json', `${MODULE}@${VERSION}`], {
      cwd: scratch,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, GOFLAGS: '-mod=mod' },
    });
    if (download.status !== 0) throw new Error(`go mod download failed (exit ${download.status})`);
    const moduleDir = JSON.parse(download.stdout).Dir;

    // A fixed path keeps Go's build cache effective across reinstalls.
    const source = path.join(ROOT, '.tools', 'build', `ferretdb-${VERSION}`);
    fs.rmSync(source, { recursive: true, force: true });
    fs.cpSync(moduleDir, source, { recursive: true });
    makeWritable(source);
    fs.writeFileSync(path.join(source, 'build', 'version', 'version.txt'), `${VERSION}\n`);
    applyPatches(source);

    fs.mkdirSync(BIN_DIR, { recursive: true });
    run('go', ['build', '-buildvcs=false', '-o', BINARY, './cmd/ferretdb'], {
      cwd: source,
      env: { ...process.env, GOFLAGS: '-mod=mod' },
    });
    fs.rmSync(path.dirname(source), { recursive: true, force: true });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

// Files copied out of GOMODCACHE are read-only.
function makeWritable(dir) {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(full);
    else fs.chmodSync(full, 0o644);
  }
}

function main() {
  if (process.env.CSMS_SKIP_FERRETDB_INSTALL === '1') {
    log('skipped (CSMS_SKIP_FERRETDB_INSTALL=1)');
    return;
  }
  if (installedVersion() === VERSION && installedPatchLevel() === PATCH_LEVEL) return;
  if (!hasGo()) {
    log(
      `warning: Go is not installed, so FerretDB ${VERSION} was not built. The embedded database needs ` +
        'a mongod on PATH (or MONGOD_BINARY), Go (then re-run `npm install`), or set MONGODB_URI.',
    );
    return;
  }
  log(
    `building FerretDB ${VERSION} into ${path.relative(ROOT, BINARY)} with Go (first time takes a minute or two)`,
  );
  try {
    build();
    fs.writeFileSync(STAMP, `${PATCH_LEVEL}\n`);
  } catch (error) {
    log(`warning: ${error.message}; the embedded database needs a mongod, FerretDB or MONGODB_URI.`);
    return;
  }
  const version = installedVersion();
  if (version !== VERSION) log(`warning: built binary reports version ${version ?? 'unknown'}`);
  else log(`FerretDB ${VERSION} installed`);
}

main();
