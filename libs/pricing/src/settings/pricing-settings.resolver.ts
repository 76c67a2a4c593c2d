import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UpdatePricingSettingsInput } from './dto/update-pricing-settings.input';
import { PricingSettingsModel } from './models/pricing-settings.model';
import { PricingSettings } from './pricing-settings';
import { PricingSettingsService } from './pricing-settings.service';

@Resolver(() => PricingSettingsModel)
export class PricingSettingsResolver {
  constructor(private readonly settings: PricingSettingsService) {}

  @Query(() => PricingSettingsModel)
  @CheckAbility('read', 'PricingSettings')
  pricingSettings(@CurrentPrincipal() principal: Principal): Promise<PricingSettings> {
    return this.settings.get(principal.tenantId);
  }

  @Mutation(() => PricingSettingsModel)
  @CheckAbility('update', 'PricingSettings')
  updatePricingSettings(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: UpdatePricingSettingsInput,
  ): Promise<PricingSettings> {
    const changes = Object.fromEntries(
      Object.entries(input).filter(([, value]) => value !== undefined && value !== null),
    );
    return this.settings.update(principal.tenantId, changes);
  }
}
