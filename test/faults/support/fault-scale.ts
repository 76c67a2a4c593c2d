/**
 * The scale of the fault suites. The figures are the full run (`npm run test:faults`:
 * 200 stations, a 10 s outage); CI runs them smaller to stay within its time on 2 cores.
 */
function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

/** Stations of the crash and outage scenarios (half 1.6-J, half 2.0.1-J). */
export const FAULT_STATIONS = positive('FAULTS_STATIONS', 200);

/** How long the database stays away in the outage scenario. */
export const OUTAGE_MS = positive('FAULTS_OUTAGE_SECONDS', 10) * 1000;

/** Stations charging while the embedded database is killed (the report had 40). */
export const SUPERVISED_STATIONS = positive('FAULTS_SUPERVISED_STATIONS', 40);
