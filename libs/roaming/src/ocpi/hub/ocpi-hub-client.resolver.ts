import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { HubClientRepository } from './hub-client.repository';
import { OcpiHubClient } from './models/ocpi-hub-client.model';

@Resolver(() => OcpiHubClient)
export class OcpiHubClientResolver {
  constructor(private readonly clients: HubClientRepository) {}

  @Query(() => [OcpiHubClient], { description: 'Parties behind hub partners and whether they are connected' })
  @CheckAbility('read', 'RoamingPartner')
  ocpiHubClients(
    @CurrentPrincipal() principal: Principal,
    @Args('partnerId', { type: () => ID, nullable: true }) partnerId?: string,
  ): Promise<OcpiHubClient[]> {
    return this.clients.list(principal.tenantId, partnerId);
  }
}
