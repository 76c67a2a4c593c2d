import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { NearbyStationsArgs } from './dto/nearby-stations.args';
import { NearbyChargingStationConnection } from './models/nearby-charging-station-connection.model';
import { NearbyStationsService } from './nearby-stations.service';

@Resolver()
export class NearbyStationsResolver {
  constructor(private readonly nearby: NearbyStationsService) {}

  @Query(() => NearbyChargingStationConnection, {
    description:
      "Stations whose site lies within radiusMeters of the point, nearest first (the site's coordinates)",
  })
  @CheckAbility('list', 'ChargingStation')
  chargingStationsNear(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args() args: NearbyStationsArgs,
  ): Promise<NearbyChargingStationConnection> {
    return this.nearby.page(principal, ability, args);
  }
}
