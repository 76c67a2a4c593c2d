import { stationCommandsVia } from '@csms/cluster';
import { StationCommands } from '@csms/stations/ports/station-commands.port';
import { StationOfflineError } from '@csms/stations/ports/station-errors';
import { VersionAdapterRegistry } from '../adapters/version-adapter.registry';
import { StationSession } from '../session/station-session';
import { StationSessionRegistry } from '../session/station-session.registry';

type SessionCommand = (session: StationSession, ...args: unknown[]) => Promise<unknown>;

/**
 * The StationCommands port over OCPP-J: finds the station's session on this instance and lets
 * its version adapter encode the command. Not connected here: StationOfflineError.
 */
export function ocppStationCommands(
  sessions: StationSessionRegistry,
  adapters: VersionAdapterRegistry,
): StationCommands {
  return stationCommandsVia((command, tenantId, stationId, args) => {
    const session = sessions.get(tenantId, stationId);
    const adapter = session && adapters.get(session.subprotocol);
    if (!session || !adapter) return Promise.reject(new StationOfflineError(stationId));
    const encode = adapter.commands[command] as SessionCommand;
    return encode.call(adapter.commands, session, ...args);
  });
}
