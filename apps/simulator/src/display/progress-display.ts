import { SimulationStats } from '../stats/simulation-stats';

export interface ProgressTarget {
  isTTY?: boolean;
  write(text: string): unknown;
}

function clock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/** One status line: connected stations, sessions, message rate, errors. */
export function progressLine(
  stats: SimulationStats,
  totalStations: number,
  messagesPerSecond: number,
): string {
  const parts = [
    `[${clock(Date.now() - stats.startedAt)}]`,
    `stations ${stats.connectedStations}/${totalStations}`,
    `sessions ${stats.activeSessions} active, ${stats.sessionsCompleted} done`,
    `${messagesPerSecond.toFixed(1)} msg/s`,
    stats.refusals ? `errors ${stats.errors} (${stats.refusals} refused)` : `errors ${stats.errors}`,
    `${(stats.energyWh / 1000).toFixed(1)} kWh`,
  ];
  if (stats.queuedMessages) parts.push(`queued ${stats.queuedMessages}, replayed ${stats.replayedMessages}`);
  return parts.join(' | ');
}

/**
 * Refreshes the line in place every second on a terminal; elsewhere (CI, pipes) prints a plain line every
 * `plainEveryS` seconds so logs stay readable.
 */
export class ProgressDisplay {
  private timer?: NodeJS.Timeout;
  private lastCount = 0;
  private lastAt = Date.now();
  private ticks = 0;
  private readonly reasonsShown = new Set<string>();

  constructor(
    private readonly stats: SimulationStats,
    private readonly totalStations: number,
    private readonly target: ProgressTarget,
    private readonly interactive: boolean,
    private readonly plainEveryS = 5,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.render(), 1000);
  }

  stop(): void {
    clearInterval(this.timer);
    if (this.interactive) this.target.write('\n');
  }

  private render(): void {
    const now = Date.now();
    const count = this.stats.messagesSent + this.stats.commandsReceived;
    const rate = ((count - this.lastCount) * 1000) / Math.max(1, now - this.lastAt);
    this.lastCount = count;
    this.lastAt = now;
    const line = progressLine(this.stats, this.totalStations, rate);
    this.showNewRefusalReasons();
    if (this.interactive) {
      this.target.write(`\r\x1b[2K${line}`);
    } else if (++this.ticks % this.plainEveryS === 0) {
      this.target.write(`${line}\n`);
    }
  }

  /** Each reason the CSMS gave for refusing a tag, once, on its own line: the fix is usually on that side. */
  private showNewRefusalReasons(): void {
    for (const reason of this.stats.refusalReasons.keys()) {
      if (this.reasonsShown.has(reason)) continue;
      this.reasonsShown.add(reason);
      this.target.write(`${this.interactive ? '\r\x1b[2K' : ''}${reason}\n`);
    }
  }
}
