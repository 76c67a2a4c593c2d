#!/usr/bin/env node
// Builds the operator console (apps/console) with Vite into apps/console/dist, which the CSMS serves at /.
//   node scripts/build-console.js              build
//   node scripts/build-console.js --if-missing build only when there is no build (npm start)
//   node scripts/build-console.js --if-stale   build when a source is newer than the build (the browser tests)
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const consoleDir = path.resolve(__dirname, '..', 'apps', 'console');
const builtPage = path.join(consoleDir, 'dist', 'index.html');
const sources = ['src', 'index.html', 'vite.config.mts', 'package.json'].map((name) =>
  path.join(consoleDir, name),
);

function newestChange(file) {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((name) => newestChange(path.join(file, name))));
}

function builtAt() {
  return fs.existsSync(builtPage) ? fs.statSync(builtPage).mtimeMs : undefined;
}

function needsBuild(mode) {
  const built = builtAt();
  if (built === undefined) return true;
  if (mode === '--if-missing') return false;
  if (mode === '--if-stale') return Math.max(...sources.map(newestChange)) > built;
  return true;
}

const mode = process.argv[2];
if (!needsBuild(mode)) process.exit(0);
if (mode === '--if-missing') console.log('Building the operator console (first start only, a few seconds)…');
const vite = path.join(
  path.dirname(require.resolve('vite/package.json', { paths: [consoleDir] })),
  'bin',
  'vite.js',
);
// A production bundle whatever the caller's NODE_ENV (jest runs with `test`, which would bundle React's development build).
const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
  cwd: consoleDir,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
if (run.status !== 0) {
  console.error('The operator console did not build (see above).');
  process.exit(run.status ?? 1);
}
console.log(`Operator console built into ${path.relative(process.cwd(), path.dirname(builtPage)) || '.'}`);
