import { CommandRegistry } from '../../transport/ocpp-transport';
import { SimulatedStation } from '../../station/simulated-station';
import { handleCommand, rejectUnknownCommands } from '../command-handlers';
import { bumpVersion } from '../firmware-version';
import type { Ocpp16Protocol } from './ocpp16-protocol';
import { fromProfile16, PURPOSES_16 } from './ocpp16-profiles';
import {
  ChargingProfile16,
  ClearChargingProfile16,
  RemoteStart16,
  ReserveNow16,
  SendLocalList16,
  TriggerMessage16,
} from './ocpp16-types';

/** Decodes the CSMS's OCPP 1.6 calls into station commands and encodes the answers. */
export class Ocpp16CommandHandlers {
  constructor(
    private readonly station: SimulatedStation,
    private readonly protocol: Ocpp16Protocol,
  ) {}

  register(client: CommandRegistry): void {
    const station = this.station;
    const on = <P>(method: string, handler: (params: P) => object | Promise<object>): void =>
      handleCommand<P>(client, station.stats, method, handler);

    on<RemoteStart16>('RemoteStartTransaction', (params) => {
      const profile = params.chargingProfile;
      if (profile && profile.chargingProfilePurpose !== 'TxProfile') return { status: 'Rejected' };
      const accepted = station.commands.remoteStart(params.connectorId, params.idTag, {
        txProfile: profile ? fromProfile16(params.connectorId ?? 0, profile) : undefined,
      });
      return { status: accepted ? 'Accepted' : 'Rejected' };
    });
    on<{ transactionId: number }>('RemoteStopTransaction', (params) => ({
      status: station.commands.remoteStop(String(params.transactionId)) ? 'Accepted' : 'Rejected',
    }));
    on<{ type: 'Hard' | 'Soft' }>('Reset', (params) => {
      station.later(50, () => station.reboot(params.type));
      return { status: 'Accepted' };
    });
    on<{ connectorId: number }>('UnlockConnector', (params) => {
      const result = station.commands.unlock(params.connectorId, true);
      return { status: result === 'Unknown' ? 'NotSupported' : 'Unlocked' };
    });
    on<{ connectorId: number; type: 'Inoperative' | 'Operative' }>('ChangeAvailability', (params) => ({
      status: station.commands.changeAvailability(params.connectorId, params.type === 'Operative'),
    }));
    on<{ key?: string[] }>('GetConfiguration', (params) => {
      const { entries, unknown } = station.config.read(params.key);
      return {
        configurationKey: entries.map((entry) => ({
          key: entry.key,
          readonly: entry.readonly,
          value: entry.value,
        })),
        ...(unknown.length ? { unknownKey: unknown } : {}),
      };
    });
    on<{ key: string; value: string }>('ChangeConfiguration', (params) => ({
      status: station.config.change(params.key, params.value),
    }));
    on('ClearCache', () => {
      station.authCache.clear();
      return { status: 'Accepted' };
    });
    on<{ vendorId: string; messageId?: string; data?: string }>('DataTransfer', (params) =>
      params.vendorId === 'VoltGrid'
        ? {
            status: 'Accepted',
            data: JSON.stringify({ echo: params.data ?? null, messageId: params.messageId ?? null }),
          }
        : { status: 'UnknownVendorId' },
    );
    on<TriggerMessage16>('TriggerMessage', (params) => this.trigger(params));
    on<{ connectorId: number; csChargingProfiles: ChargingProfile16 }>('SetChargingProfile', (params) => ({
      status: station.commands.setChargingProfile(
        fromProfile16(params.connectorId, params.csChargingProfiles),
      )
        ? 'Accepted'
        : 'Rejected',
    }));
    on<ClearChargingProfile16>('ClearChargingProfile', (params) => {
      const removed = station.commands.clearChargingProfiles({
        id: params.id,
        connectorId: params.connectorId,
        purpose: params.chargingProfilePurpose ? PURPOSES_16[params.chargingProfilePurpose] : undefined,
        stackLevel: params.stackLevel,
      });
      return { status: removed > 0 ? 'Accepted' : 'Unknown' };
    });
    on<{ connectorId: number; duration: number; chargingRateUnit?: 'A' | 'W' }>(
      'GetCompositeSchedule',
      (params) => {
        const unit = params.chargingRateUnit ?? 'W';
        const periods = station.commands.compositeSchedule(params.connectorId, params.duration, unit);
        if (!periods) return { status: 'Rejected' };
        return {
          status: 'Accepted',
          connectorId: params.connectorId,
          scheduleStart: new Date().toISOString(),
          chargingSchedule: {
            duration: params.duration,
            chargingRateUnit: unit,
            chargingSchedulePeriod: periods,
          },
        };
      },
    );
    on<ReserveNow16>('ReserveNow', (params) => ({
      status: station.commands.reserve(
        params.connectorId,
        params.reservationId,
        params.idTag,
        new Date(params.expiryDate),
      ),
    }));
    on<{ reservationId: number }>('CancelReservation', (params) => ({
      status: station.commands.cancelReservation(params.reservationId) ? 'Accepted' : 'Rejected',
    }));
    on<SendLocalList16>('SendLocalList', (params) => ({
      status: station.commands.updateLocalList(
        params.listVersion,
        params.updateType === 'Full',
        (params.localAuthorizationList ?? []).map((entry) => ({
          idTag: entry.idTag,
          accepted: entry.idTagInfo ? entry.idTagInfo.status === 'Accepted' : undefined,
        })),
      ),
    }));
    on('GetLocalListVersion', () => ({ listVersion: station.localList.version }));
    on<{ location: string }>('GetDiagnostics', () => {
      const fileName = `diagnostics-${station.identity}-${Date.now()}.zip`;
      station.later(100, () => this.diagnosticsStatus('Uploading'));
      station.later(600, () => this.diagnosticsStatus('Uploaded'));
      return { fileName };
    });
    on<{ location: string; retrieveDate: string }>('UpdateFirmware', (params) => {
      const startIn = Math.max(100, new Date(params.retrieveDate).getTime() - Date.now());
      const steps = ['Downloading', 'Downloaded', 'Installing', 'Installed'];
      steps.forEach((status, index) =>
        station.later(startIn + index * 400, () => this.firmwareStatus(status)),
      );
      station.later(startIn + steps.length * 400, () => {
        station.firmwareVersion = bumpVersion(station.firmwareVersion);
        return station.reboot('Soft', 'FirmwareUpdate');
      });
      return {};
    });
    rejectUnknownCommands(client, station.stats);
  }

