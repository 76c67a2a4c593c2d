import fc from 'fast-check';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/**
 * The fuzzers' budget: a fixed number of runs per property in CI, more with FUZZ_RUNS=N (e.g. 10000
 * for a night). Every property prints its seed; FUZZ_SEED=seed (with the same FUZZ_RUNS) replays a run.
 */
export function fuzzParameters(name: string, ciRuns: number): fc.Parameters<unknown> {
  const numRuns = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : ciRuns;
  const seed = process.env.FUZZ_SEED
    ? Number(process.env.FUZZ_SEED)
    : (Date.now() ^ (Math.random() * 0x100000000)) | 0;
  console.log(
    `fuzz "${name}": seed ${seed}, ${numRuns} runs (replay: FUZZ_SEED=${seed} FUZZ_RUNS=${numRuns})`,
  );
  // No shrinking against a live server: the failing input and its seed are reported as they are.
  return { seed, numRuns, endOnFailure: true };
}

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/** The heap in use after a full garbage collection: what this process really holds. */
export function heapUsedAfterGc(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** What the heap grew by since `before` (both after a full collection), printed for the log. */
export function heapGrowthSince(before: number, what: string): number {
  const grown = heapUsedAfterGc() - before;
  console.log(`heap after ${what}: ${(grown / 1024 / 1024).toFixed(1)} MB more than before`);
  return grown;
}

/** The heap a fuzzing run may leave behind: far below what a leak per frame or request would hold. */
export const HEAP_GROWTH_LIMIT = 64 * 1024 * 1024;

/** A property's time limit: its runs are counted, not timed, and a shared CI machine may be slow. */
export const FUZZ_TIMEOUT_MS = 10 * 60_000;
