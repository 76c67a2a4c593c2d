import { TariffPricing } from '../model/tariff';
import { Rational } from '../money/rational';
import { ElementMatcher } from './element-matching';
import { localTimeOf } from './local-time';
import { RestrictionBoundaries } from './restriction-boundaries';

/** The energy price in force over one slot of time. */
export interface EnergyPriceSlot {
  start: Date;
  end: Date;
  /** Per kWh, excluding VAT; 0 when no element prices energy then. */
  pricePerKwh: number;
  /** Per kWh, including the component's VAT. */
  pricePerKwhInclVat: number;
}

export interface EnergyPriceScheduleOptions {
  /** The site's IANA time zone. */
  timeZone: string;
  from: Date;
  to: Date;
  /** Power assumed for power restrictions, kW (default 0: only elements without a minimum power). */
  assumedPowerKw?: number;
  /** Energy already delivered, kWh, for energy restrictions (default 0). */
  deliveredKwh?: number;
  /** When the session started, for duration restrictions (default `from`). */
  sessionStartedAt?: Date;
}

/**
 * The tariff's energy price per time slot over a horizon: what smart charging weighs when it shifts
 * energy in time. Slots end wherever a clock, date, weekday or duration restriction may change the
 * element in force; adjacent slots with the same price are merged. Pure, no I/O.
 */
export function energyPriceSchedule(
  tariff: TariffPricing,
  options: EnergyPriceScheduleOptions,
): EnergyPriceSlot[] {
  const fromMs = options.from.getTime();
  const toMs = options.to.getTime();
  if (toMs <= fromMs) return [];
  const startedMs = options.sessionStartedAt?.getTime() ?? fromMs;
  const matcher = new ElementMatcher(tariff.elements);
  const boundaries = new RestrictionBoundaries(tariff.elements, options.timeZone, startedMs);
  const energyMwh = Math.round((options.deliveredKwh ?? 0) * 1_000_000);
  // One hour at the assumed power, so power restrictions see it.
  const powerMwhPerHour = Math.round((options.assumedPowerKw ?? 0) * 1_000_000);
  const slots: EnergyPriceSlot[] = [];
  const starts = [fromMs, ...boundaries.cutsWithin(fromMs, toMs)];
  starts.forEach((startMs, index) => {
    const endMs = starts[index + 1] ?? toMs;
    const component = matcher.activeComponents({
      local: localTimeOf(options.timeZone, startMs),
      energyMwh,
      durationMs: startMs - startedMs,
      periodEnergyMwh: powerMwhPerHour,
      periodMs: 3_600_000,
    }).ENERGY;
    const excl = component ? Rational.fromNumber(component.price) : Rational.ZERO;
    const incl =
      component?.vat === undefined
        ? excl
        : excl.multiply(Rational.ONE.add(Rational.fromNumber(component.vat).divide(Rational.integer(100))));
    const slot = {
      start: new Date(startMs),
      end: new Date(endMs),
      pricePerKwh: excl.toNumber(),
      pricePerKwhInclVat: incl.round(6).toNumber(),
    };
    const previous = slots[slots.length - 1];
    if (
      previous &&
      previous.pricePerKwh === slot.pricePerKwh &&
      previous.pricePerKwhInclVat === slot.pricePerKwhInclVat
    ) {
      previous.end = slot.end;
    } else {
      slots.push(slot);
    }
  });
  return slots;
}
