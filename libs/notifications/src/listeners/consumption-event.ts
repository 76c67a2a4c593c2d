export const CONSUMPTION_ADDED_EVENT = 'ConsumptionAdded';

/** What the charging listeners read from a `ConsumptionAdded` event (a point of the live curve). */
export interface ConsumptionEventPayload {
  transactionId: string;
  chargingStationId: string;
  connectorId: number;
  userId?: string;
  consumption: {
    timestamp: Date | string;
    cumulatedWh: number;
    instantWatts?: number | null;
    stateOfCharge?: number | null;
  };
}

export function readConsumptionEvent(payload: unknown): ConsumptionEventPayload | null {
  const candidate = payload as Partial<ConsumptionEventPayload> | null;
  if (typeof candidate?.transactionId !== 'string' || typeof candidate.consumption !== 'object') return null;
  return candidate as ConsumptionEventPayload;
}
