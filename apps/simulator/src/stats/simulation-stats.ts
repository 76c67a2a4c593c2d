/** Counters shared by every simulated station, read by the progress display and the summary. */
export class SimulationStats {
  messagesSent = 0;
  messagesAnswered = 0;
  errors = 0;
  commandsReceived = 0;
  sessionsStarted = 0;
  sessionsCompleted = 0;
  activeSessions = 0;
  connectedStations = 0;
  boots = 0;
  reconnects = 0;
  queuedMessages = 0;
  replayedMessages = 0;
  energyWh = 0;
  outages = 0;
  readonly storms: { stations: number; durationMs: number }[] = [];
  lastError?: string;
  /** Refused authorizations and transactions, also counted in `errors`; each distinct reason with its count. */
  refusals = 0;
  readonly refusalReasons = new Map<string, number>();
  readonly startedAt = Date.now();
  private readonly latencies: number[] = [];
  private latencyCount = 0;

  /** Keeps a uniform sample of at most this many latencies (reservoir sampling) to bound memory. */
  static readonly MAX_LATENCY_SAMPLES = 200_000;

  recordAnswer(latencyMs: number): void {
    this.messagesAnswered++;
    this.latencyCount++;
    if (this.latencies.length < SimulationStats.MAX_LATENCY_SAMPLES) {
      this.latencies.push(latencyMs);
      return;
    }
    const slot = Math.floor(Math.random() * this.latencyCount);
    if (slot < SimulationStats.MAX_LATENCY_SAMPLES) this.latencies[slot] = latencyMs;
  }

  recordError(message: string): void {
    this.errors++;
    this.lastError = message;
  }

  /** The CSMS refused a tag (Authorize, StartTransaction): an error whose reason the display shows once. */
  recordRefusal(reason: string): void {
    this.recordError(reason);
    this.refusals++;
    this.refusalReasons.set(reason, (this.refusalReasons.get(reason) ?? 0) + 1);
  }

  latencyPercentile(percentile: number): number | undefined {
    return percentileOf(this.latencies, percentile);
  }
}

/** Nearest-rank percentile; undefined for no samples. */
export function percentileOf(values: readonly number[], percentile: number): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((percentile / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}
