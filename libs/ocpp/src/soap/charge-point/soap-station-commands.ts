import { BadInputError, TenantId } from '@csms/common';
import {
  AvailabilityKind,
  ChargingProfileInput,
  CommandResult,
  ConfigurationReport,
  FirmwareUpdateRequest,
  LocalListEntry,
  ResetKind,
  StationCommands,
} from '@csms/stations/ports/station-commands.port';
import { StationOfflineError } from '@csms/stations/ports/station-errors';
import { Injectable } from '@nestjs/common';
import { SoapEndpoint } from '../endpoints/soap-endpoint.repository';
import { SoapEndpointRegistry } from '../endpoints/soap-endpoint.registry';
import { DecodedObject, DecodedValue } from '../schema/xsd-codec';
import { SoapArguments, SoapChargePointClient } from './soap-charge-point.client';
import { integerTransactionId } from '../../commands/integer-transaction-id';

/** Schema-validated answers hold text where these are read; anything else reads as empty. */
function textOf(value: DecodedValue | undefined): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '';
}

function statusOf(answer: DecodedObject): CommandResult {
  return { status: textOf(answer.status) };
}

function transactionIdOf(ocppTransactionId: string): number {
  const id = Number(ocppTransactionId);
  if (!Number.isSafeInteger(id)) {
    throw new BadInputError(`OCPP-S transaction ids are integers, got "${ocppTransactionId}"`);
  }
  return id;
}

function encodeChargingProfile(profile: ChargingProfileInput): SoapArguments {
  return {
    chargingProfileId: profile.chargingProfileId,
    transactionId: integerTransactionId(profile),
    stackLevel: profile.stackLevel,
    chargingProfilePurpose: profile.purpose,
    chargingProfileKind: profile.kind,
    recurrencyKind: profile.recurrencyKind,
    validFrom: profile.validFrom,
    validTo: profile.validTo,
    chargingSchedule: {
      duration: profile.schedule.duration,
      startSchedule: profile.schedule.startSchedule,
      chargingRateUnit: profile.schedule.rateUnit,
      chargingSchedulePeriod: profile.schedule.periods,
      minChargingRate: profile.schedule.minChargingRate,
    },
  };
}

function encodeLocalListEntry(entry: LocalListEntry): SoapArguments {
  if (!entry.status) return { idTag: entry.idTag };
  return {
    idTag: entry.idTag,
    idTagInfo: { status: entry.status, expiryDate: entry.expiryDate, parentIdTag: entry.parentIdTag },
  };
}

