import { limitToWatts, SupplySpec } from './charge-curve';

/** Version-neutral charging profile: 1.6 ChargePointMaxProfile and 2.0.1 ChargingStationMaxProfile are `StationMax`. */
export type ProfilePurpose = 'StationMax' | 'TxDefault' | 'Tx';
export type RateUnit = 'A' | 'W';

export interface SchedulePeriod {
  startPeriod: number;
  limit: number;
  numberPhases?: number;
  /** 2.0.1: the station phase (1..3) a single-phase car is put on. */
  phaseToUse?: number;
}

export interface ChargingProfile {
  id: number;
  /** 0 means the whole station. */
  connectorId: number;
  stackLevel: number;
  purpose: ProfilePurpose;
  kind: 'Absolute' | 'Recurring' | 'Relative';
  recurrency?: 'Daily' | 'Weekly';
  transactionId?: string;
  validFrom?: Date;
  validTo?: Date;
  /** When the profile was installed: the start of an Absolute schedule without startSchedule. */
  installedAt: Date;
  schedule: { unit: RateUnit; periods: SchedulePeriod[]; startSchedule?: Date; duration?: number };
}

export interface ClearCriteria {
  id?: number;
  connectorId?: number;
  purpose?: ProfilePurpose;
  stackLevel?: number;
}

/** The transaction a connector is running, for Tx and Relative profiles. */
export interface TransactionContext {
  transactionId?: string;
  startedAt: Date;
}

export interface CompositePeriod {
  startPeriod: number;
  limit: number;
}

const DAY_MS = 86_400_000;
const RECURRENCY_MS = { Daily: DAY_MS, Weekly: 7 * DAY_MS };

/** Installed charging profiles and the limits they impose, evaluated at any instant. */
export class ChargingProfileStore {
  private readonly profiles = new Map<number, ChargingProfile>();

  get size(): number {
    return this.profiles.size;
  }

  list(): ChargingProfile[] {
    return [...this.profiles.values()];
  }

  /** Installs a profile, replacing one with the same id or the same connector, purpose and stack level. */
  set(profile: ChargingProfile): void {
    for (const existing of this.profiles.values()) {
      const sameSlot =
        existing.connectorId === profile.connectorId &&
        existing.purpose === profile.purpose &&
        existing.stackLevel === profile.stackLevel;
      if (sameSlot) this.profiles.delete(existing.id);
    }
    this.profiles.set(profile.id, profile);
  }

  /** Removes the matching profiles; returns how many were removed. */
  clear(criteria: ClearCriteria): number {
    let removed = 0;
    for (const profile of [...this.profiles.values()]) {
      if (criteria.id !== undefined && profile.id !== criteria.id) continue;
      if (criteria.connectorId !== undefined && profile.connectorId !== criteria.connectorId) continue;
      if (criteria.purpose !== undefined && profile.purpose !== criteria.purpose) continue;
      if (criteria.stackLevel !== undefined && profile.stackLevel !== criteria.stackLevel) continue;
      this.profiles.delete(profile.id);
      removed++;
    }
    return removed;
  }

  /** Tx profiles die with their transaction. */
  clearTransaction(connectorId: number): void {
    for (const profile of [...this.profiles.values()]) {
      if (profile.purpose === 'Tx' && profile.connectorId === connectorId) this.profiles.delete(profile.id);
    }
  }

  /** The limit on one connector from Tx/TxDefault profiles, in watts (Infinity when unlimited). */
  connectorLimitW(connectorId: number, at: Date, supply: SupplySpec, tx?: TransactionContext): number {
    const txLimit = this.highestStack(at, supply, tx, (p) => {
      if (p.purpose !== 'Tx' || p.connectorId !== connectorId || !tx) return false;
      return p.transactionId === undefined || p.transactionId === tx.transactionId;
    });
    if (txLimit !== undefined) return txLimit;
    const specific = this.highestStack(
      at,
      supply,
      tx,
      (p) => p.purpose === 'TxDefault' && p.connectorId === connectorId,
    );
    if (specific !== undefined) return specific;
    return (
      this.highestStack(at, supply, tx, (p) => p.purpose === 'TxDefault' && p.connectorId === 0) ?? Infinity
    );
  }

  /** The phase (1..3) the Tx profile in force puts a single-phase car on, if it says. */
  phaseToUseAt(connectorId: number, at: Date, tx: TransactionContext): number | undefined {
    const candidates = [...this.profiles.values()]
      .filter((p) => p.purpose === 'Tx' && p.connectorId === connectorId)
      .filter((p) => p.transactionId === undefined || p.transactionId === tx.transactionId)
      .sort((a, b) => b.stackLevel - a.stackLevel);
    for (const profile of candidates) {
      const period = periodAt(profile, at, tx);
      if (period) return period.phaseToUse;
    }
    return undefined;
  }

  /** The limit on the whole station, in watts (Infinity when unlimited). */
  stationLimitW(at: Date, supply: SupplySpec): number {
    return this.highestStack(at, supply, undefined, (p) => p.purpose === 'StationMax') ?? Infinity;
  }

