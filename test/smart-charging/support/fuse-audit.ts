/** One meter value of a session as the CSMS stored it: currents per connector phase. */
export interface MeterSample {
  at: number;
  amps: [number, number, number];
}

/** A session's samples and how its connector's phases land on the grid (0-based grid phase per connector phase). */
export interface AuditedSession {
  samples: MeterSample[];
  gridPhaseOf: [number, number, number];
}

/** A step of an asset's load per grid phase, from `at` on. */
export interface AssetStep {
  at: number;
  amps: [number, number, number];
}

export interface FuseExcess {
  at: number;
  phase: number;
  amps: number;
}

/**
 * Replays the meter values: at every sample instant, each session counts with its latest sample
 * (none before its first, none after its last), each asset with its latest step, per grid phase.
 * Returns the instants some phase carried more than `limitAmps` (+ `toleranceAmps`), leaving out
 * those within `graceMs` after a change the stations had to react to.
 */
export function fuseExcesses(
  sessions: readonly AuditedSession[],
  assets: readonly AssetStep[][],
  limitAmps: number,
  changes: readonly number[],
  graceMs: number,
  toleranceAmps = 0.3,
): FuseExcess[] {
  const instants = [
    ...new Set(sessions.flatMap((session) => session.samples.map((sample) => sample.at))),
  ].sort((a, b) => a - b);
  const latest = <T extends { at: number }>(items: readonly T[], at: number): T | undefined => {
    let found: T | undefined;
    for (const item of items) if (item.at <= at) found = item;
    return found;
  };
  const excesses: FuseExcess[] = [];
  for (const at of instants) {
    if (changes.some((change) => at >= change && at < change + graceMs)) continue;
    const load = [0, 0, 0];
    for (const session of sessions) {
      const first = session.samples[0];
      const last = session.samples[session.samples.length - 1];
      if (!first || at < first.at || at > last.at) continue;
      const sample = latest(session.samples, at)!;
      sample.amps.forEach((amps, phase) => (load[session.gridPhaseOf[phase]] += amps));
    }
    for (const steps of assets) latest(steps, at)?.amps.forEach((amps, phase) => (load[phase] += amps));
    load.forEach((amps, phase) => {
      if (amps > limitAmps + toleranceAmps) excesses.push({ at, phase, amps });
    });
  }
  return excesses;
}
