import { TenantId } from '@csms/common';
import {
  AvailabilityKind,
  ChargingProfileInput,
  CommandResult,
  ConfigurationReport,
  LocalListEntry,
  ResetKind,
  StationCommands,
} from '@csms/stations/ports/station-commands.port';
import { SoapStationCommands } from './soap-station-commands';

/**
 * Picks the transport per station: a station with an OCPP-J session (here, or wherever
 * `hasJsonSession` looks) gets `json`; one that has spoken OCPP-S gets `soap`; anything else
 * `json`, which answers StationOfflineError (or routes it, when `json` is a cluster router).
 * JSON first, so a station that moved from SOAP to JSON is not called at its old address.
 */
export class ProtocolStationCommands extends StationCommands {
  constructor(
    private readonly json: StationCommands,
    private readonly soap: SoapStationCommands,
    private readonly hasJsonSession: (tenantId: TenantId, stationId: string) => boolean,
  ) {
    super();
  }

  async transportFor(tenantId: TenantId, stationId: string): Promise<StationCommands> {
    if (this.hasJsonSession(tenantId, stationId)) return this.json;
    return (await this.soap.isSoapStation(tenantId, stationId)) ? this.soap : this.json;
  }

  async reset(t: TenantId, s: string, kind: ResetKind): Promise<CommandResult> {
    return (await this.transportFor(t, s)).reset(t, s, kind);
  }

  async clearCache(t: TenantId, s: string): Promise<CommandResult> {
    return (await this.transportFor(t, s)).clearCache(t, s);
  }

  async changeAvailability(
    t: TenantId,
    s: string,
    connectorId: number,
    kind: AvailabilityKind,
  ): Promise<CommandResult> {
    return (await this.transportFor(t, s)).changeAvailability(t, s, connectorId, kind);
  }

  async changeConfiguration(t: TenantId, s: string, key: string, value: string): Promise<CommandResult> {
    return (await this.transportFor(t, s)).changeConfiguration(t, s, key, value);
  }

  async getConfiguration(t: TenantId, s: string, keys?: string[]): Promise<ConfigurationReport> {
    return (await this.transportFor(t, s)).getConfiguration(t, s, keys);
  }

  async remoteStart(
    t: TenantId,
    s: string,
    request: { connectorId?: number; idTag: string; chargingProfile?: ChargingProfileInput },
  ): Promise<CommandResult> {
    return (await this.transportFor(t, s)).remoteStart(t, s, request);
  }

  async remoteStop(t: TenantId, s: string, ocppTransactionId: string): Promise<CommandResult> {
    return (await this.transportFor(t, s)).remoteStop(t, s, ocppTransactionId);
  }

  async unlockConnector(t: TenantId, s: string, connectorId: number): Promise<CommandResult> {
    return (await this.transportFor(t, s)).unlockConnector(t, s, connectorId);
  }

  async dataTransfer(
    t: TenantId,
    s: string,
    request: { vendorId: string; messageId?: string; data?: string },
  ): Promise<CommandResult> {
    return (await this.transportFor(t, s)).dataTransfer(t, s, request);
  }

  async getDiagnostics(
    t: TenantId,
    s: string,
    request: {
      location: string;
      startTime?: Date;
      stopTime?: Date;
      retries?: number;
      retryInterval?: number;
    },
  ): Promise<CommandResult> {
    return (await this.transportFor(t, s)).getDiagnostics(t, s, request);
  }

  async updateFirmware(
    t: TenantId,
    s: string,
    request: { location: string; retrieveDate: Date; retries?: number; retryInterval?: number },
  ): Promise<CommandResult> {
    return (await this.transportFor(t, s)).updateFirmware(t, s, request);
  }

  async sendLocalList(
    t: TenantId,
    s: string,
    request: { listVersion: number; updateType: 'Full' | 'Differential'; entries: LocalListEntry[] },
  ): Promise<CommandResult> {
    return (await this.transportFor(t, s)).sendLocalList(t, s, request);
  }

  async getLocalListVersion(t: TenantId, s: string): Promise<CommandResult> {
    return (await this.transportFor(t, s)).getLocalListVersion(t, s);
  }

  async reserveNow(
    t: TenantId,
    s: string,
    request: {
      connectorId: number;
      expiryDate: Date;
      idTag: string;
      parentIdTag?: string;
      reservationId: number;
    },
  ): Promise<CommandResult> {
    return (await this.transportFor(t, s)).reserveNow(t, s, request);
  }

  async cancelReservation(t: TenantId, s: string, reservationId: number): Promise<CommandResult> {
    return (await this.transportFor(t, s)).cancelReservation(t, s, reservationId);
  }

  async setChargingProfile(
    t: TenantId,
    s: string,
    connectorId: number,
    profile: ChargingProfileInput,
  ): Promise<CommandResult> {
    return (await this.transportFor(t, s)).setChargingProfile(t, s, connectorId, profile);
  }

  async clearChargingProfile(
    t: TenantId,
    s: string,
    request: {
      id?: number;
      connectorId?: number;
      purpose?: ChargingProfileInput['purpose'];
      stackLevel?: number;
    },
  ): Promise<CommandResult> {
    return (await this.transportFor(t, s)).clearChargingProfile(t, s, request);
  }

  async getCompositeSchedule(
    t: TenantId,
    s: string,
    request: { connectorId: number; duration: number; rateUnit?: 'W' | 'A' },
  ): Promise<CommandResult> {
    return (await this.transportFor(t, s)).getCompositeSchedule(t, s, request);
  }

  async triggerMessage(
    t: TenantId,
    s: string,
    request: { message: string; connectorId?: number },
  ): Promise<CommandResult> {
    return (await this.transportFor(t, s)).triggerMessage(t, s, request);
  }
}
