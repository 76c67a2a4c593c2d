import { RoamingTokenRef } from '../../authorizations/roaming-authorization';
import { RoamingCdr } from '../../cdrs/roaming-cdr';
import { RoamingSession } from '../../sessions/roaming-session';
import { OicpConnection } from '../settings/oicp-connection';
import { oicpEvseId } from './oicp-evse-records';

/** How the driver identified: an RFID card's UID, or the contract (EvcoID) of a remote start. */
export function identificationOf(token: RoamingTokenRef): Record<string, unknown> {
  return token.type === 'RFID'
    ? { RFIDMifareFamilyIdentification: { UID: token.uid.toUpperCase() } }
    : { RemoteIdentification: { EvcoID: token.contractId } };
}

function iso(value: Date | string): string {
  return new Date(value).toISOString();
}

/** What every message of a session carries: Hubject's SessionID, ours, the EVSE and the product. */
function sessionIds(connection: OicpConnection, session: RoamingSession) {
  return {
    SessionID: session.authorizationReference!,
    CPOPartnerSessionID: session.id,
    EvseID: oicpEvseId(
      connection.operatorId,
      session.stationId,
      Number(session.evseUid.split('*').pop()) || 1,
    ),
    Identification: identificationOf(session.token),
    ...(session.tariff ? { PartnerProductID: session.tariff.id.slice(0, 50) } : {}),
  };
}

export function startNotification(
  connection: OicpConnection,
  session: RoamingSession,
): Record<string, unknown> {
  return {
    Type: 'Start',
    ...sessionIds(connection, session),
    ChargingStart: iso(session.startedAt),
    SessionStart: iso(session.startedAt),
    OperatorID: connection.operatorId,
  };
}

export function progressNotification(
  connection: OicpConnection,
  session: RoamingSession,
  kwh: number,
  at: Date | string,
): Record<string, unknown> {
  const occurred = iso(at);
  return {
    Type: 'Progress',
    ...sessionIds(connection, session),
    ChargingStart: iso(session.startedAt),
    SessionStart: iso(session.startedAt),
    EventOccurred: occurred,
    ChargingDuration: Math.max(0, new Date(occurred).getTime() - new Date(session.startedAt).getTime()),
    ConsumedEnergyProgress: kwh,
    OperatorID: connection.operatorId,
  };
}

export function endNotification(
  connection: OicpConnection,
  session: RoamingSession,
): Record<string, unknown> {
  const ended = iso(session.endedAt ?? session.lastUpdated);
  return {
    Type: 'End',
    ...sessionIds(connection, session),
    ChargingStart: iso(session.startedAt),
    ChargingEnd: ended,
    SessionStart: iso(session.startedAt),
    SessionEnd: ended,
    ConsumedEnergy: session.kwh,
    OperatorID: connection.operatorId,
  };
}

/** A charging error during the session (ChargingNotification Error), with what the station said. */
export function errorNotification(
  connection: OicpConnection,
  session: RoamingSession,
  errorType: 'ConnectorError' | 'CriticalError',
  info: string,
): Record<string, unknown> {
  const { SessionID, CPOPartnerSessionID, EvseID, Identification } = sessionIds(connection, session);
  return {
    Type: 'Error',
    SessionID,
    CPOPartnerSessionID,
    EvseID,
    Identification,
    OperatorID: connection.operatorId,
    ErrorType: errorType,
    ...(info ? { ErrorAdditionalInfo: info.slice(0, 250) } : {}),
  };
}

/** The driver's stop, told to Hubject with the medium that started the session (CPO 2.3 eRoamingAuthorizeStop). */
export function authorizeStop(connection: OicpConnection, session: RoamingSession): Record<string, unknown> {
  const { SessionID, CPOPartnerSessionID, EvseID, Identification } = sessionIds(connection, session);
  return { SessionID, CPOPartnerSessionID, OperatorID: connection.operatorId, EvseID, Identification };
}

/**
 * The session's CDR. OICP's CDR has no price field: the price is the pricing product the CDR names
 * (PartnerProductID, our tariff's id), and the amount our engine computed stays with the roaming CDR.
 */
export function chargeDetailRecord(connection: OicpConnection, cdr: RoamingCdr): Record<string, unknown> {
  const session = cdr.session;
  const ended = iso(session.endedAt ?? session.lastUpdated);
  return {
    ...sessionIds(connection, { ...session, ...(cdr.tariff ? { tariff: cdr.tariff } : {}) }),
    ChargingStart: iso(session.startedAt),
    ChargingEnd: ended,
    SessionStart: iso(session.startedAt),
    SessionEnd: ended,
    ConsumedEnergy: session.kwh,
  };
}
