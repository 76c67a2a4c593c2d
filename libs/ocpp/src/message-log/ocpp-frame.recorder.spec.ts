import { DEFAULT_TENANT_ID } from '@csms/common';
import { EventEmitter } from 'node:events';
import { RpcConnection } from '../transport/rpc-connection';
import { OcppMessageDirection } from './models/ocpp-message.model';
import { recordFrames } from './ocpp-frame.recorder';
import { OcppMessageRecord } from './ocpp-message.repository';

describe('recordFrames', () => {
  let connection: EventEmitter;
  let records: OcppMessageRecord[];
  const frame = (message: string, outbound: boolean) => connection.emit('message', { message, outbound });

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-28T10:00:00Z') });
    connection = new EventEmitter();
    records = [];
    recordFrames(connection as RpcConnection, DEFAULT_TENANT_ID, 'CS-1', (entry) => records.push(entry));
  });

  afterEach(() => jest.useRealTimers());

  it('records an inbound CALL and the answer with its action and latency', () => {
    frame('[2,"a1","Heartbeat",{}]', false);
    jest.advanceTimersByTime(12);
    frame('[3,"a1",{"currentTime":"2026-11-28T10:00:00Z"}]', true);
    expect(records).toEqual([
      expect.objectContaining({
        direction: OcppMessageDirection.IN,
        messageType: 'CALL',
        action: 'Heartbeat',
        messageId: 'a1',
        sizeBytes: 23,
        tenantId: DEFAULT_TENANT_ID,
        stationId: 'CS-1',
      }),
      expect.objectContaining({
        direction: OcppMessageDirection.OUT,
        messageType: 'CALLRESULT',
        action: 'Heartbeat',
        latencyMs: 12,
      }),
    ]);
  });

  it('matches answers to CALLs of the other direction only, and keeps CALLERROR codes', () => {
    frame('[2,"x","Reset",{"type":"Soft"}]', true);
    frame('[3,"x",{}]', true); // same direction: not an answer to our own CALL
    frame('[4,"x","NotSupported","",{}]', false);
    expect(records[1]).toEqual(expect.not.objectContaining({ action: 'Reset' }));
    expect(records[2]).toEqual(
      expect.objectContaining({
        messageType: 'CALLERROR',
        errorCode: 'NotSupported',
        action: 'Reset',
        latencyMs: 0,
      }),
    );
  });

  it('reads ids the header pattern cannot (escaped quotes) from the parsed frame', () => {
    frame('[2,"a\\"1","Heartbeat",{}]', false);
    frame('[4,"a\\"1","NotImplemented","",{}]', true);
    expect(records).toEqual([
      expect.objectContaining({ messageType: 'CALL', messageId: 'a"1', action: 'Heartbeat' }),
      expect.objectContaining({ messageType: 'CALLERROR', errorCode: 'NotImplemented', action: 'Heartbeat' }),
    ]);
  });

  it('records frames it cannot parse as INVALID', () => {
    frame('not json', false);
    frame('[9,"q"]', false);
    expect(records.map((record) => record.messageType)).toEqual(['INVALID', 'INVALID']);
  });
});
