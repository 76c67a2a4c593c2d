import { TenantId } from '@csms/common';
import { TransactionService } from '@csms/transactions';
import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { RoamingTokenRef } from '../../authorizations/roaming-authorization';
import { RoamingAuthorizationRepository } from '../../authorizations/roaming-authorization.repository';
import { CommandOutcome } from '../../commands/roaming-command-result';
import { RoamingCommandExecutor } from '../../commands/roaming-command.executor';
import { RoamingLocationRepository } from '../../locations/roaming-location.repository';
import { AUTHORIZATION_VALIDITY_MS } from '../../ocpi/tokens/roaming-token-authorizer';
import { RoamingSessionRepository } from '../../sessions/roaming-session.repository';
import { oicpEvseId } from '../outbox/oicp-evse-records';
import { OicpConnection } from '../settings/oicp-connection';
import { OicpAcknowledgement, OicpCode, acknowledgement } from './oicp-acknowledgement';

interface RemoteStart {
  SessionID: string;
  CPOPartnerSessionID?: string;
  EMPPartnerSessionID?: string;
  ProviderID: string;
  EvseID: string;
  Identification: {
    RFIDMifareFamilyIdentification?: { UID: string };
    RFIDIdentification?: { UID: string };
    RemoteIdentification?: { EvcoID: string };
    QRCodeIdentification?: { EvcoID: string };
    PlugAndChargeIdentification?: { EvcoID: string };
  };
}

interface RemoteStop {
  SessionID: string;
  CPOPartnerSessionID?: string;
  EMPPartnerSessionID?: string;
  ProviderID: string;
  EvseID: string;
}

const LOCATIONS_PAGE = 200;
/** OCPP 1.6 idTags are at most 20 characters. */
const ID_TAG_LENGTH = 20;

const CODE_OF_RESULT: Record<string, OicpCode> = {
  ACCEPTED: 'SUCCESS',
  EVSE_OCCUPIED: 'EVSE_IN_USE',
  REJECTED: 'EVSE_IN_USE',
  EVSE_INOPERATIVE: 'OUT_OF_SERVICE',
};

/**
 * Hubject's remote start and stop (eRoamingAuthorizeRemoteStart/Stop) as OCPP commands at whatever
 * version the station speaks; the station's answer is Hubject's acknowledgement (within its 10 s). A
 * started session is Hubject's under the SessionID it gave, so its notifications and CDR follow.
 */
@Injectable()
export class OicpRemoteService {
  private readonly logger = new Logger(OicpRemoteService.name);

  constructor(
    private readonly locations: RoamingLocationRepository,
    private readonly authorizations: RoamingAuthorizationRepository,
    private readonly sessions: RoamingSessionRepository,
    private readonly transactions: TransactionService,
    private readonly executor: RoamingCommandExecutor,
  ) {}

  async start(
    tenantId: TenantId,
    connection: OicpConnection,
    request: RemoteStart,
  ): Promise<OicpAcknowledgement> {
    const ids = sessionIdsOf(request);
    const target = await this.findEvse(tenantId, connection, request.EvseID);
    if (!target) return acknowledgement('UNKNOWN_EVSE', `No EVSE ${request.EvseID} here`, ids);
    const token = tokenOf(request);
    if (!token)
      return acknowledgement('DATA_ERROR', 'Identification names neither an RFID UID nor an EvcoID', ids);
    await this.authorizations.record(tenantId, {
      stationId: target.stationId,
      partnerId: connection.partnerId,
      token,
      authMethod: 'COMMAND',
      authorizationReference: request.SessionID,
      expiresAt: new Date(Date.now() + AUTHORIZATION_VALIDITY_MS),
    });
    const outcome = await this.executor.startSession(tenantId, target, token.uid);
    this.logger.log(
      { tenantId, sessionId: request.SessionID, result: outcome.result },
      'Hubject remote start',
    );
    return this.answer(outcome, ids);
  }

