import { asTenantId } from '@csms/common';
import {
  IdTagInfo,
  MeterValue,
  SessionCost,
  StartTransactionRequest,
  StopTransactionRequest,
  TransactionInbound,
} from '@csms/transactions/ports/transaction-inbound.port';
import { TransactionEventRequest } from './types/generated';
import { V201TransactionEvents } from './v201-transaction-events';
import { V201TransactionTracker } from './v201-transaction.tracker';

const TENANT = asTenantId('default');
const STATION = 'CS-1';

type Recorded =
  | ['authorize', string]
  | ['start', StartTransactionRequest]
  | ['meterValues', number, string | undefined, MeterValue[]]
  | ['stop', StopTransactionRequest]
  | ['assignConnector', string, number];

/** The TransactionInbound port as a recording fake: every tag is Accepted except `BAD`. */
class FakeTransactions extends TransactionInbound {
  readonly calls: Recorded[] = [];

  private info(idTag: string): IdTagInfo {
    return { status: idTag === 'BAD' ? 'Invalid' : 'Accepted' };
  }

  authorize(_tenantId: unknown, _stationId: string, idTag: string): Promise<IdTagInfo> {
    this.calls.push(['authorize', idTag]);
    return Promise.resolve(this.info(idTag));
  }

  start(_tenantId: unknown, _stationId: string, request: StartTransactionRequest) {
    this.calls.push(['start', request]);
    return Promise.resolve({
      ocppTransactionId: request.stationTransactionId!,
      idTagInfo: this.info(request.idTag),
    });
  }

  meterValues(_t: unknown, _s: string, connectorId: number, id: string | undefined, values: MeterValue[]) {
    this.calls.push(['meterValues', connectorId, id, values]);
    return Promise.resolve();
  }

  stop(_tenantId: unknown, _stationId: string, request: StopTransactionRequest) {
    this.calls.push(['stop', request]);
    return Promise.resolve(this.finalCost ? { cost: this.finalCost } : {});
  }

  assignConnector(_tenantId: unknown, _stationId: string, ocppTransactionId: string, connectorId: number) {
    this.calls.push(['assignConnector', ocppTransactionId, connectorId]);
    return Promise.resolve();
  }

  withinChargingLimit(): boolean {
    return true;
  }

  /** What the domain says a session finally cost (set by a test). */
  finalCost?: SessionCost;

  closeOpenTransactions(): Promise<void> {
    return Promise.resolve();
  }

  /** What the domain says a running session has cost so far (set by a test). */
  cost?: SessionCost;

  runningCost(): SessionCost | undefined {
    return this.cost;
  }
}

const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

function register(seconds: number, value: number, unit = 'Wh', multiplier?: number) {
  return {
    timestamp: at(seconds),
    sampledValue: [
      {
        value,
        measurand: 'Energy.Active.Import.Register' as const,
        unitOfMeasure: { unit, ...(multiplier === undefined ? {} : { multiplier }) },
      },
    ],
  } as NonNullable<TransactionEventRequest['meterValue']>[number];
}

function event(
  seqNo: number,
  eventType: TransactionEventRequest['eventType'],
  extra: Partial<TransactionEventRequest> = {},
): TransactionEventRequest {
  return {
    eventType,
    seqNo,
    timestamp: at(seqNo * 10),
    triggerReason: 'MeterValuePeriodic',
    transactionInfo: { transactionId: 'tx-1' },
    ...extra,
  };
}

