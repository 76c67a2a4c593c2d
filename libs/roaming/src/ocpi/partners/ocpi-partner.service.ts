import { BadInputError, NotFoundError, TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { Injectable } from '@nestjs/common';
import { RoamingIdentityService } from '../../identity/roaming-identity.service';
import { PartnerCredentials } from '../../partners/partner-credentials';
import { ROAMING_PARTNER_UNREGISTERED } from '../../partners/partner-events';
import { PartnerRegistry } from '../../partners/partner-registry';
import { PartyRole, RoamingPartner } from '../../partners/roaming-partner';
import { RoamingPartnerRepository } from '../../partners/roaming-partner.repository';
import { RoamingUrls } from '../../common/roaming-urls';
import { OcpiRegistrationService } from '../credentials/ocpi-registration.service';
import { CreateOcpiPartnerInput } from './dto/create-ocpi-partner.input';
import { RegisterOcpiPartnerInput, UpdateOcpiPartnerInput } from './dto/update-ocpi-partner.input';
import { OcpiAuthorizationHeader } from './models/ocpi-enums';

export interface CreatedPartner {
  partner: RoamingPartner;
  tokenA: string;
  versionsUrl: string;
}

/** Partner management for GraphQL: create (either way of registering), update, rotate, unregister, delete. */
@Injectable()
export class OcpiPartnerService {
  constructor(
    private readonly partners: RoamingPartnerRepository,
    private readonly registry: PartnerRegistry,
    private readonly credentials: PartnerCredentials,
    private readonly registration: OcpiRegistrationService,
    private readonly identities: RoamingIdentityService,
    private readonly urls: RoamingUrls,
    private readonly events: EventBus,
  ) {}

  list(tenantId: TenantId): Promise<RoamingPartner[]> {
    return this.partners.list(tenantId);
  }

  async get(tenantId: TenantId, id: string): Promise<RoamingPartner> {
    const partner = await this.partners.findById(tenantId, id);
    if (!partner || partner.protocol !== 'OCPI') throw new NotFoundError('OcpiPartner', id);
    return partner;
  }

  async create(tenantId: TenantId, input: CreateOcpiPartnerInput): Promise<CreatedPartner> {
    await this.identities.require(tenantId);
    this.credentials.seal('check'); // refuses up front when no key is configured (production)
    const partner = await this.partners.create(tenantId, {
      protocol: 'OCPI',
      name: input.name,
      role: input.role,
      status: 'PENDING',
      roles: [],
      ocpi: { endpoints: [], authorizationHeader: input.authorizationHeader ?? OcpiAuthorizationHeader.AUTO },
    });
    const versionsUrl = this.urls.versionsUrl(tenantId);
    if (input.versionsUrl && input.tokenA) {
      const registered = await this.registration.registerWith(partner, input.versionsUrl, input.tokenA);
      return { partner: registered, tokenA: '', versionsUrl };
    }
    const tokenA = await this.credentials.issue(tenantId, partner.id, 'TOKEN_A');
    return { partner, tokenA, versionsUrl };
  }

  /** Tries our registration again (a FAILED or UNREGISTERED partner, with a new token A of theirs). */
  async register(tenantId: TenantId, input: RegisterOcpiPartnerInput): Promise<RoamingPartner> {
    const partner = await this.get(tenantId, input.id);
    if (partner.status === 'REGISTERED')
      throw new BadInputError(`Partner ${partner.name} is registered already`);
    await this.credentials.revoke(tenantId, partner.id);
    return this.registration.registerWith(partner, input.versionsUrl, input.tokenA);
  }

  async update(tenantId: TenantId, input: UpdateOcpiPartnerInput): Promise<RoamingPartner> {
    await this.get(tenantId, input.id);
    const set: Record<string, unknown> = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.authorizationHeader !== undefined) set['ocpi.authorizationHeader'] = input.authorizationHeader;
    if (input.roles !== undefined) {
      set.roles = input.roles.map((party) => ({
        role: party.role as PartyRole,
        countryCode: party.countryCode.toUpperCase(),
        partyId: party.partyId.toUpperCase(),
        ...(party.businessName ? { businessName: party.businessName } : {}),
      }));
    }
    const updated = await this.partners.update(tenantId, input.id, { $set: set });
    await this.registry.changed(tenantId, input.id);
    return updated!;
  }

  async rotate(tenantId: TenantId, id: string): Promise<RoamingPartner> {
    return this.registration.rotate(await this.get(tenantId, id));
  }

  async unregister(tenantId: TenantId, id: string): Promise<RoamingPartner> {
    return this.registration.unregister(await this.get(tenantId, id));
  }

  /** Removes the partner and its tokens; a registered one is unregistered (and told) first. */
  async delete(tenantId: TenantId, id: string): Promise<boolean> {
    const partner = await this.get(tenantId, id);
    if (partner.status === 'REGISTERED') await this.registration.unregister(partner);
    else await this.credentials.revoke(tenantId, id);
    const removed = await this.partners.remove(tenantId, id);
    await this.registry.changed(tenantId, id);
    await this.events.publish(domainEvent(ROAMING_PARTNER_UNREGISTERED, tenantId, { partnerId: id }));
    return removed;
  }
}
