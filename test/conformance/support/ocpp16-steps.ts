import { Payload, PeerOptions, StationPeer } from './station-peer';

/** The steps of OCPP 1.6-J cases that many cases share, as the OCTT's station performs them. */

export const OCPP16: PeerOptions = { protocols: ['ocpp1.6'] };

export const now = (offsetSeconds = 0): string => new Date(Date.now() + offsetSeconds * 1000).toISOString();

export async function boot16(peer: StationPeer): Promise<Payload> {
  return peer.call('BootNotification', {
    chargePointVendor: 'OCTT',
    chargePointModel: 'Conformance-1.6',
    firmwareVersion: '1.0.0',
  });
}

export function status16(
  peer: StationPeer,
  connectorId: number,
  status: string,
  extra: Payload = {},
): Promise<Payload> {
  return peer.call('StatusNotification', {
    connectorId,
    status,
    errorCode: 'NoError',
    timestamp: now(),
    ...extra,
  });
}

/** BootNotification, then StatusNotification Available for connector 0 and each connector. */
export async function bootAndReport16(peer: StationPeer, connectors = 1): Promise<Payload> {
  const boot = await boot16(peer);
  for (let connectorId = 0; connectorId <= connectors; connectorId += 1) {
    await status16(peer, connectorId, 'Available');
  }
  return boot;
}

export interface Started16 {
  transactionId: number;
  idTagInfo: Payload;
}

export function start16(
  peer: StationPeer,
  request: {
    connectorId?: number;
    idTag: string;
    meterStart?: number;
    timestamp?: string;
    reservationId?: number;
  },
): Promise<Started16> {
  return peer.call<Started16>('StartTransaction', {
    connectorId: request.connectorId ?? 1,
    idTag: request.idTag,
    meterStart: request.meterStart ?? 0,
    timestamp: request.timestamp ?? now(),
    ...(request.reservationId === undefined ? {} : { reservationId: request.reservationId }),
  });
}

export function stop16(
  peer: StationPeer,
  request: { transactionId: number; meterStop: number; reason?: string; idTag?: string; timestamp?: string },
): Promise<Payload> {
  return peer.call('StopTransaction', {
    transactionId: request.transactionId,
    meterStop: request.meterStop,
    timestamp: request.timestamp ?? now(),
    ...(request.reason ? { reason: request.reason } : {}),
    ...(request.idTag ? { idTag: request.idTag } : {}),
  });
}

/** Plug-in, Authorize, StartTransaction, Charging: a running session on connector 1. */
export async function charging16(peer: StationPeer, idTag: string, connectorId = 1): Promise<number> {
  await status16(peer, connectorId, 'Preparing');
  const authorized = await peer.call('Authorize', { idTag });
  if (authorized.idTagInfo?.status !== 'Accepted') throw new Error(`${idTag} not accepted`);
  const { transactionId } = await start16(peer, { connectorId, idTag });
  await status16(peer, connectorId, 'Charging');
  return transactionId;
}

export function meterValues16(
  peer: StationPeer,
  connectorId: number,
  transactionId: number | undefined,
  registerWh: number,
  context = 'Sample.Periodic',
): Promise<Payload> {
  return peer.call('MeterValues', {
    connectorId,
    ...(transactionId === undefined ? {} : { transactionId }),
    meterValue: [
      {
        timestamp: now(),
        sampledValue: [
          { value: String(registerWh), context, measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
        ],
      },
    ],
  });
}
