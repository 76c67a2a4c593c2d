import type { ConformanceApp } from './conformance-app';
import { now } from './ocpp16-steps';
import { Payload, PeerOptions, StationPeer } from './station-peer';

/** The steps of OCPP 2.0.1 cases that many cases share, as the OCTT's station performs them. */

export { now };

export const OCPP201: PeerOptions = { protocols: ['ocpp2.0.1'] };

export const idToken = (id: string, type = 'ISO14443'): Payload => ({ idToken: id, type });

export function boot201(peer: StationPeer, reason = 'PowerUp'): Promise<Payload> {
  return peer.call('BootNotification', {
    reason,
    chargingStation: { vendorName: 'OCTT', model: 'Conformance-2.0.1', firmwareVersion: '1.0.0' },
  });
}

export function status201(
  peer: StationPeer,
  evseId: number,
  connectorStatus: string,
  connectorId = 1,
): Promise<Payload> {
  return peer.call('StatusNotification', { timestamp: now(), connectorStatus, evseId, connectorId });
}

/** BootNotification, then StatusNotification Available for each EVSE's connector. */
export async function bootAndReport201(peer: StationPeer, evses = 1): Promise<Payload> {
  const boot = await boot201(peer);
  for (let evseId = 1; evseId <= evses; evseId += 1) await status201(peer, evseId, 'Available');
  return boot;
}

/** A case's own 2.0.1 station (`OCTT201-<name>`) on the suite's app, booted, its EVSEs Available. */
export async function bootedStation201(app: ConformanceApp, name: string, evses = 1): Promise<StationPeer> {
  const peer = await app.station(`OCTT201-${name}`, OCPP201);
  await bootAndReport201(peer, evses);
  return peer;
}

export function energy(registerWh: number, context = 'Sample.Periodic', timestamp = now()): Payload {
  return {
    timestamp,
    sampledValue: [
      {
        value: registerWh,
        context,
        measurand: 'Energy.Active.Import.Register',
        unitOfMeasure: { unit: 'Wh' },
      },
    ],
  };
}

export interface TxEventOptions {
  idToken?: Payload;
  chargingState?: string;
  stoppedReason?: string;
  remoteStartId?: number;
  reservationId?: number;
  meterValue?: Payload[];
  offline?: boolean;
  timestamp?: string;
  /** Leave the EVSE out (it is known from an earlier event). */
  withoutEvse?: boolean;
  customData?: Payload;
}

/** One transaction of a 2.0.1 station: numbers its events (seqNo) as the station does. */
export class Tx201 {
  seqNo = 0;

  constructor(
    readonly peer: StationPeer,
    readonly transactionId: string,
    readonly evseId = 1,
    readonly connectorId = 1,
  ) {}

  event(eventType: 'Started' | 'Updated' | 'Ended', triggerReason: string, options: TxEventOptions = {}) {
    const request: Payload = {
      eventType,
      timestamp: options.timestamp ?? now(),
      triggerReason,
      seqNo: this.seqNo,
      transactionInfo: {
        transactionId: this.transactionId,
        ...(options.chargingState ? { chargingState: options.chargingState } : {}),
        ...(options.stoppedReason ? { stoppedReason: options.stoppedReason } : {}),
        ...(options.remoteStartId === undefined ? {} : { remoteStartId: options.remoteStartId }),
      },
      ...(options.withoutEvse ? {} : { evse: { id: this.evseId, connectorId: this.connectorId } }),
      ...(options.idToken ? { idToken: options.idToken } : {}),
      ...(options.reservationId === undefined ? {} : { reservationId: options.reservationId }),
      ...(options.meterValue ? { meterValue: options.meterValue } : {}),
      ...(options.offline ? { offline: true } : {}),
      ...(options.customData ? { customData: options.customData } : {}),
    };
    this.seqNo += 1;
    return this.peer.call('TransactionEvent', request);
  }

  started(triggerReason: string, options: TxEventOptions = {}) {
    return this.event('Started', triggerReason, options);
  }

  updated(triggerReason: string, options: TxEventOptions = {}) {
    return this.event('Updated', triggerReason, options);
  }

  ended(triggerReason: string, options: TxEventOptions = {}) {
    return this.event('Ended', triggerReason, options);
  }
}

let transactions = 0;
/** A transaction id no other case uses. */
export function newTransactionId(prefix: string): string {
  transactions += 1;
  return `${prefix}-${Date.now().toString(36)}-${transactions}`;
}

/**
 * Plug-in, authorize, start, charge: the usual running session on EVSE 1 of a booted station
 * (TxStartPoint Authorized + EVConnected).
 */
export async function charging201(peer: StationPeer, token: string, prefix = 'tx'): Promise<Tx201> {
  const tx = new Tx201(peer, newTransactionId(prefix));
  await status201(peer, 1, 'Occupied');
  await tx.started('CablePluggedIn', {
    chargingState: 'EVConnected',
    meterValue: [energy(0, 'Transaction.Begin')],
  });
  const authorized = await tx.updated('Authorized', { idToken: idToken(token), chargingState: 'Charging' });
  if (authorized.idTokenInfo?.status !== 'Accepted') throw new Error(`${token} not accepted`);
  return tx;
}
