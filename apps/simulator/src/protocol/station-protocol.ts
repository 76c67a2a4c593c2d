import type { ConfigKeyDefinition } from '../model/config-store';
import type { ChargingSession, Connector, MeterSample } from '../model/connector';
import type { CommandRegistry } from '../transport/ocpp-transport';

export type BootReason = 'PowerUp' | 'RemoteReset' | 'FirmwareUpdate';

/** The configuration keys the station model itself reads, named the way each protocol names them. */
export interface SettingKeys {
  heartbeatInterval: string;
  meterInterval: string;
  measurands: string;
  authorizeRemoteStart: string;
  localPreAuthorize: string;
  localAuthorizeOffline: string;
  allowOfflineUnknownId: string;
  maxStackLevel: string;
  maxProfiles: string;
}

/**
 * What a version adapter does for the station model: encode its events as OCPP messages and decode the
 * CSMS's commands into calls on the model.
 */
export interface StationProtocol {
  readonly keys: SettingKeys;
  configDefinitions(): ConfigKeyDefinition[];
  registerHandlers(client: CommandRegistry): void;
  boot(reason: BootReason): Promise<{ accepted: boolean; intervalS: number }>;
  heartbeat(): Promise<void>;
  sendStatus(connector: Connector): void;
  /** Online authorization; resolves to the CSMS's authorization status (`Accepted`, `Invalid`, …). */
  authorize(idTag: string): Promise<string>;
  /**
   * Resolves once the CSMS answered (possibly after an offline replay) with its authorization status for
   * the tag, or undefined when it did not say (no answer, or a 2.0.1 answer without idTokenInfo).
   */
  startTransaction(
    connector: Connector,
    session: ChargingSession,
    sample: MeterSample,
  ): Promise<string | undefined>;
  sendMeterValues(
    connector: Connector,
    session: ChargingSession | undefined,
    sample: MeterSample,
    trigger?: boolean,
  ): void;
  stopTransaction(connector: Connector, session: ChargingSession, sample: MeterSample): Promise<void>;
}
