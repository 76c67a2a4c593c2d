import { BadInputError } from '@csms/common';
import { OpeningPeriod } from './models/opening-period.model';

/** Each period must close after it opens (HH:MM strings compare in time order). */
export function checkOpeningHours(periods: readonly OpeningPeriod[]): void {
  const reversed = periods.find((period) => period.closesAt <= period.opensAt);
  if (reversed) {
    throw new BadInputError(
      `${reversed.weekday}: closesAt (${reversed.closesAt}) must be after opensAt (${reversed.opensAt})`,
      { field: 'openingHours' },
    );
  }
}
