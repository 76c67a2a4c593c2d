import { DEFAULT_TENANT_ID } from '@csms/common';
import { OcppMessageDirection } from './models/ocpp-message.model';
import { LOG_BATCH_SIZE, LOG_FLUSH_INTERVAL_MS, OcppMessageLogWriter } from './ocpp-message-log.writer';
import { OcppMessageRecord, OcppMessageRepository } from './ocpp-message.repository';
import { OcppTrafficMetrics } from './ocpp-traffic.metrics';

const noMetrics = { record: () => undefined } as unknown as OcppTrafficMetrics;

const record = (n: number): OcppMessageRecord => ({
  tenantId: DEFAULT_TENANT_ID,
  stationId: 'CS-1',
  direction: OcppMessageDirection.IN,
  messageType: 'CALL',
  action: 'Heartbeat',
  messageId: String(n),
  sizeBytes: 20,
  at: new Date(),
});

describe('OcppMessageLogWriter', () => {
  let batches: OcppMessageRecord[][];
  let repository: OcppMessageRepository;

  beforeEach(() => {
    jest.useFakeTimers();
    batches = [];
    repository = {
      insertBatch: jest.fn((batch: OcppMessageRecord[]) => {
        batches.push(batch);
        return Promise.resolve();
      }),
    } as unknown as OcppMessageRepository;
  });

  afterEach(() => jest.useRealTimers());

  it('writes frames in one batch per flush interval, not one insert per frame', async () => {
    const writer = new OcppMessageLogWriter(repository, noMetrics);
    for (let n = 0; n < 10; n++) writer.record(record(n));
    expect(batches).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(LOG_FLUSH_INTERVAL_MS);
    expect(batches.map((batch) => batch.length)).toEqual([10]);
  });

  it('flushes at once when a batch is full', async () => {
    const writer = new OcppMessageLogWriter(repository, noMetrics);
    for (let n = 0; n < LOG_BATCH_SIZE; n++) writer.record(record(n));
    await Promise.resolve();
    expect(batches.map((batch) => batch.length)).toEqual([LOG_BATCH_SIZE]);
  });

  it('drops a batch the database refuses and goes on with the next', async () => {
    const writer = new OcppMessageLogWriter(repository, noMetrics);
    jest.mocked(repository.insertBatch).mockRejectedValueOnce(new Error('down'));
    writer.record(record(1));
    await writer.flush();
    writer.record(record(2));
    await writer.flush();
    expect(repository.insertBatch).toHaveBeenCalledTimes(2);
    expect(batches.map((batch) => batch.map((entry) => entry.messageId))).toEqual([['2']]);
  });

  it('writes what is left on shutdown', async () => {
    const writer = new OcppMessageLogWriter(repository, noMetrics);
    writer.record(record(1));
    await writer.beforeApplicationShutdown();
    expect(batches).toHaveLength(1);
  });
});
