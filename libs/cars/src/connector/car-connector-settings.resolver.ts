import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { OAUTH2_CALLBACK_PATH } from '@csms/connections';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CarConnectorSettings } from './car-connector-settings';
import { CarConnectorSettingsService } from './car-connector-settings.service';
import { CarConnectorSettingsInput } from './dto/car-connector-settings.input';
import { CarConnectorSettingsModel } from './models/car-connector-settings.model';

@Resolver(() => CarConnectorSettingsModel)
export class CarConnectorSettingsResolver {
  constructor(private readonly settings: CarConnectorSettingsService) {}

  @Query(() => CarConnectorSettingsModel)
  @CheckAbility('read', 'CarConnectorSettings')
  async carConnectorSettings(@CurrentPrincipal() principal: Principal): Promise<CarConnectorSettingsModel> {
    return this.present(await this.settings.get(principal.tenantId));
  }

  @Mutation(() => CarConnectorSettingsModel)
  @CheckAbility('update', 'CarConnectorSettings')
  async updateCarConnectorSettings(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CarConnectorSettingsInput,
  ): Promise<CarConnectorSettingsModel> {
    return this.present(await this.settings.update(principal.tenantId, input));
  }

  private present(settings: CarConnectorSettings): CarConnectorSettingsModel {
    const { clientIdSealed: _id, clientSecretSealed, updatedAt: _at, ...shown } = settings;
    return {
      ...shown,
      clientId: this.settings.clientIdOf(settings),
      clientSecretSet: !!clientSecretSealed,
      redirectPath: OAUTH2_CALLBACK_PATH,
    };
  }
}
