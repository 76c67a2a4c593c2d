import { TenantId } from '@csms/common';
import { StationOfflineError } from '@csms/stations/ports/station-errors';
import { Injectable } from '@nestjs/common';
import { StationSession } from './station-session';
import { StationSessionRegistry } from './station-session.registry';

/** The OCPP-J session of a station for a command only OCPP-J has (1.6 security extension, 2.0.1). */
@Injectable()
export class JsonSessionLocator {
  constructor(private readonly sessions: StationSessionRegistry) {}

  get(tenantId: TenantId, stationId: string): StationSession {
    const session = this.sessions.get(tenantId, stationId);
    if (!session) throw new StationOfflineError(stationId);
    return session;
  }
}
