import { RPCClient } from 'ocpp-rpc';
import { connectStation } from '../../support/ocpp-station';

export interface ReceivedCall {
  action: string;
  params: Record<string, unknown>;
}

const HANDLED = [
  'SetChargingProfile',
  'ClearChargingProfile',
  'ChangeConfiguration',
  'GetConfiguration',
  'Reset',
];

/**
 * A strict OCPP 1.6-J station (ocpp-rpc validates what we send it) that keeps every CALL it gets and
 * answers each action as told (Accepted by default).
 */
export class LimitTestStation {
  readonly received: ReceivedCall[] = [];
  readonly answers = new Map<string, Record<string, unknown>>();
  private transactionId?: number;
  private meterWh = 0;

  private constructor(readonly client: RPCClient) {
    for (const action of HANDLED) {
      client.handle(action, async ({ params }) => {
        this.received.push({ action, params: params as Record<string, unknown> });
        return this.answers.get(action) ?? (action === 'GetConfiguration' ? {} : { status: 'Accepted' });
      });
    }
  }

  static async boot(wsUrl: string, id: string, vendor: string, model = 'M-1'): Promise<LimitTestStation> {
    const station = new LimitTestStation(await connectStation(wsUrl, id));
    await station.client.call('BootNotification', { chargePointVendor: vendor, chargePointModel: model });
    return station;
  }

  calls(action: string): Record<string, unknown>[] {
    return this.received.filter((call) => call.action === action).map((call) => call.params);
  }

  async startTransaction(connectorId: number, idTag: string, at: Date): Promise<number> {
    const answer = (await this.client.call('StartTransaction', {
      connectorId,
      idTag,
      meterStart: 0,
      timestamp: at.toISOString(),
    })) as { transactionId: number };
    this.transactionId = answer.transactionId;
    return answer.transactionId;
  }

  /** One more energy reading (+100 Wh) of the running session. */
  async meterValue(connectorId: number, at: Date): Promise<void> {
    this.meterWh += 100;
    await this.client.call('MeterValues', {
      connectorId,
      transactionId: this.transactionId,
      meterValue: [
        {
          timestamp: at.toISOString(),
          sampledValue: [
            { value: String(this.meterWh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
          ],
        },
      ],
    });
  }

  close(): Promise<unknown> {
    return this.client.close({ force: true });
  }
}
