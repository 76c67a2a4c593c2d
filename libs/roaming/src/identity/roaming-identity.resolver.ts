import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SetOcpiIdentityInput } from './dto/set-ocpi-identity.input';
import { OcpiIdentity } from './models/roaming-identity.model';
import { RoamingIdentityService } from './roaming-identity.service';

@Resolver(() => OcpiIdentity)
export class RoamingIdentityResolver {
  constructor(private readonly identities: RoamingIdentityService) {}

  @Query(() => OcpiIdentity, {
    nullable: true,
    description: "Your tenant's roaming identity; null until set",
  })
  @CheckAbility('read', 'RoamingPartner')
  ocpiIdentity(@CurrentPrincipal() principal: Principal): Promise<OcpiIdentity | null> {
    return this.identities.find(principal.tenantId);
  }

  @Mutation(() => OcpiIdentity, {
    description:
      'Sets who your tenant is in roaming (needed before any partner): locations, sessions and tokens carry it, and EVSE ids (eMI3) are built from it',
  })
  @CheckAbility('update', 'RoamingPartner')
  setOcpiIdentity(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: SetOcpiIdentityInput,
  ): Promise<OcpiIdentity> {
    return this.identities.set(principal.tenantId, { ...input });
  }
}
