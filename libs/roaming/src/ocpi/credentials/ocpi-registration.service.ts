import { BadInputError, TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { Injectable } from '@nestjs/common';
import { RoamingIdentityService } from '../../identity/roaming-identity.service';
import { PartnerCredentials, PartnerUnregistration } from '../../partners/partner-credentials';
import { ROAMING_PARTNER_REGISTERED } from '../../partners/partner-events';
import { PartnerRegistry } from '../../partners/partner-registry';
import { RoamingPartner } from '../../partners/roaming-partner';
import { RoamingPartnerRepository } from '../../partners/roaming-partner.repository';
import { RoamingUrls } from '../../common/roaming-urls';
import { hashCredentialsToken } from '../../common/secrets/credentials-token';
import { OcpiClient, OcpiReply, OcpiTransportError, describeReply } from '../client/ocpi-client';
import { partnerEndpoint } from '../partners/partner-endpoints';
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

/** A step of our side of the exchange failed; the message says which and what the partner answered. */
class RegistrationFailed extends Error {}

/**
 * Our side as the Sender of the credentials exchange: we register with a partner that gave us its
 * versions URL and a token A (token A → B → C), rotate our token with PUT, and unregister with DELETE.
 */
@Injectable()
export class OcpiRegistrationService {
  constructor(
    private readonly partners: RoamingPartnerRepository,
    private readonly registry: PartnerRegistry,
    private readonly credentials: PartnerCredentials,
    private readonly unregistration: PartnerUnregistration,
    private readonly discovery: OcpiDiscovery,
    private readonly client: OcpiClient,
    private readonly identities: RoamingIdentityService,
    private readonly urls: RoamingUrls,
    private readonly events: EventBus,
  ) {}

  /** Registers with the partner; on failure it is left FAILED with the reason, which is thrown too. */
  async registerWith(partner: RoamingPartner, versionsUrl: string, tokenA: string): Promise<RoamingPartner> {
    const { tenantId } = partner;
    const identity = await this.identities.require(tenantId);
    let ours: string | undefined;
    try {
      const discovered = await this.discover(partner, versionsUrl, tokenA);
      // They call our versions endpoints with our new token while our POST is open: it must work now.
      ours = await this.credentials.issue(tenantId, partner.id, 'CREDENTIALS');
      const pending = await this.save(tenantId, partner.id, {
        status: 'PENDING',
        'ocpi.version': discovered.version,
        'ocpi.versionsUrl': versionsUrl,
        'ocpi.endpoints': discovered.endpoints,
      });
      const body = credentialsJson(
        discovered.version,
        ours,
        this.urls.versionsUrl(tenantId),
        identity,
        ourRolesTowards(pending),
      );
      const reply = await this.call(pending, 'POST', tokenA, body);
      const theirs = this.credentialsOf(discovered.version, reply);
      const registered = await this.save(tenantId, partner.id, {
        status: 'REGISTERED',
        roles: partiesOfCredentials(discovered.version, theirs, partner.role),
        registeredAt: new Date(),
        'ocpi.versionsUrl': theirs.url,
        'ocpi.outgoingToken': this.credentials.seal(theirs.token),
      });
      await this.events.publish(domainEvent(ROAMING_PARTNER_REGISTERED, tenantId, { partnerId: partner.id }));
      return registered;
    } catch (error) {
      if (ours) await this.credentials.revokeToken(tenantId, partner.id, ours);
      throw await this.failed(partner, 'Registration', error, { status: 'FAILED' });
    }
  }

  /** Replaces our token at the partner (PUT credentials) and takes the new one it answers with. */
  async rotate(partner: RoamingPartner): Promise<RoamingPartner> {
    const { tenantId } = partner;
    const version = this.registeredVersion(partner);
    const identity = await this.identities.require(tenantId);
    const theirToken = this.credentials.theirToken(partner)!;
    const ours = await this.credentials.issue(tenantId, partner.id, 'CREDENTIALS');
    try {
      const body = credentialsJson(
        version,
        ours,
        this.urls.versionsUrl(tenantId),
        identity,
        ourRolesTowards(partner),
      );
      const theirs = this.credentialsOf(version, await this.call(partner, 'PUT', theirToken, body));
      const discovered = await this.discover(partner, theirs.url, theirs.token, version).catch(
        () => undefined,
      );
      const rotated = await this.save(tenantId, partner.id, {
        roles: partiesOfCredentials(version, theirs, partner.role),
        'ocpi.versionsUrl': theirs.url,
        'ocpi.outgoingToken': this.credentials.seal(theirs.token),
        ...(discovered ? { 'ocpi.endpoints': discovered.endpoints } : {}),
      });
      await this.credentials.revoke(tenantId, partner.id, { except: hashCredentialsToken(ours) });
      return rotated;
    } catch (error) {
      await this.credentials.revokeToken(tenantId, partner.id, ours);
      throw await this.failed(partner, 'Token rotation', error);
    }
  }

  /** Tells the partner (DELETE credentials) and ends the partnership here, even if the partner cannot be told. */
  async unregister(partner: RoamingPartner): Promise<RoamingPartner> {
    let problem: string | undefined;
    if (partner.status === 'REGISTERED') {
      try {
        await this.call(partner, 'DELETE', this.credentials.theirToken(partner)!);
      } catch (error) {
        problem = `The partner was not told: ${messageOf(error)}`;
      }
    }
    return (await this.unregistration.unregister(partner.tenantId, partner.id, problem)) ?? partner;
  }

  private registeredVersion(partner: RoamingPartner): OcpiVersion {
    if (partner.status !== 'REGISTERED' || !partner.ocpi.version || !partner.ocpi.outgoingToken) {
      throw new BadInputError(`Partner ${partner.name} is not registered (status ${partner.status})`);
    }
    return partner.ocpi.version as OcpiVersion;
  }

  private async discover(
    partner: RoamingPartner,
    versionsUrl: string,
    token: string,
    required?: OcpiVersion,
  ) {
    try {
      return await this.discovery.discover(
        {
          tenantId: partner.tenantId,
          partnerId: partner.id,
          versionsUrl,
          token,
          encoding: partner.ocpi.authorizationHeader,
        },
        required,
      );
    } catch (error) {
      if (error instanceof DiscoveryError) throw new RegistrationFailed(error.message);
      throw error;
    }
  }

  /** A call to the partner's credentials endpoint that must succeed with 1000. */
  private async call(
    partner: RoamingPartner,
    method: 'POST' | 'PUT' | 'DELETE',
    token: string,
    body?: unknown,
  ) {
    const endpoint = partnerEndpoint(partner, 'credentials', 'SENDER');
    if (!endpoint) throw new RegistrationFailed('The partner lists no credentials endpoint');
    let reply: OcpiReply;
    try {
      reply = await this.client.request({
        tenantId: partner.tenantId,
        partnerId: partner.id,
        method,
        url: endpoint.url,
        token,
        encoding: partner.ocpi.authorizationHeader,
        version: partner.ocpi.version ?? '2.2.1',
        module: 'credentials',
        body,
      });
    } catch (error) {
      if (error instanceof OcpiTransportError) throw new RegistrationFailed(error.message);
      throw error;
    }
    if (reply.httpStatus < 200 || reply.httpStatus > 299 || reply.ocpi?.status_code !== OcpiStatus.SUCCESS) {
      throw new RegistrationFailed(`${method} credentials answered ${describeReply(reply)}`);
    }
    return reply;
  }

  private credentialsOf(version: OcpiVersion, reply: OcpiReply): Credentials221Json | Credentials211Json {
    try {
      return isOcpi22(version)
        ? validateOcpi<Credentials221Json>(credentials221Schema, reply.ocpi?.data, 'the credentials answered')
        : validateOcpi<Credentials211Json>(
            credentials211Schema,
            reply.ocpi?.data,
            'the credentials answered',
          );
    } catch (error) {
      throw new RegistrationFailed(messageOf(error));
    }
  }

  private async save(
    tenantId: TenantId,
    partnerId: string,
    set: Record<string, unknown>,
  ): Promise<RoamingPartner> {
    const updated = await this.partners.update(tenantId, partnerId, { $set: set, $unset: { lastError: 1 } });
    await this.registry.changed(tenantId, partnerId);
    if (!updated) throw new RegistrationFailed('The partner was deleted meanwhile');
    return updated;
  }

  /** Records why `step` failed on the partner and turns the failure into the error GraphQL shows. */
  private async failed(
    partner: RoamingPartner,
    step: string,
    error: unknown,
    set: Record<string, unknown> = {},
  ): Promise<Error> {
    if (!(error instanceof RegistrationFailed)) return error as Error;
    const lastError = `${step} failed: ${error.message}`;
    await this.partners.update(partner.tenantId, partner.id, { $set: { ...set, lastError } });
    await this.registry.changed(partner.tenantId, partner.id);
    return new BadInputError(`${lastError} (partner ${partner.id})`, { partnerId: partner.id });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
