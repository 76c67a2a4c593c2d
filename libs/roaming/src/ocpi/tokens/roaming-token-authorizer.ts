import { TenantId } from '@csms/common';
import { ChargingStationService } from '@csms/stations';
import { ExternalAuthorizationRequest, ExternalTagAuthorizer, IdTagInfo } from '@csms/transactions';
import { Injectable, Logger } from '@nestjs/common';
import { RoamingAuthMethod, RoamingTokenRef } from '../../authorizations/roaming-authorization';
import { RoamingAuthorizationRepository } from '../../authorizations/roaming-authorization.repository';
import { OcpiIdentity } from '../../identity/models/roaming-identity.model';
import { RoamingIdentityService } from '../../identity/roaming-identity.service';
import { RoamingLocationRepository } from '../../locations/roaming-location.repository';
import { PartnerRegistry } from '../../partners/partner-registry';
import { RoamingPartner, partnerActsAs } from '../../partners/roaming-partner';
import { RoamingToken } from '../../tokens/roaming-token';
import { RoamingTokenRepository } from '../../tokens/roaming-token.repository';
import {
  AllowedType,
  LocationReference,
  OcpiRealtimeAuthorization,
  RealtimeAnswer,
} from './ocpi-realtime-authorization';

/**
 * How long a token accepted at a station (by a command, a real-time authorization or the whitelist)
 * counts as authorized there: OCPI's 15 minutes for tokens of START_SESSION and RESERVE_NOW, in which
 * no real-time authorization is to be done again.
 */
export const AUTHORIZATION_VALIDITY_MS = 15 * 60_000;

interface Decision {
  allowed: AllowedType;
  partner: RoamingPartner;
  token: RoamingTokenRef;
  method: RoamingAuthMethod;
  authorizationReference?: string;
}

const STATUS_OF: Record<AllowedType, IdTagInfo['status']> = {
  ALLOWED: 'Accepted',
  BLOCKED: 'Blocked',
  EXPIRED: 'Expired',
  NO_CREDIT: 'Invalid',
  NOT_ALLOWED: 'Invalid',
};

function tokenRef(token: RoamingToken): RoamingTokenRef {
  return {
    countryCode: token.countryCode,
    partyId: token.partyId,
    uid: token.uid,
    type: token.type,
    contractId: token.contractId,
  };
}

/**
 * Badges the tenant does not know, decided for roaming: a token an eMSP pushed is honoured by its
 * whitelist (ALWAYS and ALLOWED here and now; ALLOWED_OFFLINE asked in real time, here when the eMSP
 * cannot be reached; NEVER asked in real time only), and a token nobody pushed is asked of every eMSP
 * that offers real-time authorization. A token accepted at a station stays so there for 15 minutes
 * (commands, or the start right after an Authorize), and the session it starts is the eMSP's.
 * Version-neutral: 1.5, 1.6 and 2.0.1 stations all ask through the transactions domain.
 */
@Injectable()
export class RoamingTokenAuthorizer extends ExternalTagAuthorizer {
  private readonly logger = new Logger(RoamingTokenAuthorizer.name);

  constructor(
    private readonly partners: PartnerRegistry,
    private readonly tokens: RoamingTokenRepository,
    private readonly authorizations: RoamingAuthorizationRepository,
    private readonly identities: RoamingIdentityService,
    private readonly locations: RoamingLocationRepository,
    private readonly stations: ChargingStationService,
    private readonly realtime: OcpiRealtimeAuthorization,
  ) {
    super();
  }

  async authorize(tenantId: TenantId, request: ExternalAuthorizationRequest): Promise<IdTagInfo | null> {
    const emsps = (await this.partners.registeredOf(tenantId)).filter(
      (partner) => partner.protocol === 'OCPI' && partnerActsAs(partner, 'EMSP'),
    );
    if (!emsps.length) return null;
    const now = new Date();
    if (await this.authorizations.latest(tenantId, request.stationId, request.idTag, now))
      return { status: 'Accepted' };
    const identity = await this.identities.find(tenantId);
    if (!identity) return null;
    const location = await this.locationOf(tenantId, request.stationId, request.connectorId);
    const known = (await this.tokens.findByUid(tenantId, request.idTag))
      .map((token) => ({ token, partner: emsps.find((partner) => partner.id === token.partnerId) }))
      .find((entry) => entry.partner);
    const decision = known
      ? await this.decide(known.partner!, identity, known.token, location)
      : await this.askEveryone(emsps, identity, request.idTag, location);
    if (!decision) return null;
    if (decision.allowed === 'ALLOWED') {
      await this.authorizations.record(tenantId, {
        stationId: request.stationId,
        partnerId: decision.partner.id,
        token: decision.token,
        authMethod: decision.method,
        ...(decision.authorizationReference
          ? { authorizationReference: decision.authorizationReference }
          : {}),
        expiresAt: new Date(now.getTime() + AUTHORIZATION_VALIDITY_MS),
      });
    }
    return { status: STATUS_OF[decision.allowed] };
  }

