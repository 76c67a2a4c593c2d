/**
 * The scale of the fault suites. `npm run test:faults` is the full run of the figures (200
 * stations, a 10 s outage) and records them in docs/reliability.md; `npm test` (CI, 2 cores) runs the
 * same scenarios with 50 stations to stay within a couple of minutes. The assertions are the same.
 */
function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

/** Stations of the crash and outage scenarios (half 1.6-J, half 2.0.1-J). */
export const FAULT_STATIONS = positive('FAULTS_STATIONS', 50);

/** How long the database stays away in the outage scenario. */
export const OUTAGE_MS = positive('FAULTS_OUTAGE_SECONDS', 10) * 1000;

/** Stations charging while the embedded database is killed (the report had 40). */
export const SUPERVISED_STATIONS = positive('FAULTS_SUPERVISED_STATIONS', 40);
