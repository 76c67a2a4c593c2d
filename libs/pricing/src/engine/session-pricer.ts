import { PriceComponent, TariffPricing } from '../model/tariff';
import { ActiveComponents, ElementMatcher, PeriodSnapshot } from './element-matching';
import { localTimeOf } from './local-time';
import { RestrictionBoundaries } from './restriction-boundaries';
import { SessionQuote, quoteOf } from './session-quote';
import { TariffScale } from './tariff-scale';

/** One reading of a session's meter: energy delivered since the session started. */
export interface MeterPoint {
  timestamp: Date;
  cumulatedWh: number;
  /** Current over all phases, when the station reported it (for current restrictions). */
  currentA?: number;
}

/** Where and when a session is priced: its site's clock and its start. */
export interface PricingContext {
  /** IANA time zone of the site; restrictions are read on its clock. */
  timeZone: string;
  startedAt: Date;
}

/** CHARGING is OCPI's TIME dimension; PARKING is time connected without energy flowing after charging began. */
export type PeriodKind = 'CHARGING' | 'PARKING';

/** A stretch of the session over which every restriction kept its value: OCPI's charging period. */
export interface PricedPeriod {
  start: Date;
  end: Date;
  kind: PeriodKind;
  energyMwh: number;
  durationMs: number;
  currentA?: number;
  components: ActiveComponents;
}

/** What one dimension has consumed, per component that priced it (component identity as key). */
export interface DimensionVolumes {
  /** All of it, priced or not: OCPI's step size applies to the session's total. */
  total: number;
  byComponent: Map<PriceComponent, number>;
  /** The component of the last period that consumed it and priced it: where step rounding lands. */
  last?: PriceComponent;
}

/**
 * Prices a session as its meter readings arrive: a pure accumulator over the frozen tariff (no I/O),
 * cheap per reading (it keeps totals per price component, not the curve). Each interval between
 * two readings is cut wherever a restriction may change (clock times, local midnight, duration and
 * energy thresholds) and each piece is priced by the elements valid at its start, as OCPI does with
 * a CDR's charging periods. Energy within an interval is spread evenly over its time; energy is
 * counted in whole mWh and time in ms, so every volume is exact.
 */
export class SessionPricer {
  private readonly matcher: ElementMatcher;
  private readonly boundaries: RestrictionBoundaries;
  private readonly scale: TariffScale;
  private readonly startMs: number;
  private lastMs: number;
  private lastMwh = 0;
  private chargingBegan = false;
  private flat?: PriceComponent;
  private flatChosen = false;
  readonly volumes: Record<'ENERGY' | 'TIME' | 'PARKING_TIME', DimensionVolumes> = {
    ENERGY: { total: 0, byComponent: new Map() },
    TIME: { total: 0, byComponent: new Map() },
    PARKING_TIME: { total: 0, byComponent: new Map() },
  };
  /** Kept only when asked (recompute, CDR, explanation); live pricing keeps none. */
  readonly periods: PricedPeriod[] = [];

  constructor(
    readonly tariff: TariffPricing,
    readonly context: PricingContext,
    private readonly options: { keepPeriods?: boolean } = {},
  ) {
    this.matcher = new ElementMatcher(tariff.elements);
    this.scale = new TariffScale(tariff);
    this.startMs = context.startedAt.getTime();
    this.lastMs = this.startMs;
    this.boundaries = new RestrictionBoundaries(tariff.elements, context.timeZone, this.startMs);
  }

  /** Readings must come in time order; one at or before the last is ignored. */
  add(point: MeterPoint): void {
    const endMs = point.timestamp.getTime();
    if (endMs <= this.lastMs) return;
    const endMwh = Math.max(this.lastMwh, Math.round(point.cumulatedWh * 1000));
    this.addInterval(this.lastMs, this.lastMwh, endMs, endMwh, point.currentA);
    this.lastMs = endMs;
    this.lastMwh = endMwh;
  }

  /** What the session costs if it ends at the last reading (min/max price and step rounding applied). */
  quote(): SessionQuote {
    if (!this.flatChosen) {
      // Nothing metered yet: the flat fee the session would pay is the one valid at its start.
      const components = this.matcher.activeComponents(this.snapshotAt(this.startMs, 0, 0, 0));
      return quoteOf(this.tariff, this.scale, this.volumes, components.FLAT);
    }
    return quoteOf(this.tariff, this.scale, this.volumes, this.flat);
  }

  get lastReadingAt(): Date {
    return new Date(this.lastMs);
  }

  private addInterval(fromMs: number, fromMwh: number, toMs: number, toMwh: number, currentA?: number): void {
    const energy = toMwh - fromMwh;
    const kind: PeriodKind = energy > 0 || !this.chargingBegan ? 'CHARGING' : 'PARKING';
    const cuts = this.boundaries.cutsWithin(fromMs, toMs, fromMwh, toMwh);
    const span = toMs - fromMs;
    let startMs = fromMs;
    let startMwh = fromMwh;
    for (const cut of [...cuts, toMs]) {
      const cutMwh = cut === toMs ? toMwh : fromMwh + Math.round((energy * (cut - fromMs)) / span);
      this.addPeriod(startMs, startMwh, cut, cutMwh, kind, currentA);
      startMs = cut;
      startMwh = cutMwh;
    }
    if (energy > 0) this.chargingBegan = true;
  }

  private snapshotAt(
    startMs: number,
    startMwh: number,
    periodMwh: number,
    periodMs: number,
    currentA?: number,
  ): PeriodSnapshot {
    return {
      local: localTimeOf(this.context.timeZone, startMs),
      energyMwh: startMwh,
      durationMs: startMs - this.startMs,
      periodEnergyMwh: periodMwh,
      periodMs,
      currentA,
    };
  }

  private addPeriod(
    startMs: number,
    startMwh: number,
    endMs: number,
    endMwh: number,
    kind: PeriodKind,
    currentA?: number,
  ): void {
    const energy = endMwh - startMwh;
    const duration = endMs - startMs;
    const components = this.matcher.activeComponents(
      this.snapshotAt(startMs, startMwh, energy, duration, currentA),
    );
    if (!this.flatChosen) {
      this.flatChosen = true;
      this.flat = components.FLAT;
    } else if (!this.flat && components.FLAT) {
      // OCPI reference reading: a flat fee is paid once, the first time one becomes active.
      this.flat = components.FLAT;
    }
    if (energy > 0) this.consume(this.volumes.ENERGY, energy, components.ENERGY);
    const time = kind === 'CHARGING' ? this.volumes.TIME : this.volumes.PARKING_TIME;
    this.consume(time, duration, kind === 'CHARGING' ? components.TIME : components.PARKING_TIME);
    if (this.options.keepPeriods) {
      this.periods.push({
        start: new Date(startMs),
        end: new Date(endMs),
        kind,
        energyMwh: energy,
        durationMs: duration,
        ...(currentA === undefined ? {} : { currentA }),
        components,
      });
    }
  }

  private consume(volumes: DimensionVolumes, amount: number, component?: PriceComponent): void {
    volumes.total += amount;
    if (!component) return;
    volumes.byComponent.set(component, (volumes.byComponent.get(component) ?? 0) + amount);
    volumes.last = component;
  }
}
