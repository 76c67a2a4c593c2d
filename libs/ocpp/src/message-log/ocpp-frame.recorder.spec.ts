import { DEFAULT_TENANT_ID } from '@csms/common';
import { EventEmitter } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { RpcConnection } from '../transport/rpc-connection';
import { OcppMessageDirection } from './models/ocpp-message.model';
import { recordFrames } from './ocpp-frame.recorder';
import { OcppMessageRecord } from './ocpp-message.repository';

const UNANSWERED_AFTER_MS = 30_000;

describe('recordFrames', () => {
  let connection: EventEmitter;
  let records: OcppMessageRecord[];
  const frame = (message: string, outbound: boolean) => connection.emit('message', { message, outbound });

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-28T10:00:00Z') });
    connection = new EventEmitter();
    records = [];
    recordFrames(
      connection as RpcConnection,
      DEFAULT_TENANT_ID,
      'CS-1',
      (entry) => records.push(entry),
      UNANSWERED_AFTER_MS,
    );
  });

  afterEach(() => jest.useRealTimers());

  it('records an inbound CALL and its answer as one record, with the latency', () => {
    frame('[2,"a1","Heartbeat",{}]', false);
    expect(records).toEqual([]);
    jest.advanceTimersByTime(12);
    frame('[3,"a1",{"currentTime":"2026-11-28T10:00:00Z"}]', true);
    expect(records).toEqual([
      {
        tenantId: DEFAULT_TENANT_ID,
        stationId: 'CS-1',
        direction: OcppMessageDirection.IN,
        messageType: 'CALL',
        action: 'Heartbeat',
        messageId: 'a1',
        sizeBytes: 23,
        at: new Date('2026-11-28T10:00:00Z'),
        answerType: 'CALLRESULT',
        answerSizeBytes: 47,
        latencyMs: 12,
        errorCode: undefined,
      },
    ]);
  });

  it('matches answers to CALLs of the other direction only, and keeps CALLERROR codes', () => {
    frame('[2,"x","Reset",{"type":"Soft"}]', true);
    frame('[3,"x",{}]', true); // same direction: not an answer to our own CALL
    frame('[4,"x","NotSupported","",{}]', false);
    expect(records).toEqual([
      expect.objectContaining({
        direction: OcppMessageDirection.OUT,
        messageType: 'CALLRESULT',
        messageId: 'x',
      }),
      expect.objectContaining({
        direction: OcppMessageDirection.OUT,
        messageType: 'CALL',
        action: 'Reset',
        answerType: 'CALLERROR',
        errorCode: 'NotSupported',
        latencyMs: 0,
      }),
    ]);
    expect(records[0].action).toBeUndefined();
  });

  it('records an answer to no known CALL on its own', () => {
    frame('[3,"nobody-asked",{}]', false);
    expect(records).toEqual([
      expect.objectContaining({
        direction: OcppMessageDirection.IN,
        messageType: 'CALLRESULT',
        sizeBytes: 21,
      }),
    ]);
    expect(records[0].answerType).toBeUndefined();
  });

  it('records our CALL as unanswered once the station is past its time to answer', () => {
    frame('[2,"r1","RemoteStopTransaction",{"transactionId":1}]', true);
    jest.advanceTimersByTime(UNANSWERED_AFTER_MS - 1);
    expect(records).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(records).toEqual([
      expect.objectContaining({ messageType: 'CALL', action: 'RemoteStopTransaction', messageId: 'r1' }),
    ]);
    expect(records[0].answerType).toBeUndefined();
    // A late answer is kept too, on its own.
    frame('[3,"r1",{"status":"Accepted"}]', false);
    expect(records[1]).toEqual(expect.objectContaining({ messageType: 'CALLRESULT', messageId: 'r1' }));
  });

  it('records the CALLs still waiting when the connection closes, once', () => {
    frame('[2,"in1","Heartbeat",{}]', false);
    frame('[2,"out1","ClearCache",{}]', true);
    connection.emit('close');
    jest.advanceTimersByTime(UNANSWERED_AFTER_MS);
    expect(records.map((record) => [record.messageId, record.answerType])).toEqual([
      ['in1', undefined],
      ['out1', undefined],
    ]);
  });

  it('records the oldest waiting CALL as unanswered rather than hold more than 64', () => {
    for (let i = 0; i <= 64; i++) frame(`[2,"c${i}","Heartbeat",{}]`, false);
    expect(records.map((record) => record.messageId)).toEqual(['c0']);
  });

  it('ends the wait of a CALL whose id is sent again', () => {
    frame('[2,"dup","Heartbeat",{}]', false);
    frame('[2,"dup","Heartbeat",{}]', false);
    frame('[3,"dup",{}]', true);
    expect(records.map((record) => record.answerType)).toEqual([undefined, 'CALLRESULT']);
  });

  it('reads ids the header pattern cannot (escaped quotes) from the parsed frame', () => {
    frame('[2,"a\\"1","Heartbeat",{}]', false);
    frame('[4,"a\\"1","NotImplemented","",{}]', true);
    expect(records).toEqual([
      expect.objectContaining({
        messageType: 'CALL',
        messageId: 'a"1',
        action: 'Heartbeat',
        answerType: 'CALLERROR',
        errorCode: 'NotImplemented',
      }),
    ]);
  });

  it('records frames it cannot parse as INVALID', () => {
    frame('not json', false);
    frame('[9,"q"]', false);
    expect(records.map((record) => record.messageType)).toEqual(['INVALID', 'INVALID']);
  });

  it('keeps no frame alive through what it records (the header fields are copies, not views of the frame)', () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const payload = JSON.stringify({ connectorId: 1, meterValue: [{ padding: 'x'.repeat(50_000) }] });
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    // 1,000 frames of 50 kB: about 50 MB if the records held on to them.
    for (let index = 0; index < 1_000; index++) {
      const id = `meter-value-${String(index).padStart(8, '0')}`;
      frame(`[2,"${id}","MeterValues",${payload}]`, false);
      frame(`[3,"${id}",{}]`, true);
      frame(`[4,"err-${id}","InternalError","",{}]`, false);
    }
    collectGarbage();
    expect(records).toHaveLength(2_000);
    expect(records[0]).toMatchObject({ messageId: 'meter-value-00000000', action: 'MeterValues' });
    expect(records[1]).toMatchObject({ errorCode: 'InternalError' });
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(5_000_000);
  });
});
