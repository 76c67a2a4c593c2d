import { innerMap } from '@csms/common';
import { Instrument } from './metrics.service';

/**
 * Series of an instrument with one or two labels, bound on first use and kept: the hot path looks
 * them up in nested maps (no key string built per call) and adds to a number.
 */
export class SeriesCache<S> {
  private readonly byFirst = new Map<string, Map<string, S>>();

  constructor(
    private readonly instrument: Instrument<S>,
    private readonly labels: 1 | 2,
  ) {}

  of(first: string, second = ''): S {
    const bySecond = innerMap(this.byFirst, first);
    let series = bySecond.get(second);
    if (!series) {
      series = this.labels === 1 ? this.instrument.series(first) : this.instrument.series(first, second);
      bySecond.set(second, series);
    }
    return series;
  }
}
