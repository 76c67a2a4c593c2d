import { CommandRegistry } from '../../transport/ocpp-transport';
import { ConfigKeyDefinition } from '../../model/config-store';
import { ChargingSession, Connector, ConnectorStatus, MeterSample, StopReason } from '../../model/connector';
import { SimulatedStation } from '../../station/simulated-station';
import { BootReason, StationProtocol } from '../station-protocol';
import { Ocpp201CommandHandlers } from './ocpp201-commands';
import { toMeterValue201 } from './ocpp201-meter-values';
import { IdToken201 } from './ocpp201-types';
import { OCPP201_KEYS, ocpp201VariableDefinitions } from './ocpp201-variables';

const STOPPED_REASONS: Record<StopReason, string> = {
  Local: 'Local',
  Remote: 'Remote',
  EVDisconnected: 'EVDisconnected',
  HardReset: 'ImmediateReset',
  SoftReset: 'Reboot',
  UnlockCommand: 'Other',
  DeAuthorized: 'DeAuthorized',
  Reboot: 'Reboot',
};

const END_TRIGGERS: Record<StopReason, string> = {
  Local: 'StopAuthorized',
  Remote: 'RemoteStop',
  EVDisconnected: 'EVDeparted',
  HardReset: 'ResetCommand',
  SoftReset: 'ResetCommand',
  UnlockCommand: 'UnlockCommand',
  DeAuthorized: 'Deauthorized',
  Reboot: 'ResetCommand',
};

/** 2.0.1 has fewer connector states: everything between plug-in and unplug is Occupied. */
function connectorStatus201(status: ConnectorStatus): string {
  switch (status) {
    case 'Available':
    case 'Reserved':
    case 'Unavailable':
    case 'Faulted':
      return status;
    default:
      return 'Occupied';
  }
}

function chargingState(connector: Connector, session: ChargingSession): string {
  if (session.stopping) return 'EVConnected';
  if (connector.status === 'SuspendedEVSE') return 'SuspendedEVSE';
  if (connector.status === 'SuspendedEV') return 'SuspendedEV';
  return 'Charging';
}

const idToken = (tag: string): IdToken201 => ({ idToken: tag, type: 'ISO14443' });

/** OCPP 2.0.1-J: each connector is an EVSE with one connector; transactions are TransactionEvents with seqNo. */
export class Ocpp201Protocol implements StationProtocol {
  readonly keys = OCPP201_KEYS;

  private readonly handlers: Ocpp201CommandHandlers;

  constructor(private readonly station: SimulatedStation) {
    this.handlers = new Ocpp201CommandHandlers(station, this);
  }

  configDefinitions(): ConfigKeyDefinition[] {
    return ocpp201VariableDefinitions(this.station.settings.connectors, this.station.settings.meterIntervalS);
  }

  async boot(reason: BootReason): Promise<{ accepted: boolean; intervalS: number }> {
    const answer = await this.station.connection.call<{ status: string; interval: number }>(
      'BootNotification',
      {
        reason,
        chargingStation: {
          model: 'Simulator AC22',
          vendorName: 'VoltGrid',
          serialNumber: this.station.identity.slice(0, 25),
          firmwareVersion: this.station.firmwareVersion,
        },
      },
    );
    return { accepted: answer.status === 'Accepted', intervalS: answer.interval };
  }

  async heartbeat(): Promise<void> {
    await this.station.connection.call('Heartbeat', {});
  }

  sendStatus(connector: Connector): void {
    const connectorStatus = connectorStatus201(connector.status);
    const timestamp = new Date().toISOString();
    void this.station.connection.send('StatusNotification', () => ({
      timestamp,
      connectorStatus,
      evseId: connector.id,
      connectorId: 1,
    }));
  }

  async authorize(tag: string): Promise<string> {
    const answer = await this.station.connection.call<{ idTokenInfo: { status: string } }>('Authorize', {
      idToken: idToken(tag),
    });
    return answer.idTokenInfo.status;
  }

  async startTransaction(
    connector: Connector,
    session: ChargingSession,
    sample: MeterSample,
  ): Promise<string | undefined> {
    session.transactionId = session.localId;
    const answer = await this.transactionEvent(connector, session, 'Started', {
      triggerReason: session.origin === 'Remote' ? 'RemoteStart' : 'Authorized',
      idToken: idToken(session.idTag),
      evse: { id: connector.id, connectorId: 1 },
      ...(session.reservationId !== undefined ? { reservationId: session.reservationId } : {}),
      meterValue: [toMeterValue201(sample, this.measurands(), 'Transaction.Begin')],
    });
    return answer?.idTokenInfo?.status;
  }

  sendMeterValues(
    connector: Connector,
    session: ChargingSession | undefined,
    sample: MeterSample,
    trigger = false,
  ): void {
    const meterValue = toMeterValue201(sample, this.measurands(), trigger ? 'Trigger' : 'Sample.Periodic');
    if (!session) {
      void this.station.connection.send('MeterValues', () => ({
        evseId: connector.id,
        meterValue: [meterValue],
      }));
      return;
    }
    void this.transactionEvent(connector, session, 'Updated', {
      triggerReason: trigger ? 'Trigger' : 'MeterValuePeriodic',
      meterValue: [meterValue],
    });
  }

  async stopTransaction(connector: Connector, session: ChargingSession, sample: MeterSample): Promise<void> {
    const reason = session.stopReason ?? 'Local';
    const ended = this.station.config.getList('SampledDataCtrlr.TxEndedMeasurands');
    await this.transactionEvent(connector, session, 'Ended', {
      triggerReason: END_TRIGGERS[reason],
      meterValue: [toMeterValue201(sample, ended, 'Transaction.End')],
      stoppedReason: STOPPED_REASONS[reason],
    });
  }

  /** Numbers the event now (seqNo follows generation order, also for events queued offline). */
  private transactionEvent(
    connector: Connector,
    session: ChargingSession,
    eventType: 'Started' | 'Updated' | 'Ended',
    fields: { triggerReason: string; stoppedReason?: string } & Record<string, unknown>,
  ): Promise<{ idTokenInfo?: { status: string } } | undefined> {
    const { stoppedReason, ...rest } = fields;
    const seqNo = session.seqNo++;
    const offline = !this.station.connection.ready;
    const transactionInfo = {
      transactionId: session.localId,
      chargingState: chargingState(connector, session),
      ...(stoppedReason ? { stoppedReason } : {}),
      ...(eventType === 'Started' && session.remoteStartId !== undefined
        ? { remoteStartId: session.remoteStartId }
        : {}),
    };
    const timestamp = new Date().toISOString();
    return this.station.connection.send('TransactionEvent', () => ({
      eventType,
      timestamp,
      seqNo,
      ...(offline ? { offline: true } : {}),
      transactionInfo,
      ...rest,
    }));
  }

  private measurands(): string[] {
    return this.station.config.getList(this.keys.measurands);
  }

  registerHandlers(client: CommandRegistry): void {
    this.handlers.register(client);
  }
}
