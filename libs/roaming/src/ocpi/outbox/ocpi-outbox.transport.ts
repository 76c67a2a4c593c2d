import { Injectable, OnModuleInit } from '@nestjs/common';
import { RoamingIdentityService } from '../../identity/roaming-identity.service';
import { OutboxMessage } from '../../outbox/outbox-message';
import { DeliveryOutcome, OutboxTransport, OutboxTransports } from '../../outbox/outbox-transport';
import { PartnerCredentials } from '../../partners/partner-credentials';
import { RoamingPartner } from '../../partners/roaming-partner';
import { OcpiClient, OcpiTransportError } from '../client/ocpi-client';
import { joinUrl, partnerEndpoint } from '../partners/partner-endpoints';
import { OcpiVersion, isOcpi22 } from '../protocol/ocpi-version';
import { OcpiRenderers } from './ocpi-push';
import { outcomeOfReply } from './reply-outcome';

/** Modules whose requests carry routing headers (functional modules, 2.2.1). */
const CONFIGURATION_MODULES = new Set(['credentials', 'versions', 'hubclientinfo']);

/**
 * Delivers OCPI outbox messages: renders the payload for the partner's current version, finds its
 * endpoint, sends with its token, routing headers and the message id as X-Correlation-ID (every
 * attempt of one message correlates), and reads the answer into an outcome.
 */
@Injectable()
export class OcpiOutboxTransport extends OutboxTransport implements OnModuleInit {
  readonly protocol = 'OCPI' as const;

  constructor(
    private readonly transports: OutboxTransports,
    private readonly renderers: OcpiRenderers,
    private readonly identities: RoamingIdentityService,
    private readonly credentials: PartnerCredentials,
    private readonly client: OcpiClient,
  ) {
    super();
  }

  onModuleInit(): void {
    this.transports.register(this);
  }

  accepts(partner: RoamingPartner, kind: string): boolean {
    const target = this.renderers.targetOf(kind);
    if (target === undefined) return false;
    return target === null || partnerEndpoint(partner, target.module, target.interfaceRole) !== undefined;
  }

  async deliver(partner: RoamingPartner, message: OutboxMessage): Promise<DeliveryOutcome> {
    const render = this.renderers.of(message.kind);
    if (!render) return { outcome: 'rejected', reason: `Nothing renders ${message.kind} for OCPI` };
    const identity = await this.identities.find(partner.tenantId);
    if (!identity) return { outcome: 'retry', reason: "The tenant's roaming identity is not set" };
    const version = (partner.ocpi.version ?? '2.2.1') as OcpiVersion;
    const push = render({ partner, version, identity }, message.payload);
    let url = push.url;
    if (!url) {
      const endpoint = partnerEndpoint(partner, push.module, push.interfaceRole);
      if (!endpoint) {
        return {
          outcome: 'rejected',
          reason: `The partner has no ${push.module} ${push.interfaceRole} endpoint`,
        };
      }
      url = joinUrl(endpoint.url, ...(push.segments ?? []));
      if (push.query) url += `?${new URLSearchParams(push.query).toString()}`;
    }
    const routed = isOcpi22(version) && !CONFIGURATION_MODULES.has(push.module);
    const to = push.to ?? partner.roles[0];
    try {
      const reply = await this.client.request({
        tenantId: partner.tenantId,
        partnerId: partner.id,
        method: push.method,
        url,
        token: this.credentials.theirToken(partner)!,
        encoding: partner.ocpi.authorizationHeader,
        version,
        module: push.module,
        body: push.body,
        correlationId: message.id,
        routing:
          routed && to
            ? { from: { countryCode: identity.countryCode, partyId: identity.partyId }, to }
            : undefined,
      });
      return outcomeOfReply(reply);
    } catch (error) {
      if (error instanceof OcpiTransportError) return { outcome: 'retry', reason: error.message };
      throw error;
    }
  }
}
