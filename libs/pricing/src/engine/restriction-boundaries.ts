import { TariffElement } from '../model/tariff';
import { kwhToMwh } from './element-matching';
import { instantOfLocal } from '@csms/common';
import { localDaysBetween, msOfClock } from './local-time';

/**
 * Where a tariff's restrictions may change their verdict during a session: its clock times (and
 * local midnight when days or dates matter) on the site's clock, its duration thresholds after the
 * start, and its energy thresholds.
 */
export class RestrictionBoundaries {
  private readonly clocks: number[];
  private readonly durations: number[];
  private readonly energies: number[];

  constructor(
    elements: TariffElement[],
    private readonly timeZone: string,
    startMs: number,
  ) {
    const clocks = new Set<number>();
    let daily = false;
    const durations = new Set<number>();
    const energies = new Set<number>();
    for (const { restrictions } of elements) {
      if (!restrictions) continue;
      if (restrictions.startTime) clocks.add(msOfClock(restrictions.startTime));
      if (restrictions.endTime) clocks.add(msOfClock(restrictions.endTime));
      if (restrictions.dayOfWeek?.length || restrictions.startDate || restrictions.endDate) daily = true;
      for (const seconds of [restrictions.minDuration, restrictions.maxDuration]) {
        if (seconds !== undefined) durations.add(startMs + seconds * 1000);
      }
      for (const kwh of [restrictions.minKwh, restrictions.maxKwh]) {
        if (kwh !== undefined) energies.add(kwhToMwh(kwh));
      }
    }
    if (daily) clocks.add(0);
    this.clocks = [...clocks].sort((a, b) => a - b);
    this.durations = [...durations].sort((a, b) => a - b);
    this.energies = [...energies].sort((a, b) => a - b);
  }

  /**
   * Instants strictly inside (fromMs, toMs), sorted, where a restriction may flip. Energy grows
   * evenly from fromMwh to toMwh over the interval; an energy threshold falls at the first whole ms
   * at which it is reached.
   */
  cutsWithin(fromMs: number, toMs: number, fromMwh = 0, toMwh = fromMwh): number[] {
    const cuts = new Set<number>();
    const inside = (instant: number): void => {
      if (instant > fromMs && instant < toMs) cuts.add(instant);
    };
    if (this.clocks.length) {
      for (const midnight of localDaysBetween(this.timeZone, fromMs, toMs)) {
        for (const clock of this.clocks) inside(instantOfLocal(this.timeZone, midnight + clock));
      }
    }
    for (const instant of this.durations) inside(instant);
    const energy = toMwh - fromMwh;
    if (energy > 0) {
      for (const threshold of this.energies) {
        if (threshold > fromMwh && threshold < toMwh) {
          inside(fromMs + Math.ceil(((threshold - fromMwh) * (toMs - fromMs)) / energy));
        }
      }
    }
    return [...cuts].sort((a, b) => a - b);
  }
}