  /** A token the eMSP pushed, by its whitelist. */
  private async decide(
    partner: RoamingPartner,
    identity: OcpiIdentity,
    token: RoamingToken,
    location?: LocationReference,
  ): Promise<Decision> {
    const local: Decision = {
      allowed: token.valid ? 'ALLOWED' : 'BLOCKED',
      partner,
      token: tokenRef(token),
      method: 'WHITELIST',
    };
    if (token.whitelist === 'ALWAYS' || token.whitelist === 'ALLOWED') return local;
    const answer = await this.realtime.ask(partner, identity, token.uid, token.type, location);
    if (answer.kind === 'answered') return this.fromAnswer(partner, answer, tokenRef(token));
    if (answer.kind === 'unknown') return { ...local, allowed: 'NOT_ALLOWED', method: 'AUTH_REQUEST' };
    this.logger.warn(
      { partnerId: partner.id, uid: token.uid },
      `Real-time authorization unavailable: ${answer.reason}`,
    );
    return token.whitelist === 'ALLOWED_OFFLINE'
      ? local
      : { ...local, allowed: 'NOT_ALLOWED', method: 'AUTH_REQUEST' };
  }

  /** A token nobody pushed: the first eMSP that knows it decides. */
  private async askEveryone(
    emsps: RoamingPartner[],
    identity: OcpiIdentity,
    uid: string,
    location?: LocationReference,
  ): Promise<Decision | null> {
    const askable = emsps.filter((partner) => this.realtime.offers(partner));
    const answers = await Promise.all(
      askable.map(async (partner) => ({
        partner,
        answer: await this.realtime.ask(partner, identity, uid, 'RFID', location),
      })),
    );
    const known = answers.filter(
      (entry): entry is { partner: RoamingPartner; answer: Extract<RealtimeAnswer, { kind: 'answered' }> } =>
        entry.answer.kind === 'answered',
    );
    const chosen = known.find((entry) => entry.answer.allowed === 'ALLOWED') ?? known[0];
    if (!chosen) return null;
    const party = chosen.partner.roles.find((role) => role.role === 'EMSP') ?? chosen.partner.roles[0];
    const fallback: RoamingTokenRef = {
      countryCode: party?.countryCode ?? '',
      partyId: party?.partyId ?? '',
      uid,
      type: 'RFID',
      contractId: uid,
    };
    return this.fromAnswer(chosen.partner, chosen.answer, fallback);
  }

  private fromAnswer(
    partner: RoamingPartner,
    answer: Extract<RealtimeAnswer, { kind: 'answered' }>,
    fallback: RoamingTokenRef,
  ): Decision {
    const token = answer.token ?? {};
    const text = (field: string) => (typeof token[field] === 'string' ? token[field] : undefined);
    return {
      allowed: answer.allowed,
      partner,
      method: 'AUTH_REQUEST',
      ...(answer.authorizationReference ? { authorizationReference: answer.authorizationReference } : {}),
      token: {
        countryCode: text('country_code')?.toUpperCase() ?? fallback.countryCode,
        partyId: text('party_id')?.toUpperCase() ?? fallback.partyId,
        uid: fallback.uid,
        type: (text('type') as RoamingTokenRef['type'] | undefined) ?? fallback.type,
        contractId: text('contract_id') ?? text('auth_id') ?? fallback.contractId,
      },
    };
  }

  /** Where the driver stands: the station's location and its EVSEs (the connector's alone when known). */
  private async locationOf(
    tenantId: TenantId,
    stationId: string,
    connectorId?: number,
  ): Promise<LocationReference | undefined> {
    const station = await this.stations.find(tenantId, stationId);
    if (!station?.siteId) return undefined;
    const location = await this.locations.find(tenantId, station.siteId);
    if (!location?.published) return undefined;
    const evseUids = location.evses
      .filter(
        (evse) =>
          evse.stationId === stationId && (connectorId === undefined || evse.connectorId === connectorId),
      )
      .map((evse) => evse.uid);
    return { locationId: location.id, evseUids };
  }
}
