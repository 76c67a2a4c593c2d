import { BadInputError, TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { ChargingStationService } from '../charging-station.service';
import { ChargingRateUnit } from '../commands/command-enums';
import { StationCommandService } from '../commands/station-command.service';
import { CHARGING_STATION_UPDATED } from '../events/station-events';
import { ChargingStation } from '../models/charging-station.model';
import { CommandResult, StationCommands } from '../ports/station-commands.port';
import { unitOfConfigurationKey } from './configuration-key-unit';
import { ElectricalSupply, convertLimit, scheduleLimit, supplyOf, toWatts } from './limit-conversion';
import { StaticLimitMethod, StaticLimitStatus } from './models/static-limit-enums';
import { StaticLimitResult } from './models/static-limit-result.model';
import { StaticLimit } from './models/static-limit.model';
import { SiteAreaSupply } from './ports/site-area-supply.port';
import { StaticLimitationKeys } from './ports/static-limitation-keys.port';
import { STATIC_LIMITS_CHANGED } from './static-limit.events';
import { StaticLimitRepository } from './static-limit.repository';
import { LimitOutcome, outcomeOfAnswer, outcomeOfError } from './static-limit-outcome';
import { staticLimitProfile, staticLimitProfileId } from './static-limit-profile';

/** How a station can be limited: by charging profile, by its template's configuration key, or not at all. */
type LimitChannel =
  | { method: StaticLimitMethod.CHARGING_PROFILE }
  | { method: StaticLimitMethod.CONFIGURATION_KEY; key: string }
  | { method: null; reason: string };

/** ClearChargingProfile's answer when the station had no such profile: nothing is in force, as wanted. */
const NO_SUCH_PROFILE = 'Unknown';

/**
 * Static energy management: limits a station or connector to a power or current until cleared.
 * Stations with smart charging (or whose capabilities are unknown) get a charging profile; stations
 * without it get their template's static-limitation configuration key. Only what the station
 * accepts is recorded and announced (StaticLimitsChanged), so sessions' curves show the limit.
 */
@Injectable()
export class StationLimitService {
  private readonly logger = new Logger(StationLimitService.name);

  constructor(
    private readonly stations: ChargingStationService,
    private readonly commands: StationCommandService,
    private readonly limits: StaticLimitRepository,
    private readonly events: EventBus,
    @Optional() private readonly templateKeys?: StaticLimitationKeys,
    @Optional() private readonly siteAreas?: SiteAreaSupply,
  ) {}

  async set(
    tenantId: TenantId,
    stationId: string,
    connectorId: number,
    limit: number,
    unit: ChargingRateUnit,
  ): Promise<StaticLimitResult> {
    const station = await this.stations.get(tenantId, stationId);
    ensureConnector(station, connectorId);
    const channel = await this.channelOf(station, connectorId);
    if (!channel.method) {
      return {
        chargingStationId: stationId,
        connectorId,
        status: StaticLimitStatus.NOT_SUPPORTED,
        reason: channel.reason,
      };
    }
    const supply = await this.supplyOf(tenantId, station, connectorId);
    const appliedAt = new Date();
    let wanted: StaticLimit;
    let command: (port: StationCommands) => Promise<CommandResult>;
    if (channel.method === StaticLimitMethod.CHARGING_PROFILE) {
      const value = scheduleLimit(limit);
      wanted = limitOf(connectorId, value, unit, supply, channel.method, appliedAt);
      const profile = staticLimitProfile(connectorId, value, unit, appliedAt);
      command = (port) => port.setChargingProfile(tenantId, stationId, connectorId, profile);
    } else {
      const keyUnit = unitOfConfigurationKey(channel.key);
      const value = Math.floor(convertLimit(limit, unit, keyUnit, supply) + 1e-9);
      wanted = limitOf(connectorId, value, keyUnit, supply, channel.method, appliedAt);
      command = (port) => port.changeConfiguration(tenantId, stationId, channel.key, String(value));
    }
    const outcome = await this.send(tenantId, stationId, command);
    if (outcome.status !== StaticLimitStatus.ACCEPTED) {
      const current = await this.limits.find(tenantId, stationId, connectorId);
      return { chargingStationId: stationId, connectorId, ...outcome, limit: current ?? undefined };
    }
    const saved = await this.limits.save(tenantId, stationId, wanted);
    await this.announce(tenantId, station);
    return { chargingStationId: stationId, connectorId, ...outcome, limit: saved };
  }

  /**
   * Lifts the limit of (station, connector). A profile is cleared by its id; a configuration key is
   * set back to the station's maximum power (from its template), which must then be known.
   */
  async clear(tenantId: TenantId, stationId: string, connectorId: number): Promise<StaticLimitResult> {
    const station = await this.stations.get(tenantId, stationId);
    ensureConnector(station, connectorId);
    const current = await this.limits.find(tenantId, stationId, connectorId);
    const channel = await this.channelOf(station, connectorId, current?.method);
    const refused = (outcome: LimitOutcome): StaticLimitResult => ({
      chargingStationId: stationId,
      connectorId,
      ...outcome,
      limit: current ?? undefined,
    });
    if (!channel.method) return refused({ status: StaticLimitStatus.NOT_SUPPORTED, reason: channel.reason });
    let outcome: LimitOutcome;
    if (channel.method === StaticLimitMethod.CHARGING_PROFILE) {
      const id = staticLimitProfileId(connectorId);
      outcome = await this.send(tenantId, stationId, (port) =>
        port.clearChargingProfile(tenantId, stationId, { id }),
      );
      if (outcome.stationStatus === NO_SUCH_PROFILE) {
        outcome = {
          status: StaticLimitStatus.ACCEPTED,
          stationStatus: NO_SUCH_PROFILE,
          reason: 'The station had no such profile',
        };
      }
    } else {
      if (station.maximumPowerWatts === undefined) {
        return refused({
          status: StaticLimitStatus.NOT_SUPPORTED,
          reason: 'The station maximum power (from its template) is unknown: no value to restore the key to',
        });
      }
      const keyUnit = unitOfConfigurationKey(channel.key);
      const supply = await this.supplyOf(tenantId, station, connectorId);
      const value = Math.floor(
        convertLimit(station.maximumPowerWatts, ChargingRateUnit.W, keyUnit, supply) + 1e-9,
      );
      outcome = await this.send(tenantId, stationId, (port) =>
        port.changeConfiguration(tenantId, stationId, channel.key, String(value)),
      );
    }
    if (outcome.status !== StaticLimitStatus.ACCEPTED) return refused(outcome);
    if (current) {
      await this.limits.remove(tenantId, stationId, connectorId);
      await this.announce(tenantId, station);
    }
    return { chargingStationId: stationId, connectorId, ...outcome };
  }

  /** The limits in force on these stations, by station id. */
  async limitsOf(tenantId: TenantId, stationIds: readonly string[]): Promise<Map<string, StaticLimit[]>> {
    const byStation = new Map<string, StaticLimit[]>(stationIds.map((id) => [id, []]));
    for (const limit of await this.limits.ofStations(tenantId, stationIds)) {
      byStation.get(limit.chargingStationId)?.push(limit);
    }
    return byStation;
  }

  private async channelOf(
    station: ChargingStation,
    connectorId: number,
    inForce?: StaticLimitMethod,
  ): Promise<LimitChannel> {
    const capabilities = station.capabilities;
    const profiles = inForce
      ? inForce === StaticLimitMethod.CHARGING_PROFILE
      : !capabilities || capabilities.chargingProfiles;
    if (profiles) return { method: StaticLimitMethod.CHARGING_PROFILE };
    const key = station.templateId ? await this.templateKeys?.keyOf(station.templateId) : undefined;
    if (!key) {
      return {
        method: null,
        reason:
          'The station has no smart charging and its template names no static-limitation configuration key',
      };
    }
    if (connectorId !== 0) {
      return {
        method: null,
        reason: `The configuration key ${key} limits the whole station: set the limit on connector 0`,
      };
    }
    return { method: StaticLimitMethod.CONFIGURATION_KEY, key };
  }

  private async supplyOf(
    tenantId: TenantId,
    station: ChargingStation,
    connectorId: number,
  ): Promise<ElectricalSupply> {
    const area = station.siteAreaId
      ? await this.siteAreas?.supplyOf(tenantId, station.siteAreaId)
      : undefined;
    return supplyOf(station, connectorId, area);
  }

  private async send(
    tenantId: TenantId,
    stationId: string,
    command: (port: StationCommands) => Promise<CommandResult>,
  ): Promise<LimitOutcome> {
    try {
      return outcomeOfAnswer((await this.commands.send(tenantId, stationId, command)).status);
    } catch (error) {
      const outcome = outcomeOfError(error);
      if (!outcome) throw error;
      return outcome;
    }
  }

  /** Tells sessions (their curve's limitWatts) and subscribers (the station's staticLimit fields). */
  private async announce(tenantId: TenantId, station: ChargingStation): Promise<void> {
    const limits = (await this.limitsOf(tenantId, [station.id])).get(station.id) ?? [];
    await this.events.publish(
      domainEvent(STATIC_LIMITS_CHANGED, tenantId, {
        chargingStationId: station.id,
        limits: limits.map(({ connectorId, watts }) => ({ connectorId, watts })),
      }),
    );
    this.events
      .publish(domainEvent(CHARGING_STATION_UPDATED, tenantId, station))
      .catch((error: unknown) =>
        this.logger.error({ err: error }, 'Could not publish ChargingStationUpdated'),
      );
  }
}

/** A connector the station is known to have, or 0; any connector while the station has reported none. */
function ensureConnector(station: ChargingStation, connectorId: number): void {
  if (connectorId === 0 || station.connectors.length === 0) return;
  if (!station.connectors.some((connector) => connector.connectorId === connectorId)) {
    throw new BadInputError(`Charging station ${station.id} has no connector ${connectorId}`, {
      field: 'connectorId',
    });
  }
}

function limitOf(
  connectorId: number,
  value: number,
  unit: ChargingRateUnit,
  supply: ElectricalSupply,
  method: StaticLimitMethod,
  appliedAt: Date,
): StaticLimit {
  return {
    connectorId,
    watts: Math.round(toWatts(value, unit, supply) * 10) / 10,
    amps: unit === ChargingRateUnit.A ? value : undefined,
    unit,
    method,
    appliedAt,
  };
}
