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
import { StationOfflineError } from '@csms/stations/ports/station-errors';
import { Injectable } from '@nestjs/common';
import { SessionCommands } from '../adapters/version-adapter';
import { VersionAdapterRegistry } from '../adapters/version-adapter.registry';
import { StationSession } from '../session/station-session';
import { StationSessionRegistry } from '../session/station-session.registry';

/**
 * The StationCommands port over OCPP-J: finds the station's session on this instance and lets
 * its version adapter encode the command. Not connected here: StationOfflineError.
 */
@Injectable()
export class OcppStationCommands extends StationCommands {
  constructor(
    private readonly sessions: StationSessionRegistry,
    private readonly adapters: VersionAdapterRegistry,
  ) {
    super();
  }

  private run<R>(
    tenantId: TenantId,
    stationId: string,
    command: (commands: SessionCommands, session: StationSession) => Promise<R>,
  ): Promise<R> {
    const session = this.sessions.get(tenantId, stationId);
    const adapter = session && this.adapters.get(session.subprotocol);
    if (!session || !adapter) return Promise.reject(new StationOfflineError(stationId));
    return command(adapter.commands, session);
  }

  reset(tenantId: TenantId, stationId: string, kind: ResetKind): Promise<CommandResult> {
    return this.run(tenantId, stationId, (c, s) => c.reset(s, kind));
  }

  clearCache(tenantId: TenantId, stationId: string): Promise<CommandResult> {
    return this.run(tenantId, stationId, (c, s) => c.clearCache(s));
  }

  changeAvailability(
    tenantId: TenantId,
    stationId: string,
    connectorId: number,
    kind: AvailabilityKind,
  ): Promise<CommandResult> {
    return this.run(tenantId, stationId, (c, s) => c.changeAvailability(s, connectorId, kind));
  }

  changeConfiguration(
    tenantId: TenantId,
    stationId: string,
    key: string,
    value: string,
  ): Promise<CommandResult> {
    return this.run(tenantId, stationId, (c, s) => c.changeConfiguration(s, key, value));
  }

  getConfiguration(tenantId: TenantId, stationId: string, keys?: string[]): Promise<ConfigurationReport> {
    return this.run(tenantId, stationId, (c, s) => c.getConfiguration(s, keys));
  }

  remoteStart(
    tenantId: TenantId,
    stationId: string,
    request: { connectorId?: number; idTag: string; chargingProfile?: ChargingProfileInput },
  ): Promise<CommandResult> {
    return this.run(tenantId, stationId, (c, s) => c.remoteStart(s, request));
  }

  remoteStop(tenantId: TenantId, stationId: string, ocppTransactionId: string): Promise<CommandResult> {
    return this.run(tenantId, stationId, (c, s) => c.remoteStop(s, ocppTransactionId));
  }

  unlockConnector(tenantId: TenantId, stationId: string, connectorId: number): Promise<CommandResult> {
    return this.run(tenantId, stationId, (c, s) => c.unlockConnector(s, connectorId));
  }

  dataTransfer(
    tenantId: TenantId,
    stationId: string,
    request: { vendorId: string; messageId?: string; data?: string },
  ): Promise<CommandResult> {
    return this.run(tenantId, stationId, (c, s) => c.dataTransfer(s, request));
  }

  getDiagnostics(
    tenantId: TenantId,
    stationId: string,
    request: {
      location: string;
      startTime?: Date;
      stopTime?: Date;
      retries?: number;
      retryInterval?: number;
    },
  ): Promise<CommandResult> {
    return this.run(tenantId, stationId, (c, s) => c.getDiagnostics(s, request));
  }

  updateFirmware(
    tenantId: TenantId,
    stationId: string,
    request: { location: string; retrieveDate: Date; retries?: number; retryInterval?: number },
  ): Promise<CommandResult> {
    return this.run(tenantId, stationId, (c, s) => c.updateFirmware(s, request));
  }

  sendLocalList(
    tenantId: TenantId,
    stationId: string,
    request: { listVersion: number; updateType: 'Full' | 'Differential'; entries: LocalListEntry[] },
  ): Promise<CommandResult> {
    return this.run(tenantId, stationId, (c, s) => c.sendLocalList(s, request));
  }

  getLocalListVersion(tenantId: TenantId, stationId: string): Promise<CommandResult> {
    return this.run(tenantId, stationId, (c, s) => c.getLocalListVersion(s));
  }

  reserveNow(
    tenantId: TenantId,
    stationId: string,
    request: {
      connectorId: number;
      expiryDate: Date;
      idTag: string;
      parentIdTag?: string;
      reservationId: number;
    },
  ): Promise<CommandResult> {
    return this.run(tenantId, stationId, (c, s) => c.reserveNow(s, request));
  }

  cancelReservation(tenantId: TenantId, stationId: string, reservationId: number): Promise<CommandResult> {
    return this.run(tenantId, stationId, (c, s) => c.cancelReservation(s, reservationId));
  }

  setChargingProfile(
    tenantId: TenantId,
    stationId: string,
    connectorId: number,
    profile: ChargingProfileInput,
  ): Promise<CommandResult> {
    return this.run(tenantId, stationId, (c, s) => c.setChargingProfile(s, connectorId, profile));
  }

  clearChargingProfile(
    tenantId: TenantId,
    stationId: string,
    request: {
      id?: number;
      connectorId?: number;
      purpose?: ChargingProfileInput['purpose'];
      stackLevel?: number;
    },
  ): Promise<CommandResult> {
    return this.run(tenantId, stationId, (c, s) => c.clearChargingProfile(s, request));
  }

  getCompositeSchedule(
    tenantId: TenantId,
    stationId: string,
    request: { connectorId: number; duration: number; rateUnit?: 'W' | 'A' },
  ): Promise<CommandResult> {
    return this.run(tenantId, stationId, (c, s) => c.getCompositeSchedule(s, request));
  }

  triggerMessage(
    tenantId: TenantId,
    stationId: string,
    request: { message: string; connectorId?: number },
  ): Promise<CommandResult> {
    return this.run(tenantId, stationId, (c, s) => c.triggerMessage(s, request));
  }
}
