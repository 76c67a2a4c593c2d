import { BadInputError } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { OcpiIdentity } from '../../identity/models/roaming-identity.model';
import { PartnerCredentials } from '../../partners/partner-credentials';
import { InterfaceRole, RoamingPartner } from '../../partners/roaming-partner';
import { OcpiModuleId } from '../auth/ocpi-route.decorator';
import { partnerEndpoint } from '../partners/partner-endpoints';
import { OcpiStatus } from '../protocol/ocpi-status';
import { OcpiVersion, isOcpi22 } from '../protocol/ocpi-version';
import { nextLink } from '../protocol/pagination';
import { OcpiClient, OcpiTransportError, describeReply } from './ocpi-client';

/** Pages followed at most in one pull (a partner whose Link never ends must not keep us forever). */
const MAX_PAGES = 1000;

/**
 * Pulls a partner's Sender interface (GET list), page after page by its Link headers, handing each
 * page's objects to `onPage`. Failures are the operator's to see (BAD_USER_INPUT with the answer).
 */
@Injectable()
export class OcpiPuller {
  constructor(
    private readonly client: OcpiClient,
    private readonly credentials: PartnerCredentials,
  ) {}

  async pull(
    partner: RoamingPartner,
    identity: OcpiIdentity,
    module: OcpiModuleId,
    onPage: (objects: unknown[]) => Promise<void>,
    options: { role?: InterfaceRole; query?: Record<string, string> } = {},
  ): Promise<number> {
    const endpoint = partnerEndpoint(partner, module, options.role ?? 'SENDER');
    if (!endpoint) throw new BadInputError(`${partner.name} has no ${module} Sender endpoint`);
    const version = (partner.ocpi.version ?? '2.2.1') as OcpiVersion;
    const query = new URLSearchParams(options.query ?? {}).toString();
    let url: string | undefined = query ? `${endpoint.url}?${query}` : endpoint.url;
    let objects = 0;
    for (let page = 0; url && page < MAX_PAGES; page++) {
      let reply;
      try {
        reply = await this.client.request({
          tenantId: partner.tenantId,
          partnerId: partner.id,
          method: 'GET',
          url,
          token: this.credentials.theirToken(partner)!,
          encoding: partner.ocpi.authorizationHeader,
          version,
          module,
          routing:
            isOcpi22(version) && partner.roles[0]
              ? {
                  from: { countryCode: identity.countryCode, partyId: identity.partyId },
                  to: partner.roles[0],
                }
              : undefined,
        });
      } catch (error) {
        if (error instanceof OcpiTransportError)
          throw new BadInputError(`Pulling ${module} failed: ${error.message}`);
        throw error;
      }
      if (
        reply.httpStatus !== 200 ||
        reply.ocpi?.status_code !== OcpiStatus.SUCCESS ||
        !Array.isArray(reply.ocpi.data)
      ) {
        throw new BadInputError(`Pulling ${module} failed: ${describeReply(reply)}`);
      }
      objects += reply.ocpi.data.length;
      await onPage(reply.ocpi.data);
      url = nextLink(reply.headers.get('link'));
    }
    return objects;
  }
}
