import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Connection, ConnectionArgs } from '@csms/common';
import { EventBus } from '@csms/events';
import { Args, ID, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { ChargingStationService } from './charging-station.service';
import { CreateChargingStationInput } from './dto/create-charging-station.input';
import { CHARGING_STATION_UPDATED, ChargingStationUpdatedEvent } from './events/station-events';
import { ChargingStationConnection } from './models/charging-station-connection.model';
import { ChargingStation } from './models/charging-station.model';

@Resolver(() => ChargingStation)
export class ChargingStationResolver {
  constructor(
    private readonly stations: ChargingStationService,
    private readonly events: EventBus,
  ) {}

  @Query(() => ChargingStation, { nullable: true })
  @CheckAbility('read', 'ChargingStation')
  chargingStation(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ChargingStation | null> {
    return this.stations.find(principal.tenantId, id);
  }

  @Query(() => ChargingStationConnection, { description: 'Sorted by id' })
  @CheckAbility('list', 'ChargingStation')
  chargingStations(
    @CurrentPrincipal() principal: Principal,
    @Args() args: ConnectionArgs,
  ): Promise<Connection<ChargingStation>> {
    return this.stations.page(principal.tenantId, args);
  }

  @Mutation(() => ChargingStation, {
    description: 'Registers a station (needed when the tenant policy is REGISTERED)',
  })
  @CheckAbility('create', 'ChargingStation')
  createChargingStation(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateChargingStationInput,
  ): Promise<ChargingStation> {
    return this.stations.create(principal.tenantId, input);
  }

  @Mutation(() => Boolean)
  @CheckAbility('delete', 'ChargingStation')
  deleteChargingStation(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.stations.delete(principal.tenantId, id);
  }

  @Subscription(() => ChargingStation, {
    description:
      'Status, connectors, online state of the stations of your tenant (one station when `id` is given)',
    resolve: (event: ChargingStationUpdatedEvent) => event.payload,
  })
  @CheckAbility('read', 'ChargingStation')
  chargingStationUpdated(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
  ): AsyncIterableIterator<ChargingStationUpdatedEvent> {
    return this.events.iterate<ChargingStationUpdatedEvent>(
      [CHARGING_STATION_UPDATED],
      (event) =>
        event.tenantId === principal.tenantId &&
        (!id || event.payload.id === id) &&
        ability.can('read', 'ChargingStation'),
    );
  }
}