  /** The limit on one connector in `unit`, combining its own profiles and the station maximum. */
  effectiveLimitW(connectorId: number, at: Date, supply: SupplySpec, tx?: TransactionContext): number {
    return Math.min(this.connectorLimitW(connectorId, at, supply, tx), this.stationLimitW(at, supply));
  }

  /**
   * The schedule the connector will follow from `start` for `durationS` seconds, as periods in `unit`,
   * merged where the limit does not change. Periods without any limit carry the supply maximum.
   */
  compositeSchedule(
    connectorId: number,
    start: Date,
    durationS: number,
    unit: RateUnit,
    supply: SupplySpec,
    supplyMaxW: number,
    tx?: TransactionContext,
  ): CompositePeriod[] {
    const end = start.getTime() + durationS * 1000;
    const instants = new Set<number>([start.getTime()]);
    for (const profile of this.profiles.values()) {
      for (const t of this.breakpoints(profile, start.getTime(), end, tx)) instants.add(t);
    }
    const periods: CompositePeriod[] = [];
    for (const t of [...instants].filter((x) => x >= start.getTime() && x < end).sort((a, b) => a - b)) {
      const limitW = Math.min(supplyMaxW, this.effectiveLimitW(connectorId, new Date(t), supply, tx));
      const limit = unit === 'W' ? limitW : limitW / (supply.nominalVoltageV * supply.phases);
      const rounded = Math.round(limit * 10) / 10;
      if (periods.length && periods[periods.length - 1].limit === rounded) continue;
      periods.push({ startPeriod: Math.round((t - start.getTime()) / 1000), limit: rounded });
    }
    return periods;
  }

  private highestStack(
    at: Date,
    supply: SupplySpec,
    tx: TransactionContext | undefined,
    applies: (profile: ChargingProfile) => boolean,
  ): number | undefined {
    const candidates = [...this.profiles.values()]
      .filter(applies)
      .sort((a, b) => b.stackLevel - a.stackLevel);
    for (const profile of candidates) {
      const limit = limitAt(profile, at, supply, tx);
      if (limit !== undefined) return limit;
    }
    return undefined;
  }

  private breakpoints(profile: ChargingProfile, from: number, to: number, tx?: TransactionContext): number[] {
    const points: number[] = [];
    if (profile.validFrom) points.push(profile.validFrom.getTime());
    if (profile.validTo) points.push(profile.validTo.getTime());
    const recurrence =
      profile.kind === 'Recurring' && profile.recurrency ? RECURRENCY_MS[profile.recurrency] : 0;
    let base = scheduleStart(profile, new Date(from), tx);
    if (base === undefined) return points;
    if (recurrence) base -= recurrence;
    for (let cycleStart = base; cycleStart < to; cycleStart += recurrence || Infinity) {
      for (const period of profile.schedule.periods) points.push(cycleStart + period.startPeriod * 1000);
      if (profile.schedule.duration !== undefined) points.push(cycleStart + profile.schedule.duration * 1000);
      if (!recurrence) break;
    }
    return points;
  }
}

/** When the profile's schedule (current cycle, for recurring ones) started, in epoch ms. */
function scheduleStart(profile: ChargingProfile, at: Date, tx?: TransactionContext): number | undefined {
  if (profile.kind === 'Relative') return tx ? tx.startedAt.getTime() : at.getTime();
  const anchor = (profile.schedule.startSchedule ?? profile.validFrom ?? profile.installedAt).getTime();
  if (profile.kind === 'Recurring' && profile.recurrency) {
    const cycle = RECURRENCY_MS[profile.recurrency];
    const cycles = Math.floor((at.getTime() - anchor) / cycle);
    return anchor + cycles * cycle;
  }
  return anchor;
}

/** The limit one profile imposes at an instant, or undefined when it is not in force then. */
export function limitAt(
  profile: ChargingProfile,
  at: Date,
  supply: SupplySpec,
  tx?: TransactionContext,
): number | undefined {
  const current = periodAt(profile, at, tx);
  if (!current) return undefined;
  return limitToWatts(current.limit, profile.schedule.unit, supply, current.numberPhases);
}

/** The schedule period of a profile in force at an instant, or undefined. */
function periodAt(profile: ChargingProfile, at: Date, tx?: TransactionContext): SchedulePeriod | undefined {
  if (profile.validFrom && at < profile.validFrom) return undefined;
  if (profile.validTo && at >= profile.validTo) return undefined;
  const start = scheduleStart(profile, at, tx);
  if (start === undefined) return undefined;
  const offsetS = (at.getTime() - start) / 1000;
  if (offsetS < 0) return undefined;
  if (profile.schedule.duration !== undefined && offsetS >= profile.schedule.duration) return undefined;
  let current: SchedulePeriod | undefined;
  for (const period of profile.schedule.periods) {
    if (period.startPeriod <= offsetS && (!current || period.startPeriod >= current.startPeriod))
      current = period;
  }
  return current;
}
