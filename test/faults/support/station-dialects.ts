import { meterValue } from '../../ocpp201/ocpp201-station';

/** One charging session of a fault station, as the station itself knows it. */
export interface LocalSession {
  /** The station's own name for it: 2.0.1 transactionId, and the key of the ledger for 1.6 too. */
  key: string;
  /** 1.6: the integer the CSMS answered StartTransaction with; 2.0.1: `key`. Unset until known. */
  ocppTransactionId?: string;
  meterStartWh: number;
  /** 2.0.1 TransactionEvent sequence number of the next event. */
  nextSeqNo: number;
}

export type ConnectorState = 'Available' | 'Preparing' | 'Charging' | 'Finishing';

/** A CALL to send: its payload is built when it is sent, so a 1.6 transactionId learnt meanwhile is used. */
export interface Frame {
  action: string;
  build(): object;
}

/**
 * The version-specific half of a fault station: what its frames look like in OCPP 1.6-J or 2.0.1-J.
 * Every frame is schema-valid (the station runs ocpp-rpc in strict mode).
 */
export interface StationDialect {
  readonly version: '1.6' | '2.0.1';
  readonly subprotocol: string;
  boot(): Frame;
  status(state: ConnectorState, timestamp: string): Frame;
  start(session: LocalSession, tagId: string, timestamp: string, offline: boolean): Frame;
  meterValue(session: LocalSession, registerWh: number, timestamp: string, offline: boolean): Frame;
  stop(session: LocalSession, registerWh: number, timestamp: string, offline: boolean): Frame;
  /** What the answer to a start tells the station (1.6: the transactionId). */
  started(session: LocalSession, answer: unknown): void;
}

function registerSample16(registerWh: number): object {
  return { value: String(registerWh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' };
}

function transactionIdOf16(session: LocalSession): number {
  if (session.ocppTransactionId === undefined) {
    throw new Error(`Session ${session.key}: a 1.6 frame was built before its StartTransaction was answered`);
  }
  return Number(session.ocppTransactionId);
}

const STATUS_201: Record<ConnectorState, string> = {
  Available: 'Available',
  Preparing: 'Occupied',
  Charging: 'Occupied',
  Finishing: 'Occupied',
};

export const OCPP16: StationDialect = {
  version: '1.6',
  subprotocol: 'ocpp1.6',
  boot: () => ({
    action: 'BootNotification',
    build: () => ({ chargePointVendor: 'VoltGrid', chargePointModel: 'Fault-16' }),
  }),
  status: (state, timestamp) => ({
    action: 'StatusNotification',
    build: () => ({ connectorId: 1, errorCode: 'NoError', status: state, timestamp }),
  }),
  start: (session, tagId, timestamp) => ({
    action: 'StartTransaction',
    build: () => ({ connectorId: 1, idTag: tagId, meterStart: session.meterStartWh, timestamp }),
  }),
  meterValue: (session, registerWh, timestamp) => ({
    action: 'MeterValues',
    build: () => ({
      connectorId: 1,
      transactionId: transactionIdOf16(session),
      meterValue: [{ timestamp, sampledValue: [registerSample16(registerWh)] }],
    }),
  }),
  stop: (session, registerWh, timestamp) => ({
    action: 'StopTransaction',
    build: () => ({
      transactionId: transactionIdOf16(session),
      meterStop: registerWh,
      timestamp,
      reason: 'Local',
    }),
  }),
  started: (session, answer) => {
    session.ocppTransactionId = String((answer as { transactionId: number }).transactionId);
  },
};

function transactionEvent(
  session: LocalSession,
  fields: { eventType: string; triggerReason: string; timestamp: string; offline: boolean },
  extra: object,
): object {
  // The sequence number is the event's own, taken when it is produced, not when it is sent.
  const seqNo = session.nextSeqNo++;
  const { offline, ...rest } = fields;
  return {
    ...rest,
    seqNo,
    ...(offline ? { offline: true } : {}),
    transactionInfo: { transactionId: session.key },
    ...extra,
  };
}

export const OCPP201: StationDialect = {
  version: '2.0.1',
  subprotocol: 'ocpp2.0.1',
  boot: () => ({
    action: 'BootNotification',
    build: () => ({
      reason: 'PowerUp',
      chargingStation: { vendorName: 'VoltGrid', model: 'Fault-201' },
    }),
  }),
  status: (state, timestamp) => ({
    action: 'StatusNotification',
    build: () => ({ timestamp, connectorStatus: STATUS_201[state], evseId: 1, connectorId: 1 }),
  }),
  start: (session, tagId, timestamp, offline) => {
    const payload = transactionEvent(
      session,
      { eventType: 'Started', triggerReason: 'Authorized', timestamp, offline },
      {
        idToken: { idToken: tagId, type: 'ISO14443' },
        evse: { id: 1, connectorId: 1 },
        meterValue: [meterValue(timestamp, session.meterStartWh, 'Transaction.Begin')],
      },
    );
    return { action: 'TransactionEvent', build: () => payload };
  },
  meterValue: (session, registerWh, timestamp, offline) => {
    const payload = transactionEvent(
      session,
      { eventType: 'Updated', triggerReason: 'MeterValuePeriodic', timestamp, offline },
      { meterValue: [meterValue(timestamp, registerWh, 'Sample.Periodic')] },
    );
    return { action: 'TransactionEvent', build: () => payload };
  },
  stop: (session, registerWh, timestamp, offline) => {
    const payload = transactionEvent(
      session,
      { eventType: 'Ended', triggerReason: 'StopAuthorized', timestamp, offline },
      {
        transactionInfo: { transactionId: session.key, stoppedReason: 'Local' },
        meterValue: [meterValue(timestamp, registerWh, 'Transaction.End')],
      },
    );
    return { action: 'TransactionEvent', build: () => payload };
  },
  started: (session) => {
    session.ocppTransactionId = session.key;
  },
};