  async stop(
    tenantId: TenantId,
    connection: OicpConnection,
    request: RemoteStop,
  ): Promise<OicpAcknowledgement> {
    const ids = sessionIdsOf(request);
    const session = await this.sessions.findByReference(tenantId, connection.partnerId, request.SessionID);
    let transaction = session && (await this.transactions.findById(tenantId, session.id));
    if (!session) {
      const pending = await this.authorizations.findByReference(
        tenantId,
        connection.partnerId,
        request.SessionID,
        new Date(),
      );
      if (!pending) {
        return acknowledgement('SESSION_INVALID', `No charging session ${request.SessionID} runs here`, ids);
      }
      // The station may have started already, its session not yet ours: that one is stopped.
      transaction =
        (await this.transactions.activeOfStations(tenantId, [pending.stationId])).find(
          (candidate) => candidate.tagId?.toUpperCase() === pending.token.uid.toUpperCase(),
        ) ?? null;
      if (!transaction) return this.cancelStart(tenantId, connection, request, ids);
    }
    if (!transaction?.active) {
      return acknowledgement('SESSION_INVALID', `No charging session ${request.SessionID} runs here`, ids);
    }
    const outcome = await this.executor.stopSession(
      tenantId,
      transaction.chargingStationId,
      transaction.ocppTransactionId,
    );
    this.logger.log(
      { tenantId, sessionId: request.SessionID, result: outcome.result },
      'Hubject remote stop',
    );
    return this.answer(outcome, { ...ids, CPOPartnerSessionID: transaction.id });
  }

  /**
   * A stop for a remote start whose charging has not begun (the car not plugged in yet): the start is
   * withdrawn, so a later start with its badge is not Hubject's session (nor authorized by it), and
   * Hubject's session ends here with success.
   */
  private async cancelStart(
    tenantId: TenantId,
    connection: OicpConnection,
    request: RemoteStop,
    ids: ReturnType<typeof sessionIdsOf>,
  ): Promise<OicpAcknowledgement> {
    await this.authorizations.cancel(tenantId, connection.partnerId, request.SessionID, new Date());
    this.logger.log(
      { tenantId, sessionId: request.SessionID },
      'Hubject remote start withdrawn before charging',
    );
    return acknowledgement('SUCCESS', 'The remote start was withdrawn before charging began', ids);
  }

  private answer(outcome: CommandOutcome, ids: ReturnType<typeof sessionIdsOf>): OicpAcknowledgement {
    return acknowledgement(CODE_OF_RESULT[outcome.result] ?? 'COMMUNICATION_FAILED', outcome.message, ids);
  }

  /** The published EVSE whose eMI3 id (from our OperatorID) is `evseId`. */
  private async findEvse(
    tenantId: TenantId,
    connection: OicpConnection,
    evseId: string,
  ): Promise<{ stationId: string; connectorId: number } | null> {
    const wanted = evseId.toUpperCase();
    for (let offset = 0; ; offset += LOCATIONS_PAGE) {
      const { items } = await this.locations.pagePublished(tenantId, {
        filter: {},
        offset,
        limit: LOCATIONS_PAGE,
      });
      for (const location of items) {
        const evse = location.evses.find(
          (candidate) =>
            candidate.status !== 'REMOVED' &&
            oicpEvseId(connection.operatorId, candidate.stationId, candidate.connectorId) === wanted,
        );
        if (evse) return { stationId: evse.stationId, connectorId: evse.connectorId };
      }
      if (items.length < LOCATIONS_PAGE) return null;
    }
  }
}

function sessionIdsOf(request: RemoteStart | RemoteStop) {
  return {
    SessionID: request.SessionID,
    ...(request.CPOPartnerSessionID ? { CPOPartnerSessionID: request.CPOPartnerSessionID } : {}),
    ...(request.EMPPartnerSessionID ? { EMPPartnerSessionID: request.EMPPartnerSessionID } : {}),
  };
}

/** The badge the station is given: the RFID UID, or the EvcoID (a digest when longer than an idTag). */
function tokenOf(request: RemoteStart): RoamingTokenRef | null {
  const { Identification: identification } = request;
  const provider = request.ProviderID.toUpperCase().replace(/[*-]/, '');
  const party = { countryCode: provider.slice(0, 2), partyId: provider.slice(2, 5) };
  const uid = identification.RFIDMifareFamilyIdentification?.UID ?? identification.RFIDIdentification?.UID;
  if (uid) return { ...party, uid: uid.toUpperCase(), type: 'RFID', contractId: uid.toUpperCase() };
  const evcoId =
    identification.RemoteIdentification?.EvcoID ??
    identification.QRCodeIdentification?.EvcoID ??
    identification.PlugAndChargeIdentification?.EvcoID;
  if (!evcoId) return null;
  const idTag =
    evcoId.length <= ID_TAG_LENGTH
      ? evcoId
      : createHash('sha256').update(evcoId).digest('hex').slice(0, ID_TAG_LENGTH).toUpperCase();
  return { ...party, uid: idTag, type: 'APP_USER', contractId: evcoId };
}
