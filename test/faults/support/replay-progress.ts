import * as os from 'node:os';
import { FaultFleet } from './fault-fleet';

export interface ProgressSample {
  /** Seconds since the sampling began. */
  atS: number;
  connected: number;
  acknowledged: number;
  pending: number;
  replayed: number;
  sent: number;
  timeouts: number;
  callErrors: number;
  /** The machine's 1-minute load average. */
  load: number;
  /** Mean milliseconds to an answer since the previous sample, by action. */
  meanAnswerMs: Record<string, number>;
}

/**
 * Samples a fleet's counters every few seconds (after a restart: how fast the stations' offline
 * queues drain), so a slow recovery shows where its time went. FAULTS_TRACE=1 prints each sample.
 */
export class ReplayProgress {
  readonly samples: ProgressSample[] = [];
  private readonly began = Date.now();
  private readonly timer: NodeJS.Timeout;
  readonly marks = new Map<string, ProgressSample>();
  private previousAnswers = new Map<string, { count: number; totalMs: number }>();

  constructor(
    private readonly fleet: FaultFleet,
    everyMs = 5000,
  ) {
    this.sample();
    this.timer = setInterval(() => void this.sample(), everyMs);
  }

  /** Notes a moment (the kill, the restart) with a sample of its own. */
  mark(event: string): ProgressSample {
    const sample = this.sample(event);
    this.marks.set(event, sample);
    return sample;
  }

  stop(): ProgressSample {
    clearInterval(this.timer);
    return this.sample();
  }

  /** Acknowledgments per second between two marks (undefined while either is missing). */
  ratePerSecond(from: string, to: string): number | undefined {
    const [a, b] = [this.marks.get(from), this.marks.get(to)];
    if (!a || !b || b.atS <= a.atS) return undefined;
    return Math.round(((b.acknowledged - a.acknowledged) / (b.atS - a.atS)) * 10) / 10;
  }

  /** Seconds from the start until the first sample where `condition` held (undefined: never). */
  firstWhen(condition: (sample: ProgressSample) => boolean): number | undefined {
    return this.samples.find(condition)?.atS;
  }

  private meanAnswerMsSincePrevious(): Record<string, number> {
    const now = this.fleet.answerTimes();
    const means: Record<string, number> = {};
    for (const [action, { count, totalMs }] of now) {
      const before = this.previousAnswers.get(action) ?? { count: 0, totalMs: 0 };
      if (count > before.count)
        means[action] = Math.round((totalMs - before.totalMs) / (count - before.count));
    }
    this.previousAnswers = now;
    return means;
  }

  private sample(event?: string): ProgressSample {
    const callErrors = Object.values(this.fleet.callErrors()).reduce((sum, count) => sum + count, 0);
    const sample: ProgressSample = {
      atS: Math.round((Date.now() - this.began) / 100) / 10,
      connected: this.fleet.connected,
      acknowledged: this.fleet.acknowledged,
      pending: this.fleet.pending,
      replayed: this.fleet.total('replayed'),
      sent: this.fleet.total('sent'),
      timeouts: this.fleet.total('timeouts'),
      callErrors,
      load: Math.round(os.loadavg()[0] * 10) / 10,
      meanAnswerMs: this.meanAnswerMsSincePrevious(),
    };
    this.samples.push(sample);
    if (process.env.FAULTS_TRACE) process.stderr.write(`fleet ${event ?? ''} ${JSON.stringify(sample)}\n`);
    return sample;
  }
}
