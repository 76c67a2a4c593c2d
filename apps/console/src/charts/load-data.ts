import type { AlignedData } from 'uplot';
import type { SiteAreaLoadPointFragment } from '../graphql/generated';
import { uniqueByTime } from './curve-data';

export type LoadPoint = SiteAreaLoadPointFragment;

/** One grid phase of the latest point: what it carries, of which charging and assets, and its fuse. */
export interface PhaseLoad {
  phase: 1 | 2 | 3;
  amps: number;
  chargingAmps: number;
  assetAmps: number;
  limitAmps: number | null;
  /** Share of the fuse, 0..∞ (above 1: over the fuse); null without a fuse. */
  usage: number | null;
}

const PHASES = [1, 2, 3] as const;

const ampsOf = (point: LoadPoint, phase: 1 | 2 | 3) => [point.ampsL1, point.ampsL2, point.ampsL3][phase - 1];
const chargingOf = (point: LoadPoint, phase: 1 | 2 | 3) =>
  [point.chargingAmpsL1, point.chargingAmpsL2, point.chargingAmpsL3][phase - 1];
const assetsOf = (point: LoadPoint, phase: 1 | 2 | 3) =>
  [point.assetAmpsL1, point.assetAmpsL2, point.assetAmpsL3][phase - 1];

/**
 * Each phase of the point beside the fuse: the point's own limit, else the area's (`fallbackLimit`).
 * A single-phase area shows L1 only.
 */
export function phaseLoads(point: LoadPoint, phases: number, fallbackLimit: number | null): PhaseLoad[] {
  const limitAmps = point.limitAmps ?? fallbackLimit;
  return PHASES.slice(0, phases === 1 ? 1 : 3).map((phase) => {
    const amps = ampsOf(point, phase);
    return {
      phase,
      amps,
      chargingAmps: chargingOf(point, phase),
      assetAmps: assetsOf(point, phase),
      limitAmps,
      usage: limitAmps ? amps / limitAmps : null,
    };
  });
}

/** Columns for uPlot, oldest first: time (s), L1, L2, L3 (A), then the fuse (A). */
export function loadData(points: readonly LoadPoint[]): AlignedData {
  const sorted = uniqueByTime(points);
  return [
    sorted.map((point) => Date.parse(point.timestamp) / 1000),
    ...PHASES.map((phase) => sorted.map((point) => ampsOf(point, phase))),
    sorted.map((point) => point.limitAmps ?? null),
  ] as AlignedData;
}
