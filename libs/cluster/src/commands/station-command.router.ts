import { TenantId } from '@csms/common';
import { StationCommands } from '@csms/stations/ports/station-commands.port';
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
    if (!this.registry.isHeldHere(tenantId, stationId)) {
      const owner = await this.ownerOf(tenantId, stationId);
      if (owner !== undefined && owner !== this.registry.instanceId) {
        return this.transport.send(owner, command, tenantId, stationId, args);
      }
    }
    return invokeStationCommand(this.local, command, tenantId, stationId, args);
  }

  private async ownerOf(tenantId: TenantId, stationId: string): Promise<string | undefined> {
    try {
      return await this.registry.ownerOf(tenantId, stationId);
    } catch (error) {
      // Redis unreachable: this instance can still serve the stations connected to it.
      this.logger.warn({ err: error, stationId }, 'Station owner unknown; trying this instance');
      return undefined;
    }
  }
}
