import * as os from 'node:os';
import { describeMachine } from './benchmarks.doc';
import { LatencySummary } from './latency-recorder';

export const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(1) : '—');
export const count = (value: number): string => Math.round(value).toLocaleString('en-US');
export const kb = (bytes: number): string => (Number.isFinite(bytes) ? (bytes / 1024).toFixed(1) : '—');
export const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
/** `p50 / p95 / p99` in ms. */
export const latencies = (summary: LatencySummary): string =>
  `${ms(summary.p50)} / ${ms(summary.p95)} / ${ms(summary.p99)}`;

/** The machine and how busy it was at the start (the 1-minute load average): other work moves figures. */
export function machineNow(): string {
  return `${describeMachine()}, load ${os.loadavg()[0].toFixed(1)}`;
}

export function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

export function lastLines(text: string, lines: number): string {
  return text
    .split('\n')
    .slice(-lines)
    .map((line) => `  | ${line.slice(0, 400)}`)
    .join('\n');
}

/** Runs a benchmark's main: exit 0 whatever the figures, 1 only when the run itself broke. */
export function runBench(main: () => Promise<void>): void {
  // Ctrl-C runs the exit handlers that stop the server and database children.
  process.once('SIGINT', () => process.exit(130));
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(
        `benchmark broke: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
