/** The calendar month (UTC) a moment falls in: `2026-11`, and when it began. */
export function billingPeriodOf(moment: Date): { key: string; start: Date } {
  const start = new Date(Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), 1));
  return { key: start.toISOString().slice(0, 7), start };
}
