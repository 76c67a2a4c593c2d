import { CommandRegistry } from '../../transport/ocpp-transport';
import { Connector } from '../../model/connector';
import { delay } from '../../station/delay';
import { SimulatedStation } from '../../station/simulated-station';
import { handleCommand, rejectUnknownCommands } from '../command-handlers';
import { bumpVersion } from '../firmware-version';
import { fromProfile201, PURPOSES_201 } from './ocpp201-profiles';
import type { Ocpp201Protocol } from './ocpp201-protocol';
import {
  ChargingProfile201,
  ClearChargingProfile201,
  ComponentVariable201,
  IdToken201,
  SetVariableData201,
  TriggerMessage201,
} from './ocpp201-types';
import { componentExists } from './ocpp201-variables';

/** Decodes the CSMS's OCPP 2.0.1 calls into station commands and encodes the answers. */
export class Ocpp201CommandHandlers {
  constructor(
    private readonly station: SimulatedStation,
    private readonly protocol: Ocpp201Protocol,
  ) {}

  register(client: CommandRegistry): void {
    const station = this.station;
    const on = <P>(method: string, handler: (params: P) => object | Promise<object>): void =>
      handleCommand<P>(client, station.stats, method, handler);

    on<{ evseId?: number; remoteStartId: number; idToken: IdToken201; chargingProfile?: ChargingProfile201 }>(
      'RequestStartTransaction',
      (params) => {
        const profile = params.chargingProfile;
        if (profile && profile.chargingProfilePurpose !== 'TxProfile') return { status: 'Rejected' };
        const accepted = station.commands.remoteStart(params.evseId, params.idToken.idToken, {
          remoteStartId: params.remoteStartId,
          txProfile: profile ? fromProfile201(params.evseId ?? 0, profile) : undefined,
        });
        return { status: accepted ? 'Accepted' : 'Rejected' };
      },
    );
    on<{ transactionId: string }>('RequestStopTransaction', (params) => ({
      status: station.commands.remoteStop(params.transactionId) ? 'Accepted' : 'Rejected',
    }));
    on<{ type: 'Immediate' | 'OnIdle'; evseId?: number }>('Reset', (params) => {
      if (params.evseId !== undefined) return { status: 'Rejected' };
      if (params.type === 'OnIdle' && station.activeSessions() > 0) {
        station.later(0, async () => {
          while (station.running && station.activeSessions() > 0) await delay(200, station.signal);
          await station.reboot('Soft');
        });
        return { status: 'Scheduled' };
      }
      station.later(50, () => station.reboot(params.type === 'Immediate' ? 'Hard' : 'Soft'));
      return { status: 'Accepted' };
    });
    on<{ evseId: number; connectorId: number }>('UnlockConnector', (params) => {
      const result = params.connectorId === 1 ? station.commands.unlock(params.evseId, false) : 'Unknown';
      const status = {
        Unlocked: 'Unlocked',
        Occupied: 'OngoingAuthorizedTransaction',
        Unknown: 'UnknownConnector',
      };
      return { status: status[result] };
    });
    on<{ operationalStatus: 'Inoperative' | 'Operative'; evse?: { id: number } }>(
      'ChangeAvailability',
      (params) => ({
        status: station.commands.changeAvailability(
          params.evse?.id ?? 0,
          params.operationalStatus === 'Operative',
        ),
      }),
    );
    on<{ getVariableData: ComponentVariable201[] }>('GetVariables', (params) => ({
      getVariableResult: params.getVariableData.map((item) => this.getVariable(item)),
    }));
    on<{ setVariableData: SetVariableData201[] }>('SetVariables', (params) => ({
      setVariableResult: params.setVariableData.map((item) => this.setVariable(item)),
    }));
    on('ClearCache', () => {
      station.authCache.clear();
      return { status: 'Accepted' };
    });
    on<{ vendorId: string; messageId?: string; data?: unknown }>('DataTransfer', (params) =>
      params.vendorId === 'VoltGrid'
        ? { status: 'Accepted', data: { echo: params.data ?? null, messageId: params.messageId ?? null } }
        : { status: 'UnknownVendorId' },
    );
    on<TriggerMessage201>('TriggerMessage', (params) => this.trigger(params));
    on<{ evseId: number; chargingProfile: ChargingProfile201 }>('SetChargingProfile', (params) => ({
      status: station.commands.setChargingProfile(fromProfile201(params.evseId, params.chargingProfile))
        ? 'Accepted'
        : 'Rejected',
    }));
    on<ClearChargingProfile201>('ClearChargingProfile', (params) => {
      const criteria = params.chargingProfileCriteria;
      const removed = station.commands.clearChargingProfiles({
        id: params.chargingProfileId,
        connectorId: criteria?.evseId,
        purpose: criteria?.chargingProfilePurpose ? PURPOSES_201[criteria.chargingProfilePurpose] : undefined,
        stackLevel: criteria?.stackLevel,
      });
      return { status: removed > 0 ? 'Accepted' : 'Unknown' };
    });
    on<{ duration: number; chargingRateUnit?: 'A' | 'W'; evseId: number }>(
      'GetCompositeSchedule',
      (params) => {
        const unit = params.chargingRateUnit ?? 'W';
        const periods = station.commands.compositeSchedule(params.evseId, params.duration, unit);
        if (!periods) return { status: 'Rejected' };
        return {
          status: 'Accepted',
          schedule: {
            evseId: params.evseId,
            duration: params.duration,
            scheduleStart: new Date().toISOString(),
            chargingRateUnit: unit,
            chargingSchedulePeriod: periods,
          },
        };
      },
    );
    on<{ id: number; expiryDateTime: string; idToken: IdToken201; evseId?: number }>(
      'ReserveNow',
      (params) => ({
        status: station.commands.reserve(
          params.evseId ?? 0,
          params.id,
          params.idToken.idToken,
          new Date(params.expiryDateTime),
        ),
      }),
    );
    on<{ reservationId: number }>('CancelReservation', (params) => ({
      status: station.commands.cancelReservation(params.reservationId) ? 'Accepted' : 'Rejected',
    }));
    on<{
      versionNumber: number;
      updateType: 'Differential' | 'Full';
      localAuthorizationList?: { idToken: IdToken201; idTokenInfo?: { status: string } }[];
    }>('SendLocalList', (params) => ({
      status: station.commands.updateLocalList(
        params.versionNumber,
        params.updateType === 'Full',
        (params.localAuthorizationList ?? []).map((entry) => ({
          idTag: entry.idToken.idToken,
          accepted: entry.idTokenInfo ? entry.idTokenInfo.status === 'Accepted' : undefined,
        })),
      ),
    }));
    on('GetLocalListVersion', () => ({ versionNumber: station.localList.version }));
    on<{ requestId: number; logType: string }>('GetLog', (params) => {
      const filename = `${params.logType.toLowerCase()}-${station.identity}-${Date.now()}.log`;
      station.later(100, () =>
        this.notify('LogStatusNotification', { status: 'Uploading', requestId: params.requestId }),
      );
      station.later(600, () =>
        this.notify('LogStatusNotification', { status: 'Uploaded', requestId: params.requestId }),
      );
      return { status: 'Accepted', filename };
    });
    on<{ requestId: number; firmware: { location: string; retrieveDateTime: string } }>(
      'UpdateFirmware',
      (params) => {
        const startIn = Math.max(100, new Date(params.firmware.retrieveDateTime).getTime() - Date.now());
        const steps = ['Downloading', 'Downloaded', 'Installing', 'Installed'];
        steps.forEach((status, index) =>
          station.later(startIn + index * 400, () =>
            this.notify('FirmwareStatusNotification', { status, requestId: params.requestId }),
          ),
        );
        station.later(startIn + steps.length * 400, () => {
          station.firmwareVersion = bumpVersion(station.firmwareVersion);
          return station.reboot('Soft', 'FirmwareUpdate');
        });
        return { status: 'Accepted' };
      },
    );
    rejectUnknownCommands(client, station.stats);
  }

