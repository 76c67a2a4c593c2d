import { TenantId } from '@csms/common';
import { ChargingStationService } from '@csms/stations';
import { ExternalAuthorizationRequest, IdTagInfo } from '@csms/transactions';
import { Injectable, Logger } from '@nestjs/common';
import { RoamingAuthorizationRepository } from '../../authorizations/roaming-authorization.repository';
import { AUTHORIZATION_VALIDITY_MS } from '../../ocpi/tokens/roaming-token-authorizer';
import { OicpClient } from '../client/oicp-client';
import { oicpEvseId } from '../outbox/oicp-evse-records';
import { OicpConnection } from '../settings/oicp-connection';
import { OicpSettingsService } from '../settings/oicp-settings.service';

/** OICP's UID: an RFID card's 4, 7 or 10 bytes in upper-case hex. */
const RFID_UID = /^([0-9A-F]{8}|[0-9A-F]{14}|[0-9A-F]{20})$/;

interface AuthorizationStart {
  SessionID?: string;
  ProviderID?: string;
  AuthorizationStatus: 'Authorized' | 'NotAuthorized';
  StatusCode: { Code: string; Description?: string };
}

/**
 * Badges nobody in the tenant knows, asked of Hubject (eRoamingAuthorizeStart) at 1.5, 1.6 and 2.0.1
 * stations alike (they all ask through the transactions domain). An authorized badge is remembered at
 * the station for 15 minutes with Hubject's SessionID, so the start right after the Authorize is not
 * asked again and the session it starts is reported to Hubject under that SessionID.
 */
@Injectable()
export class OicpAuthorizer {
  private readonly logger = new Logger(OicpAuthorizer.name);

  constructor(
    private readonly settings: OicpSettingsService,
    private readonly client: OicpClient,
    private readonly authorizations: RoamingAuthorizationRepository,
    private readonly stations: ChargingStationService,
  ) {}

  async authorize(tenantId: TenantId, request: ExternalAuthorizationRequest): Promise<IdTagInfo | null> {
    const connection = await this.settings.connection(tenantId);
    if (!connection) return null;
    const now = new Date();
    const earlier = await this.authorizations.latest(tenantId, request.stationId, request.idTag, now);
    if (earlier?.partnerId === connection.partnerId) return { status: 'Accepted' };
    const uid = request.idTag.toUpperCase();
    if (!RFID_UID.test(uid)) return null;
    const evseId = await this.evseIdOf(tenantId, connection, request);
    const answer = await this.client.call<AuthorizationStart>(tenantId, connection, 'AuthorizeStart', {
      OperatorID: connection.operatorId,
      ...(evseId ? { EvseID: evseId } : {}),
      Identification: { RFIDMifareFamilyIdentification: { UID: uid } },
    });
    if (answer.kind !== 'answered') {
      this.logger.warn(
        { tenantId, stationId: request.stationId },
        `Hubject could not be asked: ${answer.reason}`,
      );
      return null;
    }
    const decision = answer.body;
    if (decision.AuthorizationStatus !== 'Authorized' || !decision.SessionID) return { status: 'Invalid' };
    const provider = (decision.ProviderID ?? '').toUpperCase().replace(/[*-]/, '');
    await this.authorizations.record(tenantId, {
      stationId: request.stationId,
      partnerId: connection.partnerId,
      token: {
        countryCode: provider.slice(0, 2),
        partyId: provider.slice(2, 5),
        uid,
        type: 'RFID',
        contractId: uid,
      },
      authMethod: 'AUTH_REQUEST',
      authorizationReference: decision.SessionID,
      expiresAt: new Date(now.getTime() + AUTHORIZATION_VALIDITY_MS),
    });
    return { status: 'Accepted' };
  }

  /** Where the driver stands: the connector of a start, else the station's connector being prepared, else its first. */
  private async evseIdOf(
    tenantId: TenantId,
    connection: OicpConnection,
    request: ExternalAuthorizationRequest,
  ): Promise<string | undefined> {
    let connectorId = request.connectorId;
    if (connectorId === undefined) {
      const station = await this.stations.find(tenantId, request.stationId);
      const connectors = (station?.connectors ?? []).filter((connector) => connector.connectorId > 0);
      connectorId = (connectors.find((connector) => connector.status === 'Preparing') ?? connectors[0])
        ?.connectorId;
    }
    return connectorId === undefined
      ? undefined
      : oicpEvseId(connection.operatorId, request.stationId, connectorId);
  }
}
