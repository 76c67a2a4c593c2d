import { CommandRegistry } from '../../transport/ocpp-transport';
import { ConfigKeyDefinition } from '../../model/config-store';
import { ChargingSession, Connector, MeterSample, StopReason } from '../../model/connector';
import { SimulatedStation } from '../../station/simulated-station';
import { BootReason, StationProtocol } from '../station-protocol';
import { Ocpp16CommandHandlers } from './ocpp16-commands';
import { OCPP16_KEYS, ocpp16ConfigDefinitions } from './ocpp16-config';
import { toMeterValue16 } from './ocpp16-meter-values';
import { IdTagInfo16 } from './ocpp16-types';

const STOP_REASONS_16: Record<StopReason, string> = {
  Local: 'Local',
  Remote: 'Remote',
  EVDisconnected: 'EVDisconnected',
  HardReset: 'HardReset',
  SoftReset: 'SoftReset',
  UnlockCommand: 'UnlockCommand',
  DeAuthorized: 'DeAuthorized',
  Reboot: 'Reboot',
};

/** OCPP 1.6-J: BootNotification … StopTransaction out, the Core/SmartCharging/… profiles' commands in. */
export class Ocpp16Protocol implements StationProtocol {
  readonly keys = OCPP16_KEYS;

  private readonly handlers: Ocpp16CommandHandlers;

  constructor(private readonly station: SimulatedStation) {
    this.handlers = new Ocpp16CommandHandlers(station, this);
  }

  configDefinitions(): ConfigKeyDefinition[] {
    return ocpp16ConfigDefinitions(this.station.settings.connectors, this.station.settings.meterIntervalS);
  }

  async boot(_reason: BootReason): Promise<{ accepted: boolean; intervalS: number }> {
    const answer = await this.station.connection.call<{ status: string; interval: number }>(
      'BootNotification',
      {
        chargePointVendor: 'VoltGrid',
        chargePointModel: 'Simulator AC22',
        chargePointSerialNumber: this.station.identity.slice(0, 25),
        firmwareVersion: this.station.firmwareVersion,
        meterType: 'SimMeter 3P',
      },
    );
    return { accepted: answer.status === 'Accepted', intervalS: answer.interval };
  }

  async heartbeat(): Promise<void> {
    await this.station.connection.call('Heartbeat', {});
  }

  sendStatus(connector: Connector): void {
    const status = connector.status;
    const timestamp = new Date().toISOString();
    void this.station.connection.send('StatusNotification', () => ({
      connectorId: connector.id,
      errorCode: 'NoError',
      status,
      timestamp,
    }));
  }

  async authorize(idTag: string): Promise<string> {
    const answer = await this.station.connection.call<{ idTagInfo: IdTagInfo16 }>('Authorize', { idTag });
    return answer.idTagInfo.status;
  }

  async startTransaction(
    connector: Connector,
    session: ChargingSession,
    sample: MeterSample,
  ): Promise<string | undefined> {
    const answer = await this.station.connection.send<{ idTagInfo: IdTagInfo16; transactionId: number }>(
      'StartTransaction',
      () => ({
        connectorId: connector.id,
        idTag: session.idTag,
        meterStart: Math.round(session.meterStartWh),
        ...(session.reservationId !== undefined ? { reservationId: session.reservationId } : {}),
        timestamp: sample.timestamp.toISOString(),
      }),
      // Set before the next queued message is built, so replayed MeterValues carry the id.
      (result) => (session.transactionId = String(result.transactionId)),
    );
    return answer?.idTagInfo.status;
  }

  sendMeterValues(
    connector: Connector,
    session: ChargingSession | undefined,
    sample: MeterSample,
    trigger = false,
  ): void {
    const meterValue = toMeterValue16(sample, this.measurands(), trigger ? 'Trigger' : 'Sample.Periodic');
    void this.station.connection.send('MeterValues', () => ({
      connectorId: connector.id,
      ...(session?.transactionId !== undefined ? { transactionId: Number(session.transactionId) } : {}),
      meterValue: [meterValue],
    }));
  }

  async stopTransaction(_connector: Connector, session: ChargingSession, sample: MeterSample): Promise<void> {
    const transactionData = [
      toMeterValue16(
        { ...sample, timestamp: session.startedAt, energyRegisterWh: session.meterStartWh, powerW: 0 },
        this.station.config.getList('StopTxnSampledData'),
        'Transaction.Begin',
      ),
      toMeterValue16(sample, this.station.config.getList('StopTxnSampledData'), 'Transaction.End'),
    ];
    await this.station.connection.send('StopTransaction', () =>
      session.transactionId === undefined
        ? undefined
        : {
            transactionId: Number(session.transactionId),
            idTag: session.idTag,
            meterStop: Math.round(sample.energyRegisterWh),
            timestamp: sample.timestamp.toISOString(),
            reason: STOP_REASONS_16[session.stopReason ?? 'Local'],
            transactionData,
          },
    );
  }

  private measurands(): string[] {
    return this.station.config.getList(this.keys.measurands);
  }

  registerHandlers(client: CommandRegistry): void {
    this.handlers.register(client);
  }
}
