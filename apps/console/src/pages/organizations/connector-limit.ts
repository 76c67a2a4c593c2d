import type { SmartChargingPlanViewFragment } from '../../graphql/generated';

export type ConnectorPlanRow = SmartChargingPlanViewFragment['connectors'][number];
type Period = ConnectorPlanRow['periods'][number];

/** The period in force at `now`: the last one started by then (the first when the plan starts later). */
export function periodAt(periods: readonly Period[], now: number): Period | undefined {
  let current: Period | undefined = periods[0];
  for (const period of periods) if (Date.parse(period.start) <= now) current = period;
  return current;
}

/** Charging connectors first, then by station and connector, so the rows keep their places between plans. */
export function sortedConnectors(connectors: readonly ConnectorPlanRow[]): ConnectorPlanRow[] {
  return [...connectors].sort(
    (a, b) =>
      Number(!a.transactionId) - Number(!b.transactionId) ||
      a.chargingStationId.localeCompare(b.chargingStationId) ||
      a.connectorId - b.connectorId,
  );
}
