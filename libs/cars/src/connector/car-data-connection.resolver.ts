import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { BadInputError } from '@csms/common';
import { OAuth2Authorization, OAuth2Connections, presentConnection } from '@csms/connections';
import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { CarDataGrantType, incompleteCarConnectorSettings } from './car-connector-settings';
import {
  CarConnectorNotConfiguredError,
  CarConnectorSettingsService,
} from './car-connector-settings.service';
import { CAR_DATA_CONNECTION } from './car-data-connection';
import { CarDataConnectionModel } from './models/car-data-connection.model';
import { CarSocReadingRepository } from './soc/car-soc-reading.repository';

/** The caller's own link to the car-data service: connect once (OAuth2 in the browser), see it, remove it. */
@Resolver()
export class CarDataConnectionResolver {
  constructor(
    private readonly connections: OAuth2Connections,
    private readonly settings: CarConnectorSettingsService,
    private readonly readings: CarSocReadingRepository,
  ) {}

  @Query(() => CarDataConnectionModel, {
    description: 'Your link to the car-data service, and its last reading',
  })
  @CheckAbility('create', 'Car')
  async carDataConnection(@CurrentPrincipal() principal: Principal): Promise<CarDataConnectionModel> {
    const { tenantId, userId } = principal;
    const [settings, connection, lastReading] = await Promise.all([
      this.settings.get(tenantId),
      this.connections.find(tenantId, userId, CAR_DATA_CONNECTION),
      this.readings.latestOfUser(tenantId, userId),
    ]);
    const available = settings.enabled && !incompleteCarConnectorSettings(settings);
    const ownAccount = settings.grantType === CarDataGrantType.AUTHORIZATION_CODE;
    return {
      available,
      name: settings.name,
      grantType: settings.grantType,
      connected: available && (!ownAccount || (!!connection && !connection.brokenReason)),
      connection: connection ? presentConnection(connection) : undefined,
      lastReading: lastReading ?? undefined,
    };
  }

  @Mutation(() => OAuth2Authorization, {
    description: 'Open url in the browser to connect your car-data account; the service sends you back here',
  })
  @CheckAbility('create', 'Car')
  async connectCarData(@CurrentPrincipal() principal: Principal): Promise<OAuth2Authorization> {
    try {
      const settings = await this.settings.usable(principal.tenantId);
      if (settings.grantType !== CarDataGrantType.AUTHORIZATION_CODE) {
        throw new BadInputError(
          'The car-data service reads your cars through the operator’s account: nothing to connect',
        );
      }
    } catch (error) {
      if (error instanceof CarConnectorNotConfiguredError) throw new BadInputError(error.message);
      throw error;
    }
    return this.connections.start(principal.tenantId, principal.userId, CAR_DATA_CONNECTION);
  }

  @Mutation(() => Boolean, { description: 'Forgets your car-data tokens: your cars are no longer read' })
  @CheckAbility('create', 'Car')
  disconnectCarData(@CurrentPrincipal() principal: Principal): Promise<boolean> {
    return this.connections.disconnect(principal.tenantId, principal.userId, CAR_DATA_CONNECTION);
  }
}