const asList = (value: DecodedValue | undefined): DecodedValue[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * The StationCommands port over OCPP-S: each command is a SOAP call to the address the station
 * last gave in WS-Addressing From, encoded for its version (1.5 lacks smart charging and
 * TriggerMessage: BadInputError). A station never heard over SOAP is offline to this port.
 */
@Injectable()
export class SoapStationCommands extends StationCommands {
  constructor(
    private readonly endpoints: SoapEndpointRegistry,
    private readonly client: SoapChargePointClient,
  ) {
    super();
  }

  /** Whether commands to this station should go through SOAP (it has spoken OCPP-S to us). */
  async isSoapStation(tenantId: TenantId, stationId: string): Promise<boolean> {
    return (await this.endpoints.find(tenantId, stationId)) !== undefined;
  }

  private async call(
    tenantId: TenantId,
    stationId: string,
    operation: string,
    request: (station: SoapEndpoint) => SoapArguments,
  ): Promise<DecodedObject> {
    const station = await this.endpoints.find(tenantId, stationId);
    if (!station) throw new StationOfflineError(stationId);
    if (!this.client.supports(station.version, operation)) {
      throw new BadInputError(`${operation} is not supported by OCPP ${station.version}`);
    }
    return this.client.call(tenantId, station, operation, request(station));
  }

  async reset(tenantId: TenantId, stationId: string, kind: ResetKind): Promise<CommandResult> {
    return statusOf(await this.call(tenantId, stationId, 'Reset', () => ({ type: kind })));
  }

  async clearCache(tenantId: TenantId, stationId: string): Promise<CommandResult> {
    return statusOf(await this.call(tenantId, stationId, 'ClearCache', () => ({})));
  }

  async changeAvailability(
    tenantId: TenantId,
    stationId: string,
    connectorId: number,
    kind: AvailabilityKind,
  ): Promise<CommandResult> {
    return statusOf(
      await this.call(tenantId, stationId, 'ChangeAvailability', () => ({ connectorId, type: kind })),
    );
  }

  async changeConfiguration(
    tenantId: TenantId,
    stationId: string,
    key: string,
    value: string,
  ): Promise<CommandResult> {
    return statusOf(await this.call(tenantId, stationId, 'ChangeConfiguration', () => ({ key, value })));
  }

  // OCPP-S has no security profiles: its stations are secured by the transport around them.
  setSecurityProfile(): Promise<CommandResult> {
    return Promise.reject(new BadInputError('OCPP-S stations have no OCPP security profiles'));
  }

  async getConfiguration(
    tenantId: TenantId,
    stationId: string,
    keys?: string[],
  ): Promise<ConfigurationReport> {
    const answer = await this.call(tenantId, stationId, 'GetConfiguration', () => ({
      key: keys?.length ? keys : undefined,
    }));
    return {
      keys: asList(answer.configurationKey).map((entry) => {
        const { key, value, readonly } = entry as DecodedObject;
        return {
          key: textOf(key),
          ...(value === undefined ? {} : { value: textOf(value) }),
          ...(readonly === undefined ? {} : { readonly: readonly === true }),
        };
      }),
      unknownKeys: asList(answer.unknownKey).map(textOf),
    };
  }

  async remoteStart(
    tenantId: TenantId,
    stationId: string,
    request: { connectorId?: number; idTag: string; chargingProfile?: ChargingProfileInput },
  ): Promise<CommandResult> {
    const answer = await this.call(tenantId, stationId, 'RemoteStartTransaction', (station) => {
      if (request.chargingProfile && station.version === '1.5') {
        throw new BadInputError(
          'A charging profile with RemoteStartTransaction is not supported by OCPP 1.5',
        );
      }
      return {
        connectorId: request.connectorId,
        idTag: request.idTag,
        chargingProfile: request.chargingProfile ? encodeChargingProfile(request.chargingProfile) : undefined,
      };
    });
    return statusOf(answer);
  }

  async remoteStop(tenantId: TenantId, stationId: string, ocppTransactionId: string): Promise<CommandResult> {
    const transactionId = transactionIdOf(ocppTransactionId);
    return statusOf(await this.call(tenantId, stationId, 'RemoteStopTransaction', () => ({ transactionId })));
  }

  async unlockConnector(tenantId: TenantId, stationId: string, connectorId: number): Promise<CommandResult> {
    return statusOf(await this.call(tenantId, stationId, 'UnlockConnector', () => ({ connectorId })));
  }

  async dataTransfer(
    tenantId: TenantId,
    stationId: string,
    request: { vendorId: string; messageId?: string; data?: string },
  ): Promise<CommandResult> {
    const answer = await this.call(tenantId, stationId, 'DataTransfer', () => ({ ...request }));
    return {
      status: textOf(answer.status),
      ...(answer.data === undefined ? {} : { data: { data: answer.data } }),
    };
  }

  // GetDiagnostics is answered with the file name to come, if any, and no status word.
  async getDiagnostics(
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
    const answer = await this.call(tenantId, stationId, 'GetDiagnostics', () => ({ ...request }));
    return { status: 'Accepted', data: answer.fileName === undefined ? {} : { fileName: answer.fileName } };
  }

  // UpdateFirmware is answered with an empty body: receiving it is the acceptance.
  async updateFirmware(
    tenantId: TenantId,
    stationId: string,
    request: FirmwareUpdateRequest,
  ): Promise<CommandResult> {
    const { signingCertificate, signature, installDate, ...unsigned } = request;
    if (signingCertificate || signature || installDate) {
      throw new BadInputError(
        'Signed firmware and an install date need OCPP 1.6-J (security extension) or 2.0.1',
      );
    }
    await this.call(tenantId, stationId, 'UpdateFirmware', () => ({ ...unsigned }));
    return { status: 'Accepted' };
  }

  async sendLocalList(
    tenantId: TenantId,
    stationId: string,
    request: { listVersion: number; updateType: 'Full' | 'Differential'; entries: LocalListEntry[] },
  ): Promise<CommandResult> {
    const answer = await this.call(tenantId, stationId, 'SendLocalList', (station) => ({
      listVersion: request.listVersion,
      updateType: request.updateType,
      // 1.5 spells it the British way.
      [station.version === '1.5' ? 'localAuthorisationList' : 'localAuthorizationList']:
        request.entries.map(encodeLocalListEntry),
    }));
    return statusOf(answer);
  }

  async getLocalListVersion(tenantId: TenantId, stationId: string): Promise<CommandResult> {
    const answer = await this.call(tenantId, stationId, 'GetLocalListVersion', () => ({}));
    return { status: 'Accepted', data: { listVersion: answer.listVersion } };
  }

  async reserveNow(
    tenantId: TenantId,
    stationId: string,
    request: {
      connectorId: number;
      expiryDate: Date;
      idTag: string;
      parentIdTag?: string;
      reservationId: number;
      connectorType?: string;
    },
  ): Promise<CommandResult> {
    const { connectorType, ...reservation } = request;
    if (connectorType) throw new BadInputError('Reserving a connector type needs OCPP 2.0.1');
    return statusOf(await this.call(tenantId, stationId, 'ReserveNow', () => ({ ...reservation })));
  }

  async cancelReservation(
    tenantId: TenantId,
    stationId: string,
    reservationId: number,
  ): Promise<CommandResult> {
    return statusOf(await this.call(tenantId, stationId, 'CancelReservation', () => ({ reservationId })));
  }

  async setChargingProfile(
    tenantId: TenantId,
    stationId: string,
    connectorId: number,
    profile: ChargingProfileInput,
  ): Promise<CommandResult> {
    const answer = await this.call(tenantId, stationId, 'SetChargingProfile', () => ({
      connectorId,
      csChargingProfiles: encodeChargingProfile(profile),
    }));
    return statusOf(answer);
  }

  async clearChargingProfile(
    tenantId: TenantId,
    stationId: string,
    request: {
      id?: number;
      connectorId?: number;
      purpose?: ChargingProfileInput['purpose'];
      stackLevel?: number;
    },
  ): Promise<CommandResult> {
    const answer = await this.call(tenantId, stationId, 'ClearChargingProfile', () => ({
      id: request.id,
      connectorId: request.connectorId,
      chargingProfilePurpose: request.purpose,
      stackLevel: request.stackLevel,
    }));
    return statusOf(answer);
  }

  async getCompositeSchedule(
    tenantId: TenantId,
    stationId: string,
    request: { connectorId: number; duration: number; rateUnit?: 'W' | 'A' },
  ): Promise<CommandResult> {
    const { status, ...schedule } = await this.call(tenantId, stationId, 'GetCompositeSchedule', () => ({
      connectorId: request.connectorId,
      duration: request.duration,
      chargingRateUnit: request.rateUnit,
    }));
    return { status: textOf(status), data: schedule };
  }

  async triggerMessage(
    tenantId: TenantId,
    stationId: string,
    request: { message: string; connectorId?: number },
  ): Promise<CommandResult> {
    const answer = await this.call(tenantId, stationId, 'TriggerMessage', () => ({
      requestedMessage: request.message,
      connectorId: request.connectorId,
    }));
    return statusOf(answer);
  }

  costUpdated(): Promise<CommandResult> {
    return Promise.reject(new BadInputError('OCPP-S has no CostUpdated'));
  }
}
