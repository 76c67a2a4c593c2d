import {
  AppAbility,
  CheckAbility,
  CurrentAbility,
  CurrentPrincipal,
  Principal,
  accessibleQuery,
  canOn,
} from '@csms/auth';
import { Connection, ConnectionArgs } from '@csms/common';
import { EventBus } from '@csms/events';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { STATION_FIELD_NAMES } from './charging-station.repository';
import { ChargingStationService } from './charging-station.service';
import { ChargingStationFilter } from './dto/charging-station-filter.input';
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
  async chargingStation(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ChargingStation | null> {
    const station = await this.stations.find(principal.tenantId, id);
    // Site admins and owners see the stations of their sites only: others do not exist for them.
    return station && canOn(ability, 'read', 'ChargingStation', station) ? station : null;
  }

  @Query(() => ChargingStationConnection, { description: 'Sorted by id' })
  @CheckAbility('list', 'ChargingStation')
  chargingStations(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args() args: ConnectionArgs,
    @Args('filter', { type: () => ChargingStationFilter, nullable: true }) filter?: ChargingStationFilter,
  ): Promise<Connection<ChargingStation>> {
    const accessible = accessibleQuery(ability, 'list', 'ChargingStation', STATION_FIELD_NAMES);
    return this.stations.page(principal.tenantId, args, accessible, filter ?? {});
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
        canOn(ability, 'read', 'ChargingStation', event.payload),
    );
  }
  @ResolveField(() => Boolean, {
    description: 'Whether the caller may change this station (placement, settings)',
  })
  canUpdate(@CurrentAbility() ability: AppAbility | undefined, @Parent() station: ChargingStation): boolean {
    return canOn(ability, 'update', 'ChargingStation', station);
  }

  @ResolveField(() => Boolean, { description: 'Whether the caller may delete this station' })
  canDelete(@CurrentAbility() ability: AppAbility | undefined, @Parent() station: ChargingStation): boolean {
    return canOn(ability, 'delete', 'ChargingStation', station);
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the caller may send this station commands (reset, unlock, configuration, limits, …)',
  })
  canCommand(@CurrentAbility() ability: AppAbility | undefined, @Parent() station: ChargingStation): boolean {
    return canOn(ability, 'command', 'ChargingStation', station);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the caller may start a session here (drivers: with their own badges only)',
  })
  canRemoteStart(
    @CurrentAbility() ability: AppAbility | undefined,
    @Parent() station: ChargingStation,
  ): boolean {
    return canOn(ability, 'start', 'ChargingStation', station);
  }
}
