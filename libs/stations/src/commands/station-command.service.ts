import { TenantId } from '@csms/common';
import { Injectable, Optional } from '@nestjs/common';
import { ChargingStationService } from '../charging-station.service';
import { StationCommands } from '../ports/station-commands.port';
import { StationOfflineError } from '../ports/station-errors';

/**
 * The way in for operator commands: checks the station exists in the caller's tenant, then hands the
 * command to the StationCommands port (the OCPP edge). A process started without the edge (an
 * `api`-only instance before command routing exists) has no station connected: STATION_OFFLINE.
 */
@Injectable()
export class StationCommandService {
  constructor(
    private readonly stations: ChargingStationService,
    @Optional() private readonly commands?: StationCommands,
  ) {}

  async send<T>(
    tenantId: TenantId,
    stationId: string,
    command: (port: StationCommands) => Promise<T>,
  ): Promise<T> {
    await this.stations.get(tenantId, stationId);
    if (!this.commands) throw new StationOfflineError(stationId);
    return command(this.commands);
  }
}
