import { ServiceUnavailableError, TenantId } from '@csms/common';
import { StationCommands } from '@csms/stations/ports/station-commands.port';
import { StationOfflineError } from '@csms/stations/ports/station-errors';
import { Logger } from '@nestjs/common';
import { StationOwnershipRegistry } from '../ownership/station-ownership.registry';
import { RemoteCommandTransport } from './remote-command.transport';
import { StationCommandName } from './station-command-names';
import { invokeStationCommand, stationCommandsVia } from './station-commands-via';

/**
 * Sends each command where the station's connection is: to `local` (the OCPP edge of this instance)
 * when it holds the station, else to the instance that does. With no owner anywhere the local edge
 * answers, which is StationOfflineError unless the station connected here without a claim.
 * Also serves the commands other instances route to this one.
 */
export class StationCommandRouter {
  private readonly logger = new Logger(StationCommandRouter.name);
  /** The StationCommands port to provide to the domain. */
  readonly commands: StationCommands;

  constructor(
    private readonly local: StationCommands,
    private readonly registry: StationOwnershipRegistry,
    private readonly transport: RemoteCommandTransport,
  ) {
    this.commands = stationCommandsVia((...call) => this.dispatch(...call));
    transport.serve((...call) => invokeStationCommand(this.local, ...call));
  }

  async dispatch(
    command: StationCommandName,
    tenantId: TenantId,
    stationId: string,
    args: unknown[],
  ): Promise<unknown> {
    if (this.registry.isHeldHere(tenantId, stationId)) {
      return invokeStationCommand(this.local, command, tenantId, stationId, args);
    }
    let owner: string | undefined;
    try {
      owner = await this.registry.ownerOf(tenantId, stationId);
    } catch (error) {
      return this.withoutRegistry(error, command, tenantId, stationId, args);
    }
    if (owner !== undefined && owner !== this.registry.instanceId) {
      return this.transport.send(owner, command, tenantId, stationId, args);
    }
    return invokeStationCommand(this.local, command, tenantId, stationId, args);
  }

  /**
   * Redis unreachable: this instance still serves what it can reach itself (a SOAP station, one
   * connected here). A station it cannot reach may well be connected to another instance: that is
   * not "offline" but a cluster that cannot route the command now.
   */
  private async withoutRegistry(
    cause: unknown,
    command: StationCommandName,
    tenantId: TenantId,
    stationId: string,
    args: unknown[],
  ): Promise<unknown> {
    this.logger.warn({ err: cause, stationId }, 'Station owner unknown; trying this instance');
    try {
      return await invokeStationCommand(this.local, command, tenantId, stationId, args);
    } catch (error) {
      if (!(error instanceof StationOfflineError)) throw error;
      throw new ServiceUnavailableError(
        `Charging station ${stationId} is not connected to this instance, and the cluster's Redis, ` +
          'which knows where it is, cannot be reached; try again shortly',
      );
    }
  }
}
