/** OCPP-J 1.6 and 2.0.1 over WebSocket, OCPP-S 1.6 over SOAP. */
export type OcppVersion = '1.6' | '2.0.1' | '1.6-soap';
export type SimulationMode = 'demo' | 'load' | 'storm' | 'offline' | 'manual';

export interface SimulatorOptions {
  stations: number;
  ocpp: OcppVersion;
  /**
   * OCPP-J: base endpoint, the station identity is appended as the last path segment. OCPP-S: the
   * CentralSystemService URL itself (the identity travels in the chargeBoxIdentity header).
   */
  url: string;
  /** OCPP-S: where each station's ChargePointService listens, announced in WS-Addressing From. */
  soapHost: string;
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
  /** Stations can put a single-phase car on any phase (OCPP 2.0.1 phaseToUse). */
  phaseSwitching?: boolean;
  /** Stations are DC chargers of this power (kW); AC when undefined. */
  dcKw?: number;
  /** The car catalog's cars (the command line's default), or generic ones (when not said). */
  cars?: 'catalog' | 'generic';
  /** Force the plain (non-TTY) progress lines; `false` disables progress output entirely. */
  progress: 'auto' | 'plain' | false;
}
