import { BadInputError, TenantId } from '@csms/common';
import { StationOfflineError } from '@csms/stations/ports/station-errors';
import { Injectable } from '@nestjs/common';
import { StationSession } from '../session/station-session';
import { StationSessionRegistry } from '../session/station-session.registry';

/** The session of a station for a 2.0.1-only command: offline, or speaking another version, is refused. */
@Injectable()
export class Ocpp201SessionLocator {
  constructor(private readonly sessions: StationSessionRegistry) {}

  get(tenantId: TenantId, stationId: string): StationSession {
    const session = this.sessions.get(tenantId, stationId);
    if (!session) throw new StationOfflineError(stationId);
    if (session.ocppVersion !== '2.0.1') {
      throw new BadInputError(`Charging station ${stationId} speaks OCPP ${session.ocppVersion}, not 2.0.1`, {
        chargingStationId: stationId,
      });
    }
    return session;
  }
}
