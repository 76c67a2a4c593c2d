export type OcppVersion = '1.6' | '2.0.1';
export type SimulationMode = 'demo' | 'load' | 'storm' | 'offline';

export interface SimulatorOptions {
  stations: number;
  ocpp: OcppVersion;
  /** Base endpoint; the station identity is appended as the last path segment. */
  url: string;
  connectors: number;
  /** Seconds between meter values (wall clock). */
  interval: number;
  mode: SimulationMode;
  /** Seconds to run; undefined runs until interrupted. */
  duration?: number;
  idPrefix: string;
  tag: string;
  password?: string;
  /** Simulated seconds per wall-clock second for the charging physics. */
  speed: number;
  /** Stations connected per second while ramping up. */
  connectRate: number;
  /** Storm mode: seconds between reconnect storms. */
  stormEvery: number;
  /** Offline mode: seconds online between outages, and the outage length. */
  offlineEvery: number;
  offlineFor: number;
  /** Seconds (wall clock) an idle connector waits before the next session in demo and load modes. */
  idle: number;
  /** Seconds (wall clock) a station stays down when it reboots. */
  rebootDelay: number;
  seed: number;
  /** Force the plain (non-TTY) progress lines; `false` disables progress output entirely. */
  progress: 'auto' | 'plain' | false;
}
