import * as fs from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux (getconf CLK_TCK)

/** CPU time (user + system) a process has used so far, in ms; undefined where /proc is not there. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU used by named processes between start() and stop(): how much work each did for the load. */
export class CpuWindow {
  private readonly startMs = new Map<string, number | undefined>();
  readonly usedMs = new Map<string, number>();

  constructor(private readonly processes: Record<string, number | undefined>) {}

  start(): void {
    for (const [name, pid] of Object.entries(this.processes)) this.startMs.set(name, cpuOf(pid));
  }

  stop(): void {
    for (const [name, pid] of Object.entries(this.processes)) {
      const before = this.startMs.get(name);
      const after = cpuOf(pid);
      if (before !== undefined && after !== undefined) this.usedMs.set(name, after - before);
    }
  }
}

function cpuOf(pid: number | undefined): number | undefined {
  if (pid === process.pid) {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  }
  return processCpuMs(pid);
}

/**
 * CPU time this process's main thread has used so far, in ms: from Linux's schedstat (nanoseconds)
 * where it is there, else the whole process's. A synchronous computation's own time, main-thread GC
 * pauses included, without the GC and compiler threads working beside it (process.cpuUsage counts
 * those, so a run during concurrent marking looked slower than it was).
 */
export function mainThreadCpuMs(): number {
  try {
    return Number(fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  }
}
