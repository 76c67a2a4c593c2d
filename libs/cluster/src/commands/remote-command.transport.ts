import { TenantId } from '@csms/common';
import { StationOfflineError } from '@csms/stations/ports/station-errors';
import { StationCommandName } from './station-command-names';

/** Runs one StationCommands method on this instance. */
export type CommandExecutor = (
  command: StationCommandName,
  tenantId: TenantId,
  stationId: string,
  args: unknown[],
) => Promise<unknown>;

/** Carries a command to the instance holding the station and its answer or error back. */
export abstract class RemoteCommandTransport {
  /** Resolves with what `owner` answered; rejects with its error (same DomainError class and code). */
  abstract send(
    owner: string,
    command: StationCommandName,
    tenantId: TenantId,
    stationId: string,
    args: unknown[],
  ): Promise<unknown>;

  /** Runs the commands the other instances send to this one. */
  abstract serve(executor: CommandExecutor): void;
}

/** A single instance (no REDIS_URL): there is no other instance to hold a station. */
export class NoRemoteCommandTransport extends RemoteCommandTransport {
  send(
    _owner: string,
    _command: StationCommandName,
    _tenantId: TenantId,
    stationId: string,
  ): Promise<unknown> {
    return Promise.reject(new StationOfflineError(stationId));
  }

  serve(_executor: CommandExecutor): void {}
}