  private trigger(params: TriggerMessage16): { status: string } {
    const station = this.station;
    const connectors = params.connectorId ? [station.connector(params.connectorId)] : station.connectors;
    if (connectors.some((connector) => connector === undefined)) return { status: 'Rejected' };
    const run = (task: () => void | Promise<void>): { status: string } => {
      station.later(20, task);
      return { status: 'Accepted' };
    };
    switch (params.requestedMessage) {
      case 'BootNotification':
        return run(async () => void (await this.protocol.boot('PowerUp')));
      case 'Heartbeat':
        return run(() => this.protocol.heartbeat());
      case 'StatusNotification':
        return run(() => connectors.forEach((connector) => connector && this.protocol.sendStatus(connector)));
      case 'MeterValues':
        return run(() =>
          connectors.forEach(
            (connector) =>
              connector &&
              this.protocol.sendMeterValues(connector, connector.session, station.sample(connector), true),
          ),
        );
      case 'DiagnosticsStatusNotification':
        return run(() => this.diagnosticsStatus('Idle'));
      case 'FirmwareStatusNotification':
        return run(() => this.firmwareStatus('Idle'));
    }
  }

  private async diagnosticsStatus(status: string): Promise<void> {
    await this.station.connection.call('DiagnosticsStatusNotification', { status }).catch(() => undefined);
  }

  private async firmwareStatus(status: string): Promise<void> {
    await this.station.connection.call('FirmwareStatusNotification', { status }).catch(() => undefined);
  }
}