  private getVariable(item: ComponentVariable201): object {
    const key = `${item.component.name}.${item.variable.name}`;
    const base = { component: item.component, variable: item.variable };
    if (item.attributeType && item.attributeType !== 'Actual') {
      return { ...base, attributeStatus: 'NotSupportedAttributeType', attributeType: item.attributeType };
    }
    const value = this.station.config.get(key);
    if (value === undefined) {
      const known = componentExists(
        key,
        this.station.config.read().entries.map((entry) => entry.key),
      );
      return { ...base, attributeStatus: known ? 'UnknownVariable' : 'UnknownComponent' };
    }
    return { ...base, attributeStatus: 'Accepted', attributeType: 'Actual', attributeValue: value };
  }

  private setVariable(item: SetVariableData201): object {
    const key = `${item.component.name}.${item.variable.name}`;
    const base = {
      component: item.component,
      variable: item.variable,
      attributeType: item.attributeType ?? 'Actual',
    };
    if (item.attributeType && item.attributeType !== 'Actual')
      return { ...base, attributeStatus: 'NotSupportedAttributeType' };
    const result = this.station.config.change(key, item.attributeValue);
    if (result === 'NotSupported') {
      const known = componentExists(
        key,
        this.station.config.read().entries.map((entry) => entry.key),
      );
      return { ...base, attributeStatus: known ? 'UnknownVariable' : 'UnknownComponent' };
    }
    return { ...base, attributeStatus: result };
  }

  private trigger(params: TriggerMessage201): { status: string } {
    const station = this.station;
    const connectors = params.evse ? [station.connector(params.evse.id)] : station.connectors;
    if (connectors.some((connector) => connector === undefined)) return { status: 'Rejected' };
    const run = (task: () => void | Promise<void>): { status: string } => {
      station.later(20, task);
      return { status: 'Accepted' };
    };
    const each =
      (task: (connector: Connector) => void): (() => void) =>
      () =>
        connectors.forEach((connector) => connector && task(connector));
    switch (params.requestedMessage) {
      case 'BootNotification':
        return run(async () => void (await this.protocol.boot('PowerUp')));
      case 'Heartbeat':
        return run(() => this.protocol.heartbeat());
      case 'StatusNotification':
        return run(each((connector) => this.protocol.sendStatus(connector)));
      case 'MeterValues':
        return run(
          each((connector) =>
            this.protocol.sendMeterValues(connector, undefined, station.sample(connector), true),
          ),
        );
      case 'TransactionEvent':
        return run(
          each(
            (connector) =>
              connector.session &&
              this.protocol.sendMeterValues(connector, connector.session, station.sample(connector), true),
          ),
        );
      case 'FirmwareStatusNotification':
        return run(() => this.notify('FirmwareStatusNotification', { status: 'Idle' }));
      case 'LogStatusNotification':
        return run(() => this.notify('LogStatusNotification', { status: 'Idle' }));
      default:
        return { status: 'NotImplemented' };
    }
  }

  private async notify(method: string, params: object): Promise<void> {
    await this.station.connection.call(method, params).catch(() => undefined);
  }
}
