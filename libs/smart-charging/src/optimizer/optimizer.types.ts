/** Grid phases L1, L2, L3 as 0, 1, 2. */
export type Phase = 0 | 1 | 2;
export type PhaseVector = [number, number, number];

export const PHASES: readonly Phase[] = [0, 1, 2];

/** A fuse of the tree: a site area (nested areas nest fuses) or a station. */
export interface FuseInput {
  id: string;
  parentId?: string;
  /** How reasons name it: "area Garage", "station CS-1". */
  label: string;
  /** What each grid phase may carry, A (Infinity: no limit; a phase the fuse does not have: 0). */
  limitAmps: PhaseVector;
  /** Loads nobody controls right under this fuse (assets, stations left out), per phase, A; negative: fed in. */
  baseAmps?: PhaseVector;
  /** Volts per phase, to turn currents into power. */
  voltage: number;
  /** Peak shaving: the power this fuse should carry at most, W (soft: minimum currents come first). */
  peakWatts?: number;
  /** Phase balancing: the most the phases under this fuse may differ, A (soft, like peak shaving). */
  maxImbalanceAmps?: number;
}

/** One charging session the optimizer plans. */
export interface SessionInput {
  id: string;
  /** The fuse right above it (its station's). */
  fuseId: string;
  /** The grid phases it draws from (after the connector's phase rotation). */
  phases: Phase[];
  /** A single-phase session the station can move to another phase: the grid phases it may go on. */
  phaseOptions?: Phase[];
  /** Where it was last (a switchable session stays there unless another phase has clearly more room). */
  currentPhase?: Phase;
  /** Below this the session is paused rather than charged (6 A for AC). */
  minAmps: number;
  /** The most it may draw per phase: the car's, the connector's, static limits, sticky limitation. */
  maxAmps: number;
  /** What sets maxAmps, for the reason ("the car's maximum", "static limit of station X"). */
  maxLabel: string;
  voltage: number;
  /** Grid energy to battery energy (AC about 0.9, DC about 0.93). */
  efficiency: number;
  /** Weight in the fair share and rank for the minimum current: 1 normal, higher first. */
  priority: number;
  /** Energy still wanted into the battery, Wh; undefined: as much as it gets. */
  energyWh?: number;
  /** The first slot it is gone in; undefined: not before the end of the horizon (or unknown). */
  departureSlot?: number;
  /** Was charging before this run: kept ahead of newcomers of the same priority for the minimum current. */
  charging: boolean;
  /** Arrival order (start time): earlier first among equals. */
  order: number;
  /**
   * Energy it received so far, Wh: among sessions of the same priority, who got less goes first for
   * the minimum current, so that pauses rotate when not all fit.
   */
  receivedWh?: number;
}

/**
 * Cars expected to arrive later (a forecast, e.g. from the area's own past days): with prices they
 * are planned beside the cars present, so that those leave the cheap slots the newcomers will want
 * and use the room there is now. They never appear in the result and never take the first slot.
 */
export interface ExpectedArrival {
  /** The fuse they will charge under (an area). */
  fuseId: string;
  /** The first slot they may charge in (≥ 1: still to come). */
  arrivalSlot: number;
  /** The first slot they are gone in. */
  departureSlot: number;
  /** Grid energy they are expected to want together, Wh. */
  energyWh: number;
  /** The most they are expected to draw together, A per phase on all three phases. */
  maxAmps: number;
  voltage: number;
}

export interface OptimizerInput {
  slotCount: number;
  /** Length of every slot but the first, hours (a quarter hour). */
  slotHours: number;
  /** What is left of the first slot, hours (it started before now). */
  firstSlotHours?: number;
  fuses: FuseInput[];
  sessions: SessionInput[];
  /** Price of energy per slot (any currency per kWh): energy with a known need and departure goes to cheap slots. */
  prices?: number[];
  /**
   * The share of a future slot's capacity that energy may be moved into from now (0..1): others may
   * arrive meanwhile and want their share. 1 by default.
   */
  futureCapacityShare?: number;
  /** Expected later arrivals, counted only with prices (where they change which slot is cheap for whom). */
  expectedArrivals?: ExpectedArrival[];
}

export enum ReasonCode {
  /** A fuse on one phase is full. */
  FUSE = 'FUSE',
  /** The peak-shaving limit of an area. */
  PEAK = 'PEAK',
  /** The phase-imbalance limit of an area. */
  IMBALANCE = 'IMBALANCE',
  /** Its own limit: the car, the connector, a static limit, sticky limitation. */
  SESSION_LIMIT = 'SESSION_LIMIT',
  /** It needs no more than this (target state of charge). */
  ENERGY = 'ENERGY',
  /** Target reached, or gone: nothing to plan. */
  DONE = 'DONE',
  /** Paused: no room for its minimum current. */
  PAUSED = 'PAUSED',
  /** Paused: its own limit is below the minimum current. */
  BELOW_MINIMUM = 'BELOW_MINIMUM',
  /** Paused now because energy is cheaper later, before its departure. */
  COST = 'COST',
}

export interface PlanReason {
  code: ReasonCode;
  text: string;
  /** COST: the first slot it charges in. */
  fromSlot?: number;
}

export interface SessionPlan {
  id: string;
  /** A per slot, per phase: 0 or at least the minimum, rounded down to 0.1 A. */
  amps: number[];
  /** The grid phases used (chosen for a switchable session). */
  phases: Phase[];
  /** Why the first slot is what it is. */
  reason: PlanReason;
}

export interface OptimizerResult {
  sessions: SessionPlan[];
}