describe('V201TransactionEvents', () => {
  let port: FakeTransactions;
  let events: V201TransactionEvents;
  const handle = (request: TransactionEventRequest) => events.handle(TENANT, STATION, request);

  beforeEach(() => {
    port = new FakeTransactions();
    events = new V201TransactionEvents(port, new V201TransactionTracker());
  });

  it('starts on Started with its idToken, EVSE, timestamp and register, and answers idTokenInfo', async () => {
    const answer = await handle(
      event(0, 'Started', {
        triggerReason: 'Authorized',
        evse: { id: 2, connectorId: 1 },
        idToken: { idToken: 'TAG', type: 'ISO14443' },
        reservationId: 9,
        meterValue: [register(0, 1.5, 'kWh')],
      }),
    );
    expect(answer).toEqual({ idTokenInfo: { status: 'Accepted' } });
    expect(port.calls[0]).toEqual([
      'start',
      {
        connectorId: 2,
        idTag: 'TAG',
        meterStartWh: 1500,
        timestamp: new Date(at(0)),
        reservationId: 9,
        stationTransactionId: 'tx-1',
      },
    ]);
    expect(port.calls[1][0]).toBe('meterValues');
  });

  it('answers totalCost: the running cost on Updated, the final cost on Ended, nothing for unpriced sessions', async () => {
    const started = await handle(
      event(0, 'Started', { evse: { id: 1 }, idToken: { idToken: 'TAG', type: 'ISO14443' } }),
    );
    expect(started).not.toHaveProperty('totalCost');
    expect(await handle(event(1, 'Updated', { meterValue: [register(10, 100)] }))).toEqual({});
    port.cost = { totalCost: 1.25, currency: 'EUR' };
    expect(await handle(event(2, 'Updated', { meterValue: [register(20, 200)] }))).toEqual({
      totalCost: 1.25,
    });
    port.finalCost = { totalCost: 2.5, currency: 'EUR' };
    const ended = await handle(
      event(3, 'Ended', {
        meterValue: [register(30, 300)],
        transactionInfo: { transactionId: 'tx-1', stoppedReason: 'Local' },
      }),
    );
    expect(ended).toEqual({ totalCost: 2.5 });
  });

  it('answers a repeated seqNo as before without a second domain call', async () => {
    const started = event(0, 'Started', { evse: { id: 1 }, idToken: { idToken: 'BAD', type: 'ISO14443' } });
    const first = await handle(started);
    const again = await handle(started);
    expect(again).toEqual(first);
    expect(first).toEqual({ idTokenInfo: { status: 'Invalid' } });
    expect(port.calls.filter(([kind]) => kind === 'start')).toHaveLength(1);
  });

  it('tolerates gaps in seqNo and passes Updated meter values on', async () => {
    await handle(event(0, 'Started', { evse: { id: 1 }, idToken: { idToken: 'TAG', type: 'ISO14443' } }));
    await handle(event(5, 'Updated', { meterValue: [register(50, 2000)] }));
    expect(port.calls.at(-1)).toEqual([
      'meterValues',
      1,
      'tx-1',
      [
        {
          timestamp: new Date(at(50)),
          sampledValues: [expect.objectContaining({ value: '2000', unit: 'Wh' })],
        },
      ],
    ]);
  });

  it('holds a cable-first session until its idToken, then starts it at the first event with its values', async () => {
    expect(
      await handle(
        event(0, 'Started', {
          triggerReason: 'CablePluggedIn',
          evse: { id: 3 },
          meterValue: [register(0, 700)],
        }),
      ),
    ).toEqual({});
    expect(port.calls).toEqual([]);
    await handle(
      event(1, 'Updated', { triggerReason: 'Authorized', idToken: { idToken: 'TAG', type: 'ISO14443' } }),
    );
    expect(port.calls[0]).toEqual([
      'start',
      expect.objectContaining({
        connectorId: 3,
        idTag: 'TAG',
        meterStartWh: 700,
        timestamp: new Date(at(0)),
      }),
    ]);
    expect(port.calls[1]).toEqual([
      'meterValues',
      3,
      'tx-1',
      [expect.objectContaining({ timestamp: new Date(at(0)) })],
    ]);
  });

  it('ends with the stoppedReason, the last register as meter stop and the Ended values as transactionData', async () => {
    await handle(event(0, 'Started', { evse: { id: 1 }, idToken: { idToken: 'TAG', type: 'ISO14443' } }));
    await handle(event(1, 'Updated', { meterValue: [register(10, 1200)] }));
    await handle(
      event(2, 'Ended', {
        transactionInfo: { transactionId: 'tx-1', stoppedReason: 'EVDisconnected' },
        meterValue: [register(20, 1.9, 'kWh', 3)],
      }),
    );
    const [kind, stop] = port.calls.at(-1)!;
    expect(kind).toBe('stop');
    expect(stop).toMatchObject({
      ocppTransactionId: 'tx-1',
      meterStopWh: 1_900_000,
      timestamp: new Date(at(20)),
      reason: 'EVDisconnected',
      transactionData: [expect.objectContaining({ timestamp: new Date(at(20)) })],
    });
  });

  it('ends with the last known register and reason Local when Ended carries neither', async () => {
    await handle(event(0, 'Started', { evse: { id: 1 }, idToken: { idToken: 'TAG', type: 'ISO14443' } }));
    await handle(event(1, 'Updated', { meterValue: [register(10, 4321)] }));
    await handle(event(2, 'Ended'));
    expect(port.calls.at(-1)).toEqual([
      'stop',
      expect.objectContaining({ meterStopWh: 4321, reason: 'Local', transactionData: undefined }),
    ]);
  });

  it('starts an unauthorized session at its end so its energy is kept', async () => {
    await handle(event(0, 'Started', { evse: { id: 1 }, meterValue: [register(0, 100)] }));
    await handle(event(1, 'Ended', { meterValue: [register(10, 600)] }));
    expect(port.calls.map(([kind]) => kind)).toEqual(['start', 'meterValues', 'stop']);
    expect(port.calls[0][1]).toMatchObject({ idTag: '', meterStartWh: 100 });
    expect(port.calls[2][1]).toMatchObject({ meterStopWh: 600 });
  });

  it('accepts NoAuthorization tokens without asking the tag list', async () => {
    const answer = await handle(
      event(0, 'Started', { evse: { id: 1 }, idToken: { idToken: '', type: 'NoAuthorization' } }),
    );
    expect(answer).toEqual({ idTokenInfo: { status: 'Accepted' } });
    expect(port.calls.filter(([kind]) => kind === 'authorize')).toEqual([]);
  });

  it('authorizes a later idToken of a running transaction and still records its values', async () => {
    await handle(event(0, 'Started', { evse: { id: 1 }, idToken: { idToken: 'TAG', type: 'ISO14443' } }));
    const answer = await handle(
      event(1, 'Updated', { idToken: { idToken: 'BAD', type: 'ISO14443' }, meterValue: [register(10, 50)] }),
    );
    expect(answer).toEqual({ idTokenInfo: { status: 'Invalid' } });
    expect(port.calls.slice(-2).map(([kind]) => kind)).toEqual(['authorize', 'meterValues']);
  });

  it('gives a transaction authorized before its EVSE was known the EVSE of a later event, once', async () => {
    await handle(
      event(0, 'Started', { triggerReason: 'Authorized', idToken: { idToken: 'TAG', type: 'ISO14443' } }),
    );
    expect(port.calls[0]).toEqual(['start', expect.objectContaining({ connectorId: 0 })]);
    await handle(event(1, 'Updated', { triggerReason: 'CablePluggedIn', evse: { id: 2, connectorId: 1 } }));
    await handle(event(2, 'Updated', { evse: { id: 2, connectorId: 1 }, meterValue: [register(20, 80)] }));
    expect(port.calls.filter(([kind]) => kind === 'assignConnector')).toEqual([
      ['assignConnector', 'tx-1', 2],
    ]);
    expect(port.calls.at(-1)).toEqual(['meterValues', 2, 'tx-1', expect.any(Array)]);
  });

  it('after a restart (nothing in memory) passes an Updated straight to the domain', async () => {
    await handle(event(7, 'Updated', { evse: { id: 4 }, meterValue: [register(70, 900)] }));
    expect(port.calls).toEqual([
      ['meterValues', 4, 'tx-1', [expect.objectContaining({ timestamp: new Date(at(70)) })]],
    ]);
  });
});
