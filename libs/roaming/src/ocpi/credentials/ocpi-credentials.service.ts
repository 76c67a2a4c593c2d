import { EventBus, domainEvent } from '@csms/events';
import { Injectable } from '@nestjs/common';
import { RoamingIdentityService } from '../../identity/roaming-identity.service';
import { PartnerCredentials, PartnerUnregistration } from '../../partners/partner-credentials';
import { ROAMING_PARTNER_REGISTERED } from '../../partners/partner-events';
import { PartnerRegistry } from '../../partners/partner-registry';
import { RoamingPartnerRepository } from '../../partners/roaming-partner.repository';
import { RoamingUrls } from '../../common/roaming-urls';
import { hashCredentialsToken } from '../../common/secrets/credentials-token';
import { OcpiRequestContext } from '../auth/ocpi-request';
import { OcpiError } from '../protocol/ocpi-error';
import { OcpiStatus } from '../protocol/ocpi-status';
import { OcpiVersion, isOcpi22 } from '../protocol/ocpi-version';
import {
  Credentials211Json,
  Credentials221Json,
  credentials211Schema,
  credentials221Schema,
} from '../schemas/credentials.schema';
import { validateOcpi } from '../schemas/ocpi-validator';
import { credentialsJson, ourRolesTowards, partiesOfCredentials } from './credentials-json';
import { DiscoveryError, OcpiDiscovery } from './ocpi-discovery';

/**
 * Our credentials endpoint (the Receiver side of the exchange): a partner holding a token A of ours
 * registers with POST, a registered partner updates (and rotates its token) with PUT, ends it with
 * DELETE. We fetch its versions and endpoints with its token before answering, as the spec asks.
 */
@Injectable()
export class OcpiCredentialsService {
  constructor(
    private readonly partners: RoamingPartnerRepository,
    private readonly registry: PartnerRegistry,
    private readonly credentials: PartnerCredentials,
    private readonly unregistration: PartnerUnregistration,
    private readonly discovery: OcpiDiscovery,
    private readonly identities: RoamingIdentityService,
    private readonly urls: RoamingUrls,
    private readonly events: EventBus,
  ) {}

  async current(context: OcpiRequestContext) {
    return this.ourCredentials(context, context.token);
  }

  async register(context: OcpiRequestContext, body: unknown) {
    if (context.tokenKind !== 'TOKEN_A' || context.partner.status === 'REGISTERED') {
      throw OcpiError.methodNotAllowed('Already registered: use PUT to update the credentials');
    }
    return this.exchange(context, body);
  }

  async update(context: OcpiRequestContext, body: unknown) {
    if (context.tokenKind !== 'CREDENTIALS' || context.partner.status !== 'REGISTERED') {
      throw OcpiError.methodNotAllowed('Not registered yet: use POST to register');
    }
    return this.exchange(context, body);
  }

  async unregister(context: OcpiRequestContext): Promise<null> {
    if (context.tokenKind !== 'CREDENTIALS' || context.partner.status !== 'REGISTERED') {
      throw OcpiError.methodNotAllowed('Not registered');
    }
    await this.unregistration.unregister(context.tenantId, context.partner.id);
    return null;
  }

  /** POST and PUT alike: read their side with their new token, issue ours, answer with our credentials. */
  private async exchange(context: OcpiRequestContext, body: unknown) {
    const version = context.version as OcpiVersion;
    const json = isOcpi22(version)
      ? validateOcpi<Credentials221Json>(credentials221Schema, body, 'credentials')
      : validateOcpi<Credentials211Json>(credentials211Schema, body, 'credentials');
    const { partner, tenantId } = context;
    let discovered;
    try {
      discovered = await this.discovery.discover(
        {
          tenantId,
          partnerId: partner.id,
          versionsUrl: json.url,
          token: json.token,
          encoding: partner.ocpi.authorizationHeader,
        },
        version,
      );
    } catch (error) {
      if (error instanceof DiscoveryError) throw OcpiError.serverError(error.message, error.ocpiStatus);
      throw error;
    }
    const roles = partiesOfCredentials(version, json, partner.role);
    if (!roles.some((party) => party.role === partner.role)) {
      throw OcpiError.serverError(
        `Registered here as ${partner.role}, but the credentials name no ${partner.role} role`,
        OcpiStatus.NO_MATCHING_ENDPOINTS,
      );
    }
    const identity = await this.identities.find(tenantId);
    if (!identity) throw OcpiError.serverError("This platform's roaming identity is not configured yet");
    const ours = await this.credentials.issue(tenantId, partner.id, 'CREDENTIALS');
    const updated = await this.partners.update(tenantId, partner.id, {
      $set: {
        status: 'REGISTERED',
        roles,
        registeredAt: new Date(),
        'ocpi.version': discovered.version,
        'ocpi.versionsUrl': json.url,
        'ocpi.endpoints': discovered.endpoints,
        'ocpi.outgoingToken': this.credentials.seal(json.token),
      },
      $unset: { lastError: 1 },
    });
    // The token A (POST) or the replaced token (PUT) stops working now.
    await this.credentials.revoke(tenantId, partner.id, { except: hashCredentialsToken(ours) });
    await this.registry.changed(tenantId, partner.id);
    await this.events.publish(domainEvent(ROAMING_PARTNER_REGISTERED, tenantId, { partnerId: partner.id }));
    return credentialsJson(
      version,
      ours,
      this.urls.versionsUrl(tenantId),
      identity,
      ourRolesTowards(updated ?? partner),
    );
  }

  private async ourCredentials(context: OcpiRequestContext, token: string) {
    const identity = await this.identities.find(context.tenantId);
    if (!identity) throw OcpiError.serverError("This platform's roaming identity is not configured yet");
    return credentialsJson(
      context.version as OcpiVersion,
      token,
      this.urls.versionsUrl(context.tenantId),
      identity,
      ourRolesTowards(context.partner),
    );
  }
}
