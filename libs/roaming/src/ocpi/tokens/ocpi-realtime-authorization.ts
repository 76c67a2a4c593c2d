import { APP_CONFIG, AppConfig } from '@csms/common';
import { Inject, Injectable } from '@nestjs/common';
import { OcpiIdentity } from '../../identity/models/roaming-identity.model';
import { PartnerCredentials } from '../../partners/partner-credentials';
import { RoamingPartner } from '../../partners/roaming-partner';
import { RoamingTokenType } from '../../tokens/roaming-token';
import { OcpiClient, OcpiTransportError } from '../client/ocpi-client';
import { joinUrl, partnerEndpoint } from '../partners/partner-endpoints';
import { OcpiStatus } from '../protocol/ocpi-status';
import { OcpiVersion, isOcpi22 } from '../protocol/ocpi-version';

/** OCPI AllowedType. */
export type AllowedType = 'ALLOWED' | 'BLOCKED' | 'EXPIRED' | 'NO_CREDIT' | 'NOT_ALLOWED';
const ALLOWED_TYPES: readonly string[] = ['ALLOWED', 'BLOCKED', 'EXPIRED', 'NO_CREDIT', 'NOT_ALLOWED'];

export interface LocationReference {
  locationId: string;
  evseUids: string[];
}

export type RealtimeAnswer =
  | {
      kind: 'answered';
      allowed: AllowedType;
      authorizationReference?: string;
      token?: Record<string, unknown>;
    }
  | { kind: 'unknown' }
  | { kind: 'unreachable'; reason: string };

/**
 * Real-time authorization (mod_tokens: POST {tokens_endpoint}{token_uid}/authorize[?type=]) at an eMSP,
 * with the location (and EVSEs) the driver stands at, within OCPI_AUTHORIZE_TIMEOUT_MS: a driver waits.
 */
@Injectable()
export class OcpiRealtimeAuthorization {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly client: OcpiClient,
    private readonly credentials: PartnerCredentials,
  ) {}

  /** Whether the partner offers real-time authorization at all (a tokens Sender endpoint). */
  offers(partner: RoamingPartner): boolean {
    return partnerEndpoint(partner, 'tokens', 'SENDER') !== undefined;
  }

  async ask(
    partner: RoamingPartner,
    identity: OcpiIdentity,
    uid: string,
    type: RoamingTokenType,
    location?: LocationReference,
  ): Promise<RealtimeAnswer> {
    const endpoint = partnerEndpoint(partner, 'tokens', 'SENDER');
    if (!endpoint) return { kind: 'unreachable', reason: 'The partner has no tokens Sender endpoint' };
    const version = (partner.ocpi.version ?? '2.2.1') as OcpiVersion;
    const url = `${joinUrl(endpoint.url, uid, 'authorize')}?type=${encodeURIComponent(type)}`;
    let reply;
    try {
      reply = await this.client.request({
        tenantId: partner.tenantId,
        partnerId: partner.id,
        method: 'POST',
        url,
        token: this.credentials.theirToken(partner)!,
        encoding: partner.ocpi.authorizationHeader,
        version,
        module: 'tokens',
        body: location ? { location_id: location.locationId, evse_uids: location.evseUids } : undefined,
        routing:
          isOcpi22(version) && partner.roles[0]
            ? { from: { countryCode: identity.countryCode, partyId: identity.partyId }, to: partner.roles[0] }
            : undefined,
        timeoutMs: this.config.OCPI_AUTHORIZE_TIMEOUT_MS,
      });
    } catch (error) {
      if (error instanceof OcpiTransportError) return { kind: 'unreachable', reason: error.message };
      throw error;
    }
    if (reply.httpStatus === 404 || reply.ocpi?.status_code === OcpiStatus.UNKNOWN_TOKEN)
      return { kind: 'unknown' };
    const data: unknown = Array.isArray(reply.ocpi?.data) ? reply.ocpi.data[0] : reply.ocpi?.data;
    const info = (data ?? {}) as { allowed?: unknown; authorization_reference?: unknown; token?: unknown };
    if (
      reply.httpStatus !== 200 ||
      reply.ocpi?.status_code !== OcpiStatus.SUCCESS ||
      !ALLOWED_TYPES.includes(String(info.allowed))
    ) {
      return {
        kind: 'unreachable',
        reason: `The authorization answered HTTP ${reply.httpStatus}, OCPI ${reply.ocpi?.status_code}`,
      };
    }
    return {
      kind: 'answered',
      allowed: info.allowed as AllowedType,
      ...(typeof info.authorization_reference === 'string'
        ? { authorizationReference: info.authorization_reference }
        : {}),
      ...(typeof info.token === 'object' && info.token
        ? { token: info.token as Record<string, unknown> }
        : {}),
    };
  }
}
