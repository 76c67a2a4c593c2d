import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Written into the data directory while an embedded server runs on it. */
export const RUNNING_SERVER_FILE = 'embedded-database.json';

export interface RunningServer {
  pid: number;
  port: number;
  kind: string;
  binary: string;
}

export function recordRunningServer(dataDir: string, server: RunningServer): void {
  fs.writeFileSync(path.join(dataDir, RUNNING_SERVER_FILE), JSON.stringify(server));
}

/** The server recorded as running on `dataDir`, if the record is there. */
export function readRunningServer(dataDir: string): RunningServer | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, RUNNING_SERVER_FILE), 'utf8')) as RunningServer;
  } catch {
    return undefined;
  }
}

/** Removes the record, unless it names another process (a newer server on the same data). */
export function forgetRunningServer(dataDir: string, pid: number | undefined): void {
  if (readRunningServer(dataDir)?.pid !== pid) return;
  fs.rmSync(path.join(dataDir, RUNNING_SERVER_FILE), { force: true });
}

/** Whether a process of that id exists (and may be signalled). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether `pid` is still the database binary serving `dataDir` (and not a process that reused the pid). */
function isServerOf(pid: number, binary: string, dataDir: string): boolean {
  try {
    const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return commandLine[0] === binary && commandLine.some((arg) => arg.includes(dataDir));
  } catch {
    // No /proc (not Linux): the pid alone, which a crashed server's successor would rarely reuse.
    return isProcessAlive(pid);
  }
}

/**
 * A server whose parent was killed with SIGKILL keeps running, holding the data: it is stopped
 * (SIGTERM, then SIGKILL after 10 s) before a new one starts on the same data directory.
 */
export async function stopLeftoverServer(
  dataDir: string,
  binary: string,
  log: (msg: string) => void,
): Promise<void> {
  const leftover = readRunningServer(dataDir);
  if (!leftover || leftover.binary !== binary || !isServerOf(leftover.pid, binary, dataDir)) return;
  log(`Stopping the ${leftover.kind} (pid ${leftover.pid}) left running on ${dataDir} by a previous process`);
  process.kill(leftover.pid, 'SIGTERM');
  for (let waited = 0; isProcessAlive(leftover.pid); waited += 100) {
    if (waited === 10_000) process.kill(leftover.pid, 'SIGKILL');
    await sleep(100);
  }
  forgetRunningServer(dataDir, leftover.pid);
}
