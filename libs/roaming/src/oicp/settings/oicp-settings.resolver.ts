import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SetOicpSettingsInput } from './dto/set-oicp-settings.input';
import { OicpSettingsModel } from './models/oicp-settings.model';
import { presentOicpSettings } from './oicp-settings.presenter';
import { OicpSettingsService } from './oicp-settings.service';

@Resolver(() => OicpSettingsModel)
export class OicpSettingsResolver {
  constructor(private readonly settings: OicpSettingsService) {}

  @Query(() => OicpSettingsModel, {
    nullable: true,
    description: "Your tenant's Hubject connection; null until set",
  })
  @CheckAbility('read', 'RoamingPartner')
  async oicpSettings(@CurrentPrincipal() principal: Principal): Promise<OicpSettingsModel | null> {
    const settings = await this.settings.find(principal.tenantId);
    return settings && presentOicpSettings(settings);
  }

  @Mutation(() => OicpSettingsModel, {
    description:
      'Connects your tenant to Hubject as a CPO (OICP 2.3). Certificate and key are optional on later calls (the stored ones stay)',
  })
  @CheckAbility('update', 'RoamingPartner')
  async setOicpSettings(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: SetOicpSettingsInput,
  ): Promise<OicpSettingsModel> {
    return presentOicpSettings(await this.settings.set(principal.tenantId, input));
  }
}
