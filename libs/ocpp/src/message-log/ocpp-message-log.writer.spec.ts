import { DEFAULT_TENANT_ID, TenantId } from '@csms/common';
import { OcppMessageDirection } from './models/ocpp-message.model';
import { RUN_MAX_CALLS, RUN_WINDOW_MAX_MS, RUN_WINDOW_MIN_MS } from './message-runs';
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

  describe('runs of meter values', () => {
    const meterValues = (n: number, stationId = 'CS-1', answer: Partial<OcppMessageRecord> = {}) => ({
      ...record(n),
      stationId,
      action: 'MeterValues',
      sizeBytes: 100,
      answerType: 'CALLRESULT',
      answerSizeBytes: 10,
      latencyMs: n,
      ...answer,
    });
    const rows = () =>
      batches
        .flat()
        .map((row) => `${row.stationId} ${row.action} ${row.count ?? 1} ${row.messageIds?.join(',') ?? '-'}`);

    it("folds a station's MeterValues answered CALLRESULT into one row, written once the run is old enough", async () => {
      const writer = new OcppMessageLogWriter(repository, noMetrics);
      for (let n = 1; n <= 3; n++) writer.record(meterValues(n));
      writer.record(meterValues(4, 'CS-2'));
      await jest.advanceTimersByTimeAsync(RUN_WINDOW_MIN_MS - LOG_FLUSH_INTERVAL_MS);
      expect(rows()).toEqual([]);
      await jest.advanceTimersByTimeAsync(RUN_WINDOW_MAX_MS - RUN_WINDOW_MIN_MS + LOG_FLUSH_INTERVAL_MS);
      expect(rows().sort()).toEqual(['CS-1 MeterValues 3 1,2,3', 'CS-2 MeterValues 1 -']);
      const run = batches.flat().find((row) => row.stationId === 'CS-1')!;
      expect(run).toEqual(expect.objectContaining({ sizeBytes: 300, answerSizeBytes: 30, latencyMs: 3 }));
      expect(run.lastAt).toBeInstanceOf(Date);
    });

    it('ends the runs of stations that started together in different flushes, not all in one write', async () => {
      const writer = new OcppMessageLogWriter(repository, noMetrics);
      for (let station = 0; station < 100; station++) writer.record(meterValues(1, `CS-${station}`));
      await jest.advanceTimersByTimeAsync(RUN_WINDOW_MAX_MS);
      // Windows drawn evenly over a second, written four times a second: about 25 runs per flush.
      const sizes = batches.map((batch) => batch.length);
      expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(100);
      expect(sizes.length).toBeGreaterThanOrEqual(4);
      expect(Math.max(...sizes)).toBeLessThan(50);
    });

    it("ends a run at the station's next other frame, so the log keeps its order, and when it is full", async () => {
      const writer = new OcppMessageLogWriter(repository, noMetrics);
      writer.record(meterValues(1));
      writer.record(meterValues(2));
      writer.record(meterValues(3, 'CS-1', { answerType: 'CALLERROR', errorCode: 'FormationViolation' }));
      writer.record(meterValues(4, 'CS-1', { note: 'noted' }));
      writer.record(meterValues(5));
      writer.record(record(6));
      for (let n = 100; n < 100 + RUN_MAX_CALLS; n++) writer.record(meterValues(n));
      await writer.flush({ runsRipeBy: 0 });
      expect(rows().map((row) => row.split(' ').slice(0, 3).join(' '))).toEqual([
        'CS-1 MeterValues 2',
        'CS-1 MeterValues 1',
        'CS-1 MeterValues 1',
        'CS-1 MeterValues 1',
        'CS-1 Heartbeat 1',
        `CS-1 MeterValues ${RUN_MAX_CALLS}`,
      ]);
    });

    it('writes a run open when a full batch was flushed, though no frame comes after', async () => {
      const writer = new OcppMessageLogWriter(repository, noMetrics);
      writer.record(meterValues(1, 'CS-2'));
      for (let n = 0; n < LOG_BATCH_SIZE; n++) writer.record(record(n));
      await Promise.resolve();
      expect(batches.map((batch) => batch.length)).toEqual([LOG_BATCH_SIZE]);
      await jest.advanceTimersByTimeAsync(RUN_WINDOW_MAX_MS + LOG_FLUSH_INTERVAL_MS);
      expect(rows().slice(LOG_BATCH_SIZE)).toEqual(['CS-2 MeterValues 1 -']);
    });

    it("keeps one run per tenant's station: the same station id in two tenants folds apart", async () => {
      const writer = new OcppMessageLogWriter(repository, noMetrics);
      writer.record(meterValues(1));
      writer.record({ ...meterValues(2), tenantId: 'other-tenant' as TenantId });
      writer.record(meterValues(3));
      await writer.flush();
      expect(
        batches.flat().map((row) => `${row.tenantId} ${row.messageIds?.join(',') ?? row.messageId}`),
      ).toEqual([`${DEFAULT_TENANT_ID} 1,3`, 'other-tenant 2']);
    });

    it('writes open runs on shutdown', async () => {
      const writer = new OcppMessageLogWriter(repository, noMetrics);
      writer.record(meterValues(1));
      writer.record(meterValues(2));
      await writer.beforeApplicationShutdown();
      expect(rows()).toEqual(['CS-1 MeterValues 2 1,2']);
    });
  });
});
