import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CreateOcpiPartnerInput } from './dto/create-ocpi-partner.input';
import { RegisterOcpiPartnerInput, UpdateOcpiPartnerInput } from './dto/update-ocpi-partner.input';
import { OcpiPartner, OcpiTokenA } from './models/ocpi-partner.model';
import { presentOcpiPartner } from './ocpi-partner.presenter';
import { OcpiPartnerService } from './ocpi-partner.service';

@Resolver(() => OcpiPartner)
export class OcpiPartnerResolver {
  constructor(private readonly partners: OcpiPartnerService) {}

  @Query(() => [OcpiPartner], { description: "Your tenant's OCPI roaming partners, oldest first" })
  @CheckAbility('list', 'RoamingPartner')
  async ocpiPartners(@CurrentPrincipal() principal: Principal): Promise<OcpiPartner[]> {
    return (await this.partners.list(principal.tenantId))
      .filter((partner) => partner.protocol === 'OCPI')
      .map(presentOcpiPartner);
  }

  @Query(() => OcpiPartner)
  @CheckAbility('read', 'RoamingPartner')
  async ocpiPartner(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<OcpiPartner> {
    return presentOcpiPartner(await this.partners.get(principal.tenantId, id));
  }

  @Mutation(() => OcpiTokenA, {
    description:
      'With versionsUrl and tokenA: we register with the partner now (credentials exchange, version negotiation preferring 2.2.1). Without: returns a token A of ours and our versions URL for the partner to register with us.',
  })
  @CheckAbility('create', 'RoamingPartner')
  async createOcpiPartner(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateOcpiPartnerInput,
  ): Promise<OcpiTokenA> {
    const created = await this.partners.create(principal.tenantId, input);
    return {
      partner: presentOcpiPartner(created.partner),
      tokenA: created.tokenA,
      versionsUrl: created.versionsUrl,
    };
  }

  @Mutation(() => OcpiPartner, {
    description: 'Registers with a FAILED or UNREGISTERED partner again, with a new token A of theirs',
  })
  @CheckAbility('update', 'RoamingPartner')
  async registerOcpiPartner(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RegisterOcpiPartnerInput,
  ): Promise<OcpiPartner> {
    return presentOcpiPartner(await this.partners.register(principal.tenantId, input));
  }

  @Mutation(() => OcpiPartner, {
    description: 'Name, roles (country code and party id) and the Authorization header switch',
  })
  @CheckAbility('update', 'RoamingPartner')
  async updateOcpiPartner(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: UpdateOcpiPartnerInput,
  ): Promise<OcpiPartner> {
    return presentOcpiPartner(await this.partners.update(principal.tenantId, input));
  }

  @Mutation(() => OcpiPartner, {
    description: 'Replaces our credentials token at the partner (PUT credentials) and takes its new one',
  })
  @CheckAbility('update', 'RoamingPartner')
  async rotateOcpiPartnerToken(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<OcpiPartner> {
    return presentOcpiPartner(await this.partners.rotate(principal.tenantId, id));
  }

  @Mutation(() => OcpiPartner, {
    description: 'Ends the partnership (DELETE credentials at the partner); tokens stop working at once',
  })
  @CheckAbility('update', 'RoamingPartner')
  async unregisterOcpiPartner(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<OcpiPartner> {
    return presentOcpiPartner(await this.partners.unregister(principal.tenantId, id));
  }

  @Mutation(() => Boolean, { description: 'Unregisters the partner if needed, then removes it' })
  @CheckAbility('delete', 'RoamingPartner')
  deleteOcpiPartner(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.partners.delete(principal.tenantId, id);
  }
}
