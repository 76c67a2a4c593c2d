import { StationCommands } from '@csms/stations/ports/station-commands.port';
import { OcppVersion } from '@csms/stations/ports/station-inbound.port';
import { StationSession } from '../session/station-session';

/**
 * StationCommands with the station already resolved to its session: what a version adapter
 * encodes. Derived from the port so both stay in step.
 */
export type SessionCommands = {
  [K in keyof StationCommands]: StationCommands[K] extends (
    tenantId: infer _T,
    stationId: string,
    ...rest: infer A
  ) => infer R
    ? (session: StationSession, ...rest: A) => R
    : never;
};

/**
 * One OCPP-J version: its WebSocket subprotocol, the station→CS handlers it installs on a new
 * session, and the CS→station commands it encodes. Adding OCPP 2.0.1 or 2.1 is one more adapter.
 */
export interface VersionAdapter {
  readonly subprotocol: string;
  readonly ocppVersion: OcppVersion;
  readonly commands: SessionCommands;
  attach(session: StationSession): void;
  /** Rewrites a serialized outbound frame for this version's dialect (e.g. 1.6 CALLERROR codes). */
  outboundFrame(frame: string): string;
}

/** DI token of the list of adapters the module provides. */
export const VERSION_ADAPTERS = Symbol('VERSION_ADAPTERS');
