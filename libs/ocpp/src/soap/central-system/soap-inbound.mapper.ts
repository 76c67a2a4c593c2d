import { MeterValue } from '@csms/transactions/ports/transaction-inbound.port';
import { toDate } from '../../v16/v16-inbound.mapper';

/** OCPP 1.5's meter value: one timestamp, `value` elements with the sample's text and attributes. */
export interface V15MeterValue {
  timestamp: string;
  value: {
    value: string;
    context?: string;
    format?: 'Raw' | 'SignedData';
    measurand?: string;
    location?: string;
    unit?: string;
  }[];
}

export interface V15MeterValuesRequest {
  connectorId: number;
  transactionId?: number;
  values?: V15MeterValue[];
}

export interface V15StopTransactionRequest {
  transactionId: number;
  idTag?: string;
  timestamp: string;
  meterStop: number;
  transactionData?: { values?: V15MeterValue[] }[];
}

/** 1.5 has no phases; its attributes are 1.6's sampled value fields. */
export function fromV15MeterValues(values: readonly V15MeterValue[]): MeterValue[] {
  return values.map((meterValue) => ({
    timestamp: toDate(meterValue.timestamp),
    sampledValues: meterValue.value.map((sample) => ({ ...sample })),
  }));
}
