import { TenantId } from '@csms/common';
import { StationCommands } from '@csms/stations/ports/station-commands.port';
import { StationOfflineError } from '@csms/stations/ports/station-errors';
import { CommandExecutor } from './remote-command.transport';
import { STATION_COMMAND_NAMES } from './station-command-names';

/**
 * A StationCommands whose every method hands its name and arguments to `execute`: the port's
 * methods all take (tenantId, stationId, ...rest), so one forwarder serves them all.
 */
export function stationCommandsVia(execute: CommandExecutor): StationCommands {
  const commands = Object.create(StationCommands.prototype) as Record<string, unknown>;
  for (const command of STATION_COMMAND_NAMES) {
    commands[command] = (tenantId: TenantId, stationId: string, ...args: unknown[]) =>
      execute(command, tenantId, stationId, args);
  }
  return commands as unknown as StationCommands;
}

/** The local side of an instance without the OCPP edge (SERVER_ROLES without ocpp): no station is here. */
export function offlineStationCommands(): StationCommands {
  return stationCommandsVia((_command, _tenantId, stationId) =>
    Promise.reject(new StationOfflineError(stationId)),
  );
}

/** Calls `command` on `commands` with the arguments as they came. */
export function invokeStationCommand(
  commands: StationCommands,
  ...[command, tenantId, stationId, args]: Parameters<CommandExecutor>
): Promise<unknown> {
  const method = commands[command] as (
    tenantId: TenantId,
    stationId: string,
    ...rest: unknown[]
  ) => Promise<unknown>;
  return method.call(commands, tenantId, stationId, ...args);
}
