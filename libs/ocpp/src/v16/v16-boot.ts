import { TenantId } from '@csms/common';
import { BootDecision, StationInbound, StationLink } from '@csms/stations/ports/station-inbound.port';
import { TransactionInbound } from '@csms/transactions/ports/transaction-inbound.port';
import { BootNotificationRequest } from './types/generated';
import { toBootInfo } from './v16-inbound.mapper';

/** The stop reason of sessions a restart cut off (a 1.x BootNotification carries no reason). */
const POWER_LOSS = 'PowerLoss';

/**
 * A 1.x BootNotification (JSON or SOAP) means the station restarted: the sessions it left open are
 * over, whatever the answer. Both are stored side by side; the answer waits for the slower.
 */
export async function bootAfterRestart(
  stations: StationInbound,
  transactions: TransactionInbound,
  station: { tenantId: TenantId; stationId: string; link: StationLink },
  request: BootNotificationRequest,
): Promise<BootDecision> {
  const { tenantId, stationId, link } = station;
  const [decision] = await Promise.all([
    stations.boot(tenantId, stationId, toBootInfo(request), link),
    transactions.closeOpenTransactions(tenantId, stationId, POWER_LOSS),
  ]);
  return decision;
}
