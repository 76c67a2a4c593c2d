import { invokeStationCommand, stationCommandsVia } from '@csms/cluster';
import { TenantId } from '@csms/common';
import { StationCommands } from '@csms/stations/ports/station-commands.port';
import { SoapStationCommands } from './soap-station-commands';

/**
 * Picks the transport per station: a station with an OCPP-J session (here, or wherever
 * `hasJsonSession` looks) gets `json`; one that has spoken OCPP-S gets `soap`; anything else
 * `json`, which answers StationOfflineError (or routes it, when `json` is a cluster router).
 * JSON first, so a station that moved from SOAP to JSON is not called at its old address.
 */
export function protocolStationCommands(
  json: StationCommands,
  soap: SoapStationCommands,
  hasJsonSession: (tenantId: TenantId, stationId: string) => boolean,
): StationCommands {
  const transportFor = async (tenantId: TenantId, stationId: string): Promise<StationCommands> => {
    if (hasJsonSession(tenantId, stationId)) return json;
    return (await soap.isSoapStation(tenantId, stationId)) ? soap : json;
  };
  return stationCommandsVia(async (command, tenantId, stationId, args) =>
    invokeStationCommand(await transportFor(tenantId, stationId), command, tenantId, stationId, args),
  );
}
