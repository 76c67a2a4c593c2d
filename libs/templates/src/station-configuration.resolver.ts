import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal, canOn } from '@csms/auth';
import { ForbiddenError } from '@csms/common';
import { ChargingStation, ChargingStationService } from '@csms/stations';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';

@Resolver(() => ChargingStation)
export class StationConfigurationResolver {
  constructor(private readonly stations: ChargingStationService) {}

  @Mutation(() => ChargingStation, {
    description: 'Marks a station as configured by hand: station templates then leave it alone',
  })
  @CheckAbility('update', 'ChargingStation')
  async setChargingStationManualConfiguration(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('chargingStationId', { type: () => ID }) chargingStationId: string,
    @Args('manualConfiguration') manualConfiguration: boolean,
  ): Promise<ChargingStation> {
    const station = await this.stations.get(principal.tenantId, chargingStationId);
    if (!canOn(ability, 'update', 'ChargingStation', station)) throw new ForbiddenError();
    return this.stations.updateConfiguration(principal.tenantId, chargingStationId, { manualConfiguration });
  }
}
