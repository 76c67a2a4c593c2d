import { PriceComponent, TariffDimensionType, TariffElement } from '../model/tariff';
import { Rational } from '../money/rational';
import { LocalTime, msOfClock } from './local-time';

/** The state of a session at the start of a charging period: what restrictions are checked against. */
export interface PeriodSnapshot {
  local: LocalTime;
  /** Energy delivered since the session started, mWh. */
  energyMwh: number;
  /** Time since the session started, ms. */
  durationMs: number;
  /** Energy delivered in the period over its length, as mWh and ms (power = 3.6 × mWh / ms, in W). */
  periodEnergyMwh: number;
  periodMs: number;
  /** Current over all phases during the period, when the meter reported it. */
  currentA?: number;
}

/** The price component used for each dimension of one period (absent: that dimension is free). */
export type ActiveComponents = Partial<Record<TariffDimensionType, PriceComponent>>;

const DIMENSIONS = Object.values(TariffDimensionType);

/** Compiled restrictions: clock times as ms, thresholds as exact numbers. */
interface CompiledElement {
  element: TariffElement;
  checks: ((snapshot: PeriodSnapshot) => boolean)[];
  /** Never applies to charging (reservation costs). */
  reservationOnly: boolean;
}

/** Average power in kW ≥ / < a threshold, compared exactly: kW = 3.6 × mWh / ms / 1000... kept as mWh·3600/ms W. */
function powerAtLeast(snapshot: PeriodSnapshot, kw: Rational): boolean {
  if (snapshot.periodMs <= 0) return Rational.ZERO.compare(kw) >= 0;
  // W = mWh × 3600 / ms ; kW threshold × 1000 = W threshold.
  const watts = Rational.of(BigInt(snapshot.periodEnergyMwh) * 3600n, BigInt(snapshot.periodMs));
  return watts.compare(kw.multiply(Rational.integer(1000))) >= 0;
}

function compile(element: TariffElement): CompiledElement {
  const restrictions = element.restrictions ?? {};
  const checks: CompiledElement['checks'] = [];
  const { startTime, endTime } = restrictions;
  if (startTime !== undefined && endTime !== undefined && msOfClock(endTime) < msOfClock(startTime)) {
    const start = msOfClock(startTime);
    const end = msOfClock(endTime);
    checks.push((s) => s.local.msOfDay >= start || s.local.msOfDay < end);
  } else {
    if (startTime !== undefined) {
      const start = msOfClock(startTime);
      checks.push((s) => s.local.msOfDay >= start);
    }
    if (endTime !== undefined) {
      const end = msOfClock(endTime);
      checks.push((s) => s.local.msOfDay < end);
    }
  }
  const { startDate, endDate, minKwh, maxKwh, minDuration, maxDuration, dayOfWeek } = restrictions;
  if (startDate !== undefined) checks.push((s) => s.local.date >= startDate);
  if (endDate !== undefined) checks.push((s) => s.local.date < endDate);
  if (minKwh !== undefined) {
    const mwh = kwhToMwh(minKwh);
    checks.push((s) => s.energyMwh >= mwh);
  }
  if (maxKwh !== undefined) {
    const mwh = kwhToMwh(maxKwh);
    checks.push((s) => s.energyMwh < mwh);
  }
  if (minDuration !== undefined) checks.push((s) => s.durationMs >= minDuration * 1000);
  if (maxDuration !== undefined) checks.push((s) => s.durationMs < maxDuration * 1000);
  if (dayOfWeek?.length) {
    const days = new Set(dayOfWeek);
    checks.push((s) => days.has(s.local.dayOfWeek));
  }
  if (restrictions.minPower !== undefined) {
    const kw = Rational.fromNumber(restrictions.minPower);
    checks.push((s) => powerAtLeast(s, kw));
  }
  if (restrictions.maxPower !== undefined) {
    const kw = Rational.fromNumber(restrictions.maxPower);
    checks.push((s) => !powerAtLeast(s, kw));
  }
  const { minCurrent, maxCurrent } = restrictions;
  // A period without a current reading does not rule an element out (nothing says it breaks the limit).
  if (minCurrent !== undefined) checks.push((s) => s.currentA === undefined || s.currentA >= minCurrent);
  if (maxCurrent !== undefined) checks.push((s) => s.currentA === undefined || s.currentA < maxCurrent);
  return { element, checks, reservationOnly: restrictions.reservation !== undefined };
}

/** kWh (a decimal) as whole mWh. */
export function kwhToMwh(kwh: number): number {
  return Math.round(kwh * 1_000_000);
}

/** The elements of a tariff, ready to be matched against period snapshots many times. */
export class ElementMatcher {
  private readonly compiled: CompiledElement[];

  constructor(elements: TariffElement[]) {
    this.compiled = elements.map(compile).filter((element) => !element.reservationOnly);
  }

  /** OCPI: per dimension, the first element whose restrictions all hold and that prices it. */
  activeComponents(snapshot: PeriodSnapshot): ActiveComponents {
    const active: ActiveComponents = {};
    let found = 0;
    for (const { element, checks } of this.compiled) {
      if (!checks.every((check) => check(snapshot))) continue;
      for (const component of element.priceComponents) {
        if (active[component.type]) continue;
        active[component.type] = component;
        found += 1;
      }
      if (found === DIMENSIONS.length) break;
    }
    return active;
  }
}
