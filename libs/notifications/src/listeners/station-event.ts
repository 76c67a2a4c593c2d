/**
 * What the station notifications read from `ConnectorStatusChanged` and `ChargingStationUpdated`
 * events (libs/stations); narrowed here so any payload carrying these fields works.
 */
export const CONNECTOR_STATUS_CHANGED_EVENT = 'ConnectorStatusChanged';
export const STATION_UPDATED_EVENT = 'ChargingStationUpdated';

export interface ConnectorFault {
  chargingStationId: string;
  connectorId: number;
  errorCode: string;
}

/** A connector newly Faulted (not one that was already), or null. */
export function readConnectorFault(payload: unknown): ConnectorFault | null {
  if (!isRecord(payload) || typeof payload.chargingStationId !== 'string' || !isRecord(payload.connector))
    return null;
  const { connector, previousStatus } = payload;
  if (connector.status !== 'Faulted' || previousStatus === 'Faulted') return null;
  if (typeof connector.connectorId !== 'number') return null;
  const errorCode =
    typeof connector.errorCode === 'string' && connector.errorCode ? connector.errorCode : 'OtherError';
  return { chargingStationId: payload.chargingStationId, connectorId: connector.connectorId, errorCode };
}

export interface StationConnectivity {
  chargingStationId: string;
  online: boolean;
  lastSeen?: Date;
  /** Set by the presence check (housekeeping): an offline transition even if this process never saw it online. */
  wentOffline?: boolean;
}

export function readStationConnectivity(payload: unknown): StationConnectivity | null {
  if (!isRecord(payload) || typeof payload.id !== 'string' || typeof payload.online !== 'boolean')
    return null;
  const lastSeen = payload.lastSeen ? new Date(payload.lastSeen as string | Date) : undefined;
  const wentOffline = payload.wentOffline === true && !payload.online;
  return {
    chargingStationId: payload.id,
    online: payload.online,
    lastSeen,
    ...(wentOffline ? { wentOffline } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
