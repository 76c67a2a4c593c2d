import { StationCommands } from '@csms/stations/ports/station-commands.port';

/** Every method of the StationCommands port: abstract methods leave no trace at run time to loop over. */
export const STATION_COMMAND_NAMES = [
  'reset',
  'clearCache',
  'changeAvailability',
  'changeConfiguration',
  'setSecurityProfile',
  'getConfiguration',
  'remoteStart',
  'remoteStop',
  'unlockConnector',
  'dataTransfer',
  'getDiagnostics',
  'updateFirmware',
  'sendLocalList',
  'getLocalListVersion',
  'reserveNow',
  'cancelReservation',
  'setChargingProfile',
  'clearChargingProfile',
  'getCompositeSchedule',
  'triggerMessage',
  'costUpdated',
] as const satisfies readonly (keyof StationCommands)[];

export type StationCommandName = (typeof STATION_COMMAND_NAMES)[number];

type UnlistedCommand = Exclude<keyof StationCommands, StationCommandName>;
// Stops the build when the port gains a command this list lacks (its type is then the missing name).
const _everyCommandListed: [UnlistedCommand] extends [never] ? true : UnlistedCommand = true;

const NAMES: ReadonlySet<string> = new Set(STATION_COMMAND_NAMES);

export function isStationCommandName(value: unknown): value is StationCommandName {
  return typeof value === 'string' && NAMES.has(value);
}
