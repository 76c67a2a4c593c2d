import { instantOfLocal, offsetAt } from '@csms/common';

/** A calendar month in a time zone: `2026-11`, and the instants it begins and ends. */
export interface BillingPeriod {
  key: string;
  start: Date;
  end: Date;
}

/** The month a moment falls in, in the tenant's time zone (months begin at local midnight). */
export function billingPeriodOf(moment: Date, timeZone: string): BillingPeriod {
  const local = new Date(moment.getTime() + offsetAt(timeZone, moment.getTime()));
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  return {
    key: `${year}-${String(month + 1).padStart(2, '0')}`,
    start: new Date(instantOfLocal(timeZone, Date.UTC(year, month, 1))),
    end: new Date(instantOfLocal(timeZone, Date.UTC(year, month + 1, 1))),
  };
}
