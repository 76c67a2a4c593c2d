import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal, canOn } from '@csms/auth';
import { BadInputError, ForbiddenError, NotFoundError } from '@csms/common';
import { ChargingStationService, StationAccessGuard } from '@csms/stations';
import { TransactionService } from '@csms/transactions';
import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ChargingPreferencesInput } from './dto/charging-preferences.input';
import { ConnectorWiringInput } from './dto/connector-wiring.input';
import { StationExclusion } from './exclusions/station-exclusion';
import { StationExclusionRepository } from './exclusions/station-exclusion.repository';
import { ChargingPreferences } from './sessions/session-preference';
import { SessionPreferenceRepository } from './sessions/session-preference.repository';
import { SmartChargingScheduler } from './triggers/smart-charging.scheduler';
import { ConnectorWiring, DEFAULT_WIRING } from './wiring/connector-wiring';
import { ConnectorWiringRepository, wiringKey } from './wiring/connector-wiring.repository';

/** Connector wiring and rank, drivers' preferences, and stations left out of smart charging. */
@Resolver()
export class SmartChargingControlResolver {
  constructor(
    private readonly stations: ChargingStationService,
    private readonly transactions: TransactionService,
    private readonly wiring: ConnectorWiringRepository,
    private readonly preferences: SessionPreferenceRepository,
    private readonly exclusions: StationExclusionRepository,
    private readonly scheduler: SmartChargingScheduler,
  ) {}

  @Query(() => [ConnectorWiring], {
    description: "How the station's connectors are wired (defaults until set)",
  })
  @CheckAbility('read', 'ChargingStation')
  @UseGuards(StationAccessGuard)
  async connectorWirings(
    @CurrentPrincipal() principal: Principal,
    @Args('chargingStationId', { type: () => ID }) chargingStationId: string,
  ): Promise<ConnectorWiring[]> {
    const station = await this.stations.get(principal.tenantId, chargingStationId);
    const stored = await this.wiring.ofStations(principal.tenantId, [station.id]);
    return station.connectors.map(
      (connector) =>
        stored.get(wiringKey(station.id, connector.connectorId)) ?? {
          chargingStationId: station.id,
          connectorId: connector.connectorId,
          ...DEFAULT_WIRING,
        },
    );
  }

  @Mutation(() => ConnectorWiring, {
    description: 'Phase rotation, phase switching and priority of a connector; its tree is planned again',
  })
  @CheckAbility('update', 'ChargingStation')
  async setConnectorWiring(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: ConnectorWiringInput,
  ): Promise<ConnectorWiring> {
    const station = await this.stations.find(principal.tenantId, input.chargingStationId);
    if (!station || !canOn(ability, 'read', 'ChargingStation', station)) {
      throw new NotFoundError('ChargingStation', input.chargingStationId);
    }
    if (!canOn(ability, 'update', 'ChargingStation', station)) {
      throw new ForbiddenError(`You may not update charging station ${station.id}`);
    }
    const current = (await this.wiring.ofStations(principal.tenantId, [station.id])).get(
      wiringKey(station.id, input.connectorId),
    ) ?? { chargingStationId: station.id, connectorId: input.connectorId, ...DEFAULT_WIRING };
    const saved = await this.wiring.save(principal.tenantId, {
      ...current,
      ...Object.fromEntries(
        Object.entries(input).filter(([, value]) => value !== undefined && value !== null),
      ),
    });
    if (station.siteAreaId) this.scheduler.schedule(principal.tenantId, station.siteAreaId);
    return saved;
  }

  @Mutation(() => ChargingPreferences, {
    description: 'When the driver leaves and how full the battery should be: smart charging plans to it',
  })
  @CheckAbility('stop', 'Transaction')
  async setChargingPreferences(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: ChargingPreferencesInput,
  ): Promise<ChargingPreferences> {
    // A departure already past would plan the car as gone: it would stop charging while still plugged in.
    if (input.departureAt && input.departureAt.getTime() <= Date.now()) {
      throw new BadInputError('departureAt must be in the future');
    }
    const transaction = await this.transactions.findById(principal.tenantId, input.transactionId);
    if (!transaction || !canOn(ability, 'stop', 'Transaction', transaction)) {
      throw new NotFoundError('Transaction', input.transactionId);
    }
    const saved = await this.preferences.save(principal.tenantId, input);
    const station = await this.stations.find(principal.tenantId, transaction.chargingStationId);
    if (station?.siteAreaId && transaction.active)
      this.scheduler.schedule(principal.tenantId, station.siteAreaId);
    return saved;
  }

  @Query(() => [StationExclusion], { description: 'Stations smart charging left out, and why' })
  @CheckAbility('list', 'ChargingStation')
  async smartChargingExclusions(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
  ): Promise<StationExclusion[]> {
    const all = await this.exclusions.listAll(principal.tenantId);
    const visible: StationExclusion[] = [];
    for (const exclusion of all) {
      const station = await this.stations.find(principal.tenantId, exclusion.chargingStationId);
      if (station && canOn(ability, 'read', 'ChargingStation', station)) visible.push(exclusion);
    }
    return visible;
  }

  @Mutation(() => Boolean, { description: 'Puts an excluded station back under smart charging' })
  @CheckAbility('update', 'ChargingStation')
  @UseGuards(StationAccessGuard)
  async includeInSmartCharging(
    @CurrentPrincipal() principal: Principal,
    @Args('chargingStationId', { type: () => ID }) chargingStationId: string,
  ): Promise<boolean> {
    const station = await this.stations.get(principal.tenantId, chargingStationId);
    const included = await this.exclusions.include(principal.tenantId, station.id);
    if (included && station.siteAreaId) this.scheduler.schedule(principal.tenantId, station.siteAreaId);
    return included;
  }
}
